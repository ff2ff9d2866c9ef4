// rls took and rls meds: doses of medicines taken (any night, with the time)
// and the user's catalog of medicines with their units. rls records doses;
// it never suggests one.
#include "cli/app.hpp"
#include "cli/render.hpp"
#include "core/error.hpp"
#include "core/match.hpp"
#include "core/measures_json.hpp"
#include "core/parse.hpp"
#include "core/terminal_text.hpp"
#include "store/measures.hpp"

#include <CLI/App.hpp>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <memory>
#include <ostream>

namespace rls {

namespace {

// Dose and lab numbers are SQLite rowids, as session numbers are.
constexpr int k_max_dose_id = 999999999;

struct TookOptions {
    std::string medicine;
    std::vector<std::string> dose;
    std::string at = "now";
    std::string remove;
    bool list = false;
    bool yes = false;
    bool is_new = false;
    bool json = false;
    CLI::App* cmd = nullptr;

    [[nodiscard]] bool given(const char* name) const { return cmd->get_option(name)->count() > 0; }
};

// "    3  2026-11-25  pramipexole 0.25 mg at 21:00": the number --delete takes.
std::string dose_line(const Dose& d) {
    return fmt::format("{:>5}  {}  {}", d.id, format_date(d.night), dose_label(d));
}

void delete_dose(Context& ctx, const TookOptions& o) {
    if (!o.medicine.empty() || o.given("--at") || o.list) {
        throw usage_error("--delete takes only the dose's number (see: rls took --list)");
    }
    const auto id = parse_int(o.remove, "--delete", 1, k_max_dose_id);
    auto& db = ctx.db();
    const auto d = find_dose(db, id);
    if (!d) {
        throw Error(Exit::no_input,
                    fmt::format("dose {} does not exist (see: rls took --list)", id));
    }
    const auto what =
        fmt::format("dose {} ({}, night of {})", id, dose_label(*d), format_date(d->night));
    if (!o.yes) {
        if (!ctx.interactive()) {
            // One line: the number and night; the prompt on a terminal says more.
            throw usage_error(fmt::format("took --delete removes dose {} (night of {}); add --yes",
                                          id, format_date(d->night)));
        }
        if (!ctx.confirm(fmt::format("Delete {}?", what))) {
            throw Error(Exit::declined, "kept the dose; nothing was changed");
        }
    }
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    if (!rls::delete_dose(db, id)) {
        throw Error(Exit::no_input, fmt::format("dose {} does not exist", id));
    }
    tx.commit();
    if (o.json) {
        print_json(ctx, {{"deleted", dose_json(*d)}});
        return;
    }
    ctx.say(fmt::format("Deleted {}.\n", what));
}

void list_doses(Context& ctx, bool json) {
    const auto doses = all_doses(ctx.db());
    if (json) {
        auto out = nlohmann::ordered_json::array();
        for (const auto& d : doses) {
            out.push_back(dose_json(d));
        }
        print_json(ctx, out);
        return;
    }
    if (doses.empty()) {
        ctx.say("No doses recorded yet: rls took MEDICINE DOSE, e.g. rls took pramipexole "
                "0.25mg.\n");
    }
    for (const auto& d : doses) {
        ctx.out() << dose_line(d) << '\n';
    }
}

void run_took(Context& ctx, const TookOptions& o) {
    if (o.given("--delete")) {
        delete_dose(ctx, o);
        return;
    }
    if (o.yes) {
        throw usage_error("--yes goes with --delete");
    }
    if (o.list) {
        if (!o.medicine.empty()) {
            throw usage_error("--list takes no medicine");
        }
        list_doses(ctx, o.json);
        return;
    }
    if (o.medicine.empty() || o.dose.empty()) {
        throw usage_error("took needs MEDICINE and DOSE, e.g. rls took pramipexole 0.25mg");
    }
    const auto& t = ctx.time();
    Dose d;
    d.medicine = parse_name(o.medicine, "MEDICINE");
    auto& db = ctx.db();
    std::vector<std::string> names;
    for (const auto& m : list_medicines(db)) {
        names.push_back(m.name);
    }
    if (auto match = match_or_new(d.medicine, names, "MEDICINE", "(--new adds it)", o.is_new)) {
        d.medicine = std::move(*match);
    }
    std::string dose_text;
    for (const auto& part : o.dose) {
        dose_text += (dose_text.empty() ? "" : " ") + part;
    }
    const auto amount = parse_dose(dose_text, "DOSE");
    d.amount = amount.amount;
    d.unit = amount.unit;
    d.taken = parse_when(o.at, t, "--at");
    d.tz = std::string(t.zone.name());
    d.night = night_of(d.taken, t.zone, t.cutoff);
    d.created = t.now;
    const auto known = find_medicine(db, d.medicine);
    if (known && known->unit != d.unit) {
        throw usage_error(fmt::format("DOSE of {} must be in {}, its unit in rls meds, got {}",
                                      d.medicine, known->unit, quote_value(dose_text)));
    }
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    if (!known) {
        add_medicine(db, {0, "", d.medicine, d.unit});
    }
    d.id = insert_dose(db, d);
    tx.commit();
    if (o.json) {
        print_json(ctx, dose_json(*find_dose(db, d.id)));
        return;
    }
    if (!known) {
        ctx.say(fmt::format("Added {} (in {}) to your medicines.\n", d.medicine, d.unit));
    }
    ctx.say(fmt::format("Took {} {} at {}, night of {} (dose {}).\n", d.medicine,
                        amount_with_unit(d.amount, d.unit), format_local(d.taken, t.zone, "%H:%M"),
                        format_date(d.night), d.id));
}

struct MedsOptions {
    std::string name;
    std::string unit;
    bool json = false;
    CLI::App* add = nullptr;
    CLI::App* remove = nullptr;
};

void run_meds(Context& ctx, const MedsOptions& o) {
    auto& db = ctx.db();
    if (o.add->parsed()) {
        Medicine m;
        m.name = parse_name(o.name, "NAME");
        m.unit = parse_dose_unit(o.unit, "--unit");
        if (find_medicine(db, m.name)) {
            throw usage_error(fmt::format("medicine {} is already in the list", m.name));
        }
        SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
        add_medicine(db, m);
        tx.commit();
        const auto stored = find_medicine(db, m.name);
        if (o.json) {
            print_json(ctx, to_json(*stored));
            return;
        }
        ctx.say(fmt::format("Added {} (in {}) to your medicines.\n", m.name, m.unit));
        return;
    }
    if (o.remove->parsed()) {
        const auto name = parse_name(o.name, "NAME");
        if (!find_medicine(db, name)) {
            throw usage_error(fmt::format("medicine {} is not in the list", name));
        }
        if (const int n = count_doses(db, name); n > 0) {
            throw usage_error(fmt::format("medicine {} has {} recorded dose{}; it stays in the "
                                          "list for them",
                                          name, n, n == 1 ? "" : "s"));
        }
        SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
        remove_medicine(db, name);
        tx.commit();
        if (o.json) {
            print_json(ctx, {{"removed", name}});
            return;
        }
        ctx.say(fmt::format("Removed {} from your medicines.\n", name));
        return;
    }
    const auto all = list_medicines(db);
    if (o.json) {
        auto out = nlohmann::ordered_json::array();
        for (const auto& m : all) {
            out.push_back(to_json(m));
        }
        print_json(ctx, out);
        return;
    }
    if (all.empty()) {
        ctx.say("No medicines yet: rls meds add NAME --unit mg (or just rls took).\n");
    }
    for (const auto& m : all) {
        ctx.out() << fmt::format("{:<24} {}\n", visible(m.name), m.unit);
    }
}

} // namespace

void register_meds(CLI::App& app, Context& ctx, Action& action) {
    {
        auto o = std::make_shared<TookOptions>();
        auto* cmd = app.add_subcommand(
            "took", "Record a dose of a medicine taken, e.g. took pramipexole 0.25mg --at 21:00");
        o->cmd = cmd;
        cmd->add_option("MEDICINE", o->medicine, "Medicine name, e.g. pramipexole");
        // "DOSE ..." in the help, not "DOSE DOSE ...": "0.25mg" or "0.25 mg".
        cmd->add_option("DOSE", o->dose, "Amount with its unit: mg, mcg, g, ml, iu or tablet")
            ->option_text("...");
        cmd->add_option("--at", o->at, "When it was taken: now, 21:00, 9pm, YYYY-MM-DD HH:MM")
            ->type_name("WHEN");
        cmd->add_flag("--new", o->is_new,
                      "A new medicine even if its name is close to one in the list");
        cmd->add_flag("--list", o->list, "List every dose recorded, by night, with its number");
        cmd->add_option("--delete", o->remove, "Delete a dose recorded by mistake (asks first)")
            ->type_name("ID");
        cmd->add_flag("-y,--yes", o->yes, "With --delete: without asking");
        cmd->add_flag("--json", o->json, "Print as JSON");
        cmd->callback([&ctx, &action, o] { action = [&ctx, o] { run_took(ctx, *o); }; });
    }
    {
        auto o = std::make_shared<MedsOptions>();
        auto* cmd = app.add_subcommand("meds", "List your medicines (add, remove)");
        cmd->add_flag("--json", o->json, "Print as JSON");
        o->add = cmd->add_subcommand("add", "Add a medicine with the unit its doses are in");
        o->add->add_option("NAME", o->name, "Medicine name, e.g. gabapentin")->required();
        o->add->add_option("--unit", o->unit, "mg, mcg, g, ml, iu or tablet")
            ->required()
            ->type_name("UNIT");
        o->add->add_flag("--json", o->json, "Print the new medicine as JSON");
        o->remove = cmd->add_subcommand("remove", "Remove a medicine that has no doses");
        o->remove->add_option("NAME", o->name, "Medicine name")->required();
        o->remove->add_flag("--json", o->json, "Print the result as JSON");
        cmd->require_subcommand(0, 1);
        cmd->callback([&ctx, &action, o] { action = [&ctx, o] { run_meds(ctx, *o); }; });
    }
}

} // namespace rls
