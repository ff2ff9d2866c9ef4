// Implementation of the time rules; zone arithmetic is Zone's (core/zone.hpp).
#include "core/time.hpp"

#include "core/error.hpp"

#include <charconv>
#include <fmt/format.h>
#include <sstream>

namespace rls {

using namespace std::chrono;

Instant SystemClock::now() const {
    return floor<seconds>(system_clock::now());
}

Date local_date(Instant t, const Zone& zone) {
    const auto local = zone.to_local(t);
    return Date{floor<date::days>(local)};
}

Date night_of(Instant t, const Zone& zone, minutes cutoff) {
    const auto local = zone.to_local(t);
    const auto day = floor<date::days>(local);
    const auto time_of_day = floor<minutes>(local - day);
    return Date{time_of_day < cutoff ? day - date::days{1} : day};
}

Date last_night(const TimeContext& ctx) {
    return Date{date::sys_days{local_date(ctx.now, ctx.zone)} - date::days{1}};
}

Date last_ended_night(const TimeContext& ctx) {
    return Date{date::sys_days{night_of(ctx.now, ctx.zone, ctx.cutoff)} - date::days{1}};
}

Instant resolve_local(Date day, minutes time_of_day, const Zone& zone, std::string_view field) {
    const date::local_seconds local{date::local_days{day} + time_of_day};
    const auto resolved = zone.to_utc(local);
    if (resolved.kind == LocalResolution::Kind::nonexistent) {
        throw usage_error(fmt::format("{} {} does not exist in {} (clocks jump forward then)",
                                      field, date::format("%Y-%m-%d %H:%M", local), zone.name()));
    }
    return resolved.earliest;
}

int utc_offset_minutes(Instant t, const Zone& zone) {
    return static_cast<int>(duration_cast<minutes>(zone.offset(t)).count());
}

std::string format_instant_utc(Instant t) {
    return date::format("%Y-%m-%dT%H:%M:%SZ", t);
}

namespace {

bool read_int(std::string_view text, std::size_t pos, std::size_t len, int& out) {
    if (pos + len > text.size()) {
        return false;
    }
    for (std::size_t i = pos; i < pos + len; ++i) {
        if (text[i] < '0' || text[i] > '9') {
            return false;
        }
    }
    const auto* first = text.data() + pos;
    return std::from_chars(first, first + len, out).ec == std::errc{};
}

} // namespace

std::optional<Date> parse_iso_date(std::string_view text) {
    int y = 0;
    int m = 0;
    int d = 0;
    if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !read_int(text, 0, 4, y) ||
        !read_int(text, 5, 2, m) || !read_int(text, 8, 2, d)) {
        return std::nullopt;
    }
    const Date date{date::year{y}, date::month{static_cast<unsigned>(m)},
                    date::day{static_cast<unsigned>(d)}};
    if (!date.ok()) {
        return std::nullopt;
    }
    return date;
}

std::optional<Instant> parse_instant_utc(std::string_view text) {
    // Strictly the stored form YYYY-MM-DDTHH:MM:SSZ.
    if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
        text[19] != 'Z') {
        return std::nullopt;
    }
    const auto day = parse_iso_date(text.substr(0, 10));
    int h = 0;
    int mi = 0;
    int s = 0;
    if (!day || !read_int(text, 11, 2, h) || !read_int(text, 14, 2, mi) ||
        !read_int(text, 17, 2, s) || h > 23 || mi > 59 || s > 59) {
        return std::nullopt;
    }
    return date::sys_days{*day} + hours{h} + minutes{mi} + seconds{s};
}

std::string format_date(Date d) {
    return date::format("%Y-%m-%d", d);
}

std::string format_local(Instant t, const Zone& zone, std::string_view fmt) {
    return date::format(std::string(fmt), zone.to_local(t));
}

} // namespace rls
