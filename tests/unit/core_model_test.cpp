// Sleep-diary figures, checked against arithmetic done by hand.
#include "core/model.hpp"

#include <doctest/doctest.h>

using namespace rls;

TEST_SUITE("core.model") {
    TEST_CASE("TIB, TST and SE follow the Consensus Sleep Diary") {
        const auto at = [](const char* t) { return *parse_instant_utc(t); };
        SleepDiary d;
        d.into_bed = at("2026-11-24T22:00:00Z");
        d.try_sleep = at("2026-11-24T22:10:00Z");
        d.latency_min = 20;
        d.awakenings = 2;
        d.waso_min = 30;
        d.final_wake = at("2026-11-25T05:30:00Z");
        d.out_of_bed = at("2026-11-25T05:45:00Z");
        const auto f = derive_figures(d);
        // TIB = 22:00 -> 05:45 = 7h45m = 465 min
        CHECK(f.tib_min == 465);
        // TST = (22:10 -> 05:30 = 440) - 20 - 30 = 390
        CHECK(f.tst_min == 390);
        // SE = 390 / 465 = 83.870...%
        REQUIRE(f.efficiency_pct);
        CHECK(*f.efficiency_pct == doctest::Approx(83.8710).epsilon(1e-4));
    }

    TEST_CASE("figures are absent when their inputs are") {
        SleepDiary d;
        d.into_bed = *parse_instant_utc("2026-11-24T22:00:00Z");
        const auto f = derive_figures(d);
        CHECK_FALSE(f.tib_min);
        CHECK_FALSE(f.tst_min);
        CHECK_FALSE(f.efficiency_pct);
    }
}
