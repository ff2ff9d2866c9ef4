// A trial's analysis as planned: the nights as assigned and as done,
// adherence, the carry-over check, the decision in words and the timeline.
#include "report/regression.hpp"
#include "report/stats.hpp"
#include "report/trial.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace rls::report {

namespace {

// The first analysed night after a switch of arm (its previous night had another arm).
bool trial_after_switch(const Protocol& p, const TrialNight& n) {
    if (n.seq == 1) {
        return false;
    }
    return p.schedule[static_cast<std::size_t>(n.seq - 2)].arm != n.arm;
}

CarryOver trial_carry_over(const Protocol& p, const std::vector<AnalysedNight>& nights) {
    CarryOver c;
    for (const auto& n : nights) {
        (n.after_switch ? c.n_after_switch : c.n_rest) += 1;
    }
    if (c.n_after_switch < 2 || c.n_rest < 2) {
        return c;
    }
    // The arms and blocks as in the main model, plus "first night after a switch".
    stats::Design x;
    const std::size_t n = nights.size();
    x.names.push_back("intercept");
    x.columns.emplace_back(n, 1.0);
    for (int b = 2; b <= p.blocks; ++b) {
        std::vector<double> col(n, 0.0);
        for (std::size_t i = 0; i < n; ++i) {
            col[i] = nights[i].block == b ? 1.0 : 0.0;
        }
        x.names.push_back("block");
        x.columns.push_back(std::move(col));
    }
    for (std::size_t a = 1; a < p.arms.size(); ++a) {
        std::vector<double> col(n, 0.0);
        for (std::size_t i = 0; i < n; ++i) {
            col[i] = nights[i].arm == static_cast<int>(a) ? 1.0 : 0.0;
        }
        x.names.push_back("arm");
        x.columns.push_back(std::move(col));
    }
    std::vector<double> sw(n);
    std::vector<double> y(n);
    for (std::size_t i = 0; i < n; ++i) {
        sw[i] = nights[i].after_switch ? 1.0 : 0.0;
        y[i] = nights[i].y;
    }
    const std::size_t column = x.columns.size();
    x.names.push_back("after switch");
    x.columns.push_back(std::move(sw));
    if (n <= x.columns.size()) {
        return c;
    }
    std::vector<int> blocks(n);
    for (std::size_t i = 0; i < n; ++i) {
        blocks[i] = nights[i].block;
    }
    const auto coef = block_clustered(x, y, column, blocks);
    if (!coef || coef->df < 1) {
        return c;
    }
    const double t = stats::t_quantile(0.975, coef->df);
    c.diff = coef->estimate;
    c.low = coef->estimate - t * coef->se;
    c.high = coef->estimate + t * coef->se;
    return c;
}

std::string trial_fmt1(double v) {
    return fmt::format("{:.1f}", v);
}

// Blocks that would likely decide: with the interval shrinking as one over
// the square root of the nights, how many blocks until it leaves 0 (at the
// estimate seen so far) or fits inside +-MID.
std::optional<int> trial_blocks_to_decide(const TrialEffect& e, int blocks_with_data, double mid) {
    const double half = (e.high - e.low) / 2;
    const double d = std::fabs(e.diff);
    double needed = 1e9;
    if (d > 0) {
        needed = std::min(needed, blocks_with_data * std::pow(half / d, 2));
    }
    if (d < mid) {
        needed = std::min(needed, blocks_with_data * std::pow(half / (mid - d), 2));
    }
    if (needed > 1e6) {
        return std::nullopt;
    }
    return std::max(1, static_cast<int>(std::ceil(needed)) - blocks_with_data);
}

std::string trial_undecided_tail(const TrialAnalysis& a) {
    if (a.more_blocks) {
        return fmt::format(" About {} more block{} ({} nights) would likely decide.",
                           *a.more_blocks, *a.more_blocks == 1 ? "" : "s",
                           *a.more_blocks * static_cast<int>(a.arms.size()) *
                               (a.design == TrialDesign::abba ? 2 : 1));
    }
    return " No likely number of blocks would decide; any difference is small.";
}

// Three or four arms: the best arm named against each other one.
std::string trial_many_words(const TrialAnalysis& a, const std::string& better) {
    const auto& best = a.arms[static_cast<std::size_t>(a.contrasts.front().best)];
    const auto against = [&](const TrialContrast& c) {
        return fmt::format("{} by {} (95% interval {} to {}, Holm p {})",
                           a.arms[static_cast<std::size_t>(c.other)], trial_fmt1(c.gain),
                           trial_fmt1(c.low), trial_fmt1(c.high),
                           c.p_holm < 0.001 ? std::string("< 0.001")
                                            : fmt::format("{:.3f}", c.p_holm));
    };
    std::string settled;
    std::string open;
    for (const auto& c : a.contrasts) {
        auto& list = c.settled ? settled : open;
        list += (list.empty() ? "" : "; ") + against(c);
    }
    switch (a.decision) {
    case TrialDecision::best_arm:
        return fmt::format("{} gave {} than each other arm: than {}.", best, better, settled);
    case TrialDecision::no_difference:
        return fmt::format("no difference that matters between any two arms: every 95% "
                           "interval lies within +-{:g} point{}. Choose the arm you prefer.",
                           a.mid, a.mid == 1.0 ? "" : "s");
    default:
        break;
    }
    std::string text = fmt::format("undecided: {} did best{}; against {} it is not settled.", best,
                                   settled.empty() ? "" : ", better than " + settled, open);
    if (a.randomisation && a.randomisation->p > 0.05) {
        text += fmt::format(" The randomisation test does not reject \"no difference\" "
                            "(p = {:.3f}).",
                            a.randomisation->p);
    }
    return text + trial_undecided_tail(a);
}

std::string trial_decision_words(const TrialAnalysis& a, const TrialEffect* e,
                                 int blocks_with_data) {
    const std::string better =
        a.outcome == TrialOutcome::sleep ? "better sleep" : "less restless nights";
    std::string lead;
    if (a.stopped_before_first) {
        return "Stopped before its first night: there is nothing to decide.";
    }
    if (a.state == "running") {
        lead = "Interim (the trial is running; the decision is made after its last night): ";
    } else if (a.state == "stopped early") {
        lead = "Stopped early, so this rests on fewer nights than planned: ";
    }
    if (a.arms.size() > 2 && !a.contrasts.empty()) {
        return lead + trial_many_words(a, better);
    }
    switch (a.decision) {
    case TrialDecision::best_arm: // only with contrasts, above
    case TrialDecision::too_few:
        return lead + "too few rated nights of each arm to compare yet.";
    case TrialDecision::a_better:
    case TrialDecision::b_better: {
        const int arm = a.decision == TrialDecision::a_better ? 0 : e->arm;
        const double p_mid = a.decision == TrialDecision::a_better ? e->p_a_mid : e->p_b_mid;
        return lead + fmt::format("{} gave {} than {} (by {} points, 95% interval {} to {}); "
                                  "the chance it is better by at least {:g} point{} is {:.0f}%.",
                                  a.arms[static_cast<std::size_t>(arm)], better,
                                  a.arms[static_cast<std::size_t>(arm == 0 ? e->arm : 0)],
                                  trial_fmt1(std::fabs(e->diff)),
                                  trial_fmt1(std::fabs(e->diff) == e->diff ? e->low : -e->high),
                                  trial_fmt1(std::fabs(e->diff) == e->diff ? e->high : -e->low),
                                  a.mid, a.mid == 1.0 ? "" : "s", 100 * p_mid);
    }
    case TrialDecision::no_difference:
        return lead + fmt::format("no difference that matters: the 95% interval lies within "
                                  "+-{:g} point{}. Choose the arm you prefer.",
                                  a.mid, a.mid == 1.0 ? "" : "s");
    case TrialDecision::undecided:
        break;
    }
    (void)blocks_with_data;
    return lead + "undecided: the nights so far do not settle it." + trial_undecided_tail(a);
}

} // namespace

std::optional<std::string> trial_adherence_text(const TrialAnalysis& a) {
    if (a.stopped_before_first) {
        return std::nullopt;
    }
    if (!a.adherence_pct) {
        return "Adherence: no night has ended yet.";
    }
    return fmt::format("Adherence: {} of {} nights{} as assigned ({:.0f}%); {} "
                       "deviation{}, {} not logged; {} of {} ended nights rated.",
                       a.followed, a.begun, a.state == "running" ? " so far" : "", *a.adherence_pct,
                       a.deviated, a.deviated == 1 ? "" : "s", a.forgotten, a.rated, a.ended);
}

std::optional<std::string> trial_stop_text(const TrialAnalysis& a) {
    if (a.stopped_before_first) {
        return fmt::format("Stopped before its first night ({}): no night was run.",
                           format_date(a.first_night));
    }
    if (a.state == "stopped early") {
        return fmt::format("Stopped early after the night of {}.", format_date(a.last_night));
    }
    return std::nullopt;
}

TrialAnalysis analyse_trial(const Trial& t, const std::vector<Session>& sessions,
                            const std::vector<Rating>& ratings, Date tonight) {
    const auto& p = t.protocol;
    TrialAnalysis a;
    a.id = t.id;
    a.fingerprint = t.fingerprint;
    a.outcome = p.outcome;
    a.design = p.design;
    a.mid = p.mid;
    a.blocks = p.blocks;
    a.nights_planned = static_cast<int>(p.schedule.size());
    a.first_night = p.first_night;
    a.last_night = t.end_night();
    a.planned_last_night = p.last_night();
    a.stopped_before_first = t.stopped.has_value() && t.end_night() < p.first_night;
    for (const auto& arm : p.arms) {
        a.arms.push_back(arm.label());
    }
    if (a.stopped_before_first) {
        a.state = "stopped before its first night";
    } else if (t.stopped) {
        a.state = "stopped early";
    } else if (tonight < p.first_night) {
        a.state = "planned";
    } else {
        a.state = tonight > p.last_night() ? "finished" : "running";
    }
    const auto records = trial_records(t, sessions, ratings, tonight);
    std::vector<AnalysedNight> assigned;
    std::vector<AnalysedNight> done;
    for (const auto& r : records) {
        const auto& n = *r.night;
        if (r.state == NightState::upcoming) {
            // Nights to come stay out of the timeline: with washout nights,
            // where they fall, and so each block's length, follow the arms.
            continue;
        }
        if (a.timeline.empty() || a.timeline.back().block != n.block) {
            a.timeline.push_back({n.block, {}});
        }
        const auto score = r.score(p.outcome);
        a.timeline.back().nights.push_back(
            {n.night, n.arm, r.done, r.state, n.washout, r.skipped, score});
        ++a.begun;
        a.followed += r.state == NightState::followed ? 1 : 0;
        a.deviated += r.state == NightState::deviated ? 1 : 0;
        a.forgotten += r.state == NightState::forgotten ? 1 : 0;
        a.skipped += r.skipped ? 1 : 0;
        if (n.night >= tonight) {
            continue; // not over yet
        }
        ++a.ended;
        a.rated += score ? 1 : 0;
        if (n.washout || !score) {
            continue;
        }
        const bool switched = trial_after_switch(p, n);
        assigned.push_back({n.seq, n.block, n.arm, static_cast<double>(*score), switched});
        if (r.done) {
            done.push_back({n.seq, n.block, *r.done, static_cast<double>(*score), switched});
        }
    }
    const int logged = a.followed + a.deviated + a.forgotten;
    if (logged > 0) {
        a.adherence_pct = 100.0 * a.followed / logged;
    }
    for (std::size_t arm = 1; arm < p.arms.size(); ++arm) {
        if (auto e = trial_effect(assigned, static_cast<int>(arm), p.outcome, p.mid)) {
            a.as_assigned.push_back(*e);
        }
        if (auto e = trial_effect(done, static_cast<int>(arm), p.outcome, p.mid)) {
            a.as_done.push_back(*e);
        }
    }
    if (!assigned.empty()) {
        a.randomisation = randomisation_test(p, assigned);
    }
    a.carry_over = trial_carry_over(p, assigned);
    // The decision rests on the primary comparison: B against A.
    const TrialEffect* primary = nullptr;
    for (const auto& e : a.as_assigned) {
        if (e.arm == 1) {
            primary = &e;
        }
    }
    const int arms = static_cast<int>(p.arms.size());
    if (arms > 2) { // the best arm against each other one, not B against A alone
        a.contrasts = best_contrasts(assigned, arms, p.outcome, p.mid);
        a.decision = decide_many(a.contrasts, assigned, arms, a.randomisation, p.outcome, p.mid);
    } else {
        a.decision = decide(primary ? std::optional<TrialEffect>(*primary) : std::nullopt,
                            a.randomisation, p.outcome, p.mid);
    }
    int blocks_with_data = 0;
    for (int b = 1; b <= p.blocks; ++b) {
        blocks_with_data += std::any_of(assigned.begin(), assigned.end(),
                                        [&](const AnalysedNight& n) { return n.block == b; })
                                ? 1
                                : 0;
    }
    if (a.decision == TrialDecision::undecided && arms > 2 && !a.contrasts.empty()) {
        // The closest contest decides last: the unsettled contrast with the least gain.
        const TrialContrast* closest = nullptr;
        for (const auto& c : a.contrasts) {
            if (!c.settled && (closest == nullptr || c.gain < closest->gain)) {
                closest = &c;
            }
        }
        if (closest != nullptr) {
            a.more_blocks = trial_blocks_to_decide(closest->effect, blocks_with_data, p.mid);
        }
    } else if (a.decision == TrialDecision::undecided && primary != nullptr) {
        a.more_blocks = trial_blocks_to_decide(*primary, blocks_with_data, p.mid);
    }
    a.decision_text = trial_decision_words(a, primary, blocks_with_data);
    return a;
}

} // namespace rls::report
