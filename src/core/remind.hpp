// What is due now: tonight's session (from an evening hour until the night's
// cut-off, unless the night is marked as without massage), last night's
// rating (from the cut-off on) and, for someone who has recorded IRLS
// before, the week's IRLS on one evening a week. Pure: the caller says what
// is already logged.
#pragma once

#include "core/time.hpp"

#include <optional>
#include <string>
#include <vector>

namespace rls {

struct DueItem {
    std::string kind; // "session", "rating" or "severity"
    Date night{};
    std::string message;
};

struct RemindInput {
    TimeContext time;
    std::chrono::minutes evening{19 * 60}; // session reminders from this local time
    bool session_logged = false;           // for the current night
    bool last_night_rated = false;
    // A trial night: what tonight's arm is ("standard x2, trial night 5 of
    // 16"), and whether it is a night without a massage (recorded with rls
    // trial skip rather than rls log).
    std::optional<std::string> trial_assignment;
    bool trial_no_massage = false;
    bool no_massage_planned = false; // tonight marked with rls skip: no session is due
    // The latest weekly IRLS entry, for those who keep one: its week (the
    // Monday) and the day the form was filled in, whose weekday is the day
    // the user keeps the IRLS.
    struct LastIrls {
        Date week{};
        Date taken{};
    };
    std::optional<LastIrls> last_irls;
};

// The night whose session would be due now, and the night whose rating would be.
[[nodiscard]] Date current_night(const TimeContext& t);

[[nodiscard]] std::vector<DueItem> due_items(const RemindInput& in);

} // namespace rls
