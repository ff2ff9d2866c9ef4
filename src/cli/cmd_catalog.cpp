// rls points | oils | routines: list the catalog, and `add` to extend it.
#include "cli/app.hpp"
#include "cli/render.hpp"
#include "cli/session_options.hpp"
#include "core/error.hpp"
#include "core/match.hpp"
#include "core/parse.hpp"
#include "store/catalog.hpp"

#include <CLI/App.hpp>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <memory>
#include <ostream>

namespace rls {

namespace {

// Catalog text comes from the database (or an import): control characters
// are made visible and long names shortened so that a table row fits 80
// columns; JSON and `routines show` give them in full.
std::string table_cell(std::string_view text, std::size_t width) {
    return cell(visible(text), width);
}

// A routine's first line: its name in bold, then what it is, within 80 columns.
std::string routine_heading(const Style& style, const Routine& r, std::string_view removed) {
    const auto name = shorten(visible(r.code), 40);
    const auto rest = std::string(r.hidden ? removed : "") +
                      (r.description.empty() ? "" : " - " + visible(r.description));
    return style.bold(name) + shorten(rest, 80 - display_width(name));
}

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
        p.name = parse_label(o.name.empty() ? p.code : o.name, "--name", 80);
        p.location = parse_label(o.where, "--where", 400);
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
    ctx.out() << style.bold(fmt::format("{:<18} {:<5} {:<20} {}", "ID", "FOOT", "NAME", "WHERE"))
              << '\n';
    for (const auto& p : points) {
        // Where to find the point is wrapped, not cut: it is what a person needs.
        constexpr std::size_t k_where_column = 18 + 5 + 20 + 3;
        bool first = true;
        for (const auto& where : wrap(visible(p.location), 80 - k_where_column)) {
            ctx.out() << (first ? fmt::format("{} {} {} ", table_cell(p.code, 18),
                                              table_cell(p.foot, 5), table_cell(p.name, 20))
                                : std::string(k_where_column, ' '))
                      << where << '\n';
            first = false;
        }
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
        oil.name = parse_label(o.name.empty() ? oil.code : o.name, "--name", 80);
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
    ctx.out() << style.bold(fmt::format("{:<20} {:<30} {}", "ID", "NAME", "KIND")) << '\n';
    for (const auto& oil : oils) {
        ctx.out() << fmt::format("{} {} {}\n", table_cell(oil.code, 20), table_cell(oil.name, 30),
                                 oil.carrier ? "carrier" : "essential");
    }
}

struct RoutineOptions {
    bool json = false;
    bool all = false;
    std::string name;
    std::vector<std::string> points;
    std::string description;
    CLI::App* add = nullptr;
    CLI::App* show = nullptr;
    CLI::App* edit = nullptr;
    CLI::App* remove = nullptr;
    CLI::App* restore = nullptr;
};

std::vector<std::string> resolve_routine_points(Context& ctx,
                                                const std::vector<std::string>& typed) {
    const auto known = point_codes(ctx.db());
    std::vector<std::string> out;
    for (const auto& t : typed) {
        out.push_back(match_id(parse_name(t, "--points", true), known, "--points",
                               "point (see: rls points)"));
    }
    if (out.empty() || out.size() > 40) {
        throw usage_error(fmt::format("--points must list 1 to 40 points, got {}", out.size()));
    }
    return out;
}

Routine find_routine(Context& ctx, const std::string& typed, bool include_hidden) {
    const auto routines = list_routines(ctx.db(), true);
    const auto name = parse_name(typed, "NAME");
    const auto code = include_hidden ? match_id(name, codes_of(routines), "NAME",
                                                "routine (see: rls routines --all)")
                                     : resolve_routine(ctx, name, "NAME");
    return *std::find_if(routines.begin(), routines.end(),
                         [&](const Routine& r) { return r.code == code; });
}

void run_routine_show(Context& ctx, const RoutineOptions& o) {
    const auto r = find_routine(ctx, o.name, true);
    if (o.json) {
        print_json(ctx, to_json(r));
        return;
    }
    const auto points = list_points(ctx.db());
    const Style style(ctx.color_enabled());
    ctx.out() << routine_heading(style, r, " (removed; kept for past sessions)") << '\n';
    int n = 0;
    for (const auto& code : r.points) {
        const auto p = std::find_if(points.begin(), points.end(),
                                    [&](const Point& x) { return x.code == code; });
        constexpr std::size_t k_where_column = 5 + 18 + 1 + 5 + 2;
        bool first = true;
        for (const auto& where : wrap(visible(p->location), 80 - k_where_column)) {
            ctx.out() << (first ? fmt::format("{:>3}. {} {}  ", ++n, table_cell(code, 18),
                                              table_cell(p->foot, 5))
                                : std::string(k_where_column, ' '))
                      << where << '\n';
            first = false;
        }
    }
}

void run_routine_edit(Context& ctx, const RoutineOptions& o) {
    auto r = find_routine(ctx, o.name, false);
    if (r.builtin) {
        throw usage_error(fmt::format("{} is built in and cannot be changed; add your own with "
                                      "rls routines add",
                                      r.code));
    }
    if (o.edit->get_option("--points")->count() > 0) {
        r.points = resolve_routine_points(ctx, o.points);
    }
    if (o.edit->get_option("--description")->count() > 0) {
        r.description = parse_label(o.description, "--description", 400);
    }
    in_transaction(ctx, [&](auto& db) { update_routine(db, r); });
    if (o.json) {
        print_added(ctx, list_routines(ctx.db()), r.code);
        return;
    }
    ctx.say(fmt::format("Changed routine {} ({} points).\n", r.code, r.points.size()));
}

void run_routine_remove(Context& ctx, const RoutineOptions& o) {
    const auto r = find_routine(ctx, o.name, false);
    if (r.builtin) {
        throw usage_error(fmt::format("{} is built in and cannot be removed", r.code));
    }
    bool hidden = false;
    in_transaction(ctx, [&](auto& db) { hidden = remove_routine(db, r.code); });
    if (o.json) {
        print_json(ctx, {{"name", r.code}, {"removed", !hidden}, {"hidden", hidden}});
        return;
    }
    ctx.say(hidden ? fmt::format("Removed routine {} from new sessions; past sessions keep it.\n",
                                 r.code)
                   : fmt::format("Removed routine {}.\n", r.code));
}

void run_routine_restore(Context& ctx, const RoutineOptions& o) {
    const auto r = find_routine(ctx, o.name, true);
    if (!r.hidden) {
        throw usage_error(fmt::format("routine {} was not removed; nothing to restore", r.code));
    }
    in_transaction(ctx, [&](auto& db) { restore_routine(db, r.code); });
    if (o.json) {
        print_added(ctx, list_routines(ctx.db()), r.code);
        return;
    }
    ctx.say(fmt::format("Restored routine {} ({} points) for new sessions.\n", r.code,
                        r.points.size()));
}

void run_routines(Context& ctx, const RoutineOptions& o) {
    if (o.show->parsed()) {
        run_routine_show(ctx, o);
        return;
    }
    if (o.edit->parsed()) {
        run_routine_edit(ctx, o);
        return;
    }
    if (o.remove->parsed()) {
        run_routine_remove(ctx, o);
        return;
    }
    if (o.restore->parsed()) {
        run_routine_restore(ctx, o);
        return;
    }
    if (o.add->parsed()) {
        Routine r;
        r.code = parse_name(o.name, "NAME");
        r.description = parse_label(o.description, "--description", 400);
        r.points = resolve_routine_points(ctx, o.points);
        for (const auto& old : list_routines(ctx.db(), true)) {
            if (old.hidden && old.code == r.code) {
                throw usage_error(fmt::format("routine {} exists but was removed; bring it back "
                                              "with: rls routines restore {}",
                                              r.code, r.code));
            }
        }
        in_transaction(ctx, [&](auto& db) { add_routine(db, r); });
        if (o.json) {
            print_added(ctx, list_routines(ctx.db()), r.code);
            return;
        }
        ctx.say(fmt::format("Added routine {} ({} points).\n", r.code, r.points.size()));
        return;
    }
    const auto routines = list_routines(ctx.db(), o.all);
    if (o.json) {
        print_json_list(ctx, routines);
        return;
    }
    const Style style(ctx.color_enabled());
    for (const auto& r : routines) {
        ctx.out() << routine_heading(style, r, " (removed)") << '\n';
        for (const auto& line : wrap(visible(fmt::format("{}", fmt::join(r.points, " → "))), 78)) {
            ctx.out() << "  " << line << '\n';
        }
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
        auto* cmd =
            app.add_subcommand("routines", "List routines (add, show, edit, remove, restore)");
        cmd->add_flag("--json", o->json, "Print as JSON");
        cmd->add_flag("--all", o->all, "Include removed routines that past sessions still use");
        o->add = cmd->add_subcommand("add", "Add a routine: an ordered list of points");
        o->add->add_option("NAME", o->name, "Routine name, e.g. left-only")->required();
        o->add->add_option("--points", o->points, "Point ids in order, comma-separated")
            ->required()
            ->delimiter(',')
            ->type_name("ID,...");
        o->add->add_option("--description", o->description, "What the routine is")
            ->type_name("TEXT");
        o->add->add_flag("--json", o->json, "Print the new routine as JSON");
        o->show =
            cmd->add_subcommand("show", "Show a routine's points in order, with where they are");
        o->show->add_option("NAME", o->name, "Routine name")->required();
        o->show->add_flag("--json", o->json, "Print as JSON");
        o->edit = cmd->add_subcommand("edit", "Change a routine of your own");
        o->edit->add_option("NAME", o->name, "Routine name")->required();
        o->edit->add_option("--points", o->points, "New point ids in order, comma-separated")
            ->delimiter(',')
            ->type_name("ID,...");
        o->edit->add_option("--description", o->description, "New description")->type_name("TEXT");
        o->edit->add_flag("--json", o->json, "Print the changed routine as JSON");
        o->remove = cmd->add_subcommand(
            "remove", "Remove a routine of your own (hidden, not deleted, if sessions used it)");
        o->remove->add_option("NAME", o->name, "Routine name")->required();
        o->remove->add_flag("--json", o->json, "Print the result as JSON");
        o->restore = cmd->add_subcommand(
            "restore", "Offer a removed routine for new sessions again (see: routines --all)");
        o->restore->add_option("NAME", o->name, "Routine name")->required();
        o->restore->add_flag("--json", o->json, "Print the restored routine as JSON");
        cmd->require_subcommand(0, 1);
        cmd->callback([&ctx, &action, o] { action = [&ctx, o] { run_routines(ctx, *o); }; });
    }
}

} // namespace rls
