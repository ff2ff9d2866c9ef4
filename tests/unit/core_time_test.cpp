// Nights, cut-off, DST and zone handling. Expected values are worked out by
// hand from the zones' published rules (noted beside each case).
#include "core/error.hpp"
#include "core/time.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

using namespace rls;
using rls::test::utc;
using namespace std::chrono;
using namespace date::literals;

namespace {
Zone zone(const char* name) {
    return Zone::named(name);
}
constexpr minutes k_six{6 * 60};
} // namespace

TEST_SUITE("core.time") {
    TEST_CASE("a session before the cut-off belongs to the previous night") {
        const auto berlin = zone("Europe/Berlin"); // UTC+1 in November
        // 2026-11-24 23:59 local -> night 24
        CHECK(night_of(utc("2026-11-24T22:59:00Z"), berlin, k_six) == 2026_y / 11 / 24);
        // 2026-11-25 00:00 local (midnight) -> still night 24
        CHECK(night_of(utc("2026-11-24T23:00:00Z"), berlin, k_six) == 2026_y / 11 / 24);
        // 05:59 local -> night 24; 06:00 local -> night 25
        CHECK(night_of(utc("2026-11-25T04:59:00Z"), berlin, k_six) == 2026_y / 11 / 24);
        CHECK(night_of(utc("2026-11-25T05:00:00Z"), berlin, k_six) == 2026_y / 11 / 25);
    }

    TEST_CASE("the cut-off can be configured") {
        const auto berlin = zone("Europe/Berlin");
        // 04:30 local with a 04:00 cut-off is already the new day's night.
        CHECK(night_of(utc("2026-11-25T03:30:00Z"), berlin, minutes{4 * 60}) == 2026_y / 11 / 25);
        CHECK(night_of(utc("2026-11-25T03:30:00Z"), berlin, minutes{0}) == 2026_y / 11 / 25);
    }

    TEST_CASE("nights across New York's spring-forward change") {
        const auto ny = zone("America/New_York");
        // 2026-03-08: 02:00 EST jumps to 03:00 EDT. 01:30 EST = 06:30Z -> night of the 7th.
        CHECK(night_of(utc("2026-03-08T06:30:00Z"), ny, k_six) == 2026_y / 3 / 7);
        // 05:59 EDT = 09:59Z -> night of the 7th; 06:00 EDT = 10:00Z -> the 8th.
        CHECK(night_of(utc("2026-03-08T09:59:00Z"), ny, k_six) == 2026_y / 3 / 7);
        CHECK(night_of(utc("2026-03-08T10:00:00Z"), ny, k_six) == 2026_y / 3 / 8);
        // 02:30 does not exist that night.
        CHECK_THROWS_AS((void)resolve_local(2026_y / 3 / 8, hours{2} + minutes{30}, ny, "--at"),
                        Error);
        // 22:30 the evening before is EST (UTC-5) -> 03:30Z.
        CHECK(resolve_local(2026_y / 3 / 7, hours{22} + minutes{30}, ny, "--at") ==
              utc("2026-03-08T03:30:00Z"));
    }

    TEST_CASE("nights across New York's fall-back change") {
        const auto ny = zone("America/New_York");
        // 2026-11-01: 02:00 EDT falls back to 01:00 EST. 01:30 happens twice;
        // rls takes the first (EDT, UTC-4) -> 05:30Z.
        CHECK(resolve_local(2026_y / 11 / 1, hours{1} + minutes{30}, ny, "--at") ==
              utc("2026-11-01T05:30:00Z"));
        // Both 01:30s belong to the night of 31 October.
        CHECK(night_of(utc("2026-11-01T05:30:00Z"), ny, k_six) == 2026_y / 10 / 31);
        CHECK(night_of(utc("2026-11-01T06:30:00Z"), ny, k_six) == 2026_y / 10 / 31);
        // 05:59 EST = 10:59Z is still the 31st's night; 06:00 EST = 11:00Z is the 1st.
        CHECK(night_of(utc("2026-11-01T10:59:00Z"), ny, k_six) == 2026_y / 10 / 31);
        CHECK(night_of(utc("2026-11-01T11:00:00Z"), ny, k_six) == 2026_y / 11 / 1);
        CHECK(utc_offset_minutes(utc("2026-11-01T05:30:00Z"), ny) == -240);
        CHECK(utc_offset_minutes(utc("2026-11-01T06:30:00Z"), ny) == -300);
    }

    TEST_CASE("zones east of UTC put the UTC date behind the local night") {
        // Kolkata is UTC+5:30 all year: 2026-11-24T18:00Z is 23:30 local on the 24th,
        // 2026-11-24T20:00Z is 01:30 on the 25th -> still the 24th's night.
        const auto kolkata = zone("Asia/Kolkata");
        CHECK(night_of(utc("2026-11-24T18:00:00Z"), kolkata, k_six) == 2026_y / 11 / 24);
        CHECK(night_of(utc("2026-11-24T20:00:00Z"), kolkata, k_six) == 2026_y / 11 / 24);
        // Auckland is UTC+13 in November (NZDT): 2026-11-24T09:30Z is 22:30 on the 24th.
        const auto auckland = zone("Pacific/Auckland");
        CHECK(night_of(utc("2026-11-24T09:30:00Z"), auckland, k_six) == 2026_y / 11 / 24);
        CHECK(local_date(utc("2026-11-24T11:30:00Z"), auckland) == 2026_y / 11 / 25);
        CHECK(utc_offset_minutes(utc("2026-11-24T09:30:00Z"), auckland) == 13 * 60);
    }

    TEST_CASE("last night is the local date minus one") {
        const auto berlin = zone("Europe/Berlin");
        // 07:30 local on the 25th -> the 24th; 03:00 local on the 25th -> the 24th;
        // 23:00 local on the 25th -> the 24th.
        for (const char* now :
             {"2026-11-25T06:30:00Z", "2026-11-25T02:00:00Z", "2026-11-25T22:00:00Z"}) {
            CAPTURE(now);
            CHECK(last_night({utc(now), berlin, k_six}) == 2026_y / 11 / 24);
        }
    }

    TEST_CASE("TZ is honoured, with or without a leading colon") {
        CHECK(user_zone("Asia/Kolkata").name() == "Asia/Kolkata");
        CHECK(user_zone(":America/New_York").name() == "America/New_York");
        CHECK_THROWS_AS((void)user_zone("Mars/Olympus"), Error);
        CHECK_FALSE(user_zone(nullptr).name().empty());
    }

    TEST_CASE("stored forms round-trip and reject malformed text") {
        const auto t = utc("2026-11-24T21:30:05Z");
        CHECK(format_instant_utc(t) == "2026-11-24T21:30:05Z");
        CHECK_FALSE(parse_instant_utc("2026-11-24 21:30:05Z"));
        CHECK_FALSE(parse_instant_utc("2026-02-29T21:30:05Z"));
        CHECK_FALSE(parse_instant_utc("2026-11-24T24:00:00Z"));
        CHECK(parse_iso_date("2024-02-29") == 2024_y / 2 / 29);
        CHECK_FALSE(parse_iso_date("2025-02-29"));
        CHECK_FALSE(parse_iso_date("2025-2-28"));
    }
}
