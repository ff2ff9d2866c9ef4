// The catalog: reflexology points, oils, routines and tags.
#pragma once

#include "core/model.hpp"

#include <SQLiteCpp/Database.h>
#include <vector>

namespace rls {

[[nodiscard]] std::vector<Point> list_points(SQLite::Database& db);
[[nodiscard]] std::vector<Oil> list_oils(SQLite::Database& db);
// Routines offered for new sessions; with include_hidden, also those removed
// while past sessions still use them.
[[nodiscard]] std::vector<Routine> list_routines(SQLite::Database& db, bool include_hidden = false);
[[nodiscard]] std::vector<std::string> list_tags(SQLite::Database& db);
// The ids of list_points, in its order: all that matching a typed point needs.
[[nodiscard]] std::vector<std::string> point_codes(SQLite::Database& db);

[[nodiscard]] std::vector<std::string> codes_of(const std::vector<Point>& points);
[[nodiscard]] std::vector<std::string> codes_of(const std::vector<Oil>& oils);
[[nodiscard]] std::vector<std::string> codes_of(const std::vector<Routine>& routines);

// Adds run inside the caller's transaction; a duplicate code is Error(usage).
void add_point(SQLite::Database& db, const Point& point);
void add_oil(SQLite::Database& db, const Oil& oil);
void add_routine(SQLite::Database& db, const Routine& routine);
// Replaces a routine's points and description.
void update_routine(SQLite::Database& db, const Routine& routine);
// Removes a routine; one that past sessions use is hidden instead. Returns
// true when it was hidden rather than deleted.
bool remove_routine(SQLite::Database& db, const std::string& code);
// Offers a hidden (removed) routine for new sessions again.
void restore_routine(SQLite::Database& db, const std::string& code);

} // namespace rls
