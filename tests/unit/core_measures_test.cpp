// Rules of the tracked measures that need no database: IRLS bands at their
// borders, weeks, spreads, doses, onset clock minutes across DST.
#include "core/error.hpp"
#include "core/measures.hpp"
#include "core/zone.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

using namespace rls;
using rls::test::utc;
using namespace date::literals;

TEST_SUITE("core.measures") {
    TEST_CASE("IRLS bands at their borders") {
        CHECK(irls_band(0) == "none");
        CHECK(irls_band(1) == "mild");
        CHECK(irls_band(10) == "mild");
        CHECK(irls_band(11) == "moderate");
        CHECK(irls_band(20) == "moderate");
        CHECK(irls_band(21) == "severe");
        CHECK(irls_band(30) == "severe");
        CHECK(irls_band(31) == "very severe");
        CHECK(irls_band(40) == "very severe");
    }

    TEST_CASE("a week starts on Monday") {
        CHECK(week_of(2026_y / 11 / 23) == 2026_y / 11 / 23); // Monday
        CHECK(week_of(2026_y / 11 / 29) == 2026_y / 11 / 23); // Sunday
        CHECK(week_of(2026_y / 11 / 30) == 2026_y / 11 / 30);
        CHECK(week_of(2027_y / 1 / 1) == 2026_y / 12 / 28); // across the year
    }

    TEST_CASE("item scores as stored") {
        const std::array<int, k_irls_items> items{0, 1, 2, 3, 4, 4, 3, 2, 1, 0};
        CHECK(irls_items_text(items) == "0123443210");
        CHECK(parse_irls_items("0123443210") == items);
        CHECK_FALSE(parse_irls_items("012344321"));
        CHECK_FALSE(parse_irls_items("0123443215"));
    }

    TEST_CASE("spreads") {
        CHECK(parse_spread("arms,legs", "--spread") == Spread{true, true, false});
        CHECK(spread_text(parse_spread("trunk,legs", "--spread")) == "legs,trunk");
        CHECK_FALSE(parse_spread("legs", "--spread").beyond_legs());
        CHECK(parse_spread("trunk", "--spread").beyond_legs());
        for (const char* bad : {"", "legs,", ",legs", "legs,legs", "Legs", "feet", "legs arms"}) {
            CHECK_THROWS_AS((void)parse_spread(bad, "--spread"), Error);
        }
    }

    TEST_CASE("doses need a unit") {
        CHECK(parse_dose("0.25mg", "DOSE").amount == 0.25);
        CHECK(parse_dose("0.25 MG", "DOSE").unit == "mg");
        CHECK(parse_dose("2 tablets", "DOSE").unit == "tablet");
        CHECK(parse_dose("300mg", "DOSE").amount == 300);
        for (const char* bad : {"0.25", "mg", "", "-1mg", "1e3mg", "0mg", "0.25 kg", "1.2.3mg"}) {
            CHECK_THROWS_AS((void)parse_dose(bad, "DOSE"), Error);
        }
        CHECK(amount_text(0.125) == "0.125");
        CHECK(amount_text(300) == "300");
    }

    TEST_CASE("iron thresholds at their borders (AASM 2024)") {
        CHECK(ferritin_low(75));
        CHECK_FALSE(ferritin_low(76));
        CHECK(ferritin_low(74.9));
        CHECK(tsat_low(19));
        CHECK(tsat_low(19.9));
        CHECK_FALSE(tsat_low(20));
    }

    TEST_CASE("onset clock minutes count from the night's midnight, across DST") {
        const auto berlin = *Zone::find("Europe/Berlin");
        // 21:30 CEST before the change, 21:30 CET after it.
        CHECK(onset_minutes(2026_y / 10 / 24, utc("2026-10-24T19:30:00Z"), berlin) == 1290);
        CHECK(onset_minutes(2026_y / 10 / 25, utc("2026-10-25T20:30:00Z"), berlin) == 1290);
        // After midnight and in the afternoon.
        CHECK(onset_minutes(2026_y / 11 / 24, utc("2026-11-25T00:10:00Z"), berlin) == 1510);
        CHECK(onset_minutes(2026_y / 11 / 24, utc("2026-11-24T14:00:00Z"), berlin) == 900);
    }
}
