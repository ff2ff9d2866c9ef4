// The HTML report's charts, each one SVG drawn from the report model with
// the primitives of svg.hpp: the night chart, the forest plot of the
// comparisons and the tenderness heatmap.
#pragma once

#include "report/model.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace rls::report {

// What else the night chart can show: nights of a trial's arms, shaded
// behind the scores and lettered, and numbered marks on the nights something
// changed (a medicine's dose), explained in the caption.
struct NightSpan {
    Date first{};
    Date last{};
    std::string label; // "A"
    int shade = 0;     // the arm's index: 0 light, 1 hatched, 2 darker, ...
};
struct NightMark {
    Date night{};
    std::string label; // "M1"
};
struct NightOverlays {
    std::vector<NightSpan> spans;
    std::vector<NightMark> marks;
};

// Sleep and restlessness of every night, their 7-night rolling mean, and the
// nights with a session or without a rating marked. Empty without nights.
[[nodiscard]] std::string night_chart(const Model& m, const NightOverlays& overlays = {});

// Each comparison with an estimate: the difference and its 95% interval, the
// minimal important difference, the verdict word. More than k_forest_rows
// rows are drawn a little tighter, in parts of about equal size on one
// scale, so that a long plot can print across a page break; ids forest-plot, or forest-plot-1,
// forest-plot-2... Empty without estimates.
inline constexpr std::size_t k_forest_rows = 12;
[[nodiscard]] std::vector<std::string> forest_plots(const Model& m);

// Weekly mean tenderness of each point (rows) by report week (columns).
// Empty without tenderness ratings.
[[nodiscard]] std::string tenderness_heatmap(const Model& m);

} // namespace rls::report
