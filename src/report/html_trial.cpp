// The trial timeline: the nights in a strip, grouped by block. The arm is a
// letter as well as a shade, and what happened is a word in each cell's
// title and a mark in the cell, so that the strip reads in grayscale.
#include "report/html_trial.hpp"

#include "report/svg.hpp"
#include "report/trial_render.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <map>

namespace rls::report {

std::string trial_timeline(const std::vector<TrialCell>& nights, std::string_view outcome) {
    if (nights.empty()) {
        return {};
    }
    std::map<int, std::vector<const TrialCell*>> blocks;
    for (const auto& n : nights) {
        blocks[n.block].push_back(&n);
    }
    // Left to right like the night chart, whole blocks to a row and the rows
    // about even: a 16-night trial is one strip, a long one wraps after at
    // most four weeks. A block longer than a row (four arms with a week's
    // washout each) continues on the next.
    constexpr std::size_t k_row_nights = 28;
    const std::size_t row_count = (nights.size() + k_row_nights - 1) / k_row_nights;
    const std::size_t target = (nights.size() + row_count - 1) / row_count;
    using Segment = std::vector<const TrialCell*>; // a block, or a row's part of one
    std::vector<std::vector<Segment>> rows(1);
    std::size_t in_row = 0;
    const auto start_row = [&] {
        rows.emplace_back();
        in_row = 0;
    };
    for (const auto& [block, list] : blocks) {
        if (list.size() <= k_row_nights) {
            if (in_row > 0 && (in_row >= target || in_row + list.size() > k_row_nights)) {
                start_row();
            }
            rows.back().push_back(list);
            in_row += list.size();
            continue;
        }
        for (std::size_t first = 0; first < list.size();) {
            if (in_row >= target) {
                start_row();
            }
            const std::size_t count = std::min(list.size() - first, target - in_row);
            rows.back().emplace_back(list.begin() + static_cast<std::ptrdiff_t>(first),
                                     list.begin() + static_cast<std::ptrdiff_t>(first + count));
            first += count;
            in_row += count;
        }
    }
    constexpr double k_left = 64;
    constexpr double k_gap = 6;
    constexpr double k_cell_h = 24;
    constexpr double k_row = k_cell_h + 6;
    double cell = 44;
    for (const auto& row : rows) {
        std::size_t count = 0;
        for (const auto& segment : row) {
            count += segment.size();
        }
        const double room =
            svg::k_chart_width - k_left - 4 - k_gap * static_cast<double>(row.size() - 1);
        cell = std::min(cell, room / static_cast<double>(count));
    }
    const double height = 6 + k_row * static_cast<double>(rows.size());
    svg::Canvas c(
        svg::k_chart_width, height, "trial-timeline", "Trial timeline",
        fmt::format(
            "{} trial nights in {} blocks, left to right, a gap between blocks: each cell is a "
            "night with its assigned arm (letter), its {} score, and marks "
            "for a washout night (w), a deviation (!), a forgotten night (?); "
            "nights to come are not shown.",
            nights.size(), blocks.size(), outcome));
    double y = 6;
    for (const auto& row : rows) {
        c.text(k_left - 6, y + 15, format_date(row.front().front()->night), "row-label", "end");
        double x = k_left;
        for (const auto& segment : row) {
            for (const auto* night : segment) {
                const auto& n = *night;
                std::string mark;
                if (n.washout) {
                    mark += "w";
                }
                if (n.state == "deviated") {
                    mark += "!";
                } else if (n.state == "forgotten") {
                    mark += "?";
                }
                const auto score = n.score ? svg::num(*n.score) : std::string();
                c.raw(fmt::format(
                    "<g class=\"trial-night {}\" data-night=\"{}\" data-arm=\"{}\" "
                    "data-state=\"{}\" data-score=\"{}\"><title>{}, block {}: arm {}{}, "
                    "{}{}</title>\n",
                    svg::escape(n.state), format_date(n.night), svg::escape(n.arm),
                    svg::escape(n.state), score, format_date(n.night), n.block, svg::escape(n.arm),
                    n.washout ? " (washout)" : "", svg::escape(n.state),
                    n.score ? fmt::format(", {} {}", outcome, score) : ""));
                c.rect(x + 0.5, y, cell - 1, k_cell_h,
                       fmt::format("cellbox arm{}", n.arm_index % 4));
                c.text(x + 3, y + 9, n.arm, "arm-label");
                if (!mark.empty()) {
                    c.text(x + cell - 3, y + 9, mark, "arm-label", "end");
                }
                if (!score.empty()) {
                    c.text(x + cell / 2, y + 20, score, "tick", "middle");
                }
                c.raw("</g>\n");
                x += cell;
            }
            x += k_gap;
        }
        y += k_row;
    }
    return c.finish();
}

namespace {

std::string letter_of(int arm) {
    return std::string(1, arm_letter(arm));
}

std::string signed_1(double v) {
    const double r = std::round(v * 10.0) / 10.0;
    return fmt::format("{:+.1f}", r == 0.0 ? 0.0 : r);
}

std::string percent_of(double p) {
    return fmt::format("{:.0f}%", std::clamp(p * 100.0, 1.0, 99.0));
}

std::string effect_html(const TrialAnalysis& a, const TrialEffect& e, std::string_view what) {
    const auto b = letter_of(e.arm);
    return fmt::format("<p class=\"trial-effect\" data-diff=\"{}\" data-low=\"{}\" "
                       "data-high=\"{}\">{}: {} - A = {} points, 95% interval {} to {} ({} "
                       "nights); P({} better) {}, by at least {:g} point{} {}.</p>\n",
                       svg::exact(e.diff), svg::exact(e.low), svg::exact(e.high), what, b,
                       signed_1(e.diff), signed_1(e.low), signed_1(e.high), e.n, b,
                       percent_of(e.p_b_better), a.mid, a.mid == 1.0 ? "" : "s",
                       percent_of(e.p_b_mid));
}

} // namespace

std::string trial_section_body(const TrialAnalysis& a) {
    std::string arms;
    for (std::size_t i = 0; i < a.arms.size(); ++i) {
        arms += fmt::format("{}{} = {}", i == 0 ? "" : ", ", letter_of(static_cast<int>(i)),
                            svg::escape(a.arms[i]));
    }
    std::string out = fmt::format(
        "<p>Randomised N-of-1 trial {}, {}: {}. {} blocks of {}, {} nights from {} to {}; "
        "outcome {} ({}); a difference that matters: {:g} point{}. The plan was fixed "
        "before the first night: fingerprint <code>{}</code>.</p>\n",
        a.id, svg::escape(a.state), arms, a.blocks,
        a.design == TrialDesign::pairs ? "randomised pairs" : "ABBA/BAAB", a.nights_planned,
        format_date(a.first_night), format_date(a.planned_last_night), outcome_name(a.outcome),
        a.outcome == TrialOutcome::sleep ? "higher is better" : "lower is better", a.mid,
        a.mid == 1.0 ? "" : "s", svg::escape(a.fingerprint));
    if (const auto stop = trial_stop_text(a)) {
        out += "<p>" + svg::escape(*stop) + "</p>\n";
    }
    if (const auto adherence = trial_adherence_text(a)) {
        out += "<p>" + svg::escape(*adherence) + "</p>\n";
    }
    // The decision above already says "too few" when it is the reason.
    if (a.as_assigned.empty() && a.decision != TrialDecision::too_few) {
        out += "<p>Too few rated nights of each arm to estimate a difference yet.</p>\n";
    }
    for (const auto& e : a.as_assigned) {
        out += effect_html(a, e, "As assigned (primary)");
    }
    if (a.randomisation) {
        const auto& r = *a.randomisation;
        out += fmt::format("<p>Randomisation test: p = {:.3f} ({}).</p>\n", r.p,
                           r.exact ? fmt::format("exact, all {} allocations", r.draws)
                                   : fmt::format("{} seeded re-randomisations", r.draws));
    }
    for (const auto& e : a.as_done) {
        out += effect_html(a, e, "As done");
    }
    std::vector<TrialCell> cells;
    for (const auto& b : a.timeline) {
        for (const auto& n : b.nights) {
            cells.push_back({n.night, b.block, letter_of(n.arm), n.arm, n.washout,
                             std::string(night_state_name(n.state)),
                             n.score ? std::optional<double>(*n.score) : std::nullopt});
        }
    }
    const auto timeline = trial_timeline(cells, outcome_name(a.outcome));
    if (!timeline.empty()) {
        out += "<figure>\n" + timeline +
               fmt::format("<figcaption>Each night's arm (letter) and {} score, by block; w: "
                           "washout, not analysed; !: did something else; ?: not "
                           "logged.</figcaption>\n"
                           "</figure>\n",
                           outcome_name(a.outcome));
    }
    return out;
}

std::vector<NightSpan> trial_spans(const TrialAnalysis& a) {
    std::vector<NightSpan> spans;
    for (const auto& b : a.timeline) {
        for (const auto& n : b.nights) {
            const bool next_day =
                !spans.empty() &&
                date::sys_days{spans.back().last} + date::days{1} == date::sys_days{n.night};
            if (next_day && spans.back().shade == n.arm) {
                spans.back().last = n.night;
            } else {
                spans.push_back({n.night, n.night, letter_of(n.arm), n.arm});
            }
        }
    }
    return spans;
}

} // namespace rls::report
