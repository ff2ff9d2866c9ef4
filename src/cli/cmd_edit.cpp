// rls edit: change a stored session; only the given options change.
#include "cli/app.hpp"
#include "cli/render.hpp"
#include "cli/session_options.hpp"
#include "core/error.hpp"
#include "core/parse.hpp"
#include "store/sessions.hpp"

#include <CLI/App.hpp>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <memory>
#include <ostream>

namespace rls {

namespace {

struct EditOptions {
    std::string id;
    SessionOptions session;
};

std::int64_t parse_session_id(const std::string& text) {
    return parse_int(text, "ID", 1, 999999999);
}

void run_edit(Context& ctx, const EditOptions& o) {
    const auto id = parse_session_id(o.id);
    auto& db = ctx.db();
    auto existing = find_session(db, id);
    if (!existing) {
        throw Error(Exit::no_input, fmt::format("session {} does not exist (see: rls list)", id));
    }
    SessionInput in = *existing;
    apply_session_options(ctx, o.session, in);
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    update_session(db, id, in, ctx.time().now);
    tx.commit();
    const auto stored = find_session(db, id);
    if (o.session.json) {
        print_json(ctx, to_json(*stored));
        return;
    }
    ctx.say(fmt::format("Updated session {}: {} at {}, night of {}.\n", id, routine_label(*stored),
                        session_local_time(*stored), format_date(stored->night)));
}

} // namespace

void register_edit(CLI::App& app, Context& ctx, Action& action) {
    auto opts = std::make_shared<EditOptions>();
    auto* cmd = app.add_subcommand(
        "edit", "Change a session; a repeatable option given replaces that whole list");
    cmd->add_option("ID", opts->id, "Session number (see: rls list)")->required();
    add_session_options(*cmd, opts->session);
    cmd->callback([&ctx, &action, opts] { action = [&ctx, opts] { run_edit(ctx, *opts); }; });
}

} // namespace rls
