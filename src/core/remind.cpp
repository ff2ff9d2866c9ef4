// Reminder rules.
#include "core/remind.hpp"

#include <fmt/format.h>

namespace rls {

using namespace std::chrono;

Date current_night(const TimeContext& t) {
    return night_of(t.now, t.zone, t.cutoff);
}

std::vector<DueItem> due_items(const RemindInput& in) {
    const auto& t = in.time;
    const auto local = t.zone.to_local(t.now);
    const auto time_of_day = floor<minutes>(local - floor<date::days>(local));
    const bool before_cutoff = time_of_day < t.cutoff;
    std::vector<DueItem> due;
    // Tonight's session: from the evening hour until the night ends at the cut-off.
    if (!in.session_logged && (time_of_day >= in.evening || before_cutoff)) {
        const Date night = current_night(t);
        if (in.trial_assignment) {
            // The assignment leads: the arm first, then what to run.
            due.push_back(
                {"session", night,
                 fmt::format("Tonight: {} ({}): {}", *in.trial_assignment, format_date(night),
                             in.trial_no_massage ? "no massage, then rls trial skip" : "rls log")});
        } else {
            due.push_back({"session", night,
                           fmt::format("Tonight's massage is not logged yet (night of {}): rls log",
                                       format_date(night))});
        }
    }
    // Last night's rating: once it has ended, i.e. from the cut-off on.
    if (!in.last_night_rated && !before_cutoff) {
        const Date night = last_night(t);
        due.push_back({"rating", night,
                       fmt::format("Last night is not rated yet (night of {}): rls rate",
                                   format_date(night))});
    }
    return due;
}

} // namespace rls
