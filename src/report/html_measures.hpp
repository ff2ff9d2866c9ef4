// Charts for what a clinician reads beside the massage diary: weekly IRLS
// severity on its band scale and the evening's symptom onset over nights.
// They take plain series so that each can be drawn and tested on its own.
#pragma once

#include "core/time.hpp"

#include <string>
#include <vector>

namespace rls::report {

// One weekly IRLS total (0-40) for the week starting `week`.
struct WeeklyTotal {
    Date week{};
    int total = 0;
};

// The totals over the weeks from `first` to `last`, on the bands none,
// mild, moderate, severe and very severe. Empty without totals.
[[nodiscard]] std::string severity_chart(const std::vector<WeeklyTotal>& totals, Date first,
                                         Date last);

// The evening's symptom onset of one night, in minutes from the local
// midnight that starts the night (21:30 is 1290, 01:00 next morning 1500).
struct NightOnset {
    Date night{};
    int minutes = 0;
    bool beyond_legs = false; // felt in the arms or trunk too
};

// Onsets over nights first..last, with their 7-night rolling mean; spread
// beyond the legs drawn as a triangle. Empty without onsets.
[[nodiscard]] std::string onset_chart(const std::vector<NightOnset>& onsets, Date first, Date last);

// "21:30" for 1290, "01:00" for 1500.
[[nodiscard]] std::string clock_text(int minutes);

} // namespace rls::report
