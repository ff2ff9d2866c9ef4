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
    // The evening: from the evening hour until the night ends at the cut-off.
    const bool in_evening = time_of_day >= in.evening || before_cutoff;
    std::vector<DueItem> due;
    // Tonight's session, in the evening.
    if (!in.session_logged && !in.no_massage_planned && in_evening) {
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
    // Weekly severity, once a week: on the evening of the weekday the user
    // last filled the form in, if that night's week has no entry yet. remind
    // keeps no state, so "once" is one evening (the session's window), not
    // every run of a week without an entry; a missed week comes back on the
    // same evening a week later.
    if (in.last_irls && in_evening) {
        const Date night = current_night(t);
        const Date week = week_of(night);
        if (date::weekday{night} == date::weekday{in.last_irls->taken} &&
            in.last_irls->week < week) {
            due.push_back({"severity", week,
                           fmt::format("Weekly severity not recorded (week of {}): rls irls",
                                       format_date(week))});
        }
    }
    return due;
}

} // namespace rls
