// Export and import: the whole database as one JSON document (lossless, with
// UUIDs), a CSV for spreadsheets, and an idempotent, all-or-nothing import.
#pragma once

#include "core/model.hpp"
#include "core/time.hpp"

#include <SQLiteCpp/Database.h>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

namespace rls {

inline constexpr const char* k_export_format = "rls-export/1";

[[nodiscard]] nlohmann::ordered_json export_json(SQLite::Database& db, Instant now);
// The export without sessions and ratings (empty arrays): the frame a single
// session travels in, e.g. a guided session kept for recovery.
[[nodiscard]] nlohmann::ordered_json export_catalog_json(SQLite::Database& db, Instant now);
[[nodiscard]] nlohmann::ordered_json session_export_json(const Session& session);

// One row per session, and one per other night with a rating, a measure or
// a trial night begun by `tonight`; RFC 4180, cells that a spreadsheet would
// run as a formula are neutralised.
[[nodiscard]] std::string export_csv(SQLite::Database& db, Date tonight);

struct ImportCounts {
    int added = 0;     // new rows
    int unchanged = 0; // already present (same UUID)
    int kept = 0;      // a different row already holds the place (same code or night): kept
};

struct ImportSummary {
    ImportCounts points, oils, routines, tags, sessions, ratings, trials;
    // What is tracked beyond the massage (absent from files before schema 4).
    ImportCounts medicines, doses, irls, symptoms, labs, night_tags, no_massage;
};

// Applies `document` inside the caller's transaction. Identity is the UUID:
// importing the same document twice changes nothing. Throws Error(data)
// naming the first problem, e.g. "sessions[3].rounds must be ...". Every
// field is held to the limits the command line uses (core/limits.hpp);
// nothing may lie after `now` or before the earliest night.
ImportSummary import_json(SQLite::Database& db, const nlohmann::json& document, Instant now);

// The tracked measures' sections (store/transfer_measures.cpp): added to an
// export, and read from an import after the catalog's tags.
void export_measures(SQLite::Database& db, nlohmann::ordered_json& doc);
// The CSV's last columns, by night: onset (local HH:MM), spread, night tags,
// no_massage, doses ("pramipexole 0.25mg 21:00"), and the IRLS total and iron
// labs on the date they were taken or drawn.
inline constexpr const char* k_measures_csv_header =
    "onset,spread,night_tags,no_massage,doses,irls_total,ferritin,tsat";
inline constexpr const char* k_measures_csv_empty = ",,,,,,,";
// Night (YYYY-MM-DD) -> its cells, CSV-ready, for every night with any.
[[nodiscard]] std::map<std::string, std::string> measures_csv_cells(SQLite::Database& db);
void import_measures(SQLite::Database& db, const nlohmann::json& doc, Instant now,
                     ImportSummary& summary);

} // namespace rls
