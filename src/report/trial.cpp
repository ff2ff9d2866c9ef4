// The trial's statistics: model estimate, randomisation test, decision.
// Adherence and the timeline are in trial_summary.cpp.
#include "report/trial.hpp"

#include "report/regression.hpp"
#include "report/stats.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace rls::report {

namespace {

constexpr double trial_k_exact_limit = 100000;
constexpr int trial_k_sampled_draws = 10000;
constexpr double trial_k_alpha = 0.05;

// Positive when higher is better for the outcome.
double trial_orientation(TrialOutcome o) {
    return o == TrialOutcome::sleep ? 1.0 : -1.0;
}

} // namespace

std::optional<stats::Coefficient> block_clustered(const stats::Design& x, std::span<const double> y,
                                                  std::size_t column, std::span<const int> block) {
    const auto fit = stats::ols_hac(x, y, 0);
    if (!fit || std::find(fit->kept.begin(), fit->kept.end(), column) == fit->kept.end()) {
        return std::nullopt;
    }
    const std::size_t n = y.size();
    // Residuals of the whole model.
    std::vector<double> e(y.begin(), y.end());
    for (std::size_t j = 0; j < fit->kept.size(); ++j) {
        for (std::size_t i = 0; i < n; ++i) {
            e[i] -= fit->beta[j] * x.columns[fit->kept[j]][i];
        }
    }
    // Frisch-Waugh: the column's part that the other columns do not explain.
    stats::Design others;
    for (const auto j : fit->kept) {
        if (j != column) {
            others.names.push_back(x.names[j]);
            others.columns.push_back(x.columns[j]);
        }
    }
    std::vector<double> xr = x.columns[column];
    if (!others.columns.empty()) {
        const auto aux = stats::ols_hac(others, x.columns[column], 0);
        if (!aux) {
            return std::nullopt;
        }
        for (std::size_t j = 0; j < aux->kept.size(); ++j) {
            for (std::size_t i = 0; i < n; ++i) {
                xr[i] -= aux->beta[j] * others.columns[aux->kept[j]][i];
            }
        }
    }
    double sxx = 0;
    std::map<int, double> score; // per block: sum of x e
    for (std::size_t i = 0; i < n; ++i) {
        sxx += xr[i] * xr[i];
        score[block[i]] += xr[i] * e[i];
    }
    const auto g = static_cast<double>(score.size());
    // Block indicators are nested in the clusters: they are not counted in k
    // (Cameron and Miller 2015, as Stata's xtreg, fe), or the errors would
    // be twice too wide with two nights a block.
    double k = 0;
    for (const auto j : fit->kept) {
        k += x.names[j] == "block" ? 0.0 : 1.0;
    }
    if (sxx <= 0 || g < 2 || static_cast<double>(n) <= k) {
        return std::nullopt;
    }
    double meat = 0;
    for (const auto& [b, v] : score) {
        meat += v * v;
    }
    // CR1: G/(G-1) (n-1)/(n-k), and t with G - 1 degrees of freedom.
    const double factor = g / (g - 1) * (static_cast<double>(n) - 1) / (static_cast<double>(n) - k);
    const auto i = static_cast<std::size_t>(std::find(fit->kept.begin(), fit->kept.end(), column) -
                                            fit->kept.begin());
    return stats::Coefficient{fit->beta[i], std::sqrt(factor * meat) / sxx, g - 1};
}

std::optional<TrialEffect> trial_effect(const std::vector<AnalysedNight>& nights, int arm,
                                        TrialOutcome outcome, double mid) {
    TrialEffect e;
    e.arm = arm;
    int arms = 0;
    std::map<int, int> block_index;
    std::vector<double> sum(8, 0.0);
    std::vector<int> count(8, 0);
    for (const auto& n : nights) {
        arms = std::max(arms, n.arm + 1);
        block_index.emplace(n.block, static_cast<int>(block_index.size()));
        sum[static_cast<std::size_t>(n.arm)] += n.y;
        ++count[static_cast<std::size_t>(n.arm)];
    }
    arms = std::max(arms, arm + 1);
    e.n_a = count[0];
    e.n_b = count[static_cast<std::size_t>(arm)];
    if (e.n_a > 0) {
        e.mean_a = sum[0] / e.n_a;
    }
    if (e.n_b > 0) {
        e.mean_b = sum[static_cast<std::size_t>(arm)] / e.n_b;
    }
    if (e.n_a < 2 || e.n_b < 2) {
        return std::nullopt;
    }
    // Intercept, the period (one column per block after the first), then
    // the arms last so that a block column never pushes an arm out.
    stats::Design x;
    const std::size_t n = nights.size();
    x.names.push_back("intercept");
    x.columns.emplace_back(n, 1.0);
    for (const auto& [block, index] : block_index) {
        if (index == 0) {
            continue;
        }
        std::vector<double> col(n, 0.0);
        for (std::size_t i = 0; i < n; ++i) {
            col[i] = nights[i].block == block ? 1.0 : 0.0;
        }
        x.names.push_back("block");
        x.columns.push_back(std::move(col));
    }
    std::size_t arm_column = 0;
    for (int a = 1; a < arms; ++a) {
        std::vector<double> col(n, 0.0);
        for (std::size_t i = 0; i < n; ++i) {
            col[i] = nights[i].arm == a ? 1.0 : 0.0;
        }
        if (a == arm) {
            arm_column = x.columns.size();
        }
        x.names.push_back("arm");
        x.columns.push_back(std::move(col));
    }
    std::vector<double> y(n);
    for (std::size_t i = 0; i < n; ++i) {
        y[i] = nights[i].y;
    }
    if (n <= x.columns.size()) {
        return std::nullopt;
    }
    std::vector<int> blocks(n);
    for (std::size_t i = 0; i < n; ++i) {
        blocks[i] = nights[i].block;
    }
    auto c = block_clustered(x, y, arm_column, blocks);
    if (!c || c->df < 1) {
        return std::nullopt;
    }
    e.n = static_cast<int>(n);
    e.diff = c->estimate;
    e.se = c->se;
    e.df = c->df;
    const double t = stats::t_quantile(0.975, c->df);
    e.low = c->estimate - t * c->se;
    e.high = c->estimate + t * c->se;
    const double s = trial_orientation(outcome);
    stats::Coefficient gain{s * c->estimate, c->se, c->df};
    e.p_b_better = stats::t_probability_above(gain, 0.0);
    e.p_a_better = 1.0 - e.p_b_better;
    e.p_b_mid = stats::t_probability_above(gain, mid);
    stats::Coefficient loss{-s * c->estimate, c->se, c->df};
    e.p_a_mid = stats::t_probability_above(loss, mid);
    return e;
}

namespace {

struct trial_BlockSlots {
    std::vector<std::optional<double>> y; // per analysed slot, in order
};

// Every order the design allows within one block, as the arm of each slot.
std::vector<std::vector<int>> trial_block_options(const Protocol& p, std::size_t slots) {
    if (p.design == TrialDesign::abba) {
        return {{0, 1, 1, 0}, {1, 0, 0, 1}};
    }
    std::vector<int> order(slots);
    std::iota(order.begin(), order.end(), 0);
    std::vector<std::vector<int>> out;
    do {
        out.push_back(order);
    } while (std::next_permutation(order.begin(), order.end()));
    return out;
}

// Between-arm sum of squares, sum_a n_a (mean_a - grand)^2: large when arms differ.
double trial_statistic(const std::vector<double>& sum, const std::vector<int>& count) {
    double total = 0;
    int n = 0;
    for (std::size_t a = 0; a < sum.size(); ++a) {
        total += sum[a];
        n += count[a];
    }
    if (n == 0) {
        return 0;
    }
    const double grand = total / n;
    double ss = 0;
    for (std::size_t a = 0; a < sum.size(); ++a) {
        if (count[a] > 0) {
            const double d = sum[a] / count[a] - grand;
            ss += count[a] * d * d;
        }
    }
    return ss;
}

} // namespace

RandomisationTest randomisation_test(const Protocol& p, const std::vector<AnalysedNight>& nights) {
    RandomisationTest r;
    const std::size_t k = p.arms.size();
    r.allocations = allocation_count(k, p.design, p.blocks);
    std::map<int, double> y_of;
    for (const auto& n : nights) {
        y_of[n.seq] = n.y;
    }
    r.n = static_cast<int>(nights.size());
    // Per block: the sums and counts each option would give every arm.
    struct Contribution {
        std::vector<double> sum;
        std::vector<int> count;
    };
    std::vector<std::vector<Contribution>> blocks;
    std::vector<double> observed_sum(k, 0.0);
    std::vector<int> observed_count(k, 0);
    for (int b = 1; b <= p.blocks; ++b) {
        std::vector<const TrialNight*> slots;
        for (const auto& n : p.schedule) {
            if (n.block == b && !n.washout) {
                slots.push_back(&n);
            }
        }
        bool any = false;
        for (const auto* s : slots) {
            if (const auto it = y_of.find(s->seq); it != y_of.end()) {
                any = true;
                observed_sum[static_cast<std::size_t>(s->arm)] += it->second;
                ++observed_count[static_cast<std::size_t>(s->arm)];
            }
        }
        if (!any) {
            continue; // every order gives the same: leave the block out
        }
        std::vector<Contribution> options;
        for (const auto& order : trial_block_options(p, slots.size())) {
            Contribution c{std::vector<double>(k, 0.0), std::vector<int>(k, 0)};
            for (std::size_t i = 0; i < slots.size(); ++i) {
                if (const auto it = y_of.find(slots[i]->seq); it != y_of.end()) {
                    c.sum[static_cast<std::size_t>(order[i])] += it->second;
                    ++c.count[static_cast<std::size_t>(order[i])];
                }
            }
            options.push_back(std::move(c));
        }
        blocks.push_back(std::move(options));
    }
    if (blocks.empty()) {
        r.p = 1;
        return r;
    }
    const double observed = trial_statistic(observed_sum, observed_count);
    const double tolerance = 1e-9 * std::max(1.0, observed);
    double used = 1;
    for (const auto& b : blocks) {
        used *= static_cast<double>(b.size());
    }
    std::vector<double> sum(k);
    std::vector<int> count(k);
    const auto at_least_as_extreme = [&](const std::vector<std::size_t>& pick) {
        std::fill(sum.begin(), sum.end(), 0.0);
        std::fill(count.begin(), count.end(), 0);
        for (std::size_t b = 0; b < blocks.size(); ++b) {
            const auto& c = blocks[b][pick[b]];
            for (std::size_t a = 0; a < k; ++a) {
                sum[a] += c.sum[a];
                count[a] += c.count[a];
            }
        }
        return trial_statistic(sum, count) >= observed - tolerance;
    };
    std::vector<std::size_t> pick(blocks.size(), 0);
    long extreme = 0;
    if (used <= trial_k_exact_limit) {
        r.exact = true;
        long total = 0;
        for (;;) { // mixed-radix count over every allocation
            extreme += at_least_as_extreme(pick) ? 1 : 0;
            ++total;
            std::size_t b = 0;
            while (b < blocks.size() && ++pick[b] == blocks[b].size()) {
                pick[b] = 0;
                ++b;
            }
            if (b == blocks.size()) {
                break;
            }
        }
        r.draws = static_cast<int>(total);
        r.p = static_cast<double>(extreme) / static_cast<double>(total);
        return r;
    }
    r.exact = false;
    SeededRandom random(p.seed ^ 0x72616e646f6d6973ULL); // seeded: the same p every time
    for (int d = 0; d < trial_k_sampled_draws; ++d) {
        for (std::size_t b = 0; b < blocks.size(); ++b) {
            pick[b] = static_cast<std::size_t>(random.below(blocks[b].size()));
        }
        extreme += at_least_as_extreme(pick) ? 1 : 0;
    }
    r.draws = trial_k_sampled_draws;
    // The observed allocation counts as one of the draws (Phipson and Smyth 2010).
    r.p = (1.0 + static_cast<double>(extreme)) / (1.0 + trial_k_sampled_draws);
    return r;
}

TrialDecision decide(const std::optional<TrialEffect>& effect,
                     const std::optional<RandomisationTest>& test, TrialOutcome outcome,
                     double mid) {
    if (!effect) {
        return TrialDecision::too_few;
    }
    const double s = trial_orientation(outcome);
    const double gain_low = std::min(s * effect->low, s * effect->high);
    const double gain_high = std::max(s * effect->low, s * effect->high);
    const bool significant = test && test->p <= trial_k_alpha;
    if (significant && gain_low > 0) {
        return TrialDecision::b_better;
    }
    if (significant && gain_high < 0) {
        return TrialDecision::a_better;
    }
    if (gain_low > -mid && gain_high < mid) {
        return TrialDecision::no_difference;
    }
    return TrialDecision::undecided;
}

} // namespace rls::report
