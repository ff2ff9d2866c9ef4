// rls guide: the routine as a timed walkthrough that logs itself.
#include "cli/app.hpp"
#include "cli/guide/steps.hpp"
#include "cli/guide/ui.hpp"
#include "cli/recovery.hpp"
#include "cli/render.hpp"
#include "cli/session_options.hpp"
#include "cli/terminal.hpp"
#include "cli/trial_common.hpp"
#include "core/error.hpp"
#include "core/match.hpp"
#include "core/parse.hpp"
#include "core/terminal_text.hpp"
#include "store/catalog.hpp"
#include "store/sessions.hpp"

#include <CLI/App.hpp>
#include <algorithm>
#include <fmt/format.h>
#include <memory>
#include <ostream>
#include <unistd.h>

namespace rls {

namespace {

using GuideAction = guide::Action;

struct GuideOptions {
    std::string routine = "standard";
    CLI::Option* routine_opt = nullptr;
    std::string pace = "1";
    bool no_timer = false;
    bool quiet_bell = false;
    bool json = false;
    bool recover = false;
};

void run_guide(Context& ctx, const GuideOptions& o) {
    if (o.recover) {
        (void)recover_guided_sessions(ctx);
        return;
    }
    mention_recovery_files(ctx);
    guide::UiOptions ui_options;
    ui_options.pace = parse_decimal(o.pace, "--pace", 0.01, 10);
    if (ctx.no_input) {
        throw usage_error("guide asks questions, so it cannot run with --no-input; use rls log");
    }
    ui_options.timer = !o.no_timer;
    ui_options.bell = !o.quiet_bell;
    ui_options.color = ctx.color_allowed();

    auto& db = ctx.db();
    // A trial night: the assignment leads (routine, rotations, oil).
    const auto trial = running_trial(ctx);
    const TrialNight* trial_night = trial ? trial->protocol.night(trial_tonight(ctx)) : nullptr;
    std::optional<Arm> arm;
    if (trial_night != nullptr) {
        arm = trial->protocol.arms[static_cast<std::size_t>(trial_night->arm)];
        if (arm->kind == Arm::Kind::none) {
            throw usage_error(fmt::format("tonight is {}: no massage; record the night with rls "
                                          "trial skip",
                                          assignment_text(*trial, *trial_night)));
        }
    }
    const bool routine_given = o.routine_opt != nullptr && o.routine_opt->count() > 0;
    const auto routines = list_routines(db);
    const auto code = resolve_routine(
        ctx, arm && arm->kind == Arm::Kind::routine && !routine_given ? arm->routine : o.routine,
        "--routine");
    const auto routine = *std::find_if(routines.begin(), routines.end(),
                                       [&](const Routine& r) { return r.code == code; });
    std::vector<SessionOil> last_oils;
    if (const auto last = latest_session(db)) {
        last_oils = last->oils;
    }
    if (arm) {
        last_oils = oils_for_arm(std::move(last_oils), *arm);
    }
    guide::Walk walk(routine, list_points(db), last_oils);
    if (arm && arm->kind == Arm::Kind::routine) {
        walk.plan_rotations(arm->rounds);
    }
    std::vector<Session> held_tonight;
    if (trial_night != nullptr) {
        held_tonight = sessions_between(db, trial_night->night, trial_night->night);
        ctx.err() << fmt::format("Tonight: {}.\n", visible(assignment_text(*trial, *trial_night)));
    }
    const auto frame = recovery_frame(ctx);
    const Instant started = ctx.time().now;
    const auto clock_start = std::chrono::steady_clock::now();

    SignalGuard signals;
    bool full_screen = ctx.stdin_is_terminal() && ctx.stdout_is_terminal();
    if (const auto size = terminal_size(STDOUT_FILENO);
        full_screen && size &&
        (size->cols < guide::k_screen_cols || size->rows < guide::k_screen_rows)) {
        // The screen would wrap and scroll into a garble: plain questions fit any width.
        ctx.warn(fmt::format("the terminal is {}x{}, smaller than the guide's {}x{} screen; "
                             "asking plain questions instead",
                             size->cols, size->rows, guide::k_screen_cols, guide::k_screen_rows));
        full_screen = false;
    }
    auto ui = full_screen ? guide::screen_ui(ctx, ui_options) : guide::line_ui(ctx);
    bool partial = false;
    while (!walk.finished()) {
        const auto before = walk.position();
        const auto action = guide::step(ctx, *ui, walk);
        if (action == GuideAction::quit || action == GuideAction::hangup) {
            const auto choice =
                action == GuideAction::hangup ? guide::QuitChoice::save : ui->confirm_quit(walk);
            if (choice == guide::QuitChoice::resume) {
                continue;
            }
            ui->close();
            if (choice == guide::QuitChoice::discard) {
                throw Error(Exit::declined, "stopped; nothing was saved");
            }
            if (!walk.massage_done()) {
                throw Error(Exit::declined, "stopped before the first point was done; nothing "
                                            "was saved");
            }
            partial = true;
            break;
        }
        if (action == GuideAction::back) {
            walk.back();
        } else if (action == GuideAction::next && walk.position() == before) {
            walk.next();
        }
        // GuideAction::skip from a step that asks again (bad oils): stay.
    }
    ui->close();

    SessionInput input = walk.session(partial);
    set_start(ctx, input, started);
    const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(
                             std::chrono::steady_clock::now() - clock_start)
                             .count();
    input.duration_min = static_cast<int>(
        std::clamp<long long>(minutes + 1, k_duration_range.lo, k_duration_range.hi));
    const auto mark = check_trial_session(ctx, input, trial, held_tonight);
    const auto id = store_guided_session(ctx, frame, input, routine, [&](const std::string& uuid) {
        store_trial_mark(ctx, mark, uuid);
    });
    const auto saved = find_session(db, id);
    if (o.json) {
        print_json(ctx, to_json(*saved));
        return;
    }
    ctx.say(guide::summary(ctx, *saved, routine));
}

} // namespace

void register_guide(CLI::App& app, Context& ctx, Action& action) {
    auto o = std::make_shared<GuideOptions>();
    auto* cmd = app.add_subcommand(
        "guide", "Walk through the routine step by step with timers; logs the session at the end");
    o->routine_opt = cmd->add_option("-r,--routine", o->routine,
                                     "Routine to follow (default standard, or a trial night's)")
                         ->type_name("NAME");
    cmd->add_option("--pace", o->pace,
                    "Scale every timer, 0.01-10 (0.5 = twice as fast; default 1)")
        ->type_name("FACTOR");
    cmd->add_flag("--no-timer", o->no_timer, "No countdowns: each step waits for Enter");
    cmd->add_flag("--quiet-bell", o->quiet_bell, "No terminal bell at the end of each hold");
    cmd->add_flag("--json", o->json, "Print the saved session as JSON instead of a summary");
    cmd->add_flag("--recover", o->recover,
                  "Store guided sessions that an earlier run could not save");
    cmd->callback([&ctx, &action, o] { action = [&ctx, o] { run_guide(ctx, *o); }; });
}

} // namespace rls
