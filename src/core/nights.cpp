// Grouping by night.
#include "core/nights.hpp"

#include <algorithm>

namespace rls {

std::vector<NightEntries> nights_between(Date from, Date to, const std::vector<Session>& sessions,
                                         const std::vector<Rating>& ratings) {
    using date::sys_days;
    const auto first = sys_days{from};
    const auto last = sys_days{to};
    std::vector<NightEntries> nights;
    if (first > last) {
        return nights;
    }
    nights.reserve(static_cast<std::size_t>((last - first).count() + 1));
    for (auto d = first; d <= last; d += date::days{1}) {
        nights.push_back({Date{d}, {}, nullptr});
    }
    const auto index_of = [&](Date d) -> NightEntries* {
        const auto day = sys_days{d};
        if (day < first || day > last) {
            return nullptr;
        }
        return &nights[static_cast<std::size_t>((day - first).count())];
    };
    // Oldest first within a night, whatever order the caller used.
    std::vector<const Session*> ordered;
    ordered.reserve(sessions.size());
    for (const auto& s : sessions) {
        ordered.push_back(&s);
    }
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const Session* a, const Session* b) { return a->started < b->started; });
    for (const auto* s : ordered) {
        if (auto* n = index_of(s->night)) {
            n->sessions.push_back(s);
        }
    }
    for (const auto& r : ratings) {
        if (auto* n = index_of(r.night)) {
            n->rating = &r;
        }
    }
    return nights;
}

} // namespace rls
