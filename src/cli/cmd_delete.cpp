// rls delete: remove a session after asking (or with --yes).
#include "cli/app.hpp"
#include "cli/render.hpp"
#include "cli/session_id.hpp"
#include "core/error.hpp"
#include "core/parse.hpp"
#include "store/sessions.hpp"
#include "store/trials.hpp"

#include <CLI/App.hpp>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <memory>
#include <ostream>

namespace rls {

namespace {

struct DeleteOptions {
    std::string id;
    bool yes = false;
    bool json = false;
};

void run_delete(Context& ctx, const DeleteOptions& o) {
    const auto id = parse_session_id(o.id);
    auto& db = ctx.db();
    const auto s = load_session(db, id);
    if (!o.yes) {
        if (!ctx.interactive()) {
            throw usage_error(
                "delete needs --yes when it cannot ask (not on a terminal, or --no-input)");
        }
        if (!ctx.confirm(fmt::format("Delete session {} ({} at {})?", id, routine_label(s),
                                     session_local_time(s)))) {
            throw Error(Exit::declined, "nothing was deleted");
        }
    }
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    if (!delete_session(db, id)) {
        throw no_such_session(id);
    }
    remove_session_marks(db, s.uuid); // a trial night's mark of this session
    tx.commit();
    if (o.json) {
        print_json(ctx, {{"deleted", to_json(s)}});
        return;
    }
    ctx.say(fmt::format("Deleted session {}.\n", id));
}

} // namespace

void register_delete(CLI::App& app, Context& ctx, Action& action) {
    auto o = std::make_shared<DeleteOptions>();
    auto* cmd = app.add_subcommand("delete", "Delete a session (asks first)");
    add_session_id(*cmd, o->id);
    cmd->add_flag("-y,--yes", o->yes, "Delete without asking");
    cmd->add_flag("--json", o->json, "Print the deleted session as JSON");
    cmd->callback([&ctx, &action, o] { action = [&ctx, o] { run_delete(ctx, *o); }; });
}

} // namespace rls
