// Statistics against values computed independently: by hand where that is
// practical, otherwise with SciPy 1.10.1 (Debian python3-scipy) - the call
// that produced each number is written beside it.
#include "report/stats.hpp"

#include <doctest/doctest.h>
#include <vector>

using namespace rls::stats;
using doctest::Approx;

TEST_SUITE("report.stats") {
    TEST_CASE("summary: mean and sample SD") {
        const std::vector<double> v{2, 4, 4, 4, 5, 5, 7, 9};
        const auto s = summarize(v);
        CHECK(s.n == 8);
        CHECK(*s.mean == Approx(5.0)); // 40 / 8
        // sum of squares about the mean = 32; 32 / 7 = 4.5714; sqrt = 2.13809
        CHECK(*s.sd == Approx(2.1380899));
        CHECK_FALSE(summarize(std::vector<double>{3}).sd);
        CHECK_FALSE(summarize(std::vector<double>{}).mean);
    }

    TEST_CASE("Student's t quantiles and CDF") {
        // scipy.stats.t.ppf(p, df)
        CHECK(t_quantile(0.975, 1) == Approx(12.706204736).epsilon(1e-8));
        CHECK(t_quantile(0.975, 4) == Approx(2.776445105).epsilon(1e-8));
        CHECK(t_quantile(0.975, 9.5) == Approx(2.244137461).epsilon(1e-8));
        CHECK(t_quantile(0.975, 30) == Approx(2.042272456).epsilon(1e-8));
        CHECK(t_quantile(0.995, 2.5) == Approx(7.163728134).epsilon(1e-8));
        CHECK(t_quantile(0.025, 7) == Approx(-2.364624251).epsilon(1e-8));
        // scipy.stats.t.cdf(t, df)
        CHECK(t_cdf(1.5, 3.7) == Approx(0.8932009154).epsilon(1e-9));
        CHECK(t_cdf(-2.2, 12) == Approx(0.0240684067).epsilon(1e-9));
        CHECK(t_cdf(0, 5) == Approx(0.5));
    }

    TEST_CASE("Welch's difference of means with its 95% CI") {
        const std::vector<double> a{7, 8, 6, 9, 7, 8};
        const std::vector<double> b{5, 6, 4, 6, 5};
        const auto w = welch_difference(a, b);
        REQUIRE(w);
        CHECK(w->estimate == Approx(2.3)); // 7.5 - 5.2, by hand
        // Welch-Satterthwaite df and t.ppf(0.975, df) * se from SciPy:
        CHECK(w->df == Approx(8.995219885).epsilon(1e-8));
        CHECK(w->low == Approx(1.013578781).epsilon(1e-8));
        CHECK(w->high == Approx(3.586421219).epsilon(1e-8));
        // Too few values in a group: no interval.
        CHECK_FALSE(welch_difference(a, std::vector<double>{5}));
    }

    TEST_CASE("Welch with two constant groups gives an exact difference") {
        const auto w = welch_difference(std::vector<double>{6, 6, 6}, std::vector<double>{4, 4});
        REQUIRE(w);
        CHECK(w->estimate == Approx(2.0));
        CHECK(w->low == Approx(2.0));
        CHECK(w->high == Approx(2.0));
    }

    TEST_CASE("paired difference after - before with its 95% CI") {
        const std::vector<double> before{7, 6, 8, 5, 7};
        const std::vector<double> after{3, 4, 5, 2, 4};
        const auto p = paired_difference(before, after);
        REQUIRE(p);
        // differences -4 -2 -3 -3 -3: mean -3, sd sqrt(0.5) by hand;
        // t.ppf(0.975, 4) * sqrt(0.5) / sqrt(5) = 0.877989033 (SciPy)
        CHECK(p->estimate == Approx(-3.0));
        CHECK(p->df == Approx(4));
        CHECK(p->low == Approx(-3.877989033).epsilon(1e-8));
        CHECK(p->high == Approx(-2.122010967).epsilon(1e-8));
    }

    TEST_CASE("Spearman's rho with ties") {
        const std::vector<double> x{1, 2, 2, 3, 5, 4};
        const std::vector<double> y{6, 5, 5, 3, 2, 2};
        // scipy.stats.spearmanr(x, y).correlation
        CHECK(*spearman(x, y) == Approx(-0.985184366).epsilon(1e-8));
        // Perfect monotone relation, by hand.
        CHECK(*spearman(std::vector<double>{1, 2, 3}, std::vector<double>{10, 20, 90}) ==
              Approx(1.0));
        CHECK_FALSE(spearman(std::vector<double>{1, 1, 1}, std::vector<double>{1, 2, 3}));
        CHECK(ranks(std::vector<double>{10, 20, 20, 5}) == std::vector<double>{2, 3.5, 3.5, 1});
    }

    TEST_CASE("least-squares slope") {
        // scipy.stats.linregress: slope -0.65, intercept 7.1
        const auto line = least_squares(std::vector<double>{0, 1, 2, 3, 4},
                                        std::vector<double>{7, 6.5, 6, 5, 4.5});
        REQUIRE(line);
        CHECK(line->slope == Approx(-0.65));
        CHECK(line->intercept == Approx(7.1));
        CHECK_FALSE(least_squares(std::vector<double>{2, 2}, std::vector<double>{1, 3}));
    }
}
