// The trial timeline: a grid of blocks and nights. The arm is a letter as
// well as a shade, and what happened is a word in each cell's title and a
// mark in the cell, so that the grid reads in grayscale.
#include "report/html_trial.hpp"

#include "report/svg.hpp"

#include <algorithm>
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
    std::size_t columns = 1;
    for (const auto& [block, list] : blocks) {
        columns = std::max(columns, list.size());
    }
    constexpr double k_left = 64;
    constexpr double k_cell = 46;
    constexpr double k_row = 26;
    const double height = 8 + k_row * static_cast<double>(blocks.size()) + 22;
    svg::Canvas c(720, height, "trial-timeline", "Trial timeline",
                  fmt::format("{} trial nights in {} blocks: each cell is a night with its "
                              "assigned arm (letter), its {} score, and marks for a washout "
                              "night (w), a deviation (!), a forgotten night (?) and nights to "
                              "come (blank).",
                              nights.size(), blocks.size(), outcome));
    double y = 8;
    for (const auto& [block, list] : blocks) {
        c.text(k_left - 6, y + 16, fmt::format("block {}", block), "row-label", "end");
        for (std::size_t i = 0; i < list.size(); ++i) {
            const auto& n = *list[i];
            const double x = k_left + k_cell * static_cast<double>(i);
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
            c.raw(fmt::format("<g class=\"trial-night {}\" data-night=\"{}\" data-arm=\"{}\" "
                              "data-state=\"{}\" data-score=\"{}\"><title>{}, block {}: arm {}{}, "
                              "{}{}</title>\n",
                              svg::escape(n.state), format_date(n.night), svg::escape(n.arm),
                              svg::escape(n.state), score, format_date(n.night), n.block,
                              svg::escape(n.arm), n.washout ? " (washout)" : "",
                              svg::escape(n.state),
                              n.score ? fmt::format(", {} {}", outcome, score) : ""));
            c.rect(x + 1, y, k_cell - 2, k_row - 3, fmt::format("cellbox arm{}", n.arm_index % 4));
            c.text(x + 5, y + 10, n.arm, "arm-label");
            if (!mark.empty()) {
                c.text(x + k_cell - 5, y + 10, mark, "arm-label", "end");
            }
            if (!score.empty()) {
                c.text(x + k_cell / 2, y + 20, score, "tick", "middle");
            }
            c.raw("</g>\n");
        }
        y += k_row;
    }
    c.text(k_left, y + 12,
           fmt::format("night by night within each block; the number is the night's {} score",
                       outcome),
           "axis-title");
    return c.finish();
}

} // namespace rls::report
