// The session ID argument of show, edit and delete.
#include "cli/session_id.hpp"

#include "core/error.hpp"
#include "core/parse.hpp"
#include "store/sessions.hpp"

#include <CLI/App.hpp>
#include <fmt/format.h>

namespace rls {

namespace {

// Session ids are SQLite rowids; nine digits is more sessions than a life holds.
constexpr int k_max_session_id = 999999999;

} // namespace

void add_session_id(CLI::App& cmd, std::string& typed) {
    cmd.add_option("ID", typed, "Session number (see: rls list)")->required();
}

std::int64_t parse_session_id(const std::string& typed) {
    return parse_int(typed, "ID", 1, k_max_session_id);
}

Session load_session(SQLite::Database& db, std::int64_t id) {
    auto found = find_session(db, id);
    if (!found) {
        throw no_such_session(id);
    }
    return *std::move(found);
}

Error no_such_session(std::int64_t id) {
    return Error(Exit::no_input, fmt::format("session {} does not exist (see: rls list)", id));
}

} // namespace rls
