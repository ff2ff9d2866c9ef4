// rls remind: what is due now, one line each; silent when nothing is, so
// that cron mails only when there is something to say.
#include "cli/app.hpp"
#include "cli/render.hpp"
#include "cli/trial_common.hpp"
#include "core/error.hpp"
#include "core/parse.hpp"
#include "core/remind.hpp"
#include "core/terminal_text.hpp"
#include "store/measures.hpp"
#include "store/ratings.hpp"
#include "store/sessions.hpp"

#include <CLI/App.hpp>
#include <memory>
#include <ostream>

namespace rls {

namespace {

struct RemindOptions {
    std::string after = "19:00";
    bool exit_code = false;
    bool json = false;
};

int run_remind(Context& ctx, const RemindOptions& o) {
    RemindInput in;
    in.evening = parse_time_of_day(o.after, "--after");
    in.time = ctx.time();
    auto& db = ctx.db();
    const Date tonight = current_night(in.time);
    in.session_logged = has_session_on(db, tonight);
    if (const auto t = running_trial(ctx)) {
        if (const auto* n = t->protocol.night(tonight)) {
            in.trial_assignment = assignment_text(*t, *n);
            in.trial_no_massage =
                t->protocol.arms[static_cast<std::size_t>(n->arm)].kind == Arm::Kind::none;
            // A night skipped on purpose is done, like a logged one.
            const auto* mark = t->mark(tonight);
            in.session_logged = in.session_logged || (mark != nullptr && mark->kind == "skip");
        }
    }
    in.last_night_rated = has_rating_on(db, last_night(in.time));
    in.no_massage_planned = is_no_massage(db, current_night(in.time));
    if (const auto last = latest_irls(db)) {
        in.last_irls = RemindInput::LastIrls{last->week, last->taken};
    }

    const auto due = due_items(in);
    if (o.json) {
        nlohmann::ordered_json j = nlohmann::ordered_json::array();
        for (const auto& d : due) {
            j.push_back(
                {{"kind", d.kind}, {"night", format_date(d.night)}, {"message", d.message}});
        }
        print_json(ctx, j);
    } else {
        for (const auto& d : due) {
            ctx.out() << visible(d.message) << '\n';
        }
    }
    return o.exit_code && !due.empty() ? 1 : 0;
}

} // namespace

void register_remind(CLI::App& app, Context& ctx, Action& action) {
    auto o = std::make_shared<RemindOptions>();
    auto* cmd = app.add_subcommand(
        "remind",
        "Say what is due now (tonight's log, last night's rating, weekly IRLS); silent if nothing");
    cmd->add_option("--after", o->after,
                    "Remind of tonight's session from this local time on, HH:MM (default 19:00)")
        ->type_name("HH:MM");
    cmd->add_flag("--exit-code", o->exit_code, "Exit with status 1 when something is due");
    cmd->add_flag("--json", o->json, "Print the due items as a JSON array");
    cmd->callback(
        [&ctx, &action, o] { action = [&ctx, o] { ctx.exit_status = run_remind(ctx, *o); }; });
}

} // namespace rls
