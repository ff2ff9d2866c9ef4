// Export and import: the whole database as one JSON document (lossless, with
// UUIDs), a CSV for spreadsheets, and an idempotent, all-or-nothing import.
#pragma once

#include "core/model.hpp"
#include "core/time.hpp"

#include <SQLiteCpp/Database.h>
#include <nlohmann/json.hpp>
#include <string>

namespace rls {

inline constexpr const char* k_export_format = "rls-export/1";

[[nodiscard]] nlohmann::ordered_json export_json(SQLite::Database& db, Instant now);
// The export without sessions and ratings (empty arrays): the frame a single
// session travels in, e.g. a guided session kept for recovery.
[[nodiscard]] nlohmann::ordered_json export_catalog_json(SQLite::Database& db, Instant now);
[[nodiscard]] nlohmann::ordered_json session_export_json(const Session& session);

// One row per session, and one per rated night without a session; RFC 4180,
// cells that a spreadsheet would run as a formula are neutralised.
[[nodiscard]] std::string export_csv(SQLite::Database& db);

struct ImportCounts {
    int added = 0;     // new rows
    int unchanged = 0; // already present (same UUID)
    int kept = 0;      // a different row already holds the place (same code or night): kept
};

struct ImportSummary {
    ImportCounts points, oils, routines, tags, sessions, ratings, trials;
};

// Applies `document` inside the caller's transaction. Identity is the UUID:
// importing the same document twice changes nothing. Throws Error(data)
// naming the first problem, e.g. "sessions[3].rounds must be ...". Every
// field is held to the limits the command line uses (core/limits.hpp);
// nothing may lie after `now` or before the earliest night.
ImportSummary import_json(SQLite::Database& db, const nlohmann::json& document, Instant now);

} // namespace rls
