// Seeded simulation of the trial analysis under the default design (8
// randomised AB/BA pairs): AR(1) noise with phi 0.5 and innovations of SD 1,
// plus a drift. Under no difference the randomisation test must reject at
// most 6% and the interval cover 0 at least 93%; with a true difference of
// 1.5 points the decision must find it at least 80% of the time. The
// figures are printed, for the README.
#include "report/trial.hpp"

#include <cmath>
#include <cstdio>
#include <doctest/doctest.h>
#include <random>

using namespace rls;
using namespace rls::report;

namespace {

constexpr int k_trial_runs = 1000;

struct TrialFigures {
    int runs = 0;
    int rejected = 0; // randomisation p <= 0.05
    int covered = 0;  // the interval holds the true difference
    int b_better = 0; // the decision: B better
    int a_better = 0;
    int no_difference = 0;
};

TrialFigures simulate_trial(double difference, double drift_per_night, std::uint64_t seed,
                            TrialDesign design = TrialDesign::pairs, int blocks = 8) {
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> z(0.0, 1.0);
    TrialFigures f;
    Protocol p;
    p.arms = {Arm{}, Arm{}};
    p.arms[1].kind = Arm::Kind::routine;
    p.arms[1].routine = "standard";
    p.design = design;
    p.blocks = blocks;
    p.first_night = date::year{2026} / 1 / 5;
    for (int run = 0; run < k_trial_runs; ++run) {
        p.seed = rng() & k_max_trial_seed;
        p.schedule = make_schedule(2, design, blocks, 0, p.first_night, p.seed);
        // Stationary AR(1): marginal variance 1 / (1 - phi^2).
        double noise = z(rng) / std::sqrt(0.75);
        std::vector<AnalysedNight> nights;
        for (const auto& n : p.schedule) {
            noise = 0.5 * noise + z(rng);
            const double y =
                6.0 + drift_per_night * n.seq + noise + (n.arm == 1 ? difference : 0.0);
            nights.push_back({n.seq, n.block, n.arm, y, false});
        }
        const auto effect = trial_effect(nights, 1, TrialOutcome::sleep, 1.0);
        const auto test = randomisation_test(p, nights);
        REQUIRE(effect);
        REQUIRE(test.exact);
        ++f.runs;
        f.rejected += test.p <= 0.05 ? 1 : 0;
        f.covered += effect->low <= difference && difference <= effect->high ? 1 : 0;
        switch (decide(effect, test, TrialOutcome::sleep, 1.0)) {
        case TrialDecision::b_better:
            ++f.b_better;
            break;
        case TrialDecision::a_better:
            ++f.a_better;
            break;
        case TrialDecision::no_difference:
            ++f.no_difference;
            break;
        default:
            break;
        }
    }
    return f;
}

double trial_pct(int k, int n) {
    return 100.0 * k / n;
}

} // namespace

TEST_SUITE("report.simulation") {
    TEST_CASE("trial, no difference: the test rejects at most 6%, the interval covers 0") {
        for (const double drift : {0.0, 0.1}) {
            const auto f = simulate_trial(0.0, drift, drift == 0.0 ? 101 : 102);
            std::printf("trial null, drift %.2f/night: randomisation rejects %.1f%%, interval "
                        "covers 0 %.1f%%, decides a difference %.1f%% (%d runs)\n",
                        drift, trial_pct(f.rejected, f.runs), trial_pct(f.covered, f.runs),
                        trial_pct(f.a_better + f.b_better, f.runs), f.runs);
            CHECK(trial_pct(f.rejected, f.runs) <= 6.0);
            CHECK(trial_pct(f.covered, f.runs) >= 93.0);
            CHECK(trial_pct(f.a_better + f.b_better, f.runs) <= 6.0);
        }
    }

    TEST_CASE("trial, a true difference of 1.5 points: the default design finds it") {
        for (const double drift : {0.0, 0.1}) {
            const auto f = simulate_trial(1.5, drift, drift == 0.0 ? 201 : 202);
            std::printf("trial 1.5 points, drift %.2f/night: decides B better %.1f%%, A better "
                        "%.1f%%, interval covers 1.5 %.1f%%, randomisation rejects %.1f%% "
                        "(%d runs)\n",
                        drift, trial_pct(f.b_better, f.runs), trial_pct(f.a_better, f.runs),
                        trial_pct(f.covered, f.runs), trial_pct(f.rejected, f.runs), f.runs);
            CHECK(trial_pct(f.b_better, f.runs) >= 80.0);
            CHECK(f.a_better == 0);
            CHECK(trial_pct(f.covered, f.runs) >= 93.0);
        }
    }
}
