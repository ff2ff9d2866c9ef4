// Parsers for everything a user types: numbers, ratings, times, dates,
// durations and the ID=N / ID:DROPS specs. Each takes the field name so that
// its error says which option was wrong, what was given and what is allowed.
#pragma once

#include "core/limits.hpp"
#include "core/time.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace rls {

// A whole number in [lo, hi]; digits only (no sign, exponent, hex or spaces).
[[nodiscard]] int parse_int(std::string_view text, std::string_view field, int lo, int hi);

// A decimal number such as 0.5 or 2 in [lo, hi]; no sign, exponent or hex.
[[nodiscard]] double parse_decimal(std::string_view text, std::string_view field, double lo,
                                   double hi);

[[nodiscard]] inline int parse_int(std::string_view text, std::string_view field, Range range) {
    return parse_int(text, field, range.lo, range.hi);
}

// A 0-10 rating.
[[nodiscard]] inline int parse_rating(std::string_view text, std::string_view field) {
    return parse_int(text, field, k_rating_range);
}

// A wall-clock time H:MM or HH:MM, as minutes since midnight.
[[nodiscard]] std::chrono::minutes parse_time_of_day(std::string_view text, std::string_view field);

// The night cut-off, HH:MM from 00:00 to 12:00: one check for `rls config`,
// the stored setting and import.
[[nodiscard]] std::chrono::minutes parse_cutoff(std::string_view text, std::string_view field);
// A time of day as HH:MM.
[[nodiscard]] std::string format_time_of_day(std::chrono::minutes t);

// When something happened: now, HH:MM or 10pm / 10:30pm (today, or yesterday
// if that is still to come), today/yesterday followed by either, "30m ago" /
// "1 hour ago" (up to two weeks), YYYY-MM-DD HH:MM[:SS] or ISO 8601
// YYYY-MM-DDTHH:MM[:SS][Z|+HH:MM]. Never in the future, never before 2000;
// "today 22:00" past midnight says to name yesterday's evening instead.
[[nodiscard]] Instant parse_when(std::string_view text, const TimeContext& ctx,
                                 std::string_view field);

// A night: YYYY-MM-DD, today or yesterday (local dates).
[[nodiscard]] Date parse_night(std::string_view text, const TimeContext& ctx,
                               std::string_view field);

// A duration in minutes: 25, 25m, 25min, 1h, 1h30m, 1:30. Between lo and hi minutes.
[[nodiscard]] int parse_duration_minutes(std::string_view text, std::string_view field, int lo,
                                         int hi);
// A session's duration, within k_duration_range.
[[nodiscard]] inline int parse_session_duration(std::string_view text, std::string_view field) {
    return parse_duration_minutes(text, field, k_duration_range.lo, k_duration_range.hi);
}

struct PointSpec {
    std::string point; // as typed; resolved against the catalog later
    int tenderness = 0;
};
// ID=TENDERNESS, tenderness 0-10.
[[nodiscard]] PointSpec parse_point_spec(std::string_view text, std::string_view field);

struct OilSpec {
    std::string oil;
    std::optional<int> drops; // none given: the oil's default
};
// ID or ID:DROPS, drops 1-20.
[[nodiscard]] OilSpec parse_oil_spec(std::string_view text, std::string_view field);

// Names for tags, routines, points and oils: lower-case letters, digits, '-',
// and for points one '.'; 1-40 characters. Returns the name lower-cased.
[[nodiscard]] std::string parse_name(std::string_view text, std::string_view field,
                                     bool allow_dot = false);

// Free text (notes, descriptions): at most max_bytes, valid UTF-8. The error
// never repeats the text, which may be private.
[[nodiscard]] std::string parse_text(std::string_view text, std::string_view field,
                                     std::size_t max_bytes);

// A display name, place or description (of a point, oil or routine) or a zone
// name: parse_text() without control characters, since these are shown in
// tables, headings and the guide's screen on every use. Notes may hold any
// text and are shown escaped instead.
[[nodiscard]] std::string parse_label(std::string_view text, std::string_view field,
                                      std::size_t max_bytes);

// For messages: the value as typed, shortened and with control characters escaped.
[[nodiscard]] std::string quote_value(std::string_view text);

} // namespace rls
