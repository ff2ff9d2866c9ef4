// The HTML report's night chart and trial timeline on hand-built data: one
// group per night, trial arms shaded and lettered, change marks numbered,
// nothing drawn outside the window; the trial timeline in strips of blocks;
// the printed height estimated for the two-page fit.
#include "report/html_charts.hpp"
#include "report/html_fit.hpp"
#include "report/html_trial.hpp"
#include "test_support.hpp"

#include <cmath>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <string>

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
    TEST_CASE("the trial timeline: nights in a strip by block, arm letters, marks") {
        const std::vector<TrialCell> nights = {
            {2026_y / 11 / 1, 1, "A", 0, true, "followed", 6},
            {2026_y / 11 / 2, 1, "A", 0, false, "followed", 7},
            {2026_y / 11 / 3, 1, "B", 1, false, "deviated", 5},
            {2026_y / 11 / 4, 2, "B", 1, false, "forgotten", std::nullopt},
            {2026_y / 11 / 5, 2, "A", 0, false, "upcoming", std::nullopt}};
        const auto svg = trial_timeline(nights, "sleep");
        CHECK(rls::test::count_of(svg, "<g class=\"trial-night") == 5);
        // One row, the first night's date at its left; the block in each
        // night's title.
        CHECK(svg.find(">2026-11-01</text>") != std::string::npos);
        CHECK(svg.find(">2026-11-04</text>") == std::string::npos);
        CHECK(svg.find("2026-11-04, block 2: arm B, forgotten") != std::string::npos);
        CHECK(svg.find("2026-11-01, block 1: arm A (washout), followed, sleep 6") !=
              std::string::npos);
        CHECK(svg.find(">w</text>") != std::string::npos);
        CHECK(svg.find(">!</text>") != std::string::npos);
        CHECK(svg.find(">?</text>") != std::string::npos);
        CHECK(trial_timeline({}, "sleep").empty());
    }

    TEST_CASE("a long trial wraps after about four weeks, at a block's end") {
        // 20 blocks of 3 nights (a washout night, then two): 60 nights need
        // 3 rows of at most 28; whole blocks, about 20 nights to a row: 21 +
        // 21 + 18.
        std::vector<TrialCell> nights;
        const date::sys_days first{2026_y / 1 / 1};
        for (int i = 0; i < 60; ++i) {
            nights.push_back({Date{first + date::days{i}}, i / 3 + 1, i % 2 ? "B" : "A", i % 2,
                              i % 3 == 0, "followed", 5});
        }
        const auto svg = trial_timeline(nights, "sleep");
        CHECK(rls::test::count_of(svg, "<g class=\"trial-night") == 60);
        CHECK(svg.find(">2026-01-01</text>") != std::string::npos);
        CHECK(svg.find(">2026-01-22</text>") != std::string::npos); // night 22: block 8
        CHECK(svg.find(">2026-02-12</text>") != std::string::npos); // night 43: block 15
        CHECK(rls::test::count_of(svg, "class=\"row-label\"") == 3);
        CHECK(rls::test::count_of(svg, ">w</text>") == 20);
    }
}

namespace {

// n words "ab" in a paragraph: 3n - 1 characters.
std::string words(int n, std::string_view tag = "p") {
    std::string text;
    for (int i = 0; i < n; ++i) {
        text += i == 0 ? "ab" : " ab";
    }
    return fmt::format("<{0}>{1}</{0}>\n", tag, text);
}

} // namespace

TEST_SUITE("report.html.fit") {
    // The stylesheet prints text at 9 pt and notes, captions and the pairs'
    // text at 8 pt, both with a line height of 1.25.
    const double body_line = 9 * 1.25 / 72;
    const double small_line = 8 * 1.25 / 72;

    TEST_CASE("a paragraph gains a line where its words no longer fit, not before") {
        // 40 words take 119 characters, one line of the page's 120; the 41st
        // starts a second line; 80 words fill two lines, the 81st a third.
        const double one = printed_height_in(words(40));
        CHECK(printed_height_in(words(41)) - one == doctest::Approx(body_line));
        CHECK(printed_height_in(words(80)) - one == doctest::Approx(body_line));
        CHECK(printed_height_in(words(81)) - one == doctest::Approx(2 * body_line));
        // Captions are set smaller: 46 words (137 characters) fit their line.
        const double caption = printed_height_in(words(46, "figcaption"));
        CHECK(printed_height_in(words(47, "figcaption")) - caption == doctest::Approx(small_line));
    }

    TEST_CASE("tags and entities are not text; a word too long for the line has its own") {
        CHECK(printed_height_in("<p><strong>ab</strong>&#8211;</p>") ==
              doctest::Approx(printed_height_in("<p>abc</p>")));
        // 74 characters, then a 64-character fingerprint that cannot break.
        const std::string fingerprint(64, 'f');
        const std::string lead = words(25).substr(3, 74); // "ab ab ..." without <p>
        CHECK(printed_height_in("<p>" + lead + " " + fingerprint + "</p>") -
                  printed_height_in("<p>" + lead + "</p>") ==
              doctest::Approx(body_line));
    }

    TEST_CASE("charts by their viewBox; two sections side by side count as the taller") {
        const auto chart = [](int height) {
            return fmt::format("<figure><svg viewBox=\"0 0 720 {}\"></svg></figure>\n", height);
        };
        // 72 more units of a 720-wide chart: a tenth of the page's width,
        // 8.5 in less two 11 mm margins.
        const double width = 8.5 - 22 / 25.4;
        CHECK(printed_height_in(chart(272)) - printed_height_in(chart(200)) ==
              doctest::Approx(width / 10));
        const auto section = [&](int height) {
            return "<section id=\"s\"><h2>S</h2>" + chart(height) + "</section>\n";
        };
        const double tall = printed_height_in(section(400));
        const double short_one = printed_height_in(section(100));
        const double pair =
            printed_height_in("<div class=\"pair\">\n" + section(400) + section(100) + "</div>\n");
        CHECK(pair < tall);      // drawn half as wide
        CHECK(pair > short_one); // but the taller of the two
        CHECK(pair == doctest::Approx(
                          printed_height_in("<div class=\"pair\">\n" + section(400) + "</div>\n")));
    }

    TEST_CASE("the zoom: 1 while two pages hold the page, then smaller, never below 0.85") {
        CHECK(print_zoom(10.0) == 1.0);
        CHECK(print_zoom(19.0) == 1.0);
        double last = 1.0;
        for (double h = 20.0; h <= 30.0; h += 0.5) {
            const double z = print_zoom(h);
            CHECK(z <= last);
            CHECK(z >= 0.85);
            CHECK(z * 100 == doctest::Approx(std::round(z * 100))); // two decimals
            // Two Letter pages (10.21 in each inside the margins) less 0.8 in
            // for what the page breaks leave empty.
            CHECK((z == 0.85 || z * h <= 2 * (11 - 20 / 25.4) - 0.8));
            last = z;
        }
        CHECK(print_zoom(40.0) == 0.85);
    }
}
