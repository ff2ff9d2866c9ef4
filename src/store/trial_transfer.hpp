// Trials in the export document and back: the protocol, its schedule and
// fingerprint, the end and the marks; an import re-derives the schedule
// from the seed and refuses a protocol that does not match its fingerprint.
#pragma once

#include "store/transfer.hpp"

namespace rls {

[[nodiscard]] nlohmann::ordered_json trials_export_json(SQLite::Database& db);
// doc["trials"], when present (older exports have none); inside the caller's
// transaction. A trial already present (same UUID) is left as it is.
void import_trials(SQLite::Database& db, const nlohmann::json& doc, ImportCounts& counts,
                   Instant now);

} // namespace rls
