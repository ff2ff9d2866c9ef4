// rls lab: iron labs (ferritin, transferrin saturation) with the date drawn.
// Values at or below the AASM 2024 thresholds for iron therapy are pointed
// out with "ask your doctor about iron" - never with a dose.
#include "cli/app.hpp"
#include "cli/render.hpp"
#include "core/error.hpp"
#include "core/measures_json.hpp"
#include "core/parse.hpp"
#include "store/measures.hpp"

#include <CLI/App.hpp>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <memory>
#include <ostream>

namespace rls {

namespace {

// Lab numbers are SQLite rowids, as session numbers are.
constexpr int k_max_lab_id = 999999999;

struct LabOptions {
    std::string ferritin;
    std::string tsat;
    std::string date;
    std::string remove;
    bool fasting = false;
    bool not_fasting = false;
    bool list = false;
    bool yes = false;
    bool json = false;
    CLI::App* cmd = nullptr;

    [[nodiscard]] bool given(const char* name) const { return cmd->get_option(name)->count() > 0; }
};

std::string lab_line(const Lab& l) {
    std::string line = format_date(l.drawn);
    if (l.fasting) {
        line += *l.fasting ? " fasting" : " not fasting";
    }
    if (l.ferritin) {
        line += fmt::format(", ferritin {:g} ng/mL{}", *l.ferritin,
                            ferritin_low(*l.ferritin) ? " (low)" : "");
    }
    if (l.tsat) {
        line += fmt::format(", saturation {:g}%{}", *l.tsat, tsat_low(*l.tsat) ? " (low)" : "");
    }
    return line;
}

void delete_lab(Context& ctx, const LabOptions& o) {
    for (const char* option : {"--ferritin", "--tsat", "--date"}) {
        if (o.given(option)) {
            throw usage_error(fmt::format("--delete takes no {}", option));
        }
    }
    if (o.fasting || o.not_fasting || o.list) {
        throw usage_error("--delete takes only the lab's number (see: rls lab --list)");
    }
    const auto id = parse_int(o.remove, "--delete", 1, k_max_lab_id);
    auto& db = ctx.db();
    const auto l = find_lab(db, id);
    if (!l) {
        throw Error(Exit::no_input, fmt::format("lab {} does not exist (see: rls lab --list)", id));
    }
    const auto what = fmt::format("lab {} (drawn {})", id, lab_line(*l));
    if (!o.yes) {
        if (!ctx.interactive()) {
            throw usage_error(fmt::format("lab --delete removes lab {} (drawn {}); add --yes", id,
                                          format_date(l->drawn)));
        }
        if (!ctx.confirm(fmt::format("Delete {}?", what))) {
            throw Error(Exit::declined, "kept the lab; nothing was changed");
        }
    }
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    if (!rls::delete_lab(db, id)) {
        throw Error(Exit::no_input, fmt::format("lab {} does not exist", id));
    }
    tx.commit();
    if (o.json) {
        print_json(ctx, {{"deleted", lab_json(*l)}});
        return;
    }
    ctx.say(fmt::format("Deleted {}.\n", what));
}

void run_lab(Context& ctx, const LabOptions& o) {
    if (o.given("--delete")) {
        delete_lab(ctx, o);
        return;
    }
    if (o.yes) {
        throw usage_error("--yes goes with --delete");
    }
    auto& db = ctx.db();
    const auto& t = ctx.time();
    const Date today = local_date(t.now, t.zone);
    if (o.list) {
        if (o.given("--ferritin") || o.given("--tsat")) {
            throw usage_error("--list takes no values");
        }
        const auto labs = labs_up_to(db, today);
        if (o.json) {
            auto out = nlohmann::ordered_json::array();
            for (const auto& l : labs) {
                out.push_back(lab_json(l));
            }
            print_json(ctx, out);
            return;
        }
        if (labs.empty()) {
            ctx.say("No iron labs yet: rls lab --ferritin NG_ML --tsat PERCENT.\n");
        }
        for (const auto& l : labs) {
            ctx.out() << fmt::format("{:>5}  {}\n", l.id, lab_line(l));
        }
        return;
    }
    Lab l;
    if (o.given("--ferritin")) {
        l.ferritin =
            parse_decimal(o.ferritin, "--ferritin", k_ferritin_range.lo, k_ferritin_range.hi);
    }
    if (o.given("--tsat")) {
        l.tsat = parse_decimal(o.tsat, "--tsat", k_tsat_range.lo, k_tsat_range.hi);
    }
    if (!l.ferritin && !l.tsat) {
        throw usage_error("lab needs --ferritin or --tsat (or both)");
    }
    if (o.fasting && o.not_fasting) {
        throw usage_error("--fasting and --not-fasting cannot be used together");
    }
    if (o.fasting || o.not_fasting) {
        l.fasting = o.fasting;
    }
    l.drawn = o.given("--date") ? parse_night(o.date, t, "--date") : today;
    if (l.drawn > today) {
        throw usage_error(
            fmt::format("--date must not be in the future, got {}", format_date(l.drawn)));
    }
    l.created = t.now;
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    l.id = insert_lab(db, l);
    tx.commit();
    for (const auto& x : labs_up_to(db, today)) {
        if (x.id == l.id) {
            l = x;
        }
    }
    if (o.json) {
        print_json(ctx, lab_json(l));
        return;
    }
    ctx.say(fmt::format("Recorded iron labs drawn {} (lab {}).\n", lab_line(l), l.id));
    if ((l.ferritin && ferritin_low(*l.ferritin)) || (l.tsat && tsat_low(*l.tsat))) {
        ctx.say(fmt::format("Low for RLS (ferritin <= {:g} ng/mL or saturation below {:g}%, the "
                            "levels at which guidelines suggest iron): ask your doctor about "
                            "iron.\n",
                            k_ferritin_iron_at_most, k_tsat_iron_below));
    }
}

} // namespace

void register_lab(CLI::App& app, Context& ctx, Action& action) {
    auto o = std::make_shared<LabOptions>();
    auto* cmd = app.add_subcommand(
        "lab", "Record iron labs: ferritin (ng/mL) and transferrin saturation (%)");
    o->cmd = cmd;
    cmd->add_option("--ferritin", o->ferritin, "Ferritin in ng/mL (the same as ug/L)")
        ->type_name("NG_ML");
    cmd->add_option("--tsat", o->tsat, "Transferrin saturation in %")->type_name("PERCENT");
    cmd->add_option("--date", o->date,
                    "Day the blood was drawn: YYYY-MM-DD, today, yesterday (default today)")
        ->type_name("DATE");
    cmd->add_flag("--fasting", o->fasting, "Drawn fasting, in the morning");
    cmd->add_flag("--not-fasting", o->not_fasting, "Drawn not fasting");
    cmd->add_flag("--list", o->list, "List every lab recorded, with its number");
    cmd->add_option("--delete", o->remove, "Delete a lab recorded by mistake (asks first)")
        ->type_name("ID");
    cmd->add_flag("-y,--yes", o->yes, "With --delete: without asking");
    cmd->add_flag("--json", o->json, "Print as JSON");
    cmd->callback([&ctx, &action, o] { action = [&ctx, o] { run_lab(ctx, *o); }; });
}

} // namespace rls
