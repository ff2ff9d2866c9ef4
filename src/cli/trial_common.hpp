// What the trial subcommands and the commands that follow a trial (log,
// guide, remind) share: the trial running tonight and its JSON form.
#pragma once

#include "cli/context.hpp"
#include "core/trial.hpp"
#include "report/trial.hpp"

#include <nlohmann/json.hpp>
#include <optional>

namespace rls {

// The night in progress: the one a session logged now would belong to.
[[nodiscard]] Date trial_tonight(Context& ctx);
// The trial running tonight, if any.
[[nodiscard]] std::optional<Trial> running_trial(Context& ctx);
// The newest trial (running, finished or stopped), or Error(no_input).
[[nodiscard]] Trial newest_trial_or_fail(Context& ctx);
// The trial numbered `id` (as rls trial list shows it), or the newest when
// `id` is empty; Error(usage) for a malformed id, Error(no_input) for none.
[[nodiscard]] Trial trial_or_fail(Context& ctx, const std::string& id);

// The analysis of a trial, as of now.
[[nodiscard]] report::TrialAnalysis analyse_trial_now(Context& ctx, const Trial& t);
// The trial `rls report` leads with: the newest begun trial with a night in
// the window `from`..`to`. A window that reaches the last ended night also
// reaches tonight, so a trial leads the report from its first evening on.
[[nodiscard]] std::optional<report::TrialAnalysis> trial_for_report(Context& ctx, Date from,
                                                                    Date to);

// The protocol as JSON; the arms of nights after `tonight` only with `reveal`.
[[nodiscard]] nlohmann::ordered_json trial_json(const Trial& t, Date tonight, bool reveal);

// Before a session is stored for a trial night: whether it follows the
// assignment. A deviation is confirmed on a terminal (no: Error(declined),
// nothing saved) and noted on stderr otherwise. Returns the mark to store
// with the session, or nothing when the night is not a trial night.
struct PendingMark {
    std::int64_t trial_id = 0;
    TrialMark mark;
};
// `confirmed`: the deviation was already agreed to on the terminal (a
// session logged on a night without massage), so it is not asked again.
[[nodiscard]] std::optional<PendingMark>
check_trial_session(Context& ctx, const SessionInput& session, bool confirmed = false);
// The same with the trial and the night's earlier sessions read beforehand
// (the guide reads them before its walk, so that saving at the end needs
// nothing from a database another process may have locked meanwhile).
[[nodiscard]] std::optional<PendingMark>
check_trial_session(Context& ctx, const SessionInput& session, const std::optional<Trial>& trial,
                    const std::vector<Session>& held, bool confirmed = false);
// A night recorded without massage (rls trial skip, or rls skip) that is a
// trial night: the skip mark to store, after asking on a terminal (no:
// Error(declined)) or noting on stderr when the night was assigned a massage.
// Nothing when the night is no trial's.
[[nodiscard]] std::optional<PendingMark> check_trial_skip(Context& ctx, Date night);

// The oils a trial night starts from: the last session's, with an oil arm's
// oil added (at the default drops) or taken out. Other arms leave them be.
[[nodiscard]] std::vector<SessionOil> oils_for_arm(std::vector<SessionOil> last, const Arm& arm);

// Stores the mark inside the caller's transaction, with the session's UUID.
void store_trial_mark(Context& ctx, const std::optional<PendingMark>& pending,
                      const std::string& session_uuid);

} // namespace rls
