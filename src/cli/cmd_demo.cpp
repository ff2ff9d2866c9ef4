// rls demo: fill an empty database with sample data.
#include "cli/app.hpp"
#include "cli/render.hpp"
#include "cli/terminal.hpp"
#include "core/demo.hpp"
#include "core/error.hpp"
#include "core/parse.hpp"
#include "store/catalog.hpp"
#include "store/database.hpp"
#include "store/measures.hpp"
#include "store/ratings.hpp"
#include "store/sessions.hpp"

#include <CLI/App.hpp>
#include <SQLiteCpp/Transaction.h>
#include <filesystem>
#include <fmt/format.h>
#include <memory>
#include <ostream>

namespace rls {

namespace {

struct DemoOptions {
    std::string nights = "90";
    std::string seed = "42";
    bool yes = false;
    bool json = false;
};

// Invented nights in someone's real diary cannot be told apart from their
// own afterwards. A new file named on purpose (--db, RLS_DB) is the demo's
// place; anything else needs a yes, asked on a terminal or given as --yes.
struct Target {
    std::filesystem::path path;
    bool exists = true;
    bool named_new = false; // a file named by --db or RLS_DB that did not exist
    bool is_default = false;
};

// Must be looked at before the database is opened, which creates it.
Target demo_target(const Context& ctx) {
    const auto where = locate_database(ctx.db_option, ctx.getenv("RLS_DB"),
                                       ctx.getenv("XDG_DATA_HOME"), ctx.getenv("HOME"));
    std::error_code ec;
    const bool is_new = !std::filesystem::exists(where.path, ec) && !ec;
    return {where.path, !is_new, is_new && !where.is_default, where.is_default};
}

void check_target(Context& ctx, const DemoOptions& o, const Target& target, int nights) {
    if (target.named_new || o.yes) {
        return;
    }
    const auto what = target.is_default ? std::string("your diary") : std::string("the database");
    if (!ctx.interactive()) {
        throw usage_error(fmt::format("demo would put invented nights into {}; use --db with a "
                                      "new file, or add --yes",
                                      what));
    }
    ctx.err() << fmt::format("The demo puts {} nights of invented data into {}:\n  {}\n"
                             "They cannot be told from real entries afterwards.\n",
                             nights, what, target.path.string());
    if (!ctx.confirm("Fill it anyway?")) {
        throw Error(Exit::declined, "nothing was added; try rls --db /tmp/demo.db demo");
    }
}

void run_demo(Context& ctx, const DemoOptions& o) {
    DemoParams params;
    params.nights = parse_int(o.nights, "--nights", k_demo_nights_range);
    params.seed = static_cast<std::uint64_t>(parse_int(o.seed, "--seed", 0, 999999999));
    const auto target = demo_target(ctx);
    if (!target.exists) {
        check_target(ctx, o, target, params.nights); // before opening creates it
    }
    const auto& t = ctx.time();
    params.last_night = last_night(t);
    // The demo keeps to the range import accepts: no night before the earliest.
    const auto span = date::sys_days{params.last_night} - date::sys_days{k_earliest_night};
    if (span.count() + 1 < params.nights) {
        throw usage_error(fmt::format("--nights {} would start before {}; at most {} nights end "
                                      "on {}",
                                      params.nights, format_date(k_earliest_night),
                                      std::max<long long>(span.count() + 1, 0),
                                      format_date(params.last_night)));
    }
    params.zone = t.zone;
    params.cutoff = t.cutoff;

    auto& db = ctx.db();
    if (count_sessions(db) > 0 || count_ratings(db) > 0) {
        throw Error(Exit::data, "demo needs an empty database, and this one holds data; use "
                                "--db PATH with a new file");
    }
    if (target.exists) {
        check_target(ctx, o, target, params.nights);
    }
    std::int64_t sessions = 0;
    std::int64_t ratings = 0;
    // Thousands of nights take seconds: Ctrl-C, a hang-up or a kill rolls
    // back and (for a new file) leaves no half-made database behind.
    const SignalGuard signals;
    const auto stop_if_signalled = [] {
        if (take_signal() != 0) {
            throw Error(Exit::interrupted, "demo interrupted; nothing was added");
        }
    };
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    const auto routines = codes_of(list_routines(db));
    if (std::find(routines.begin(), routines.end(), "left-only") == routines.end()) {
        add_routine(db, demo_left_only_routine());
    }
    generate_demo(
        params,
        [&](const SessionInput& s) {
            stop_if_signalled();
            (void)insert_session(db, s, t.now);
            ++sessions;
        },
        [&](const RatingInput& r) {
            stop_if_signalled();
            save_rating(db, r, t.now);
            ++ratings;
        });
    stop_if_signalled();
    auto tracked = generate_demo_measures(params);
    if (!find_medicine(db, tracked.medicine.name)) {
        add_medicine(db, tracked.medicine);
    }
    for (const auto& e : tracked.irls) {
        save_irls(db, e, t.now);
    }
    for (const auto& s : tracked.symptoms) {
        save_symptoms(db, s, t.now);
    }
    for (auto& d : tracked.doses) {
        d.created = t.now;
        (void)insert_dose(db, d);
    }
    for (auto& l : tracked.labs) {
        l.created = t.now;
        (void)insert_lab(db, l);
    }
    stop_if_signalled();
    tx.commit();
    if (o.json) {
        print_json(ctx, {{"nights", params.nights},
                         {"last_night", format_date(params.last_night)},
                         {"sessions", sessions},
                         {"ratings", ratings},
                         {"database", ctx.db_path()}});
        return;
    }
    ctx.say(fmt::format("Demo data: {} nights ending {}, {} sessions, {} nights rated, in {}.\n",
                        params.nights, format_date(params.last_night), sessions, ratings,
                        ctx.db_path()));
}

} // namespace

void register_demo(CLI::App& app, Context& ctx, Action& action) {
    auto o = std::make_shared<DemoOptions>();
    auto* cmd = app.add_subcommand("demo", "Fill an empty database with realistic sample data");
    cmd->add_option("--nights", o->nights, "How many nights, 7-200000 (default 90)")
        ->type_name("N");
    cmd->add_option("--seed", o->seed, "Random seed, for a different sample (default 42)")
        ->type_name("S");
    cmd->add_flag("-y,--yes", o->yes,
                  "Fill a database that was not named as a new file (e.g. your diary)");
    cmd->add_flag("--json", o->json, "Print what was made as JSON");
    cmd->callback([&ctx, &action, o] { action = [&ctx, o] { run_demo(ctx, *o); }; });
}

} // namespace rls
