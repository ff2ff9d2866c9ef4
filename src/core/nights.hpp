// Grouping sessions and ratings by night, for every view that walks nights
// (rls list, the report): one rule for which entries a night holds.
#pragma once

#include "core/model.hpp"

#include <vector>

namespace rls {

struct NightEntries {
    Date night{};
    std::vector<const Session*> sessions; // oldest first
    const Rating* rating = nullptr;
};

// Every night from `from` to `to`, oldest first, each with its sessions and
// rating; a night without either is still there (the baseline, or missing).
// Entries outside the window are ignored. The result points into the inputs.
[[nodiscard]] std::vector<NightEntries> nights_between(Date from, Date to,
                                                       const std::vector<Session>& sessions,
                                                       const std::vector<Rating>& ratings);

} // namespace rls
