// rls log: record a session from flags, or by walking the routine on a terminal.
#include "cli/app.hpp"
#include "cli/recovery.hpp"
#include "cli/render.hpp"
#include "cli/session_options.hpp"
#include "cli/trial_common.hpp"
#include "core/error.hpp"
#include "core/parse.hpp"
#include "core/terminal_text.hpp"
#include "core/uuid.hpp"
#include "store/catalog.hpp"
#include "store/sessions.hpp"
#include "store/trials.hpp"

#include <CLI/App.hpp>
#include <SQLiteCpp/Transaction.h>
#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <memory>
#include <ostream>
#include <sstream>

namespace rls {

namespace {

[[noreturn]] void cancelled() {
    throw Error(Exit::declined, "cancelled; nothing was saved");
}

std::vector<std::string> split_words(const std::string& text) {
    std::vector<std::string> out;
    std::string word;
    std::istringstream in(text);
    while (in >> word) {
        std::replace(word.begin(), word.end(), ',', ' ');
        std::istringstream parts(word);
        std::string part;
        while (parts >> part) {
            out.push_back(part);
        }
    }
    return out;
}

void walk_routine(Context& ctx, const SessionOptions& o, SessionInput& in,
                  const std::optional<Arm>& arm) {
    const auto routines = list_routines(ctx.db());
    const auto points = list_points(ctx.db());
    const auto& routine = *std::find_if(routines.begin(), routines.end(),
                                        [&](const auto& r) { return r.code == in.routine; });
    ctx.err() << fmt::format("Logging {} x{} ({} points). Tenderness 0-10; Enter skips a point.\n",
                             visible(routine.code), in.rounds, routine.points.size());
    for (const auto& code : routine.points) {
        const auto& p = *std::find_if(points.begin(), points.end(),
                                      [&](const auto& x) { return x.code == code; });
        if (const auto t = ctx.ask_rating(fmt::format("  {:<14} {:<9}: ", p.code, p.name),
                                          fmt::format("tenderness at {}", p.code))) {
            in.points.push_back({p.code, *t});
        }
    }
    if (o.oils.empty()) {
        std::vector<SessionOil> fallback;
        if (const auto last = latest_session(ctx.db())) {
            fallback = last->oils;
        }
        if (arm) {
            fallback = oils_for_arm(std::move(fallback), *arm);
        }
        for (;;) {
            const auto answer =
                ctx.ask(fallback.empty()
                            ? std::string("Oils used, e.g. valerian lavender:3 (Enter for none): ")
                            : fmt::format("Oils used [{}] (Enter keeps, - for none): ",
                                          oils_text(fallback)));
            if (!answer) {
                cancelled();
            }
            const auto words = split_words(*answer);
            if (words.empty()) {
                in.oils = fallback;
                break;
            }
            if (words.size() == 1 && words.front() == "-") {
                in.oils.clear();
                break;
            }
            try {
                in.oils = resolve_oils(ctx, words, "oil");
                break;
            } catch (const Error& e) {
                ctx.err() << "  " << e.what() << '\n';
            }
        }
    }
    if (o.before_opt->count() == 0) {
        in.before = ctx.ask_rating("Restlessness before the massage, 0-10: ", "before");
    }
    if (o.after_opt->count() == 0) {
        in.after = ctx.ask_rating("Restlessness after the massage, 0-10:  ", "after");
    }
}

// A second session for the same night counts with the first one (the night
// becomes "x3" in the report), which is right for a top-up later in the
// evening and wrong for a session logged twice by mistake. Say so; on a
// terminal, ask.
void check_night_is_free(Context& ctx, const SessionInput& in) {
    // One query on the common path; the four that load sessions only when
    // there is one to describe (measured: a tenth of rls log's instructions).
    if (!has_session_on(ctx.db(), in.night)) {
        return;
    }
    const auto same = sessions_between(ctx.db(), in.night, in.night);
    if (same.empty()) {
        return;
    }
    const auto& other = same.front();
    // Wrapped: a long routine name must not push the note past 80 columns.
    const auto note = [&](std::string_view lead) {
        const auto text = fmt::format("{}The night of {} already has session {} ({} at {}).", lead,
                                      format_date(in.night), other.id, routine_label(other),
                                      session_local_time(other));
        std::string out;
        for (const auto& l : wrap(visible(text), 78)) {
            out += (out.empty() ? "" : "\n  ") + l;
        }
        return out + "\n";
    };
    if (!ctx.interactive()) {
        if (!ctx.quiet) { // a script that logs on purpose says so with -q
            ctx.err() << note("rls: note: ");
        }
        return;
    }
    ctx.err() << note("");
    if (!ctx.confirm("Log another session for the same night?")) {
        throw Error(Exit::declined, "nothing was saved; change a session with rls edit");
    }
}

// On a terminal, a trial night's assignment leads: its routine, rotations
// and oil are the defaults, and a night without massage is asked about
// before any question. Returns the arm, and whether a deviation was agreed.
std::optional<Arm> follow_trial_night(Context& ctx, const SessionOptions& o, SessionInput& in,
                                      bool& deviation_agreed) {
    if (!ctx.interactive()) {
        return std::nullopt; // flags say what was done; a deviation is noted
    }
    const auto t = active_trial(ctx.db(), in.night);
    const TrialNight* n = t ? t->protocol.night(in.night) : nullptr;
    if (n == nullptr) {
        return std::nullopt;
    }
    auto arm = t->protocol.arms[static_cast<std::size_t>(n->arm)];
    const auto assigned = visible(assignment_text(*t, *n));
    const auto night = in.night == trial_tonight(ctx)
                           ? std::string("Tonight")
                           : fmt::format("The night of {}", format_date(in.night));
    if (arm.kind == Arm::Kind::none) {
        ctx.err() << fmt::format("{} is {}: no massage.\n", night, assigned);
        if (!ctx.confirm("Log a session anyway, kept as a deviation from the trial?")) {
            throw Error(Exit::declined, "nothing was saved; record the night with rls trial skip");
        }
        deviation_agreed = true;
        return std::nullopt;
    }
    ctx.err() << fmt::format("{}: {}.\n", night, assigned);
    if (arm.kind == Arm::Kind::routine) {
        if (o.routine_opt->count() == 0) {
            in.routine = resolve_routine(ctx, arm.routine, "the trial's routine");
        }
        if (o.rounds_opt->count() == 0) {
            in.rounds = arm.rounds;
        }
    }
    return arm;
}

void run_log(Context& ctx, const SessionOptions& o) {
    mention_recovery_files(ctx);
    SessionInput in;
    set_start(ctx, in, ctx.time().now);
    apply_session_options(ctx, o, in);
    check_night_is_free(ctx, in);
    bool deviation_agreed = false;
    const auto arm = follow_trial_night(ctx, o, in, deviation_agreed);
    if (o.points.empty() && ctx.interactive()) {
        walk_routine(ctx, o, in, arm);
    }
    // A trial night: asked (or noted) before anything is stored.
    const auto trial_mark = check_trial_session(ctx, in, deviation_agreed);
    auto& db = ctx.db();
    const auto uuid = new_uuid();
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    const auto id = insert_session(db, in, ctx.time().now, uuid);
    store_trial_mark(ctx, trial_mark, uuid);
    tx.commit();
    if (o.json) {
        print_json(ctx, to_json(*find_session(db, id)));
        return;
    }
    // The confirmation needs nothing the database added but the id: no read-back.
    Session stored;
    static_cast<SessionInput&>(stored) = in;
    stored.id = id;
    ctx.say(fmt::format("Logged session {}: {} at {}, night of {}; {} point{}, {} oil{}.\n", id,
                        routine_label(stored), session_local_time(stored),
                        format_date(stored.night), stored.points.size(),
                        stored.points.size() == 1 ? "" : "s", stored.oils.size(),
                        stored.oils.size() == 1 ? "" : "s"));
}

} // namespace

void register_log(CLI::App& app, Context& ctx, Action& action) {
    auto opts = std::make_shared<SessionOptions>();
    auto* cmd = app.add_subcommand(
        "log", "Record an evening massage session (asks for each point on a terminal)");
    add_session_options(*cmd, *opts);
    cmd->callback([&ctx, &action, opts] { action = [&ctx, opts] { run_log(ctx, *opts); }; });
}

} // namespace rls
