// Charts for what a clinician reads beside the massage diary: weekly IRLS
// severity on its band scale and the evening's symptom onset over nights.
// They take the report model's rows, so each is drawn and tested on its own.
#pragma once

#include "report/tracked.hpp"

#include <string>
#include <vector>

namespace rls::report {

// The weekly totals (0-40) of `rows` over nights `first`..`last` (widened to
// the rows' weeks), on the bands none, mild, moderate, severe and very
// severe; a relevant change (5 points or more) is ringed and labelled with
// its sign. Empty without rows.
[[nodiscard]] std::string severity_chart(const std::vector<IrlsRow>& rows, Date first, Date last);

// Onsets over nights first..last, with their 7-night rolling mean; spread
// beyond the legs drawn as a triangle. Empty without onsets.
[[nodiscard]] std::string onset_chart(const std::vector<NightOnset>& onsets, Date first, Date last);

} // namespace rls::report
