// Time: the clock, the user's zone and the rules that map instants to nights.
// "Now" and the zone are inputs so every computation can be tested at a fixed
// instant in a fixed zone.
#pragma once

#include "core/limits.hpp"
#include "core/zone.hpp"

#include <chrono>
#include <date/date.h>
#include <optional>
#include <string>
#include <string_view>

namespace rls {

using Date = date::year_month_day;

class Clock {
public:
    virtual ~Clock() = default;
    [[nodiscard]] virtual Instant now() const = 0;
};

class SystemClock final : public Clock {
public:
    [[nodiscard]] Instant now() const override;
};

class FixedClock final : public Clock {
public:
    explicit FixedClock(Instant at) : m_at(at) {}
    [[nodiscard]] Instant now() const override { return m_at; }

private:
    Instant m_at;
};

// Where the system keeps its zone; tests substitute copies.
struct SystemZoneFiles {
    std::string localtime = "/etc/localtime";
    std::string timezone = "/etc/timezone"; // Debian's name for it
};

// The zone rls works in, as the C library sees it (core/user_zone.cpp): TZ
// when set (Area/City, :/path/to/zonefile or a POSIX TZ string), otherwise
// the system's. Throws Error(usage) when TZ names no zone, Error(os_file)
// when the zone file is damaged.
[[nodiscard]] Zone user_zone(const char* tz_env, const SystemZoneFiles& files = {});

// Everything time-dependent a command needs.
struct TimeContext {
    Instant now;
    Zone zone;
    std::chrono::minutes cutoff = k_default_cutoff; // see core/limits.hpp
};

// The night an instant belongs to: the local date, or the day before when the
// local time of day is before the cut-off.
[[nodiscard]] Date night_of(Instant t, const Zone& zone, std::chrono::minutes cutoff);

// The local calendar date of an instant.
[[nodiscard]] Date local_date(Instant t, const Zone& zone);

// The night a morning rating is for by default: the one that just ended,
// i.e. the local date minus one day.
[[nodiscard]] Date last_night(const TimeContext& ctx);

// The latest night that has ended at the cut-off, and so can be rated or
// reported: before the cut-off, the night in progress is not over yet.
[[nodiscard]] Date last_ended_night(const TimeContext& ctx);

// Local wall time on a date, as an instant. A time in a DST gap is an error
// naming `field`; an ambiguous time (clocks going back) takes the first one.
[[nodiscard]] Instant resolve_local(Date day, std::chrono::minutes time_of_day, const Zone& zone,
                                    std::string_view field);

// Minutes east of UTC in `zone` at `t`.
[[nodiscard]] int utc_offset_minutes(Instant t, const Zone& zone);

// Formatting and parsing of the stored forms.
[[nodiscard]] std::string format_instant_utc(Instant t); // 2026-11-24T22:30:00Z
[[nodiscard]] std::optional<Instant> parse_instant_utc(std::string_view text);
[[nodiscard]] std::string format_date(Date d); // 2026-11-24
[[nodiscard]] std::optional<Date> parse_iso_date(std::string_view text);
[[nodiscard]] std::string format_local(Instant t, const Zone& zone,
                                       std::string_view fmt = "%Y-%m-%d %H:%M");

} // namespace rls
