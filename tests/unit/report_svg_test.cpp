// The chart module of the HTML report: scales, ticks, date ticks, the rolling
// mean, gaps for unrated nights, a single night and ten years of nights.
// Expected values are worked out by hand in the comments.
#include "report/svg.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

using namespace rls;
using namespace rls::report;
using namespace date::literals;
using doctest::Approx;

namespace {

std::vector<std::optional<double>> series(std::initializer_list<std::optional<double>> v) {
    return v;
}

} // namespace

TEST_SUITE("report.svg") {
    TEST_CASE("a scale maps its domain linearly, and upside down for y") {
        const svg::Scale y{0, 10, 108, 28};
        CHECK(y(0) == Approx(108));
        CHECK(y(10) == Approx(28));
        CHECK(y(2.5) == Approx(88)); // 108 - 2.5 * 8
        const svg::Scale x{-0.5, 83.5, 52, 708};
        CHECK(x(-0.5) == Approx(52));
        CHECK(x(41.5) == Approx(380)); // the middle
        // One night: a domain of zero width maps to the middle.
        const svg::Scale flat{3, 3, 0, 100};
        CHECK(flat(3) == Approx(50));
    }

    TEST_CASE("ticks are round steps of 1, 2 or 5 inside the range") {
        CHECK(svg::ticks(0, 10, 6) == std::vector<double>{0, 2, 4, 6, 8, 10});
        CHECK(svg::ticks(0, 10, 11) == std::vector<double>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        CHECK(svg::ticks(-2.3, 1.7, 6) == std::vector<double>{-2, -1, 0, 1});
        // rough step 0.9/4 = 0.225: 0.1 needs 9 ticks, 0.2 needs 4.
        const auto small = svg::ticks(0.05, 0.95, 5);
        REQUIRE(small.size() == 4);
        CHECK(small[0] == Approx(0.2));
        CHECK(small[3] == Approx(0.8));
        CHECK(svg::ticks(0, 1000, 3) == std::vector<double>{0, 500, 1000});
        // A point range has one tick, never a division by zero.
        CHECK(svg::ticks(4, 4, 6) == std::vector<double>{4});
        for (const auto& [lo, hi] : {std::pair{-3.7, 2.2}, {0.0, 1e-3}, {-50.0, 50.0}}) {
            const auto t = svg::ticks(lo, hi, 6);
            CHECK(t.size() >= 2);
            CHECK(t.size() <= 6);
            CHECK(t.front() >= lo);
            CHECK(t.back() <= hi);
        }
    }

    TEST_CASE("date ticks: weekly for weeks, month starts for months, years for years") {
        const auto weeks = svg::date_ticks(2026_y / 9 / 2, 84, 12);
        REQUIRE(weeks.size() == 12);
        CHECK(weeks[0].index == 0);
        CHECK(weeks[0].label == "Sep 2");
        CHECK(weeks[1].index == 7);
        CHECK(weeks[1].label == "Sep 9");
        CHECK(weeks[11].index == 77);
        CHECK(weeks[11].label == "Nov 18");

        // 26 weeks need more than 12 weekly ticks: month starts, the first
        // with its year. Oct 1 is night 29 from Sep 2.
        const auto months = svg::date_ticks(2026_y / 9 / 2, 182, 12);
        REQUIRE(months.size() == 6); // Oct, Nov, Dec, Jan, Feb, Mar
        CHECK(months[0].index == 29);
        CHECK(months[0].label == "Oct 2026");
        CHECK(months[1].label == "Nov");
        CHECK(months[3].label == "Jan 2027");
        CHECK(months[3].index == 29 + 31 + 30 + 31);
    }

    TEST_CASE("ten years of nights get one tick a year") {
        // 2016-01-01 .. 2025-12-31: 3653 nights (2016, 2020, 2024 are leap years).
        const auto t = svg::date_ticks(2016_y / 1 / 1, 3653, 12);
        REQUIRE(t.size() == 10);
        CHECK(t[0].index == 0);
        CHECK(t[0].label == "2016");
        CHECK(t[1].index == 366);
        CHECK(t[9].label == "2025");
        CHECK(t[9].index == 3653 - 365);
        // Fewer ticks allowed: every second year start.
        const auto sparse = svg::date_ticks(2016_y / 1 / 1, 3653, 6);
        REQUIRE(sparse.size() == 5);
        CHECK(sparse[1].label == "2018");

        std::vector<std::optional<double>> nights(3653);
        for (std::size_t i = 0; i < nights.size(); ++i) {
            nights[i] = i % 10 == 3 ? std::nullopt : std::optional<double>(i % 11);
        }
        const auto mean = svg::rolling_mean(nights, 7, 4);
        REQUIRE(mean.size() == 3653);
        // Night 3652's window, nights 3646..3652, holds i % 11 = 5, 6, 7, 8,
        // 9, 10, 0 and no unrated night (those are i % 10 == 3: 3643, 3653).
        CHECK(*mean[3652] == Approx((5 + 6 + 7 + 8 + 9 + 10 + 0) / 7.0));
        const svg::Scale x{-0.5, 3652.5, 52, 708};
        const svg::Scale y{0, 10, 108, 28};
        const auto path = svg::gapped_path(nights, x, y);
        CHECK(rls::test::count_of(path, "M") ==
              366); // a new run after each of the 365 gaps, plus the first
    }

    TEST_CASE("the rolling mean takes the present values of the window") {
        const auto v = series({1, 2, 3, std::nullopt, 5, 6, 7, 8});
        const auto m = svg::rolling_mean(v, 3, 2);
        REQUIRE(m.size() == 8);
        CHECK_FALSE(m[0]);           // one value of the 2 needed
        CHECK(*m[1] == Approx(1.5)); // (1 + 2) / 2
        CHECK(*m[2] == Approx(2));   // (1 + 2 + 3) / 3
        CHECK(*m[3] == Approx(2.5)); // (2 + 3) / 2: the unrated night is left out, not 0
        CHECK(*m[4] == Approx(4));   // (3 + 5) / 2
        CHECK(*m[5] == Approx(5.5)); // (5 + 6) / 2
        CHECK(*m[6] == Approx(6));
        CHECK(*m[7] == Approx(7));
        // Too few rated nights in the window: a gap in the mean too.
        const auto sparse = svg::rolling_mean(series({4, std::nullopt, std::nullopt, 6}), 3, 2);
        CHECK_FALSE(sparse[2]);
        CHECK_FALSE(sparse[3]);
    }

    TEST_CASE("a path breaks at unrated nights and dots a lone night") {
        const svg::Scale x{0, 4, 0, 40};
        const svg::Scale y{0, 10, 100, 0};
        CHECK(svg::gapped_path(series({1, std::nullopt, 3, 4}), x, y) == "M0 90h0 M20 70L30 60");
        CHECK(svg::gapped_path(series({std::nullopt, std::nullopt}), x, y).empty());
        CHECK(svg::gapped_path(series({5, 5, std::nullopt}), x, y) == "M0 50L10 50");
    }

    TEST_CASE("a single night") {
        const auto ticks = svg::date_ticks(2026_y / 11 / 24, 1, 12);
        REQUIRE(ticks.size() == 1);
        CHECK(ticks[0].index == 0);
        CHECK(ticks[0].label == "Nov 24");
        CHECK_FALSE(svg::rolling_mean(series({7}), 7, 4)[0]);
        CHECK(*svg::rolling_mean(series({7}), 7, 1)[0] == Approx(7));
        const svg::Scale x{-0.5, 0.5, 52, 708};
        const svg::Scale y{0, 10, 108, 28};
        CHECK(svg::gapped_path(series({7}), x, y) == "M380 52h0");
        CHECK(svg::date_ticks(2026_y / 11 / 24, 0, 12).empty());
    }

    TEST_CASE("text is escaped for XML and numbers are short") {
        CHECK(svg::escape("a<b & \"c\" 'd'>") == "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;");
        CHECK(svg::escape(std::string("bell\x07")) == "bell\xEF\xBF\xBD");
        CHECK(svg::num(12.0) == "12");
        CHECK(svg::num(12.345) == "12.3");
        CHECK(svg::num(-0.04) == "0");
        CHECK(svg::num(0.125, 2) == "0.13");
        CHECK(svg::num(-2.5) == "-2.5");
    }

    TEST_CASE("a canvas has a title and a description, and closes") {
        svg::Canvas c(720, 100, "c1", "Sleep <by night>", "Two & more");
        c.text(1, 2, "x<y", "tick", "end");
        const auto out = c.finish();
        CHECK(out.starts_with("<svg id=\"c1\" class=\"chart\" viewBox=\"0 0 720 100\""));
        CHECK(out.find("<title id=\"c1-t\">Sleep &lt;by night&gt;</title>") != std::string::npos);
        CHECK(out.find("<desc id=\"c1-d\">Two &amp; more</desc>") != std::string::npos);
        CHECK(out.find(">x&lt;y</text>") != std::string::npos);
        CHECK(out.ends_with("</svg>\n"));
    }
}
