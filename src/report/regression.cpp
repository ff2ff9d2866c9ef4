// Least squares with Newey-West covariance, by normal equations on the kept
// columns: designs are a few nights by a dozen columns, so accuracy comes
// from dropping aliased columns first (Gram-Schmidt), not from a heavier QR.
#include "report/regression.hpp"

#include "report/stats.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace rls::stats {

namespace {

using Matrix = std::vector<std::vector<double>>;

double dot(std::span<const double> a, std::span<const double> b) {
    return std::inner_product(a.begin(), a.end(), b.begin(), 0.0);
}

// Columns that add something beyond the ones before them.
std::vector<std::size_t> independent_columns(const Design& x) {
    constexpr double k_relative_tolerance = 1e-9;
    std::vector<std::vector<double>> basis;
    std::vector<std::size_t> kept;
    for (std::size_t j = 0; j < x.columns.size(); ++j) {
        std::vector<double> r = x.columns[j];
        const double norm0 = std::sqrt(dot(r, r));
        if (norm0 == 0.0) {
            continue;
        }
        for (int pass = 0; pass < 2; ++pass) { // twice is enough (Kahan)
            for (const auto& q : basis) {
                const double c = dot(r, q);
                for (std::size_t i = 0; i < r.size(); ++i) {
                    r[i] -= c * q[i];
                }
            }
        }
        const double norm = std::sqrt(dot(r, r));
        if (norm <= k_relative_tolerance * norm0) {
            continue;
        }
        for (auto& v : r) {
            v /= norm;
        }
        basis.push_back(std::move(r));
        kept.push_back(j);
    }
    return kept;
}

// Inverse of a symmetric positive definite matrix (Gauss-Jordan, partial pivoting).
std::optional<Matrix> inverse(Matrix a) {
    const std::size_t k = a.size();
    Matrix inv(k, std::vector<double>(k, 0.0));
    for (std::size_t i = 0; i < k; ++i) {
        inv[i][i] = 1.0;
    }
    for (std::size_t c = 0; c < k; ++c) {
        std::size_t pivot = c;
        for (std::size_t r = c + 1; r < k; ++r) {
            if (std::fabs(a[r][c]) > std::fabs(a[pivot][c])) {
                pivot = r;
            }
        }
        if (a[pivot][c] == 0.0) {
            return std::nullopt;
        }
        std::swap(a[c], a[pivot]);
        std::swap(inv[c], inv[pivot]);
        const double d = a[c][c];
        for (std::size_t j = 0; j < k; ++j) {
            a[c][j] /= d;
            inv[c][j] /= d;
        }
        for (std::size_t r = 0; r < k; ++r) {
            if (r == c || a[r][c] == 0.0) {
                continue;
            }
            const double f = a[r][c];
            for (std::size_t j = 0; j < k; ++j) {
                a[r][j] -= f * a[c][j];
                inv[r][j] -= f * inv[c][j];
            }
        }
    }
    return inv;
}

} // namespace

std::optional<Coefficient> Fit::coefficient(std::size_t column) const {
    const auto it = std::find(kept.begin(), kept.end(), column);
    if (it == kept.end()) {
        return std::nullopt;
    }
    const auto i = static_cast<std::size_t>(it - kept.begin());
    return Coefficient{beta[i], std::sqrt(std::max(variance(i), 0.0)), static_cast<double>(n - k)};
}

int newey_west_lags(int n) {
    const int lags = static_cast<int>(std::floor(4.0 * std::pow(n / 100.0, 2.0 / 9.0)));
    return std::max(lags, 1);
}

std::optional<Fit> ols_hac(const Design& x, std::span<const double> y, int lags) {
    const std::size_t n = y.size();
    if (x.columns.empty() || x.rows() != n) {
        return std::nullopt;
    }
    Fit fit;
    fit.kept = independent_columns(x);
    fit.n = static_cast<int>(n);
    fit.k = static_cast<int>(fit.kept.size());
    if (fit.k == 0 || fit.n <= fit.k) {
        return std::nullopt;
    }
    fit.lags = lags < 0 ? newey_west_lags(fit.n) : std::min(lags, fit.n - 1);
    const auto k = fit.kept.size();
    const auto col = [&](std::size_t i) -> const std::vector<double>& {
        return x.columns[fit.kept[i]];
    };
    Matrix xtx(k, std::vector<double>(k, 0.0));
    std::vector<double> xty(k, 0.0);
    for (std::size_t i = 0; i < k; ++i) {
        xty[i] = dot(col(i), y);
        for (std::size_t j = 0; j <= i; ++j) {
            xtx[i][j] = xtx[j][i] = dot(col(i), col(j));
        }
    }
    const auto bread = inverse(xtx);
    if (!bread) {
        return std::nullopt;
    }
    fit.beta.assign(k, 0.0);
    fit.bread.reserve(k * k);
    for (std::size_t i = 0; i < k; ++i) {
        fit.beta[i] = dot((*bread)[i], xty);
        fit.bread.insert(fit.bread.end(), (*bread)[i].begin(), (*bread)[i].end());
    }
    std::vector<double> e(y.begin(), y.end());
    for (std::size_t i = 0; i < k; ++i) {
        const auto& c = col(i);
        for (std::size_t t = 0; t < n; ++t) {
            e[t] -= c[t] * fit.beta[i];
        }
    }
    fit.ssr = dot(e, e);
    fit.scores.resize(n * k);
    for (std::size_t i = 0; i < k; ++i) {
        const auto& c = col(i);
        for (std::size_t t = 0; t < n; ++t) {
            fit.scores[t * k + i] = c[t] * e[t];
        }
    }
    return fit;
}

// With b the i-th row of B and z_t = b'u_t, b'Sb is the Bartlett-weighted
// autocovariance sum of the scalar series z: sum_t z_t^2 +
// 2 sum_{l=1..L} (1 - l/(L+1)) sum_t z_t z_{t-l}.
double Fit::variance(std::size_t i) const {
    const auto kk = static_cast<std::size_t>(k);
    const auto nn = static_cast<std::size_t>(n);
    std::vector<double> z(nn, 0.0);
    const double* b = bread.data() + i * kk;
    for (std::size_t t = 0; t < nn; ++t) {
        const double* u = scores.data() + t * kk;
        z[t] = std::inner_product(b, b + kk, u, 0.0);
    }
    double s = dot(z, z);
    for (int l = 1; l <= lags; ++l) {
        const double w = 1.0 - l / (lags + 1.0);
        const auto ul = static_cast<std::size_t>(l);
        s += 2.0 * w *
             std::inner_product(z.begin() + static_cast<std::ptrdiff_t>(ul), z.end(), z.begin(),
                                0.0);
    }
    return s * static_cast<double>(n) / (n - k);
}

double fixed_b_factor(int lags, int n) {
    const double b = (lags + 1.0) / n;
    return (1.96 + 2.9694 * b + 0.4160 * b * b - 0.5324 * b * b * b) / 1.96;
}

double t_probability_above(const Coefficient& c, double threshold) {
    if (c.se <= 0.0) {
        return c.estimate > threshold ? 1.0 : 0.0;
    }
    return t_cdf((c.estimate - threshold) / c.se, c.df);
}

std::vector<double> holm(std::span<const double> p) {
    const std::size_t m = p.size();
    std::vector<std::size_t> order(m);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return p[a] < p[b]; });
    std::vector<double> adjusted(m, 1.0);
    double running = 0;
    for (std::size_t i = 0; i < m; ++i) {
        const double scaled = std::min(1.0, static_cast<double>(m - i) * p[order[i]]);
        running = std::max(running, scaled);
        adjusted[order[i]] = running;
    }
    return adjusted;
}

} // namespace rls::stats
