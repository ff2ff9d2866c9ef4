// The trial's analysis for a terminal, as JSON and as CSV.
#include "report/trial_render.hpp"

#include "core/terminal_text.hpp"
#include "core/text_formats.hpp"

#include <cmath>
#include <fmt/format.h>

namespace rls::report {

using nlohmann::ordered_json;

std::string_view decision_id(TrialDecision d) {
    switch (d) {
    case TrialDecision::too_few:
        return "too_few";
    case TrialDecision::a_better:
        return "a_better";
    case TrialDecision::b_better:
        return "b_better";
    case TrialDecision::no_difference:
        return "no_difference";
    case TrialDecision::undecided:
        return "undecided";
    case TrialDecision::best_arm:
        return "best_arm";
    }
    return "too_few";
}

namespace {

std::string trial_signed1(double v) {
    const auto s = fmt::format("{:+.1f}", v);
    return s == "-0.0" ? "+0.0" : s;
}

std::string trial_pct(double p) {
    const double v = 100 * p;
    if (v > 0 && v < 1) {
        return "<1%";
    }
    if (v < 100 && v > 99) {
        return ">99%";
    }
    return fmt::format("{:.0f}%", v);
}

// Continuation lines sit two further in, so every line is wrapped to fit them.
void trial_paragraph(std::string& out, const std::string& text, std::size_t indent = 2) {
    bool first = true;
    for (const auto& l : wrap(visible(text), 80 - indent - 2)) {
        out += std::string(first ? indent : indent + 2, ' ') + l + "\n";
        first = false;
    }
}

std::string trial_letter(int arm) {
    return std::string(1, arm_letter(arm));
}

void trial_effect_lines(std::string& out, const TrialAnalysis& a, const TrialEffect& e,
                        const char* what) {
    const auto b = trial_letter(e.arm);
    trial_paragraph(out, fmt::format("{}: {} - A = {} points, 95% interval {} to {} ({} nights; "
                                     "means A {:.1f}, {} {:.1f})",
                                     what, b, trial_signed1(e.diff), trial_signed1(e.low),
                                     trial_signed1(e.high), e.n, e.mean_a.value_or(0), b,
                                     e.mean_b.value_or(0)));
    trial_paragraph(out,
                    fmt::format("P({} better) {}, by at least {:g} {}; P(A better) {}, by at "
                                "least {:g} {}.",
                                b, trial_pct(e.p_b_better), a.mid, trial_pct(e.p_b_mid),
                                trial_pct(e.p_a_better), a.mid, trial_pct(e.p_a_mid)),
                    4);
}

std::string trial_night_cell(const TimelineNight& n) {
    const auto date = format_date(n.night).substr(5);
    std::string arm = trial_letter(n.arm);
    if (n.state == NightState::deviated) {
        arm += "!" + (n.done ? trial_letter(*n.done) : std::string("x"));
    } else if (n.state == NightState::forgotten) {
        arm += "?";
    }
    const auto cell =
        fmt::format("{} {} {}", date, arm, n.score ? std::to_string(*n.score) : std::string("-"));
    return n.washout ? "(" + cell + ")" : cell;
}

} // namespace

std::string render_trial_text(const TrialAnalysis& a, bool color) {
    const Style p(color);
    std::string out;
    std::string arms;
    for (std::size_t i = 0; i < a.arms.size(); ++i) {
        arms += fmt::format("{}{} ({})", i == 0 ? "" : " vs ", a.arms[i],
                            trial_letter(static_cast<int>(i)));
    }
    out +=
        p.bold(shorten(visible(fmt::format("Trial {}: {} - {}", a.id, arms, a.state)), 80)) + "\n";
    out += fmt::format("  Fingerprint: {}\n", a.fingerprint);
    trial_paragraph(
        out,
        fmt::format("Planned: {} blocks of {}, {} nights from {} to {}; outcome {} "
                    "({}); a difference that matters: {:g} point{}.",
                    a.blocks, a.design == TrialDesign::pairs ? "randomised pairs" : "ABBA/BAAB",
                    a.nights_planned, format_date(a.first_night), format_date(a.planned_last_night),
                    outcome_name(a.outcome),
                    a.outcome == TrialOutcome::sleep ? "higher is better" : "lower is better",
                    a.mid, a.mid == 1.0 ? "" : "s"));
    if (const auto stop = trial_stop_text(a)) {
        trial_paragraph(out, *stop);
    }
    if (const auto adherence = trial_adherence_text(a)) {
        trial_paragraph(out, *adherence);
    }
    if (a.stopped_before_first) { // no night was run: nothing to estimate, test or draw
        out += "  " + p.bold("Decision:") + "\n";
        trial_paragraph(out, a.decision_text, 4);
        return out;
    }
    if (a.as_assigned.empty()) {
        out += "  Too few rated nights of each arm to estimate a difference yet.\n";
    }
    for (const auto& e : a.as_assigned) {
        trial_effect_lines(out, a, e, "As assigned (primary)");
    }
    if (a.randomisation) {
        const auto& r = *a.randomisation;
        trial_paragraph(out,
                        fmt::format("Randomisation test: p = {:.3f} ({}).", r.p,
                                    r.exact ? fmt::format("exact, all {} allocations", r.draws)
                                            : fmt::format("{} seeded re-randomisations of {:.3g}",
                                                          r.draws, r.allocations)));
    }
    for (const auto& e : a.as_done) {
        trial_effect_lines(out, a, e, "As done");
    }
    const auto& c = a.carry_over;
    if (c.diff) {
        const bool sign = c.low > 0 || c.high < 0;
        trial_paragraph(
            out, fmt::format("Carry-over check: first nights after a switch differ from "
                             "the rest by {} (95% interval {} to {}): {}.",
                             trial_signed1(*c.diff), trial_signed1(c.low), trial_signed1(c.high),
                             sign ? "possible carry-over; a washout night would help"
                                  : "no sign of it (a weak check)"));
    } else {
        out += "  Carry-over check: too few nights yet.\n";
    }
    out += "  " + p.bold("Decision:") + "\n";
    trial_paragraph(out, a.decision_text, 4);
    out += p.dim("  Timeline: arm and score per night; A!B assigned A, did B; ? not logged;\n"
                 "  - not rated; ( ) washout, not analysed; A!x did none of the arms.\n");
    for (const auto& b : a.timeline) {
        std::string line = fmt::format("    block {:>2} ", b.block);
        for (const auto& n : b.nights) {
            const auto cell = trial_night_cell(n);
            if (display_width(line) + cell.size() + 2 > 80) {
                out += line + "\n";
                line = std::string(13, ' ');
            }
            line += " " + cell + " ";
        }
        while (!line.empty() && line.back() == ' ') {
            line.pop_back();
        }
        out += line + "\n";
    }
    return out;
}

namespace {

ordered_json trial_effect_json(const TrialEffect& e, const TrialAnalysis& a) {
    return {{"a", a.arms[0]},
            {"b", a.arms[static_cast<std::size_t>(e.arm)]},
            {"n", e.n},
            {"n_a", e.n_a},
            {"n_b", e.n_b},
            {"mean_a", e.mean_a ? ordered_json(*e.mean_a) : ordered_json(nullptr)},
            {"mean_b", e.mean_b ? ordered_json(*e.mean_b) : ordered_json(nullptr)},
            {"diff", e.diff},
            {"ci95_low", e.low},
            {"ci95_high", e.high},
            {"se", e.se},
            {"df", e.df},
            {"p_b_better", e.p_b_better},
            {"p_a_better", e.p_a_better},
            {"p_b_better_by_mid", e.p_b_mid},
            {"p_a_better_by_mid", e.p_a_mid}};
}

} // namespace

ordered_json render_trial_json(const TrialAnalysis& a) {
    ordered_json j;
    j["id"] = a.id;
    j["fingerprint"] = a.fingerprint;
    j["state"] = a.state;
    j["arms"] = a.arms;
    j["design"] = design_name(a.design);
    j["blocks"] = a.blocks;
    j["outcome"] = outcome_name(a.outcome);
    j["mid"] = a.mid;
    j["first_night"] = format_date(a.first_night);
    j["last_night"] = format_date(a.last_night);
    j["planned_last_night"] = format_date(a.planned_last_night);
    j["stopped_before_first"] = a.stopped_before_first;
    j["nights_planned"] = a.nights_planned;
    j["adherence"] = {
        {"begun", a.begun},
        {"followed", a.followed},
        {"deviated", a.deviated},
        {"not_logged", a.forgotten},
        {"skipped", a.skipped},
        {"pct", a.adherence_pct ? ordered_json(*a.adherence_pct) : ordered_json(nullptr)},
        {"ended", a.ended},
        {"rated", a.rated}};
    j["as_assigned"] = ordered_json::array();
    for (const auto& e : a.as_assigned) {
        j["as_assigned"].push_back(trial_effect_json(e, a));
    }
    j["as_done"] = ordered_json::array();
    for (const auto& e : a.as_done) {
        j["as_done"].push_back(trial_effect_json(e, a));
    }
    if (a.randomisation) {
        const auto& r = *a.randomisation;
        j["randomisation"] = {{"p", r.p},
                              {"exact", r.exact},
                              {"allocations", r.allocations},
                              {"draws", r.draws},
                              {"n", r.n}};
    } else {
        j["randomisation"] = nullptr;
    }
    const auto& c = a.carry_over;
    j["carry_over"] = {{"n_after_switch", c.n_after_switch},
                       {"n_rest", c.n_rest},
                       {"diff", c.diff ? ordered_json(*c.diff) : ordered_json(nullptr)},
                       {"ci95_low", c.diff ? ordered_json(c.low) : ordered_json(nullptr)},
                       {"ci95_high", c.diff ? ordered_json(c.high) : ordered_json(nullptr)}};
    j["decision"] = decision_id(a.decision);
    j["decision_text"] = a.decision_text;
    j["more_blocks"] = a.more_blocks ? ordered_json(*a.more_blocks) : ordered_json(nullptr);
    // More than two arms: the best arm against each other one (Holm), as decided.
    j["contrasts"] = ordered_json::array();
    for (const auto& k : a.contrasts) {
        j["contrasts"].push_back({{"best", a.arms[static_cast<std::size_t>(k.best)]},
                                  {"other", a.arms[static_cast<std::size_t>(k.other)]},
                                  {"gain", k.gain},
                                  {"ci95_low", k.low},
                                  {"ci95_high", k.high},
                                  {"p_holm", k.p_holm},
                                  {"settled", k.settled}});
    }
    j["timeline"] = ordered_json::array();
    for (const auto& b : a.timeline) {
        for (const auto& n : b.nights) {
            const bool known = n.state != NightState::upcoming;
            j["timeline"].push_back(
                {{"block", b.block},
                 {"night", format_date(n.night)},
                 {"assigned", known ? ordered_json(a.arms[static_cast<std::size_t>(n.arm)])
                                    : ordered_json(nullptr)},
                 {"done", n.done ? ordered_json(a.arms[static_cast<std::size_t>(*n.done)])
                                 : ordered_json(nullptr)},
                 {"state", night_state_name(n.state)},
                 {"washout", n.washout},
                 {"skipped", n.skipped},
                 {"score", n.score ? ordered_json(*n.score) : ordered_json(nullptr)}});
        }
    }
    return j;
}

std::string render_trial_csv(const TrialAnalysis& a) {
    std::string out = "section,trial,analysis,block,night,a,b,state,n,diff,ci95_low,ci95_high,"
                      "p_b_better,p_b_better_by_mid,randomisation_p,decision,score,p_holm\r\n";
    const auto num = [](double v) { return fmt::format("{:.6g}", v); };
    const auto effects = [&](const char* analysis, const std::vector<TrialEffect>& list) {
        for (const auto& e : list) {
            out +=
                fmt::format("trial,{},{},,,{},{},{},{},{},{},{},{},{},{},{},,\r\n", a.id, analysis,
                            csv_field(a.arms[0], true),
                            csv_field(a.arms[static_cast<std::size_t>(e.arm)], true), a.state, e.n,
                            num(e.diff), num(e.low), num(e.high), num(e.p_b_better), num(e.p_b_mid),
                            a.randomisation && std::string_view(analysis) == "as_assigned"
                                ? num(a.randomisation->p)
                                : std::string(),
                            decision_id(a.decision));
        }
    };
    effects("as_assigned", a.as_assigned);
    effects("as_done", a.as_done);
    // More than two arms: the best arm (b) against each other one (a), as decided.
    for (const auto& k : a.contrasts) {
        const auto& e = k.effect; // other - best
        out += fmt::format("trial,{},best_vs_other,,,{},{},{},{},{},{},{},{},{},,{},,{}\r\n", a.id,
                           csv_field(a.arms[static_cast<std::size_t>(k.other)], true),
                           csv_field(a.arms[static_cast<std::size_t>(k.best)], true), a.state, e.n,
                           num(-e.diff), num(-e.high), num(-e.low), num(e.p_a_better),
                           num(e.p_a_mid), decision_id(a.decision), num(k.p_holm));
    }
    for (const auto& b : a.timeline) {
        for (const auto& n : b.nights) {
            const bool known = n.state != NightState::upcoming;
            out += fmt::format(
                "trial_night,{},,{},{},{},{},{},,,,,,,,,{},\r\n", a.id, b.block,
                format_date(n.night),
                known ? csv_field(a.arms[static_cast<std::size_t>(n.arm)], true) : std::string(),
                n.done ? csv_field(a.arms[static_cast<std::size_t>(*n.done)], true) : std::string(),
                n.washout ? std::string("washout") : std::string(night_state_name(n.state)),
                n.score ? std::to_string(*n.score) : std::string());
        }
    }
    return out;
}

} // namespace rls::report
