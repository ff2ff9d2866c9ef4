// What is due now: tonight's session (from an evening hour until the night's
// cut-off) and last night's rating (from the cut-off on). Pure: the caller
// says what is already logged.
#pragma once

#include "core/time.hpp"

#include <string>
#include <vector>

namespace rls {

struct DueItem {
    std::string kind; // "session" or "rating"
    Date night{};
    std::string message;
};

struct RemindInput {
    TimeContext time;
    std::chrono::minutes evening{19 * 60}; // session reminders from this local time
    bool session_logged = false;           // for the current night
    bool last_night_rated = false;
};

// The night whose session would be due now, and the night whose rating would be.
[[nodiscard]] Date current_night(const TimeContext& t);

[[nodiscard]] std::vector<DueItem> due_items(const RemindInput& in);

} // namespace rls
