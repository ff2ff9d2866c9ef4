// A time zone as rls uses it: a name to store beside each entry and the
// offset from UTC at any instant, with local-to-UTC conversion on top.
#pragma once

#include <chrono>
#include <date/date.h>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace rls {

using Instant = date::sys_seconds;

// A local wall time resolved to UTC. Clocks going forward leave a gap
// (`nonexistent`); clocks going back repeat an hour (`ambiguous`, where
// `earliest` and `latest` differ).
struct LocalResolution {
    enum class Kind { unique, nonexistent, ambiguous };
    Kind kind = Kind::unique;
    Instant earliest{};
    Instant latest{};
};

class Zone {
public:
    // Where the offsets come from; one per way of describing a zone.
    class Rules {
    public:
        virtual ~Rules() = default;
        [[nodiscard]] virtual std::chrono::seconds offset(Instant t) const = 0;
    };
    // Rules of a zone that is always `offset` ahead of UTC (UTC itself, or a
    // POSIX TZ string without daylight time).
    [[nodiscard]] static std::shared_ptr<const Rules> fixed(std::chrono::seconds offset);

    Zone(); // UTC
    Zone(std::string name, std::shared_ptr<const Rules> rules);

    // The zone rls stored under `name`: an IANA name (Europe/Berlin) or a
    // POSIX TZ string (CET-1CEST,M3.5.0,M10.5.0/3). Throws Error(usage)
    // naming `what` when this machine does not know it.
    [[nodiscard]] static Zone named(std::string_view name, std::string_view what = "zone");
    // The same, or nothing when this machine cannot interpret `name`.
    [[nodiscard]] static std::optional<Zone> find(std::string_view name);

    [[nodiscard]] const std::string& name() const { return m_name; }
    [[nodiscard]] std::chrono::seconds offset(Instant t) const { return m_rules->offset(t); }
    [[nodiscard]] date::local_seconds to_local(Instant t) const {
        return date::local_seconds{(t + offset(t)).time_since_epoch()};
    }
    [[nodiscard]] LocalResolution to_utc(date::local_seconds local) const;

    // Makes find(name()) answer with these rules while the environment's TZ
    // stays what it is now. user_zone() registers the user's own zone, which
    // most stored entries name: finding it must not load the date library's
    // whole time-zone database (2 M instructions and 700 stat calls).
    void remember_as_users() const;

private:
    std::string m_name;
    std::shared_ptr<const Rules> m_rules;
};

} // namespace rls
