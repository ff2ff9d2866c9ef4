// Reminder rules.
#include "core/remind.hpp"

#include "core/measures.hpp"

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
    if (!in.session_logged && !in.no_massage_planned &&
        (time_of_day >= in.evening || before_cutoff)) {
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
    // Weekly severity: each week (from Monday) that has no entry yet, for
    // someone who has recorded one before; silent once it is recorded.
    if (in.last_irls_week) {
        const Date today = local_date(t.now, t.zone);
        const Date week = week_of(today);
        if (*in.last_irls_week < week) {
            due.push_back({"severity", week,
                           fmt::format("Weekly severity not recorded (week of {}): rls irls",
                                       format_date(week))});
        }
    }
    return due;
}

} // namespace rls
