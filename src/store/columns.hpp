// Reading stored values back for the repositories: a value outside its range
// or a malformed time was written past rls (the CHECK constraints can be
// switched off), so it is refused with Exit::data rather than rendered.
#pragma once

#include "core/limits.hpp"
#include "core/time.hpp"

#include <optional>

namespace SQLite {
class Column;
} // namespace SQLite

namespace rls::columns {

// `field` names the value in the message ("a tenderness").
[[nodiscard]] int stored_int(const SQLite::Column& c, Range range, const char* field);
[[nodiscard]] std::optional<int> optional_int(const SQLite::Column& c, Range range,
                                              const char* field);
[[nodiscard]] Instant stored_instant(const SQLite::Column& c);
[[nodiscard]] std::optional<Instant> optional_instant(const SQLite::Column& c);
[[nodiscard]] Date stored_date(const SQLite::Column& c);

} // namespace rls::columns
