// Zones by the name rls stored: IANA names from the date library, POSIX TZ
// strings from core/posix_tz; used
// for zones named by tests and by stored entries. Local-to-UTC conversion
// works on offsets alone, so every kind of zone shares it.
#include "core/zone.hpp"

#include "core/error.hpp"
#include "core/posix_tz.hpp"

#include <cstdlib>
#include <date/tz.h>
#include <fmt/format.h>

namespace rls {

using namespace std::chrono;

namespace {

class FixedRules final : public Zone::Rules {
public:
    explicit FixedRules(seconds offset) : m_offset(offset) {}
    [[nodiscard]] seconds offset(Instant) const override { return m_offset; }

private:
    seconds m_offset;
};

class TzdbRules final : public Zone::Rules {
public:
    explicit TzdbRules(const date::time_zone* zone) : m_zone(zone) {}
    [[nodiscard]] seconds offset(Instant t) const override { return m_zone->get_info(t).offset; }

private:
    const date::time_zone* m_zone;
};

// The user's zone as user_zone() made it, and the TZ it was made under.
struct UsersZone {
    std::string name;
    std::optional<std::string> tz;
    std::shared_ptr<const Zone::Rules> rules;
};

UsersZone& users_zone() {
    static UsersZone zone;
    return zone;
}

std::optional<std::string> tz_env() {
    const char* tz = std::getenv("TZ");
    return tz != nullptr ? std::optional<std::string>(tz) : std::nullopt;
}

} // namespace

void Zone::remember_as_users() const {
    users_zone() = {m_name, tz_env(), m_rules};
}

std::shared_ptr<const Zone::Rules> Zone::fixed(seconds offset) {
    return std::make_shared<FixedRules>(offset);
}

Zone::Zone() : Zone("UTC", fixed(seconds{0})) {}

Zone::Zone(std::string name, std::shared_ptr<const Rules> rules)
    : m_name(std::move(name)), m_rules(std::move(rules)) {}

std::optional<Zone> Zone::find(std::string_view name) {
    if (name.empty()) {
        return std::nullopt;
    }
    if (const auto& users = users_zone();
        users.rules && name == users.name && tz_env() == users.tz) {
        return Zone(users.name, users.rules);
    }
    try {
        return Zone(std::string(name), std::make_shared<TzdbRules>(date::locate_zone(name)));
    } catch (const std::exception&) {
    }
    // A POSIX TZ string always has an offset after its abbreviation.
    if (name.find_first_of("0123456789") != std::string_view::npos) {
        if (auto rules = parse_posix_tz(name)) {
            return Zone(std::string(name), std::move(rules));
        }
    }
    return std::nullopt;
}

Zone Zone::named(std::string_view name, std::string_view what) {
    if (auto zone = find(name)) {
        return *std::move(zone);
    }
    throw usage_error(
        fmt::format("{} must name a time zone such as Europe/Berlin or UTC, got '{}'", what, name));
}

LocalResolution Zone::to_utc(date::local_seconds local) const {
    // Any change of offset near `local` shows in the offsets a day either side
    // (zones change at most once a day). A candidate instant is valid when
    // the zone's offset there is the one that produced it.
    const Instant as_utc{local.time_since_epoch()};
    const auto before = offset(as_utc - days{1});
    const auto after = offset(as_utc + days{1});
    const Instant first = as_utc - before;
    const Instant second = as_utc - after;
    const bool first_ok = offset(first) == before;
    const bool second_ok = offset(second) == after;
    if (first_ok && second_ok && first != second) {
        return {LocalResolution::Kind::ambiguous, std::min(first, second), std::max(first, second)};
    }
    if (first_ok || second_ok) {
        const Instant t = first_ok ? first : second;
        return {LocalResolution::Kind::unique, t, t};
    }
    return {LocalResolution::Kind::nonexistent, {}, {}};
}

} // namespace rls
