// rls guide: the routine as a timed walkthrough that logs itself.
#include "cli/app.hpp"
#include "cli/guide_ui.hpp"
#include "cli/render.hpp"
#include "cli/session_options.hpp"
#include "cli/terminal.hpp"
#include "core/error.hpp"
#include "core/match.hpp"
#include "core/parse.hpp"
#include "store/catalog.hpp"
#include "store/sessions.hpp"

#include <SQLiteCpp/Transaction.h>
#include <algorithm>
#include <fmt/format.h>
#include <memory>
#include <ostream>
#include <sstream>

namespace rls {

namespace {

using GuideAction = guide::Action;
using guide::StepKind;

struct GuideOptions {
    std::string routine = "standard";
    std::string pace = "1";
    bool no_timer = false;
    bool quiet_bell = false;
    bool json = false;
};

std::string oils_label(const std::vector<SessionOil>& oils) {
    std::string out;
    for (const auto& o : oils) {
        out += (out.empty() ? "" : " ") + (o.drops ? fmt::format("{}:{}", o.oil, *o.drops) : o.oil);
    }
    return out;
}

std::vector<std::string> words(const std::string& text) {
    std::string spaced = text;
    std::replace(spaced.begin(), spaced.end(), ',', ' ');
    std::istringstream in(spaced);
    std::vector<std::string> out;
    std::string w;
    while (in >> w) {
        out.push_back(w);
    }
    return out;
}

// One step; returns what to do next.
GuideAction step(Context& ctx, guide::Ui& ui, guide::Walk& walk) {
    const auto& s = walk.step();
    switch (s.kind) {
    case StepKind::prepare:
    case StepKind::massage:
        return ui.show(walk);
    case StepKind::rest:
        return ui.rest(walk);
    case StepKind::oils: {
        const auto& fallback = walk.default_oils();
        const auto question =
            fallback.empty()
                ? std::string("Oils tonight, e.g. valerian:3 lavender (Enter for none):")
                : fmt::format("Oils tonight [{}] (Enter keeps these, - for none):",
                              oils_label(fallback));
        const auto answer = ui.line(walk, question);
        if (answer.action != GuideAction::next) {
            return answer.action;
        }
        const auto w = words(answer.text);
        try {
            if (w.empty()) {
                walk.set_oils(fallback);
            } else if (w.size() == 1 && w.front() == "-") {
                walk.set_oils({});
            } else {
                walk.set_oils(resolve_oils(ctx, w, "oil"));
            }
        } catch (const Error& e) {
            ui.message(e.what());
            return GuideAction::skip; // ask again
        }
        return GuideAction::next;
    }
    case StepKind::point: {
        auto a = ui.hold(walk);
        if (a == GuideAction::skip) {
            walk.set_tenderness(std::nullopt);
            return GuideAction::next;
        }
        if (a != GuideAction::next) {
            return a;
        }
        const auto answer = ui.number(walk, "How tender was it? 0 (not at all) to 10 (very):");
        if (answer.action == GuideAction::next || answer.action == GuideAction::skip) {
            walk.set_tenderness(answer.number);
            return GuideAction::next;
        }
        return answer.action;
    }
    case StepKind::again: {
        if (s.rotation >= guide::k_max_rotations) {
            return GuideAction::next;
        }
        const auto answer = ui.yes_no(walk, "Another rotation of the left-foot points?");
        if (answer.action == GuideAction::next && answer.number == 1) {
            walk.another_rotation();
        }
        return answer.action == GuideAction::skip ? GuideAction::next : answer.action;
    }
    case StepKind::before:
    case StepKind::after: {
        const auto answer = ui.number(walk, "0 (calm) to 10 (unbearable):");
        if (answer.action == GuideAction::next || answer.action == GuideAction::skip) {
            (s.kind == StepKind::before ? walk.set_before(answer.number)
                                        : walk.set_after(answer.number));
            return GuideAction::next;
        }
        return answer.action;
    }
    }
    return GuideAction::next;
}

// Earlier sessions' tenderness at each point, newest first, for comparison.
std::string summary(Context& ctx, const Session& saved, const Routine& routine) {
    std::string out =
        fmt::format("Saved session {}{}: {} at {}, night of {}{}.\n", saved.id,
                    saved.partial ? " (partial)" : "", routine_label(saved),
                    session_local_time(saved), format_date(saved.night),
                    saved.duration_min ? fmt::format(", {} min", *saved.duration_min) : "");
    out += fmt::format("Evening restlessness: {} before, {} after.\n", or_dash(saved.before),
                       or_dash(saved.after));
    const Date from{date::sys_days{saved.night} - date::days{120}};
    auto earlier = sessions_between(ctx.db(), from, saved.night);
    earlier.erase(std::remove_if(earlier.begin(), earlier.end(),
                                 [&](const Session& s) { return s.id == saved.id; }),
                  earlier.end());
    out += fmt::format("\n{:<16} {:>7}   {}\n", "Tenderness", "tonight", "earlier, newest first");
    for (const auto& code : routine.points) {
        std::string tonight = "-";
        for (const auto& p : saved.points) {
            if (p.point == code) {
                tonight = std::to_string(p.tenderness);
            }
        }
        std::string before;
        int shown = 0;
        for (const auto& s : earlier) {
            for (const auto& p : s.points) {
                if (p.point == code && shown < 5) {
                    before += fmt::format("{:>3}", p.tenderness);
                    ++shown;
                }
            }
        }
        out += fmt::format("{:<16} {:>7}  {}\n", code, tonight, before.empty() ? "  -" : before);
    }
    return out;
}

void run_guide(Context& ctx, const GuideOptions& o) {
    guide::UiOptions ui_options;
    ui_options.pace = parse_decimal(o.pace, "--pace", 0.01, 10);
    if (ctx.no_input) {
        throw usage_error("guide asks questions, so it cannot run with --no-input; use rls log");
    }
    ui_options.timer = !o.no_timer;
    ui_options.bell = !o.quiet_bell;
    ui_options.color = ctx.color_allowed();

    auto& db = ctx.db();
    const auto routines = list_routines(db);
    const auto code =
        match_id(o.routine, codes_of(routines), "--routine", "routine (see: rls routines)");
    const auto routine = *std::find_if(routines.begin(), routines.end(),
                                       [&](const Routine& r) { return r.code == code; });
    std::vector<SessionOil> last_oils;
    if (const auto last = latest_session(db)) {
        last_oils = last->oils;
    }
    guide::Walk walk(routine, list_points(db), last_oils);
    const Instant started = ctx.time().now;
    const auto clock_start = std::chrono::steady_clock::now();

    SignalGuard signals;
    const bool full_screen = ctx.stdin_is_terminal() && ctx.stdout_is_terminal();
    auto ui = full_screen ? guide::screen_ui(ctx, ui_options) : guide::line_ui(ctx);
    bool partial = false;
    while (!walk.finished()) {
        const auto before = walk.position();
        const auto action = step(ctx, *ui, walk);
        if (action == GuideAction::quit || action == GuideAction::hangup) {
            const auto choice =
                action == GuideAction::hangup ? guide::QuitChoice::save : ui->confirm_quit(walk);
            if (choice == guide::QuitChoice::resume) {
                continue;
            }
            ui->close();
            if (choice == guide::QuitChoice::discard || !walk.anything_done()) {
                throw Error(Exit::declined, "stopped; nothing was saved");
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
    input.duration_min = static_cast<int>(std::clamp<long long>(minutes + 1, 1, 360));
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    const auto id = insert_session(db, input, ctx.time().now);
    tx.commit();
    const auto saved = find_session(db, id);
    if (o.json) {
        print_json(ctx, to_json(*saved));
        return;
    }
    ctx.say(summary(ctx, *saved, routine));
}

} // namespace

void register_guide(CLI::App& app, Context& ctx, Action& action) {
    auto o = std::make_shared<GuideOptions>();
    auto* cmd = app.add_subcommand(
        "guide", "Walk through the routine step by step with timers; logs the session at the end");
    cmd->add_option("-r,--routine", o->routine, "Routine to follow (default standard)")
        ->type_name("NAME");
    cmd->add_option("--pace", o->pace,
                    "Scale every timer, 0.01-10 (0.5 = twice as fast; default 1)")
        ->type_name("FACTOR");
    cmd->add_flag("--no-timer", o->no_timer, "No countdowns: each step waits for Enter");
    cmd->add_flag("--quiet-bell", o->quiet_bell, "No terminal bell at the end of each hold");
    cmd->add_flag("--json", o->json, "Print the saved session as JSON instead of a summary");
    cmd->callback([&ctx, &action, o] { action = [&ctx, o] { run_guide(ctx, *o); }; });
}

} // namespace rls
