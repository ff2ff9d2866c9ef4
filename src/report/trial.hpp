// The planned analysis of an N-of-1 trial: the difference between arms with
// its 95% interval (block fixed effects for the period, errors robust to
// correlated nights within a block), a randomisation test over the design's
// allocations, probabilities of benefit, as assigned and as done, adherence,
// a carry-over check, a decision in plain words and a timeline per block.
#pragma once

#include "core/trial.hpp"
#include "report/regression.hpp"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace rls::report {

// Arm j compared with arm A (index 0): raw difference j - A in outcome
// points, and the probabilities oriented so that "better" means higher
// sleep or lower restlessness.
struct TrialEffect {
    int arm = 1;
    int n = 0; // rated, analysed nights in the fit
    int n_a = 0;
    int n_b = 0;
    std::optional<double> mean_a;
    std::optional<double> mean_b;
    double diff = 0;
    double low = 0;
    double high = 0;
    double se = 0;
    double df = 0;         // blocks with data - 1
    double p_b_better = 0; // P(arm j better than A)
    double p_a_better = 0;
    double p_b_mid = 0; // ... by at least the minimal important difference
    double p_a_mid = 0;
};

struct RandomisationTest {
    double p = 1;
    bool exact = true;
    double allocations = 0; // the design's, whether enumerated or sampled
    int draws = 0;          // re-randomisations used (all of them when exact)
    int n = 0;
};

struct CarryOver {
    int n_after_switch = 0;
    int n_rest = 0;
    std::optional<double> diff; // first nights after a switch minus the rest
    double low = 0;
    double high = 0;
};

// a_better and b_better decide two arms; best_arm, a trial of three or four
// arms in which one arm beat every other.
enum class TrialDecision { too_few, a_better, b_better, no_difference, undecided, best_arm };

// With more than two arms, "B vs A" alone would leave C untested: the
// decision compares the arm with the best estimate against every other arm.
// `gain` is how much better `best` did than `other` (positive: better, on
// the outcome's own direction), with its 95% interval; the two-sided p is
// Holm-adjusted over the k - 1 contrasts.
struct TrialContrast {
    int best = 0;
    int other = 0;
    TrialEffect effect; // other - best as trial_effect gives it, for the blocks to decide
    double gain = 0;
    double low = 0;
    double high = 0;
    double p_holm = 1;
    bool settled = false; // best is better than other: Holm p <= 0.05 and gain > 0
};

struct TimelineNight {
    Date night{};
    int arm = 0;             // assigned
    std::optional<int> done; // what was done, when it is an arm
    NightState state = NightState::upcoming;
    bool washout = false;
    bool skipped = false;
    std::optional<int> score;
};
struct TimelineBlock {
    int block = 0;
    std::vector<TimelineNight> nights;
};

struct TrialAnalysis {
    std::int64_t id = 0;
    std::string fingerprint;
    // "running", "finished", "stopped early", "stopped before its first night", "planned"
    std::string state;
    std::vector<std::string> arms;
    TrialOutcome outcome = TrialOutcome::sleep;
    TrialDesign design = TrialDesign::pairs;
    double mid = 1;
    int blocks = 0;
    int nights_planned = 0;
    Date first_night{};
    Date last_night{};                 // the last night run: the planned one, or where it stopped
    Date planned_last_night{};         // as planned, whatever happened
    bool stopped_before_first = false; // stopped before its first night: nothing was run
    // Adherence over nights that have begun.
    int begun = 0;
    int followed = 0;
    int deviated = 0;
    int forgotten = 0;
    int skipped = 0;
    std::optional<double> adherence_pct;  // none before a night has ended or been logged
    int ended = 0;                        // nights over (morning come)
    int rated = 0;                        // of those, with the primary outcome
    std::vector<TrialEffect> as_assigned; // the primary analysis, one per arm after A
    std::vector<TrialEffect> as_done;
    std::optional<RandomisationTest> randomisation;
    CarryOver carry_over;
    TrialDecision decision = TrialDecision::too_few;
    std::string decision_text;
    std::optional<int> more_blocks; // that would likely decide, when undecided
    // More than two arms: the best arm against each other one, as assigned.
    std::vector<TrialContrast> contrasts;
    std::vector<TimelineBlock> timeline;
};

// "Adherence: 5 of 6 nights so far as assigned (83%); ...", or that no night
// has ended yet, or nothing when the trial was stopped before its first night.
[[nodiscard]] std::optional<std::string> trial_adherence_text(const TrialAnalysis& a);
// "Stopped early after the night of D." or "Stopped before its first night
// (D): no night was run." for a stopped trial; nothing otherwise.
[[nodiscard]] std::optional<std::string> trial_stop_text(const TrialAnalysis& a);

// `tonight` is the night in progress: nights before it have ended.
[[nodiscard]] TrialAnalysis analyse_trial(const Trial& t, const std::vector<Session>& sessions,
                                          const std::vector<Rating>& ratings, Date tonight);

// The analysed nights of a two-or-more-arm trial as the statistics see them
// (exposed for the simulation suite): block, arm, score, time order.
struct AnalysedNight {
    int seq = 0;
    int block = 0;
    int arm = 0;
    double y = 0;
    bool after_switch = false;
};
// The coefficient of `column` with errors robust to any correlation of the
// nights within a block (CR1, t with blocks - 1 degrees of freedom); columns
// named "block" are block indicators. With
// block fixed effects and AB/BA pairs this is the paired t; randomising
// each block's order makes the blocks' contrasts uncorrelated on average,
// so correlation between nearby blocks does not bias it either.
[[nodiscard]] std::optional<stats::Coefficient> block_clustered(const stats::Design& x,
                                                                std::span<const double> y,
                                                                std::size_t column,
                                                                std::span<const int> block);
[[nodiscard]] std::optional<TrialEffect> trial_effect(const std::vector<AnalysedNight>& nights,
                                                      int arm, TrialOutcome outcome, double mid);
// The randomisation test of "no difference between arms": the design's
// allocations re-drawn within blocks (every one when there are at most
// 100,000, else 10,000 seeded draws); slots hold the analysed nights of
// each block in order, with their scores (missing ones left out).
[[nodiscard]] RandomisationTest randomisation_test(const Protocol& p,
                                                   const std::vector<AnalysedNight>& nights);
// The effect of `arm` against `reference` (arm - reference), any two arms.
[[nodiscard]] std::optional<TrialEffect> trial_pair_effect(const std::vector<AnalysedNight>& nights,
                                                           int reference, int arm,
                                                           TrialOutcome outcome, double mid);
// The best arm (best model estimate) against every other; empty when some
// arm has too few rated nights.
[[nodiscard]] std::vector<TrialContrast> best_contrasts(const std::vector<AnalysedNight>& nights,
                                                        int arms, TrialOutcome outcome, double mid);
// The decision of a trial of more than two arms: best_arm when the
// randomisation test rejects "no difference" and the best arm beat each
// other arm (Holm), no_difference when every pair's interval lies within
// +-MID, too_few without contrasts, otherwise undecided.
[[nodiscard]] TrialDecision decide_many(const std::vector<TrialContrast>& contrasts,
                                        const std::vector<AnalysedNight>& nights, int arms,
                                        const std::optional<RandomisationTest>& test,
                                        TrialOutcome outcome, double mid);
[[nodiscard]] TrialDecision decide(const std::optional<TrialEffect>& effect,
                                   const std::optional<RandomisationTest>& test,
                                   TrialOutcome outcome, double mid);

} // namespace rls::report
