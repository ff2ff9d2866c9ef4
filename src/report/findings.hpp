// What the comparisons say in words: the report's opening lines a patient can
// read to a doctor, and the number formats the comparison rows use.
#pragma once

#include "report/model.hpp"

#include <string>
#include <vector>

namespace rls::report {

// At most five lines of at most `width` columns, plain words, no colour.
[[nodiscard]] std::vector<std::string> summary_lines(const Model& m, std::size_t width = 78);

// "+1.0 [+0.5,+1.6]"; a bound is never rounded across zero (or onto it)
// next to a better/worse verdict: it gets more decimals instead.
[[nodiscard]] std::string interval_text(const Estimate& e, Verdict v);

// A probability as a whole percentage kept within 1%..99%: one person's
// diary never makes anything "100% likely".
[[nodiscard]] std::string percent(double p);

// "better", "worse", "unclear", "too few".
[[nodiscard]] std::string verdict_word(Verdict v);

// "sleep" or "restlessness".
[[nodiscard]] std::string outcome_word(Outcome o);

} // namespace rls::report
