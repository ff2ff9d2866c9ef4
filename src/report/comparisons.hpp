// Direct, adjusted comparisons of the variants of each family (session or
// not, routine x rotations, rotations as a dose, each oil, each tag), with
// the primary one chosen and the rest corrected for multiplicity (Holm).
#pragma once

#include "report/model.hpp"
#include "report/nights.hpp"

#include <vector>

namespace rls::report {

// Every comparison the nights allow, primary first. See rls(1) ANALYSIS.
[[nodiscard]] std::vector<Comparison> compare_variants(const std::vector<Night>& nights,
                                                       const Options& options);

} // namespace rls::report
