// Trials in the export document and back: the protocol, its schedule and
// fingerprint, the end and the marks; an import re-derives the schedule
// from the seed and refuses a protocol that does not match its fingerprint.
#pragma once

#include "store/transfer.hpp"

#include <map>
#include <string>

namespace rls {

[[nodiscard]] nlohmann::ordered_json trials_export_json(SQLite::Database& db);
// doc["trials"], when present (older exports have none); inside the caller's
// transaction. A trial already present (same UUID) is left as it is.
void import_trials(SQLite::Database& db, const nlohmann::json& doc, ImportCounts& counts,
                   Instant now);

// The CSV's trial columns, after the measures': the trial's number, its
// protocol in one line and fingerprint, then the night's place in the
// schedule, the arm assigned and the arm done ("none" for a skip, "other"
// for a session that is no arm), the night's state and washout. Only nights
// that have begun by `tonight` are there: the rest of a schedule stays hidden.
inline constexpr const char* k_trials_csv_header =
    "trial,trial_protocol,trial_fingerprint,trial_night,trial_block,trial_assigned,trial_done,"
    "trial_state,trial_washout";
inline constexpr const char* k_trials_csv_empty = ",,,,,,,,";
// Night (YYYY-MM-DD) -> its trial cells, CSV-ready, for every begun trial night.
[[nodiscard]] std::map<std::string, std::string> trials_csv_cells(SQLite::Database& db,
                                                                  Date tonight);

} // namespace rls
