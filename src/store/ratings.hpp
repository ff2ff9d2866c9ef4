// Morning ratings, one per night.
#pragma once

#include "core/model.hpp"

#include <SQLiteCpp/Database.h>
#include <optional>
#include <vector>

namespace rls {

[[nodiscard]] std::optional<Rating> find_rating(SQLite::Database& db, Date night);
// Inserts, or replaces the night's rating keeping its UUID. Caller's transaction.
void save_rating(SQLite::Database& db, const RatingInput& input, Instant now,
                 const std::string& uuid = {});
// Removes the night's rating; false when it had none. Caller's transaction.
bool delete_rating(SQLite::Database& db, Date night);
// Inserts a rating exactly as recorded elsewhere (import), keeping its UUID and times.
void insert_rating_record(SQLite::Database& db, const Rating& rating);
[[nodiscard]] bool rating_uuid_exists(SQLite::Database& db, const std::string& uuid);
// Every rating, oldest night first (export).
[[nodiscard]] std::vector<Rating> all_ratings(SQLite::Database& db);
// Ratings for nights in [from, to], newest first.
[[nodiscard]] std::vector<Rating> ratings_between(SQLite::Database& db, Date from, Date to);
[[nodiscard]] std::int64_t count_ratings(SQLite::Database& db);
// Whether `night` has a rating (rls remind).
[[nodiscard]] bool has_rating_on(SQLite::Database& db, Date night);
// The diary's first night: the earliest night with a session or a rating.
[[nodiscard]] std::optional<Date> first_entry_night(SQLite::Database& db);

} // namespace rls
