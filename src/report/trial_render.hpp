// Text, JSON and CSV forms of a trial's analysis: `rls trial report`, and
// the first section of `rls report` while a trial runs or has just ended.
#pragma once

#include "report/trial.hpp"

#include <nlohmann/json.hpp>
#include <string>

namespace rls::report {

// Lines of at most 80 columns; bold headings when `color`.
[[nodiscard]] std::string render_trial_text(const TrialAnalysis& a, bool color);
[[nodiscard]] nlohmann::ordered_json render_trial_json(const TrialAnalysis& a);
// RFC 4180 rows: a header, one `trial` row per comparison (as assigned and
// as done) and one `trial_night` row per night.
[[nodiscard]] std::string render_trial_csv(const TrialAnalysis& a);

[[nodiscard]] std::string_view decision_id(TrialDecision d);

} // namespace rls::report
