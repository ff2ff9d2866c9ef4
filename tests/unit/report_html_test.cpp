// The HTML report's night chart and trial timeline on hand-built data: one
// group per night, trial arms shaded and lettered, change marks numbered,
// nothing drawn outside the window; a timeline row per block.
#include "report/html_charts.hpp"
#include "report/html_trial.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

using namespace rls;
using namespace rls::report;
using namespace date::literals;

namespace {

Model fourteen_nights() {
    Model m;
    for (int i = 0; i < 14; ++i) {
        const Date night{date::sys_days{2026_y / 11 / 1} + date::days{i}};
        m.nights.push_back({night, i == 5 ? std::nullopt : std::optional<double>(i % 10),
                            std::optional<double>(3), i % 2});
    }
    return m;
}

} // namespace

TEST_SUITE("report.html") {
    TEST_CASE("every night is drawn, unrated ones marked, with no overlays by default") {
        const auto svg = night_chart(fourteen_nights());
        CHECK(rls::test::count_of(svg, "<g class=\"night\"") == 14);
        CHECK(rls::test::count_of(svg, "class=\"sess\"") == 7 + 1); // and the legend's
        CHECK(svg.find("data-night=\"2026-11-06\" data-sleep=\"\" data-restless=\"3\"") !=
              std::string::npos);
        CHECK(rls::test::count_of(svg, "<g class=\"arm\"") == 0);
        CHECK(rls::test::count_of(svg, "<g class=\"change\"") == 0);
        CHECK(night_chart(Model{}).empty());
    }

    TEST_CASE("trial arms are shaded and lettered; changes are numbered marks") {
        NightOverlays o;
        o.spans = {{2026_y / 11 / 3, 2026_y / 11 / 4, "A", 0},
                   {2026_y / 11 / 5, 2026_y / 11 / 6, "B", 1},
                   {2026_y / 11 / 13, 2026_y / 11 / 20, "A", 0}, // runs past the window: cut
                   {2026_y / 12 / 1, 2026_y / 12 / 2, "B", 1}};  // outside: left out
        o.marks = {{2026_y / 11 / 8, "M1"}, {2026_y / 10 / 1, "M0"}};
        const auto svg = night_chart(fourteen_nights(), o);
        CHECK(rls::test::count_of(svg, "<g class=\"arm\"") == 3);
        CHECK(svg.find("data-arm=\"B\" data-first=\"2026-11-05\" data-last=\"2026-11-06\"") !=
              std::string::npos);
        CHECK(rls::test::count_of(svg, "class=\"arm1\"") == 1);
        CHECK(rls::test::count_of(svg, "<pattern") == 0); // printed as a large bitmap
        CHECK(rls::test::count_of(svg, "<g class=\"change\"") == 1);
        CHECK(svg.find(">M1</text>") != std::string::npos);
        CHECK(svg.find(">M0</text>") == std::string::npos);
    }
}

TEST_SUITE("report.html") {
    TEST_CASE("the trial timeline: a row per block, arm letters, marks for what happened") {
        const std::vector<TrialCell> nights = {
            {2026_y / 11 / 1, 1, "A", 0, true, "followed", 6},
            {2026_y / 11 / 2, 1, "A", 0, false, "followed", 7},
            {2026_y / 11 / 3, 1, "B", 1, false, "deviated", 5},
            {2026_y / 11 / 4, 2, "B", 1, false, "forgotten", std::nullopt},
            {2026_y / 11 / 5, 2, "A", 0, false, "upcoming", std::nullopt}};
        const auto svg = trial_timeline(nights, "sleep");
        CHECK(rls::test::count_of(svg, "<g class=\"trial-night") == 5);
        CHECK(svg.find(">block 1</text>") != std::string::npos);
        CHECK(svg.find(">block 2</text>") != std::string::npos);
        CHECK(svg.find("2026-11-01, block 1: arm A (washout), followed, sleep 6") !=
              std::string::npos);
        CHECK(svg.find(">w</text>") != std::string::npos);
        CHECK(svg.find(">!</text>") != std::string::npos);
        CHECK(svg.find(">?</text>") != std::string::npos);
        CHECK(trial_timeline({}, "sleep").empty());
    }
}
