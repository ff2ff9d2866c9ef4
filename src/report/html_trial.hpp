// The trial timeline of the HTML report, in the spirit of CENT 2015: the
// nights left to right in blocks, each night's assigned arm, what happened
// and its score.
#pragma once

#include "core/time.hpp"
#include "report/html_charts.hpp"
#include "report/trial.hpp"

#include <optional>
#include <string>
#include <vector>

namespace rls::report {

struct TrialCell {
    Date night{};
    int block = 0;               // 1-based
    std::string arm;             // the assigned arm's letter, "A"
    int arm_index = 0;           // its shade, as on the night chart
    bool washout = false;        // follows the arm, not analysed
    std::string state;           // followed, deviated, forgotten, open, upcoming
    std::optional<double> score; // the primary outcome's
};

// Empty without nights.
[[nodiscard]] std::string trial_timeline(const std::vector<TrialCell>& nights,
                                         std::string_view outcome);

// The trial's section of the page: the plan and its fingerprint, adherence,
// the difference as assigned and as done, the randomisation test and the
// timeline. The decision leads the page's summary instead (render_html).
[[nodiscard]] std::string trial_section_body(const TrialAnalysis& a);

// The trial's nights as spans of one assigned arm, for the night chart.
[[nodiscard]] std::vector<NightSpan> trial_spans(const TrialAnalysis& a);

} // namespace rls::report
