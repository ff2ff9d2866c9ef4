// rls trial: start a randomised N-of-1 trial, see tonight's arm, skip a
// `none` night, stop; show, status and report are in cmd_trial_view.cpp.
#include "cli/app.hpp"
#include "cli/render.hpp"
#include "cli/trial_common.hpp"
#include "cli/trial_view.hpp"
#include "core/error.hpp"
#include "core/parse.hpp"
#include "core/terminal_text.hpp"
#include "core/uuid.hpp"
#include "store/catalog.hpp"
#include "store/measures.hpp"
#include "store/sessions.hpp"
#include "store/trials.hpp"

#include <CLI/App.hpp>
#include <SQLiteCpp/Transaction.h>
#include <charconv>
#include <fmt/format.h>
#include <memory>
#include <ostream>

namespace rls {

namespace {

struct StartOptions {
    std::vector<std::string> arms;
    std::string blocks;
    CLI::Option* blocks_opt = nullptr;
    std::string design = "pairs";
    std::string washout = "0";
    std::string outcome = "sleep";
    std::string mid = "1";
    std::optional<std::string> first;
    std::optional<std::string> seed;
    bool json = false;
};

std::uint64_t parse_seed(const std::string& text) {
    std::uint64_t v = 0;
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, v);
    if (text.empty() || ec != std::errc() || ptr != end || v > k_max_trial_seed) {
        throw usage_error(fmt::format("--seed must be a whole number from 0 to {}, got {}",
                                      k_max_trial_seed, quote_value(text)));
    }
    return v;
}

Date parse_first(Context& ctx, const std::string& text, Date tonight) {
    if (text == "tonight") {
        return tonight;
    }
    if (text == "tomorrow") {
        return date::sys_days(tonight) + date::days(1);
    }
    const auto d = parse_iso_date(text);
    if (!d) {
        throw usage_error(fmt::format(
            "--first must be tonight, tomorrow or a date YYYY-MM-DD, got {}", quote_value(text)));
    }
    if (*d < tonight) {
        throw usage_error(fmt::format("--first {} is in the past; a trial is planned before its "
                                      "first night: tonight ({}) or later",
                                      text, format_date(tonight)));
    }
    if (date::sys_days(*d) - date::sys_days(tonight) > date::days(365)) {
        throw usage_error(fmt::format("--first {} is more than a year ahead", text));
    }
    (void)ctx;
    return *d;
}

void run_start(Context& ctx, const StartOptions& o) {
    const auto tonight = trial_tonight(ctx);
    auto& db = ctx.db();
    const ArmCatalog catalog{codes_of(list_routines(db)), codes_of(list_oils(db))};
    Protocol p;
    // The count first: five arms are wrong whatever their names.
    if (o.arms.size() < 2 || o.arms.size() > static_cast<std::size_t>(k_max_trial_arms)) {
        throw usage_error(
            fmt::format("a trial needs 2 to {} arms, got {}", k_max_trial_arms, o.arms.size()));
    }
    for (const auto& a : o.arms) {
        p.arms.push_back(parse_arm(a, catalog, "arm"));
    }
    if (const auto problem = arms_problem(p.arms)) {
        throw usage_error(*problem);
    }
    const auto design = parse_design(o.design);
    if (!design) {
        throw usage_error(
            fmt::format("--design must be pairs or abba, got {}", quote_value(o.design)));
    }
    p.design = *design;
    if (p.design == TrialDesign::abba && p.arms.size() != 2) {
        throw usage_error(fmt::format("--design abba needs exactly 2 arms, got {}", p.arms.size()));
    }
    // ABBA blocks are twice as long: the same 16 nights by default.
    const int default_blocks =
        p.design == TrialDesign::abba ? k_default_trial_blocks / 2 : k_default_trial_blocks;
    p.blocks = o.blocks_opt->count() == 0 ? default_blocks
                                          : parse_int(o.blocks, "--blocks", k_trial_blocks_range);
    p.washout = parse_int(o.washout, "--washout", k_trial_washout_range);
    const auto outcome = parse_outcome(o.outcome);
    if (!outcome) {
        throw usage_error(
            fmt::format("--outcome must be sleep or restless, got {}", quote_value(o.outcome)));
    }
    p.outcome = *outcome;
    p.mid = parse_decimal(o.mid, "--mid", 0.1, 10);
    p.seed = o.seed ? parse_seed(*o.seed) : os_seed();

    const bool tonight_logged = has_session_on(db, tonight);
    if (!o.first) {
        p.first_night = tonight_logged ? Date(date::sys_days(tonight) + date::days(1)) : tonight;
    } else {
        p.first_night = parse_first(ctx, *o.first, tonight);
        if (p.first_night == tonight && tonight_logged) {
            throw usage_error(fmt::format("--first tonight: tonight ({}) already has a session, "
                                          "so it cannot be assigned at random; start tomorrow",
                                          format_date(tonight)));
        }
    }
    if (const auto last = latest_trial(db)) {
        if (last->active_on(tonight) || p.first_night <= last->end_night()) {
            throw usage_error(fmt::format("trial {} is still running (until {}); one trial at a "
                                          "time: stop it first with rls trial stop",
                                          last->id, format_date(last->end_night())));
        }
    }
    p.schedule = make_schedule(p.arms.size(), p.design, p.blocks, p.washout, p.first_night, p.seed);

    Trial t;
    t.uuid = new_uuid();
    t.protocol = p;
    t.fingerprint = fingerprint(p);
    t.tz = ctx.time().zone.name();
    t.created = ctx.time().now;
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    t.id = insert_trial(db, t);
    tx.commit();
    if (o.json) {
        print_json(ctx, trial_json(t, tonight, false));
        return;
    }
    std::string arms;
    for (std::size_t i = 0; i < p.arms.size(); ++i) {
        arms += fmt::format("{}{} = {}", i == 0 ? "" : ", ", arm_letter(static_cast<int>(i)),
                            visible(p.arms[i].label()));
    }
    std::string text = fmt::format(
        "Trial {} started: {}. {} blocks ({}), {} nights from {} to {}; outcome {}, a difference "
        "that matters {:g} point{}. The schedule is fixed and stays hidden; one night at a time "
        "is shown.",
        t.id, arms, p.blocks, p.design == TrialDesign::pairs ? "randomised pairs" : "ABBA/BAAB",
        p.schedule.size(), format_date(p.first_night), format_date(p.last_night()),
        outcome_name(p.outcome), p.mid, p.mid == 1.0 ? "" : "s");
    std::string out = text + "\n";
    out += fmt::format("Fingerprint: {}\n", t.fingerprint);
    if (const auto* n = p.night(tonight)) {
        out += fmt::format("Tonight: {}.\n", visible(assignment_text(t, *n)));
    } else {
        out += fmt::format("The first night is {}.\n", format_date(p.first_night));
    }
    ctx.say(out);
}

struct SkipOptions {
    std::string night;
    bool json = false;
};

void run_skip(Context& ctx, const SkipOptions& o) {
    const auto tonight = trial_tonight(ctx);
    const Date night = o.night.empty() ? tonight : parse_night(o.night, ctx.time(), "--night");
    if (night > tonight) {
        throw usage_error(fmt::format("--night {} has not begun yet", format_date(night)));
    }
    auto& db = ctx.db();
    auto t = latest_trial(db);
    const TrialNight* n = t ? t->protocol.night(night) : nullptr;
    if (n == nullptr || night > t->end_night()) {
        throw usage_error(
            fmt::format("the night of {} is not a night of a trial", format_date(night)));
    }
    if (has_session_on(db, night)) {
        throw usage_error(fmt::format("the night of {} has a session; a skip is for a night "
                                      "without a massage",
                                      format_date(night)));
    }
    const auto& assigned = t->protocol.arms[static_cast<std::size_t>(n->arm)];
    const auto pending = check_trial_skip(ctx, night);
    const bool followed = pending->mark.followed;
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    save_mark(db, pending->trial_id, pending->mark);
    // A planned night without massage for the rest of rls too (remind, report).
    (void)mark_no_massage(db, night, ctx.time().now);
    tx.commit();
    if (o.json) {
        print_json(ctx, {{"trial", t->id},
                         {"night", n->seq},
                         {"date", format_date(night)},
                         {"assigned", assigned.label()},
                         {"done", "none"},
                         {"followed", followed}});
        return;
    }
    ctx.say(fmt::format("Trial night {} of {} ({}) recorded without a massage{}.\n", n->seq,
                        t->protocol.schedule.size(), format_date(night),
                        followed ? ", as assigned" : ": a deviation"));
}

struct StopOptions {
    bool json = false;
};

void run_stop(Context& ctx, const StopOptions& o) {
    auto& db = ctx.db();
    const auto tonight = trial_tonight(ctx);
    auto t = active_trial(db, tonight);
    if (!t) {
        throw Error(Exit::no_input, "no trial is running");
    }
    // Tonight counts if something was logged for it; otherwise the trial
    // ended with last night (and a trial stopped before its first night, then).
    Date last = has_session_on(db, tonight) || t->mark(tonight) != nullptr
                    ? tonight
                    : Date(date::sys_days(tonight) - date::days(1));
    if (last < t->protocol.first_night) {
        last = date::sys_days(t->protocol.first_night) - date::days(1);
    }
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    stop_trial(db, t->id, ctx.time().now, last);
    tx.commit();
    if (o.json) {
        print_json(ctx, {{"trial", t->id}, {"stopped_night", format_date(last)}});
        return;
    }
    if (last < t->protocol.first_night) {
        ctx.say(fmt::format("Trial {} stopped before its first night ({}); no night was run.\n",
                            t->id, format_date(t->protocol.first_night)));
        return;
    }
    ctx.say(fmt::format("Trial {} stopped early; its last night is {}. rls trial report shows "
                        "the analysis, marked as stopped early.\n",
                        t->id, format_date(last)));
}

} // namespace

void register_trial(CLI::App& app, Context& ctx, Action& action) {
    auto* trial = app.add_subcommand(
        "trial", "A randomised N-of-1 trial: which of 2 to 4 variants suits you (start, "
                 "tonight, skip, show, status, stop, report, list)");
    trial->require_subcommand(1);

    auto so = std::make_shared<StartOptions>();
    auto* start = trial->add_subcommand("start", "Plan a trial and fix its random schedule");
    start
        ->add_option("ARM", so->arms,
                     "Two to four arms: none, ROUTINE xN (standard x2), OIL or 'no OIL'")
        ->required()
        ->type_name("ARM");
    so->blocks_opt =
        start
            ->add_option("--blocks", so->blocks, "Blocks, 2-50 (default 8 pairs, or 4 ABBA blocks)")
            ->type_name("N");
    start->add_option("--design", so->design, "pairs (AB/BA, default) or abba (ABBA/BAAB)")
        ->type_name("DESIGN");
    start
        ->add_option("--washout", so->washout,
                     "Nights after each switch not analysed, 0-7 (default 0; 1 for oils)")
        ->type_name("N");
    start->add_option("--outcome", so->outcome, "The primary outcome: sleep (default) or restless")
        ->type_name("OUTCOME");
    start->add_option("--mid", so->mid, "The difference that matters, in points (default 1)")
        ->type_name("POINTS");
    start
        ->add_option("--first", so->first,
                     "First night: tonight, tomorrow or YYYY-MM-DD (default tonight if not "
                     "logged yet)")
        ->type_name("NIGHT");
    start->add_option("--seed", so->seed, "Seed of the schedule (default: from the system)")
        ->type_name("N");
    start->add_flag("--json", so->json, "Print the protocol as JSON");
    start->callback([&ctx, &action, so] { action = [&ctx, so] { run_start(ctx, *so); }; });

    auto ko = std::make_shared<SkipOptions>();
    auto* skip = trial->add_subcommand("skip", "Record a trial night without a massage");
    skip->add_option("--night", ko->night, "The night, YYYY-MM-DD (default: tonight)")
        ->type_name("NIGHT");
    skip->add_flag("--json", ko->json, "Print what was recorded as JSON");
    skip->callback([&ctx, &action, ko] { action = [&ctx, ko] { run_skip(ctx, *ko); }; });

    auto to = std::make_shared<StopOptions>();
    auto* stop = trial->add_subcommand("stop", "End the running trial early (kept, analysed)");
    stop->add_flag("--json", to->json, "Print the end as JSON");
    stop->callback([&ctx, &action, to] { action = [&ctx, to] { run_stop(ctx, *to); }; });

    register_trial_views(*trial, ctx, action);
}

} // namespace rls
