// Implementation of the statistics. Student's t distribution comes from the
// regularized incomplete beta function (continued fraction, Lentz's method).
#include "report/stats.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace rls::stats {

Summary summarize(std::span<const double> values) {
    Summary s;
    s.n = static_cast<int>(values.size());
    if (s.n == 0) {
        return s;
    }
    const double mean = std::accumulate(values.begin(), values.end(), 0.0) / s.n;
    s.mean = mean;
    if (s.n >= 2) {
        double ss = 0;
        for (const double v : values) {
            ss += (v - mean) * (v - mean);
        }
        s.sd = std::sqrt(ss / (s.n - 1));
    }
    return s;
}

namespace {

// Continued fraction for the incomplete beta function.
double beta_fraction(double a, double b, double x) {
    constexpr int k_max_iterations = 300;
    constexpr double k_epsilon = 1e-15;
    constexpr double k_tiny = 1e-300;
    const double qab = a + b;
    const double qap = a + 1.0;
    const double qam = a - 1.0;
    double c = 1.0;
    double d = 1.0 - qab * x / qap;
    if (std::fabs(d) < k_tiny) {
        d = k_tiny;
    }
    d = 1.0 / d;
    double h = d;
    for (int m = 1; m <= k_max_iterations; ++m) {
        const int m2 = 2 * m;
        double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
        d = 1.0 + aa * d;
        d = std::fabs(d) < k_tiny ? k_tiny : d;
        c = 1.0 + aa / c;
        c = std::fabs(c) < k_tiny ? k_tiny : c;
        d = 1.0 / d;
        h *= d * c;
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
        d = 1.0 + aa * d;
        d = std::fabs(d) < k_tiny ? k_tiny : d;
        c = 1.0 + aa / c;
        c = std::fabs(c) < k_tiny ? k_tiny : c;
        d = 1.0 / d;
        const double delta = d * c;
        h *= delta;
        if (std::fabs(delta - 1.0) < k_epsilon) {
            break;
        }
    }
    return h;
}

// Regularized incomplete beta I_x(a, b).
double incomplete_beta(double a, double b, double x) {
    if (x <= 0.0) {
        return 0.0;
    }
    if (x >= 1.0) {
        return 1.0;
    }
    const double log_front =
        std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log1p(-x);
    const double front = std::exp(log_front);
    if (x < (a + 1.0) / (a + b + 2.0)) {
        return front * beta_fraction(a, b, x) / a;
    }
    return 1.0 - front * beta_fraction(b, a, 1.0 - x) / b;
}

// A start for t_quantile: the normal quantile (Abramowitz and Stegun
// 26.2.23, error below 5e-4) corrected for df by the Cornish-Fisher
// expansion's first two terms; within 1% of the answer from df = 3 up.
double t_start(double p, double df) {
    if (p <= 0.0 || p >= 1.0) {
        return p <= 0.0 ? -1e3 : 1e3;
    }
    const double q = p < 0.5 ? p : 1.0 - p;
    const double t = std::sqrt(-2.0 * std::log(q));
    double z = t - (2.515517 + 0.802853 * t + 0.010328 * t * t) /
                       (1.0 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t);
    z = p < 0.5 ? -z : z;
    const double z3 = z * z * z;
    const double x =
        z + (z3 + z) / (4.0 * df) + (5.0 * z3 * z * z + 16.0 * z3 + 3.0 * z) / (96.0 * df * df);
    return std::clamp(x, -1e3, 1e3);
}

double critical_t(double confidence, double df) {
    return t_quantile(0.5 + confidence / 2.0, df);
}

} // namespace

double t_cdf(double t, double df) {
    const double x = df / (df + t * t);
    const double tail = 0.5 * incomplete_beta(df / 2.0, 0.5, x);
    return t >= 0 ? 1.0 - tail : tail;
}

double t_quantile(double p, double df) {
    // Newton's method on the CDF from the Cornish-Fisher start, kept inside a
    // shrinking bisection bracket so that a step can never leave it: about
    // four CDF evaluations where plain bisection took fifty (the report makes
    // dozens of intervals; this was most of its arithmetic).
    constexpr double k_pi = 3.14159265358979323846;
    double lo = -1e3;
    double hi = 1e3;
    double x = t_start(p, df);
    const double log_scale =
        std::lgamma((df + 1.0) / 2.0) - std::lgamma(df / 2.0) - 0.5 * std::log(df * k_pi);
    for (int i = 0; i < 200; ++i) {
        const double f = t_cdf(x, df) - p;
        if (f == 0.0) {
            return x;
        }
        (f < 0.0 ? lo : hi) = x;
        const double density = std::exp(log_scale - (df + 1.0) / 2.0 * std::log1p(x * x / df));
        double next = x - f / density;
        if (!(next > lo && next < hi)) {
            next = 0.5 * (lo + hi); // also when the density underflowed
        }
        if (std::fabs(next - x) <= 1e-13 * std::max(1.0, std::fabs(x)) || hi - lo < 1e-12) {
            return next;
        }
        x = next;
    }
    return x;
}

std::optional<Interval> welch_difference(std::span<const double> a, std::span<const double> b,
                                         double confidence) {
    const auto sa = summarize(a);
    const auto sb = summarize(b);
    if (!sa.sd || !sb.sd) {
        return std::nullopt;
    }
    const double va = *sa.sd * *sa.sd / sa.n;
    const double vb = *sb.sd * *sb.sd / sb.n;
    Interval out;
    out.estimate = *sa.mean - *sb.mean;
    const double se = std::sqrt(va + vb);
    if (se == 0.0) {
        // Both groups constant: the difference is exact as far as the data go.
        out.df = sa.n + sb.n - 2;
        out.low = out.high = out.estimate;
        return out;
    }
    out.df = (va + vb) * (va + vb) / (va * va / (sa.n - 1) + vb * vb / (sb.n - 1));
    const double half = critical_t(confidence, out.df) * se;
    out.low = out.estimate - half;
    out.high = out.estimate + half;
    return out;
}

std::optional<Interval> paired_difference(std::span<const double> before,
                                          std::span<const double> after, double confidence) {
    if (before.size() != after.size() || before.size() < 2) {
        return std::nullopt;
    }
    std::vector<double> diffs(before.size());
    for (std::size_t i = 0; i < before.size(); ++i) {
        diffs[i] = after[i] - before[i];
    }
    const auto s = summarize(diffs);
    Interval out;
    out.estimate = *s.mean;
    out.df = s.n - 1;
    const double half = critical_t(confidence, out.df) * *s.sd / std::sqrt(s.n);
    out.low = out.estimate - half;
    out.high = out.estimate + half;
    return out;
}

std::vector<double> ranks(std::span<const double> values) {
    std::vector<std::size_t> order(values.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t i, std::size_t j) { return values[i] < values[j]; });
    std::vector<double> out(values.size());
    std::size_t i = 0;
    while (i < order.size()) {
        std::size_t j = i;
        while (j + 1 < order.size() && values[order[j + 1]] == values[order[i]]) {
            ++j;
        }
        const double average = (static_cast<double>(i + j) / 2.0) + 1.0;
        for (std::size_t k = i; k <= j; ++k) {
            out[order[k]] = average;
        }
        i = j + 1;
    }
    return out;
}

std::optional<double> spearman(std::span<const double> x, std::span<const double> y) {
    if (x.size() != y.size() || x.size() < 3) {
        return std::nullopt;
    }
    const auto rx = ranks(x);
    const auto ry = ranks(y);
    const auto n = static_cast<double>(rx.size());
    const double mx = std::accumulate(rx.begin(), rx.end(), 0.0) / n;
    const double my = std::accumulate(ry.begin(), ry.end(), 0.0) / n;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (std::size_t i = 0; i < rx.size(); ++i) {
        sxy += (rx[i] - mx) * (ry[i] - my);
        sxx += (rx[i] - mx) * (rx[i] - mx);
        syy += (ry[i] - my) * (ry[i] - my);
    }
    if (sxx == 0.0 || syy == 0.0) {
        return std::nullopt;
    }
    return sxy / std::sqrt(sxx * syy);
}

std::optional<Line> least_squares(std::span<const double> x, std::span<const double> y) {
    if (x.size() != y.size() || x.size() < 2) {
        return std::nullopt;
    }
    const double n = static_cast<double>(x.size());
    const double mx = std::accumulate(x.begin(), x.end(), 0.0) / n;
    const double my = std::accumulate(y.begin(), y.end(), 0.0) / n;
    double sxy = 0;
    double sxx = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        sxy += (x[i] - mx) * (y[i] - my);
        sxx += (x[i] - mx) * (x[i] - mx);
    }
    if (sxx == 0.0) {
        return std::nullopt;
    }
    Line line;
    line.slope = sxy / sxx;
    line.intercept = my - line.slope * mx;
    return line;
}

} // namespace rls::stats
