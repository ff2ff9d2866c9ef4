// A trial of three or four arms decided as the best arm against each other
// one, Holm-adjusted, rather than by "B vs A" alone.
#include "report/trial.hpp"

#include <algorithm>
#include <numeric>

namespace rls::report {

namespace {

constexpr double contrasts_k_alpha = 0.05;

double contrasts_orientation(TrialOutcome o) {
    return o == TrialOutcome::sleep ? 1.0 : -1.0; // +: higher sleep, lower restlessness
}

} // namespace

std::optional<TrialEffect> trial_pair_effect(const std::vector<AnalysedNight>& nights,
                                             int reference, int arm, TrialOutcome outcome,
                                             double mid) {
    // trial_effect compares with arm 0: swap the reference into its place.
    const auto swapped = [&](int a) { return a == reference ? 0 : (a == 0 ? reference : a); };
    std::vector<AnalysedNight> renamed = nights;
    for (auto& n : renamed) {
        n.arm = swapped(n.arm);
    }
    auto e = trial_effect(renamed, swapped(arm), outcome, mid);
    if (e) {
        e->arm = arm;
    }
    return e;
}

std::vector<TrialContrast> best_contrasts(const std::vector<AnalysedNight>& nights, int arms,
                                          TrialOutcome outcome, double mid) {
    const double s = contrasts_orientation(outcome);
    // The best arm by the model's estimate against A (block-adjusted), not by raw means.
    std::vector<double> gain(static_cast<std::size_t>(arms), 0.0);
    for (int a = 1; a < arms; ++a) {
        const auto e = trial_effect(nights, a, outcome, mid);
        if (!e) {
            return {};
        }
        gain[static_cast<std::size_t>(a)] = s * e->diff;
    }
    const int best = static_cast<int>(std::max_element(gain.begin(), gain.end()) - gain.begin());
    std::vector<TrialContrast> out;
    std::vector<double> p_two;
    for (int other = 0; other < arms; ++other) {
        if (other == best) {
            continue;
        }
        const auto e = trial_pair_effect(nights, best, other, outcome, mid);
        if (!e) {
            return {};
        }
        TrialContrast c;
        c.best = best;
        c.other = other;
        c.effect = *e;
        // e is other - best; best - other, turned to the outcome's direction.
        c.gain = -s * e->diff;
        c.low = std::min(-s * e->low, -s * e->high);
        c.high = std::max(-s * e->low, -s * e->high);
        p_two.push_back(std::min(1.0, 2 * std::min(e->p_a_better, e->p_b_better)));
        out.push_back(c);
    }
    // Holm: the i-th smallest p times (m - i), never below the one before it.
    std::vector<std::size_t> order(out.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(),
              [&](std::size_t x, std::size_t y) { return p_two[x] < p_two[y]; });
    double running = 0;
    for (std::size_t i = 0; i < order.size(); ++i) {
        const auto m = static_cast<double>(order.size() - i);
        running = std::max(running, std::min(1.0, m * p_two[order[i]]));
        auto& c = out[order[i]];
        c.p_holm = running;
        c.settled = c.p_holm <= contrasts_k_alpha && c.gain > 0;
    }
    return out;
}

TrialDecision decide_many(const std::vector<TrialContrast>& contrasts,
                          const std::vector<AnalysedNight>& nights, int arms,
                          const std::optional<RandomisationTest>& test, TrialOutcome outcome,
                          double mid) {
    if (contrasts.empty()) {
        return TrialDecision::too_few;
    }
    const bool significant = test && test->p <= contrasts_k_alpha;
    if (significant && std::all_of(contrasts.begin(), contrasts.end(),
                                   [](const TrialContrast& c) { return c.settled; })) {
        return TrialDecision::best_arm;
    }
    for (int a = 0; a < arms; ++a) {
        for (int b = a + 1; b < arms; ++b) {
            const auto e = trial_pair_effect(nights, a, b, outcome, mid);
            if (!e || e->low <= -mid || e->high >= mid) {
                return TrialDecision::undecided;
            }
        }
    }
    return TrialDecision::no_difference;
}

} // namespace rls::report
