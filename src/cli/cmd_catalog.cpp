// rls points | oils | routines: list the catalog, and `add` to extend it.
#include "cli/app.hpp"
#include "cli/render.hpp"
#include "core/error.hpp"
#include "core/match.hpp"
#include "core/parse.hpp"
#include "store/catalog.hpp"

#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <memory>
#include <ostream>

namespace rls {

namespace {

template <class T>
void print_json_list(Context& ctx, const std::vector<T>& items) {
    nlohmann::ordered_json j = nlohmann::ordered_json::array();
    for (const auto& item : items) {
        j.push_back(to_json(item));
    }
    print_json(ctx, j);
}

// --json on an add prints the stored row, as the listing would show it.
template <class T>
void print_added(Context& ctx, const std::vector<T>& items, const std::string& code) {
    for (const auto& item : items) {
        if (item.code == code) {
            print_json(ctx, to_json(item));
        }
    }
}

template <class Write>
void in_transaction(Context& ctx, Write&& write) {
    auto& db = ctx.db();
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    write(db);
    tx.commit();
}

struct PointOptions {
    bool json = false;
    std::string id;
    std::string foot;
    std::string name;
    std::string where;
    CLI::App* add = nullptr;
};

void run_points(Context& ctx, const PointOptions& o) {
    if (o.add->parsed()) {
        Point p;
        p.code = parse_name(o.id, "ID", true);
        if (o.foot != "left" && o.foot != "right") {
            throw usage_error(
                fmt::format("--foot must be left or right, got {}", quote_value(o.foot)));
        }
        p.foot = o.foot;
        p.name = parse_text(o.name.empty() ? p.code : o.name, "--name", 80);
        p.location = parse_text(o.where, "--where", 400);
        in_transaction(ctx, [&](auto& db) { add_point(db, p); });
        if (o.json) {
            print_added(ctx, list_points(ctx.db()), p.code);
            return;
        }
        ctx.say(fmt::format("Added point {} ({} foot).\n", p.code, p.foot));
        return;
    }
    const auto points = list_points(ctx.db());
    if (o.json) {
        print_json_list(ctx, points);
        return;
    }
    const Style style(ctx.color_enabled());
    ctx.out() << style.bold(fmt::format("{:<16} {:<6} {:<10} {}", "ID", "FOOT", "NAME", "WHERE"))
              << '\n';
    for (const auto& p : points) {
        ctx.out() << fmt::format("{:<16} {:<6} {:<10} {}\n", p.code, p.foot, p.name, p.location);
    }
}

struct OilOptions {
    bool json = false;
    std::string id;
    std::string name;
    bool carrier = false;
    CLI::App* add = nullptr;
};

void run_oils(Context& ctx, const OilOptions& o) {
    if (o.add->parsed()) {
        Oil oil;
        oil.code = parse_name(o.id, "ID");
        oil.name = parse_text(o.name.empty() ? oil.code : o.name, "--name", 80);
        oil.carrier = o.carrier;
        in_transaction(ctx, [&](auto& db) { add_oil(db, oil); });
        if (o.json) {
            print_added(ctx, list_oils(ctx.db()), oil.code);
            return;
        }
        ctx.say(fmt::format("Added oil {}.\n", oil.code));
        return;
    }
    const auto oils = list_oils(ctx.db());
    if (o.json) {
        print_json_list(ctx, oils);
        return;
    }
    const Style style(ctx.color_enabled());
    ctx.out() << style.bold(fmt::format("{:<18} {:<18} {}", "ID", "NAME", "KIND")) << '\n';
    for (const auto& oil : oils) {
        ctx.out() << fmt::format("{:<18} {:<18} {}\n", oil.code, oil.name,
                                 oil.carrier ? "carrier" : "essential");
    }
}

struct RoutineOptions {
    bool json = false;
    std::string name;
    std::vector<std::string> points;
    std::string description;
    CLI::App* add = nullptr;
};

void run_routines(Context& ctx, const RoutineOptions& o) {
    if (o.add->parsed()) {
        Routine r;
        r.code = parse_name(o.name, "NAME");
        r.description = parse_text(o.description, "--description", 400);
        const auto known = codes_of(list_points(ctx.db()));
        for (const auto& typed : o.points) {
            r.points.push_back(match_id(parse_name(typed, "--points", true), known, "--points",
                                        "point (see: rls points)"));
        }
        if (r.points.empty() || r.points.size() > 40) {
            throw usage_error(
                fmt::format("--points must list 1 to 40 points, got {}", r.points.size()));
        }
        in_transaction(ctx, [&](auto& db) { add_routine(db, r); });
        if (o.json) {
            print_added(ctx, list_routines(ctx.db()), r.code);
            return;
        }
        ctx.say(fmt::format("Added routine {} ({} points).\n", r.code, r.points.size()));
        return;
    }
    const auto routines = list_routines(ctx.db());
    if (o.json) {
        print_json_list(ctx, routines);
        return;
    }
    const Style style(ctx.color_enabled());
    for (const auto& r : routines) {
        ctx.out() << style.bold(r.code)
                  << (r.description.empty() ? "" : fmt::format(" - {}", r.description)) << '\n'
                  << fmt::format("  {}\n", fmt::join(r.points, " → "));
    }
}

} // namespace

void register_catalog(CLI::App& app, Context& ctx, Action& action) {
    {
        auto o = std::make_shared<PointOptions>();
        auto* cmd =
            app.add_subcommand("points", "List reflexology points (add your own with 'add')");
        cmd->add_flag("--json", o->json, "Print as JSON");
        o->add = cmd->add_subcommand("add", "Add a point");
        o->add->add_option("ID", o->id, "Point id, e.g. left.toes")->required();
        o->add->add_option("--foot", o->foot, "left or right")->required()->type_name("FOOT");
        o->add->add_option("--name", o->name, "Short name (default: the id)")->type_name("TEXT");
        o->add->add_option("--where", o->where, "Where to find it on the foot")->type_name("TEXT");
        o->add->add_flag("--json", o->json, "Print the new point as JSON");
        cmd->callback([&ctx, &action, o] { action = [&ctx, o] { run_points(ctx, *o); }; });
    }
    {
        auto o = std::make_shared<OilOptions>();
        auto* cmd = app.add_subcommand("oils", "List oils (add your own with 'add')");
        cmd->add_flag("--json", o->json, "Print as JSON");
        o->add = cmd->add_subcommand("add", "Add an oil");
        o->add->add_option("ID", o->id, "Oil id, e.g. sweet-marjoram")->required();
        o->add->add_option("--name", o->name, "Display name (default: the id)")->type_name("TEXT");
        o->add->add_flag("--carrier", o->carrier, "A carrier oil (no drop count)");
        o->add->add_flag("--json", o->json, "Print the new oil as JSON");
        cmd->callback([&ctx, &action, o] { action = [&ctx, o] { run_oils(ctx, *o); }; });
    }
    {
        auto o = std::make_shared<RoutineOptions>();
        auto* cmd = app.add_subcommand("routines", "List routines (add your own with 'add')");
        cmd->add_flag("--json", o->json, "Print as JSON");
        o->add = cmd->add_subcommand("add", "Add a routine: an ordered list of points");
        o->add->add_option("NAME", o->name, "Routine name, e.g. left-only")->required();
        o->add->add_option("--points", o->points, "Point ids in order, comma-separated")
            ->required()
            ->delimiter(',')
            ->type_name("ID,...");
        o->add->add_option("--description", o->description, "What the routine is")
            ->type_name("TEXT");
        o->add->add_flag("--json", o->json, "Print the new routine as JSON");
        cmd->callback([&ctx, &action, o] { action = [&ctx, o] { run_routines(ctx, *o); }; });
    }
}

} // namespace rls
