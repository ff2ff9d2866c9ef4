// Zones as the C library sees them (TZ forms, zone files, /etc/localtime
// copies) and POSIX TZ strings, cross-checked against the C library itself
// and against the date library's reading of the same tz database.
#include "core/error.hpp"
#include "core/posix_tz.hpp"
#include "core/time.hpp"
#include "test_support.hpp"

#include <cstdlib>
#include <ctime>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>

using namespace rls;
using rls::test::TempDir;
using rls::test::utc;
using namespace std::chrono;

namespace {

const std::filesystem::path k_zoneinfo = "/usr/share/zoneinfo";

// Puts TZ back as the test runner set it, so later tests see the same process.
class RestoreTz {
public:
    RestoreTz() {
        if (const char* tz = std::getenv("TZ")) {
            m_saved = tz;
        }
    }
    ~RestoreTz() {
        if (m_saved) {
            ::setenv("TZ", m_saved->c_str(), 1);
        } else {
            ::unsetenv("TZ");
        }
        ::tzset();
    }
    RestoreTz(const RestoreTz&) = delete;
    RestoreTz& operator=(const RestoreTz&) = delete;

private:
    std::optional<std::string> m_saved;
};

long c_library_offset(const char* tz, Instant t) {
    ::setenv("TZ", tz, 1);
    ::tzset();
    const auto tt = static_cast<std::time_t>(t.time_since_epoch().count());
    std::tm tm{};
    REQUIRE(localtime_r(&tt, &tm) != nullptr);
    return tm.tm_gmtoff;
}

void write_file(const std::filesystem::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary);
    out << bytes;
}

// Every hour of 2026, both zones agree.
void check_same_offsets(const Zone& a, const Zone& b) {
    for (auto t = utc("2026-01-01T00:00:00Z"); t < utc("2027-01-01T00:00:00Z"); t += hours{1}) {
        if (a.offset(t) != b.offset(t)) {
            FAIL_CHECK(format_instant_utc(t) << ": " << a.name() << " " << a.offset(t).count()
                                             << " != " << b.name() << " " << b.offset(t).count());
            return;
        }
    }
}

} // namespace

TEST_SUITE("core.zone") {
    TEST_CASE("the user's zone is found again without the tz database, only under its TZ") {
        RestoreTz restore;
        const auto winter = utc("2026-01-15T12:00:00Z");
        const auto summer = utc("2026-07-15T12:00:00Z");
        const auto berlin = user_zone("Europe/Berlin");
        // Stored entries name it: found with the user's own (C library) rules.
        const auto found = Zone::find("Europe/Berlin");
        REQUIRE(found);
        CHECK(found->offset(winter) == hours{1});
        CHECK(found->offset(summer) == hours{2});
        // Once TZ names another zone, the C library's rules are that zone's:
        // Berlin must then come from the tz database, not from the old rules.
        ::setenv("TZ", "America/New_York", 1);
        ::tzset();
        const auto again = Zone::find("Europe/Berlin");
        REQUIRE(again);
        CHECK(again->offset(winter) == hours{1});
        CHECK(again->offset(summer) == hours{2});
        CHECK(Zone::find("America/New_York")->offset(summer) == hours{-4});
        CHECK(berlin.name() == "Europe/Berlin");
    }

    TEST_CASE("POSIX TZ strings give the C library's offsets all year") {
        RestoreTz restore;
        for (const char* spec :
             {"CET-1CEST,M3.5.0,M10.5.0/3", "EST5EDT,M3.2.0,M11.1.0", "NZST-12NZDT,M9.5.0,M4.1.0/3",
              "<+0330>-3:30", "IST-5:30", "<-03>3<-02>,M3.5.0/-2,M10.5.0/-1", "XXX3YYY,J60,J300/25",
              "AAA-2BBB,0/0,365/25"}) {
            CAPTURE(spec);
            const auto rules = parse_posix_tz(spec);
            REQUIRE(rules != nullptr);
            for (auto t = utc("2026-01-01T00:00:00Z"); t < utc("2027-01-01T00:00:00Z");
                 t += minutes{30}) {
                if (rules->offset(t).count() != c_library_offset(spec, t)) {
                    FAIL_CHECK(format_instant_utc(t));
                    break;
                }
            }
        }
    }

    TEST_CASE("what is not a POSIX TZ string is refused") {
        for (const char* spec : {"", "Mars/Olympus", "CET", "CE1", "CET-1CEST,M3.5.0", "CET-25",
                                 "CET-1CEST,M13.1.0,M10.5.0", "CET-1CEST,M3.6.0,M10.5.0",
                                 "CET-1CEST,M3.5.7,M10.5.0", "CET-1 x", "<AB>1"}) {
            CAPTURE(spec);
            CHECK(parse_posix_tz(spec) == nullptr);
        }
    }

    TEST_CASE("stored POSIX zone names are found again") {
        const auto zone = Zone::find("CET-1CEST,M3.5.0,M10.5.0/3");
        REQUIRE(zone);
        CHECK(zone->name() == "CET-1CEST,M3.5.0,M10.5.0/3");
        check_same_offsets(*zone, Zone::named("Europe/Berlin"));
        CHECK_FALSE(Zone::find("Mars/Olympus"));
    }

    TEST_CASE("local times resolve across a POSIX zone's changes") {
        const auto zone = *Zone::find("CET-1CEST,M3.5.0,M10.5.0/3");
        const auto at = [&](const char* local) {
            return zone.to_utc(date::local_seconds{utc(local).time_since_epoch()});
        };
        // 2026-03-29 02:30 does not exist; 2026-10-25 02:30 happens twice.
        CHECK(at("2026-03-29T02:30:00Z").kind == LocalResolution::Kind::nonexistent);
        const auto twice = at("2026-10-25T02:30:00Z");
        CHECK(twice.kind == LocalResolution::Kind::ambiguous);
        CHECK(twice.earliest == utc("2026-10-25T00:30:00Z"));
        CHECK(twice.latest == utc("2026-10-25T01:30:00Z"));
        CHECK(at("2026-07-01T12:00:00Z").earliest == utc("2026-07-01T10:00:00Z"));
    }

    TEST_CASE("every form of TZ the C library reads works") {
        RestoreTz restore;
        const auto ny = Zone::named("America/New_York");
        CHECK(user_zone("America/New_York").name() == "America/New_York");
        check_same_offsets(user_zone("America/New_York"), ny);
        check_same_offsets(user_zone(":America/New_York"), ny);
        // A path into the zone database keeps the zone's name.
        CHECK(user_zone(":/usr/share/zoneinfo/America/New_York").name() == "America/New_York");
        // A copy elsewhere is named by the rule it carries.
        TempDir dir;
        std::filesystem::copy_file(k_zoneinfo / "America/New_York", dir.path() / "zonefile");
        const std::string tz = ":" + (dir.path() / "zonefile").string();
        const auto copy = user_zone(tz.c_str());
        CHECK(copy.name() == "EST5EDT,M3.2.0,M11.1.0");
        check_same_offsets(copy, ny);
        check_same_offsets(user_zone(tz.c_str() + 1), ny); // without the colon too
        // A POSIX string is its own name.
        const auto posix = user_zone("CET-1CEST,M3.5.0,M10.5.0/3");
        CHECK(posix.name() == "CET-1CEST,M3.5.0,M10.5.0/3");
        check_same_offsets(posix, Zone::named("Europe/Berlin"));
        // TZ set but empty, or ":" alone, is UTC to the C library.
        CHECK(user_zone("").name() == "UTC");
        CHECK(user_zone(":").offset(utc("2026-07-01T00:00:00Z")) == seconds{0});
        CHECK_THROWS_AS((void)user_zone("Mars/Olympus"), Error);
        CHECK_THROWS_AS((void)user_zone(":CET-1CEST,M3.5.0,M10.5.0/3"), Error);
    }

    TEST_CASE("a copied localtime is named only when /etc/timezone agrees") {
        RestoreTz restore;
        TempDir dir;
        const auto localtime = (dir.path() / "localtime").string();
        const auto timezone = (dir.path() / "timezone").string();
        std::filesystem::copy_file(k_zoneinfo / "Europe/Berlin", localtime);
        write_file(timezone, "America/New_York\n");
        const auto disagreeing = user_zone(nullptr, {localtime, timezone});
        CHECK(disagreeing.name() == "CET-1CEST,M3.5.0,M10.5.0/3");
        check_same_offsets(disagreeing, Zone::named("Europe/Berlin"));
        write_file(timezone, "Europe/Berlin\n");
        CHECK(user_zone(nullptr, {localtime, timezone}).name() == "Europe/Berlin");
        // A link into the database is named by its target.
        std::filesystem::remove(localtime);
        std::filesystem::create_symlink(k_zoneinfo / "Asia/Kolkata", localtime);
        CHECK(user_zone(nullptr, {localtime, timezone}).name() == "Asia/Kolkata");
        // No localtime at all: the C library's UTC.
        std::filesystem::remove(localtime);
        CHECK(user_zone(nullptr, {localtime, timezone}).name() == "UTC");
    }

    TEST_CASE("a damaged zone file is an error of its own, never UTC or an abort") {
        RestoreTz restore;
        TempDir dir;
        const auto bytes = test::read_bytes(k_zoneinfo / "Europe/Berlin");
        const auto check_damaged = [&](const std::string& content) {
            const auto path = dir.path() / "zonefile";
            write_file(path, content);
            const std::string tz = ":" + path.string();
            try {
                (void)user_zone(tz.c_str());
                FAIL("no error for a damaged zone file");
            } catch (const Error& e) {
                CHECK(e.code() == Exit::os_file);
                CHECK(std::string(e.what()).find(path.string()) != std::string::npos);
            }
            try {
                (void)user_zone(nullptr, {path.string(), "/nonexistent"});
                FAIL("no error for a damaged localtime");
            } catch (const Error& e) {
                CHECK(e.code() == Exit::os_file);
            }
        };
        check_damaged("");
        check_damaged("not a zone file at all");
        check_damaged(bytes.substr(0, bytes.size() / 2));
        check_damaged(bytes.substr(0, bytes.size() - 1)); // the footer's newline
        check_damaged("X" + bytes.substr(1));
    }
}
