// The session ID argument of show, edit and delete: one definition of the
// argument, its range, and "load this session or fail".
#pragma once

#include "core/error.hpp"
#include "core/model.hpp"

#include <cstdint>
#include <string>

namespace CLI {
class App;
} // namespace CLI

namespace SQLite {
class Database;
} // namespace SQLite

namespace rls {

// The required ID positional, bound to `typed`.
void add_session_id(CLI::App& cmd, std::string& typed);

// The session number a user typed; Error(usage) naming ID when it is none.
[[nodiscard]] std::int64_t parse_session_id(const std::string& typed);

// The stored session `id`; Error(no_input) that points to rls list when
// there is none.
[[nodiscard]] Session load_session(SQLite::Database& db, std::int64_t id);

// The error load_session throws, for a session that vanished later (deleted
// by another rls between reading and writing).
[[nodiscard]] Error no_such_session(std::int64_t id);

} // namespace rls
