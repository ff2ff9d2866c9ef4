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

Model fourteen_nights(int count = 14) {
    Model m;
    for (int i = 0; i < count; ++i) {
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

    TEST_CASE("labels of changes on nearby nights go up a line, not over each other") {
        // 84 nights: a night is 656 / 84 = 7.8 units wide, a label about 13.
        NightOverlays o;
        o.marks = {{2026_y / 11 / 10, "M1"},
                   {2026_y / 11 / 11, "M2"},
                   {2026_y / 11 / 12, "M3"},
                   {2026_y / 12 / 20, "M4"}};
        const auto svg = night_chart(fourteen_nights(84), o);
        const auto y_of = [&](std::string_view label) {
            const auto end = svg.find(fmt::format(">{}</text>", label));
            const auto at = svg.rfind(" y=\"", end);
            return std::stod(svg.substr(at + 4, svg.find('"', at + 4) - at - 4));
        };
        CHECK(y_of("M2") == doctest::Approx(y_of("M1") - 9));
        // Two nights on, M1's label has ended: the first line again.
        CHECK(y_of("M3") == doctest::Approx(y_of("M1")));
        CHECK(y_of("M4") == doctest::Approx(y_of("M1"))); // far from the others: the first line
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

    TEST_CASE("a trial timeline of one night; blocks of different sizes; a block longer "
              "than a row") {
        const auto one =
            trial_timeline({{2026_y / 11 / 1, 1, "A", 0, false, "open", std::nullopt}}, "sleep");
        CHECK(rls::test::count_of(one, "<g class=\"trial-night") == 1);
        CHECK(rls::test::count_of(one, "class=\"row-label\"") == 1);
        // Four arms, each a week of washout and a night: blocks of 32 nights,
        // no row longer than 28.
        std::vector<TrialCell> nights;
        const date::sys_days first{2026_y / 1 / 1};
        for (int i = 0; i < 64; ++i) {
            nights.push_back({Date{first + date::days{i}}, i / 32 + 1,
                              std::string(1, static_cast<char>('A' + (i % 32) / 8)), (i % 32) / 8,
                              i % 8 != 7, "followed", 5});
        }
        const auto svg = trial_timeline(nights, "sleep");
        CHECK(rls::test::count_of(svg, "<g class=\"trial-night") == 64);
        // 64 nights: 3 rows of 22, 22 and 20, the blocks split where a row
        // is full: block 1's nights 23-32 and block 2's first 12 share row 2.
        CHECK(rls::test::count_of(svg, "class=\"row-label\"") == 3);
        CHECK(svg.find(">2026-01-01</text>") != std::string::npos);
        CHECK(svg.find(">2026-01-23</text>") != std::string::npos); // night 23, in block 1
        CHECK(svg.find(">2026-02-14</text>") != std::string::npos); // night 45, in block 2
        // Blocks of 2 and 6 nights.
        std::vector<TrialCell> mixed;
        for (int i = 0; i < 8; ++i) {
            mixed.push_back(
                {Date{first + date::days{i}}, i < 2 ? 1 : 2, "A", 0, false, "followed", 5});
        }
        CHECK(rls::test::count_of(trial_timeline(mixed, "sleep"), "<g class=\"trial-night") == 8);
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

// The printed height of `inner` in a section of its own, in inches.
double height(const std::string& inner) {
    double sum = 0;
    for (const auto& p : print_pieces("<section id=\"s\">\n" + inner + "</section>\n")) {
        sum += p.height_in;
    }
    return sum;
}

std::string chart(int height_units) {
    return fmt::format("<figure><svg viewBox=\"0 0 720 {}\"></svg></figure>\n", height_units);
}

// Sections of one chart each, `units` of the 720-unit width tall.
std::string charts(int count, int units) {
    std::string body;
    for (int i = 0; i < count; ++i) {
        body += "<section id=\"c\"><h2>C</h2>\n" + chart(units) + "</section>\n";
    }
    return body;
}

} // namespace

TEST_SUITE("report.html.fit") {
    // The stylesheet prints text at 9 pt and notes, captions and the pairs'
    // text at 8 pt, both with a line height of 1.25.
    const double body_line = 9 * 1.25 / 72;
    const double small_line = 8 * 1.25 / 72;
    // Letter less its margins (11 mm at the sides, 10 mm top and bottom).
    const double width = 8.5 - 22 / 25.4;
    const double page = 11 - 20 / 25.4;

    TEST_CASE("a paragraph gains a line where its words no longer fit, not before") {
        // 40 words take 119 characters, one line of the page's 120; the 41st
        // starts a second line; 80 words fill two lines, the 81st a third.
        const double one = height(words(40));
        CHECK(height(words(41)) - one == doctest::Approx(body_line));
        CHECK(height(words(80)) - one == doctest::Approx(body_line));
        CHECK(height(words(81)) - one == doctest::Approx(2 * body_line));
        // Captions are set smaller: 46 words (137 characters) fit their line.
        const double caption = height("<figure>" + words(46, "figcaption") + "</figure>");
        CHECK(height("<figure>" + words(47, "figcaption") + "</figure>") - caption ==
              doctest::Approx(small_line));
    }

    TEST_CASE("tags and entities are not text; a word too long for the line has its own") {
        CHECK(height("<p><strong>ab</strong>&#8211;</p>") == doctest::Approx(height("<p>abc</p>")));
        // 74 characters, then a 64-character fingerprint that cannot break.
        const std::string fingerprint(64, 'f');
        const std::string lead = words(25).substr(3, 74); // "ab ab ..." without <p>
        CHECK(height("<p>" + lead + " " + fingerprint + "</p>") - height("<p>" + lead + "</p>") ==
              doctest::Approx(body_line));
    }

    TEST_CASE("charts by their viewBox; two sections side by side count as the taller") {
        // 72 more units of a 720-wide chart: a tenth of the page's width.
        CHECK(height(chart(272)) - height(chart(200)) == doctest::Approx(width / 10));
        const auto section = [](int units) {
            return "<section id=\"s\"><h2>S</h2>" + chart(units) + "</section>\n";
        };
        const auto total = [](const std::string& body) {
            double sum = 0;
            for (const auto& p : print_pieces(body)) {
                sum += p.height_in;
            }
            return sum;
        };
        const double tall = total(section(400));
        const double short_one = total(section(100));
        const double pair =
            total("<div class=\"pair\">\n" + section(400) + section(100) + "</div>\n");
        CHECK(pair < tall);      // drawn half as wide
        CHECK(pair > short_one); // but the taller of the two
        CHECK(pair == doctest::Approx(total("<div class=\"pair\">\n" + section(400) + "</div>\n")));
        // A chart keeps its heading and stays whole; text may break.
        const auto pieces = print_pieces(section(400) + "<section id=\"t\"><h2>T</h2>" + words(10) +
                                         words(10) + "</section>\n");
        REQUIRE(pieces.size() == 3);
        CHECK(pieces[0].whole);
        CHECK_FALSE(pieces[1].whole);
        CHECK_FALSE(pieces[2].whole);
    }

    TEST_CASE("a chart that does not fit what is left of a page starts the next") {
        // Charts of about 0.6 of a page: one to a page, so three take three
        // pages although their height would fill two.
        const int units = static_cast<int>(0.6 * page / width * 720);
        CHECK(printed_pages(charts(3, units), 1.0, false) == 3);
        CHECK(printed_pages(charts(2, units), 1.0, false) == 2);
        // The same height as paragraphs flows onto two.
        const auto text = words(40 * static_cast<int>(3 * 0.6 * page / body_line));
        CHECK(height(text) < 2 * page);
        CHECK(printed_pages("<section id=\"t\">" + text + "</section>", 1.0, false) == 2);
    }

    TEST_CASE("an empty page; a chart taller than a page; the paper asked for") {
        CHECK(print_pieces("").empty());
        CHECK(printed_pages("", 1.0, false) == 1);
        CHECK(print_zoom("") == 1.0);
        // A chart 2.1 pages tall takes three by itself.
        CHECK(printed_pages(charts(1, static_cast<int>(2.1 * page / width * 720)), 1.0, false) ==
              3);
        // Charts 0.65 of the width tall: two to an A4 page (10.9 in), one to
        // a Letter page (10.2 in) at full size. A4 needs no zoom; Letter,
        // and a page for either paper, do.
        const auto body = charts(4, 468);
        CHECK(printed_pages(body, 1.0, true) == 2);
        CHECK(printed_pages(body, 1.0, false) == 4);
        CHECK(print_zoom(body, "A4") == 1.0);
        const double letter = print_zoom(body, "letter");
        CHECK(letter < 1.0);
        CHECK(letter >= 0.85);
        CHECK(print_zoom(body) == letter);
    }

    TEST_CASE("the zoom: the largest that fits two pages of Letter and A4, else full size") {
        // Five charts of about 0.31 of a page: two to a page at full size,
        // three pages; a little smaller, three to a page.
        const auto body = charts(5, static_cast<int>(0.31 * page / width * 720));
        CHECK(printed_pages(body, 1.0, false) == 3);
        const double z = print_zoom(body);
        CHECK(z < 1.0);
        CHECK(z >= 0.85);
        CHECK(z * 100 == doctest::Approx(std::round(z * 100))); // hundredths
        CHECK(printed_pages(body, z, false) <= 2);
        CHECK(printed_pages(body, z, true) <= 2);
        CHECK(
            (printed_pages(body, z + 0.01, false) > 2 || printed_pages(body, z + 0.01, true) > 2));
        // Fits at full size: 1. Cannot fit even at 85%: 1, not smaller text
        // on as many pages.
        CHECK(print_zoom(charts(4, static_cast<int>(0.31 * page / width * 720))) == 1.0);
        const auto long_page = charts(12, static_cast<int>(0.31 * page / width * 720));
        CHECK(printed_pages(long_page, 0.85, false) > 2);
        CHECK(print_zoom(long_page) == 1.0);
    }
}
