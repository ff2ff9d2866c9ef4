// Renderers of the tracked measures' sections (report/tracked.hpp), used by
// the text, JSON and CSV renderers of the whole report.
#pragma once

#include "core/terminal_text.hpp"
#include "report/tracked.hpp"

#include <nlohmann/json.hpp>
#include <string>

namespace rls::report {

// The sections for a terminal, 80 columns; empty when nothing is tracked.
[[nodiscard]] std::string tracked_text(const Tracked& t, const Style& p);
// One line for Coverage when nights were planned without massage; else empty.
[[nodiscard]] std::string planned_text(const Tracked& t);
// "From the first entry to the latest: -6 points, a relevant change (5 or
// more)." with two IRLS entries or more; else empty.
[[nodiscard]] std::string irls_overall_text(const std::vector<IrlsRow>& rows);
// "Nothing to point out: onset, doses and IRLS are where they were." when
// the augmentation watch compared and found no sign; else empty.
[[nodiscard]] std::string watch_quiet_text(const AugmentationWatch& w);
[[nodiscard]] nlohmann::ordered_json tracked_json(const Tracked& t);
// CSV rows (sections irls, onset, medicine, iron, watch) in the report's
// columns plus three more at the end: value, unit, flag.
[[nodiscard]] std::string tracked_csv(const Tracked& t);

} // namespace rls::report
