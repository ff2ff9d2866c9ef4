// Small-sample statistics for N-of-1 reports: summaries, Student's t,
// Welch's and paired confidence intervals, Spearman's rho, least squares.
// Pure functions; every result says how many values it rests on.
#pragma once

#include <optional>
#include <span>
#include <vector>

namespace rls::stats {

struct Summary {
    int n = 0;
    std::optional<double> mean; // n >= 1
    std::optional<double> sd;   // sample SD (n - 1), n >= 2
};
[[nodiscard]] Summary summarize(std::span<const double> values);

// P(T <= t) for Student's t with df degrees of freedom (df > 0, may be fractional).
[[nodiscard]] double t_cdf(double t, double df);
// The t with P(T <= t) = p, 0 < p < 1.
[[nodiscard]] double t_quantile(double p, double df);

struct Interval {
    double estimate = 0;
    double low = 0;
    double high = 0;
    double df = 0;
};

// Difference of means a - b with its 95% CI by Welch's t (unequal
// variances). Needs at least two values in each group.
[[nodiscard]] std::optional<Interval>
welch_difference(std::span<const double> a, std::span<const double> b, double confidence = 0.95);

// Mean of the paired differences after - before with its 95% CI (t, n - 1 df).
// Needs at least two pairs.
[[nodiscard]] std::optional<Interval> paired_difference(std::span<const double> before,
                                                        std::span<const double> after,
                                                        double confidence = 0.95);

// Spearman's rank correlation (average ranks for ties). Needs three pairs
// and some spread in both.
[[nodiscard]] std::optional<double> spearman(std::span<const double> x, std::span<const double> y);

struct Line {
    double slope = 0;
    double intercept = 0;
};
// Ordinary least squares y = intercept + slope * x. Needs two distinct x.
[[nodiscard]] std::optional<Line> least_squares(std::span<const double> x,
                                                std::span<const double> y);

// Average ranks (1-based), ties sharing the mean of their positions.
[[nodiscard]] std::vector<double> ranks(std::span<const double> values);

} // namespace rls::stats
