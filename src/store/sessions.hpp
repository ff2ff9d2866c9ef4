// Sessions: the evening massages, with their points, oils and tags.
#pragma once

#include "core/model.hpp"

#include <SQLiteCpp/Database.h>
#include <optional>
#include <vector>

namespace rls {

// Writes run inside the caller's transaction. Point, oil, routine and tag
// names must already be resolved to catalog codes; tags are created on use.
std::int64_t insert_session(SQLite::Database& db, const SessionInput& input, Instant now,
                            const std::string& uuid = {});
// Inserts a session exactly as recorded elsewhere (import): its UUID and
// created/updated times are kept.
std::int64_t insert_session_record(SQLite::Database& db, const Session& session);
[[nodiscard]] bool session_uuid_exists(SQLite::Database& db, const std::string& uuid);
// Every session, oldest first (export).
[[nodiscard]] std::vector<Session> all_sessions(SQLite::Database& db);
void update_session(SQLite::Database& db, std::int64_t id, const SessionInput& input, Instant now);
bool delete_session(SQLite::Database& db, std::int64_t id);

[[nodiscard]] std::optional<Session> find_session(SQLite::Database& db, std::int64_t id);
// Sessions whose nights lie in [from, to], newest first.
[[nodiscard]] std::vector<Session> sessions_between(SQLite::Database& db, Date from, Date to);
[[nodiscard]] std::optional<Session> latest_session(SQLite::Database& db);
[[nodiscard]] std::int64_t count_sessions(SQLite::Database& db);
// Whether any session is filed under `night` (rls remind).
[[nodiscard]] bool has_session_on(SQLite::Database& db, Date night);
// The newest `limit` sessions, newest first, with what a person recognises
// them by (shell completion).
struct SessionLabel {
    std::int64_t id = 0;
    std::string night;
    std::string routine;
    int rounds = 1;
};
[[nodiscard]] std::vector<SessionLabel> recent_session_labels(SQLite::Database& db, int limit);

} // namespace rls
