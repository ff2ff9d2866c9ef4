// Least squares with Newey-West (HAC) standard errors, the t posterior of a
// coefficient and Holm's correction: what the report's adjusted comparisons
// rest on. Pure functions on small dense matrices.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace rls::stats {

// A design matrix, one row per night in time order, columns in the order given.
struct Design {
    std::vector<std::string> names; // one per column
    std::vector<std::vector<double>> columns;
    [[nodiscard]] std::size_t rows() const { return columns.empty() ? 0 : columns[0].size(); }
};

struct Coefficient {
    double estimate = 0;
    double se = 0;
    double df = 0; // residual degrees of freedom, n - k
};

struct Fit {
    int n = 0;
    int k = 0;                     // columns kept
    int lags = 0;                  // Newey-West truncation lag
    std::vector<std::size_t> kept; // indices into the design's columns
    std::vector<double> beta;      // per kept column
    double ssr = 0;                // residual sum of squares
    // What a coefficient's HAC variance is made from, k x k and n x k, row-major.
    // The report needs one or two variances per fit, so they are computed when
    // asked (O(n k) each) instead of the whole covariance (O(L n k^2)).
    std::vector<double> bread;  // (X'X)^-1
    std::vector<double> scores; // u_t = x_t e_t
    // The HAC variance of the i-th kept coefficient: n/(n-k) (B S B)_ii.
    [[nodiscard]] double variance(std::size_t i) const;
    // The coefficient of a design column, if it was kept.
    [[nodiscard]] std::optional<Coefficient> coefficient(std::size_t column) const;
};

// The Newey-West (1994) rule of thumb floor(4 (n/100)^(2/9)), at least 1.
[[nodiscard]] int newey_west_lags(int n);

// OLS of y on the design's columns (the design carries its own intercept).
// A column that is (nearly) a linear combination of earlier ones is dropped,
// so put the columns that matter last. The covariance is Newey-West with a
// Bartlett kernel and the small-sample factor n / (n - k):
//   B = (X'X)^-1, u_t = x_t e_t,
//   S = sum_t u_t u_t' + sum_{l=1..L} (1 - l/(L+1)) sum_t (u_t u_{t-l}' + u_{t-l} u_t'),
//   cov = n/(n-k) B S B,
// as statsmodels' OLS(...).fit(cov_type='HAC', cov_kwds={'maxlags': L,
// 'use_correction': True}). Needs n > k; lags < 0 means newey_west_lags(n).
[[nodiscard]] std::optional<Fit> ols_hac(const Design& x, std::span<const double> y, int lags = -1);

// Newey-West errors are too small, and their t statistics too wide-tailed,
// when the lag is not small beside n (Kiefer and Vogelsang 2005, "fixed-b").
// Their 97.5% critical value for the Bartlett kernel with bandwidth
// b = (lags + 1) / n, 1.96 + 2.9694 b + 0.4160 b^2 - 0.5324 b^3, over 1.96:
// the factor the report widens a Newey-West standard error by.
[[nodiscard]] double fixed_b_factor(int lags, int n);

// With a flat prior and the t approximation, the difference d has posterior
// estimate + se * T(df). P(d > threshold):
[[nodiscard]] double t_probability_above(const Coefficient& c, double threshold);

// Holm's step-down adjusted p-values, in the order given.
[[nodiscard]] std::vector<double> holm(std::span<const double> p);

} // namespace rls::stats
