// Trials: the protocol and schedule written once at start, the marks of what
// was done on trial nights, and the end of a trial.
#pragma once

#include "core/trial.hpp"

#include <SQLiteCpp/Database.h>
#include <optional>
#include <vector>

namespace rls {

// Writes run inside the caller's transaction. The protocol is stored with
// its fingerprint; an import keeps uuid, times and the end.
std::int64_t insert_trial(SQLite::Database& db, const Trial& trial);
[[nodiscard]] bool trial_uuid_exists(SQLite::Database& db, const std::string& uuid);
// Every trial, oldest first, with schedules and marks. A protocol that no
// longer matches its fingerprint is Error(data): it was changed outside rls.
[[nodiscard]] std::vector<Trial> all_trials(SQLite::Database& db);
// The newest trial, if any.
[[nodiscard]] std::optional<Trial> latest_trial(SQLite::Database& db);
// The trial running on `night`, if any.
[[nodiscard]] std::optional<Trial> active_trial(SQLite::Database& db, Date night);
void stop_trial(SQLite::Database& db, std::int64_t id, Instant now, Date last_night);
// Records what was done on a trial night, replacing an earlier mark.
void save_mark(SQLite::Database& db, std::int64_t trial_id, const TrialMark& mark);
// Removes a night's skip mark (the night is no longer without massage);
// a session's mark is left.
void remove_skip_mark(SQLite::Database& db, std::int64_t trial_id, Date night);
// Removes the mark of a deleted session: its night is then told by what
// remains (another session, or nothing logged).
void remove_session_marks(SQLite::Database& db, const std::string& session_uuid);

// Rebuilds an arm from its label ("standard x2", "no lavender", "none").
[[nodiscard]] Arm arm_from_label(const std::string& label);

} // namespace rls
