// The severity and onset charts of the HTML report: one mark per entry,
// breaks at missing weeks, clock labels, shapes for spread, nothing drawn
// without data.
#include "report/html_measures.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

using namespace rls;
using namespace rls::report;
using namespace date::literals;

TEST_SUITE("report.html_measures") {
    TEST_CASE("clock times wrap at midnight") {
        CHECK(clock_text(1290) == "21:30");
        CHECK(clock_text(1500) == "01:00");
        CHECK(clock_text(1440) == "00:00");
        CHECK(clock_text(1080) == "18:00");
    }

    TEST_CASE("weekly severity: one point a week, a missed week breaks the line") {
        const auto row = [](Date week, int total) {
            IrlsRow r;
            r.week = week;
            r.total = total;
            return r;
        };
        const std::vector<IrlsRow> rows = {row(2026_y / 9 / 7, 18), row(2026_y / 9 / 14, 16),
                                           row(2026_y / 9 / 28, 11)};
        const auto svg = severity_chart(rows, 2026_y / 9 / 2, 2026_y / 11 / 24);
        CHECK(rls::test::count_of(svg, "<g class=\"irls\"") == 3);
        CHECK(svg.find("data-week=\"2026-09-14\" data-total=\"16\"") != std::string::npos);
        CHECK(svg.find("IRLS 11 (moderate)") != std::string::npos);
        // Sep 7 and 14 joined; Sep 21 missing; Sep 28 alone.
        const auto d = svg.find("<path class=\"line\" d=\"");
        REQUIRE(d != std::string::npos);
        const auto path = svg.substr(d, svg.find("\"/>", d) - d);
        CHECK(rls::test::count_of(path, "M") == 2);
        CHECK(rls::test::count_of(path, "L") == 1);
        CHECK(svg.find("<title>very severe (31-40)</title>very severe</text>") !=
              std::string::npos);
        CHECK(rls::test::count_of(svg, "class=\"ring\"") == 0);
        CHECK(severity_chart({}, 2026_y / 9 / 2, 2026_y / 11 / 24).empty());
    }

    TEST_CASE("weekly severity: a change of 5 or more is ringed and labelled with its sign") {
        const auto row = [](Date week, int total, std::optional<int> change) {
            IrlsRow r;
            r.week = week;
            r.total = total;
            r.change = change;
            r.relevant_change = change && (*change >= 5 || *change <= -5);
            return r;
        };
        // The first week starts before the window's first night: still drawn inside.
        const std::vector<IrlsRow> rows = {
            row(2026_y / 9 / 7, 18, std::nullopt), row(2026_y / 9 / 14, 23, 5),
            row(2026_y / 9 / 21, 19, -4), row(2026_y / 9 / 28, 12, -7)};
        const auto svg = severity_chart(rows, 2026_y / 9 / 9, 2026_y / 9 / 30);
        CHECK(rls::test::count_of(svg, "class=\"ring\"") == 2);
        CHECK(svg.find(">+5</text>") != std::string::npos);
        CHECK(svg.find(">-7</text>") != std::string::npos);
        CHECK(svg.find(">-4</text>") == std::string::npos);
        CHECK(svg.find("data-change=\"-7\" data-relevant=\"true\"") != std::string::npos);
        CHECK(svg.find("data-change=\"-4\" data-relevant=\"false\"") != std::string::npos);
        CHECK(svg.find("2 such, ringed") != std::string::npos);
        // Every point lies between the axis (x 44) and the band labels (x 292).
        for (auto at = svg.find("class=\"point\" cx=\""); at != std::string::npos;
             at = svg.find("class=\"point\" cx=\"", at + 1)) {
            const double cx = std::stod(svg.substr(at + 18));
            CHECK(cx > 44);
            CHECK(cx < 292);
        }
    }

    TEST_CASE("onset: circles for the legs, triangles beyond them") {
        const std::vector<NightOnset> onsets = {{2026_y / 11 / 1, 1290, false},
                                                {2026_y / 11 / 2, 1260, true},
                                                {2026_y / 11 / 4, 1500, false}};
        const auto svg = onset_chart(onsets, 2026_y / 11 / 1, 2026_y / 11 / 7);
        CHECK(rls::test::count_of(svg, "<g class=\"onset\"") == 3);
        CHECK(rls::test::count_of(svg, "class=\"spread\"") == 1);
        CHECK(svg.find("2026-11-04: onset 01:00") != std::string::npos);
        CHECK(svg.find(">21:00</text>") != std::string::npos);
        // Too few nights for a 7-night mean (4 needed).
        CHECK(svg.find("class=\"mean\"") == std::string::npos);
        CHECK(onset_chart({}, 2026_y / 11 / 1, 2026_y / 11 / 7).empty());
    }
}
