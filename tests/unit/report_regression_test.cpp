// Least squares with Newey-West errors and Holm's correction, against
// statsmodels 0.13.5 / SciPy 1.10.1 (Debian) on the same numbers:
//   sm.OLS(y, X).fit(cov_type='HAC', cov_kwds={'maxlags': 2,
//                    'use_correction': True}, use_t=True)
//   scipy.stats.t.cdf(beta / se, df_resid)
//   statsmodels.stats.multitest.multipletests(p, method='holm')
#include "report/regression.hpp"

#include <doctest/doctest.h>
#include <vector>

using namespace rls::stats;
using doctest::Approx;

namespace {

Design example() {
    Design d;
    std::vector<double> one(16, 1.0);
    std::vector<double> week;
    for (int i = 0; i < 16; ++i) {
        week.push_back(i / 7.0);
    }
    d.names = {"intercept", "week", "before", "x"};
    d.columns = {one,
                 week,
                 {5, 7, 6, 4, 8, 3, 6, 7, 5, 4, 6, 3, 7, 5, 4, 8},
                 {1, 0, 1, 1, 0, 1, 0, 0, 1, 1, 0, 1, 0, 1, 1, 0}};
    return d;
}

const std::vector<double> k_y{6, 7, 5, 8, 6, 9, 7, 5, 6, 8, 7, 9, 6, 7, 8, 5};

} // namespace

TEST_SUITE("report.regression") {
    TEST_CASE("OLS with Newey-West HAC errors matches statsmodels") {
        CHECK(newey_west_lags(16) == 2); // floor(4 (16/100)^(2/9))
        CHECK(newey_west_lags(84) == 3);
        CHECK(newey_west_lags(5) == 2);
        CHECK(newey_west_lags(1) == 1);
        const auto fit = ols_hac(example(), k_y);
        REQUIRE(fit);
        CHECK(fit->lags == 2);
        const double beta[] = {14.30142466784, 0.004200789748468, -1.16618324245, -1.918964765376};
        const double se[] = {0.955605890516, 0.168175396146, 0.116345737866, 0.539624778533};
        for (std::size_t i = 0; i < 4; ++i) {
            const auto c = fit->coefficient(i);
            REQUIRE(c);
            CHECK(c->estimate == Approx(beta[i]).epsilon(1e-9));
            CHECK(c->se == Approx(se[i]).epsilon(1e-9));
            CHECK(c->df == 12);
        }
        const auto x = *fit->coefficient(3);
        // P(d > 0) and P(d > 1) for d ~ beta + se T(12): t.cdf(beta / se, 12),
        // t.cdf((beta - 1) / se, 12).
        CHECK(t_probability_above(x, 0) == Approx(0.0019760023504481242).epsilon(1e-9));
        CHECK(t_probability_above(x, 1.0) == Approx(7.885281608121153e-05).epsilon(1e-9));
        // Kiefer-Vogelsang's polynomial at b = 3/16, over 1.96, by hand.
        const double b = 3.0 / 16;
        CHECK(fixed_b_factor(2, 16) ==
              Approx((1.96 + 2.9694 * b + 0.4160 * b * b - 0.5324 * b * b * b) / 1.96));
    }

    TEST_CASE("a column that repeats earlier ones is dropped, not fitted") {
        auto d = example();
        d.names.insert(d.names.begin() + 3, "copy of before");
        auto copy = d.columns[2];
        for (auto& v : copy) {
            v = 2 * v + 1; // a combination of the intercept and "before"
        }
        d.columns.insert(d.columns.begin() + 3, copy);
        d.names.insert(d.names.begin() + 1, "nothing");
        d.columns.insert(d.columns.begin() + 1, std::vector<double>(16, 0.0));
        const auto fit = ols_hac(d, k_y);
        REQUIRE(fit);
        CHECK(fit->k == 4);
        CHECK_FALSE(fit->coefficient(1));
        CHECK_FALSE(fit->coefficient(4));
        CHECK(fit->coefficient(5)->estimate == Approx(-1.918964765376).epsilon(1e-9));
    }

    TEST_CASE("too few rows for the columns: no fit") {
        Design d;
        d.names = {"intercept", "x"};
        d.columns = {{1, 1}, {0, 1}};
        CHECK_FALSE(ols_hac(d, std::vector<double>{3, 4}));
    }

    TEST_CASE("Holm's adjusted p-values keep the input order") {
        const auto p = holm(std::vector<double>{0.01, 0.04, 0.03, 0.005, 0.5});
        const double want[] = {0.04, 0.09, 0.09, 0.025, 0.5};
        for (std::size_t i = 0; i < 5; ++i) {
            CHECK(p[i] == Approx(want[i]));
        }
        CHECK(holm(std::vector<double>{}).empty());
    }
}
