// rls demo: fill an empty database with sample data.
#include "cli/app.hpp"
#include "cli/render.hpp"
#include "core/demo.hpp"
#include "core/error.hpp"
#include "core/parse.hpp"
#include "store/catalog.hpp"
#include "store/ratings.hpp"
#include "store/sessions.hpp"

#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <memory>
#include <ostream>

namespace rls {

namespace {

struct DemoOptions {
    std::string nights = "90";
    std::string seed = "42";
    bool json = false;
};

void run_demo(Context& ctx, const DemoOptions& o) {
    DemoParams params;
    params.nights = parse_int(o.nights, "--nights", 7, 200000);
    params.seed = static_cast<std::uint64_t>(parse_int(o.seed, "--seed", 0, 999999999));
    const auto& t = ctx.time();
    params.last_night = last_night(t);
    params.zone = t.zone;
    params.cutoff = t.cutoff;

    auto& db = ctx.db();
    if (count_sessions(db) > 0 || count_ratings(db) > 0) {
        throw Error(Exit::data, "demo needs an empty database, and this one holds data; use "
                                "--db PATH with a new file");
    }
    std::int64_t sessions = 0;
    std::int64_t ratings = 0;
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    const auto routines = codes_of(list_routines(db));
    if (std::find(routines.begin(), routines.end(), "left-only") == routines.end()) {
        add_routine(db, demo_left_only_routine());
    }
    generate_demo(
        params,
        [&](const SessionInput& s) {
            (void)insert_session(db, s, t.now);
            ++sessions;
        },
        [&](const RatingInput& r) {
            save_rating(db, r, t.now);
            ++ratings;
        });
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
    cmd->add_flag("--json", o->json, "Print what was made as JSON");
    cmd->callback([&ctx, &action, o] { action = [&ctx, o] { run_demo(ctx, *o); }; });
}

} // namespace rls
