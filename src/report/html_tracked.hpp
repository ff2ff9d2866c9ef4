// The HTML report's sections on what is tracked beyond the massage (IRLS,
// onset and spread, medicines, iron labs, the augmentation watch), each the
// body of one section drawn from Model::tracked; empty when it has no data.
#pragma once

#include "report/html_charts.hpp"
#include "report/model.hpp"

#include <string>
#include <vector>

namespace rls::report {

// Marks on the night chart beyond this many nights of dose changes would
// hide the nights; the medicines table still lists them.
inline constexpr std::size_t k_max_dose_marks = 12;

// The nights a medicine's amount changed, one mark per night ("M1", "M2" in
// date order); none when there are more than k_max_dose_marks.
[[nodiscard]] std::vector<NightMark> dose_marks(const Tracked& t);
// What the marks mean, for the night chart's caption; empty without changes.
[[nodiscard]] std::string dose_marks_caption(const Tracked& t);

[[nodiscard]] std::string severity_body(const Model& m);
[[nodiscard]] std::string onset_body(const Model& m);
[[nodiscard]] std::string medicines_body(const Model& m);
[[nodiscard]] std::string iron_body(const Model& m);
[[nodiscard]] std::string watch_body(const Model& m);

} // namespace rls::report
