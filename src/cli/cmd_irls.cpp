// rls irls: the weekly IRLS severity score. rls never shows the items'
// wording (it is copyrighted): the user answers the form they have from
// their clinician, item by item number, and rls keeps the scores.
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
#include <numeric>
#include <ostream>

namespace rls {

namespace {

struct IrlsOptions {
    std::vector<std::string> scores;
    std::string total;
    std::string date;
    std::string remove;
    bool replace = false;
    bool yes = false;
    bool list = false;
    bool json = false;
    CLI::App* cmd = nullptr;

    [[nodiscard]] bool given(const char* name) const { return cmd->get_option(name)->count() > 0; }
};

std::string entry_line(const IrlsEntry& e, const std::optional<IrlsEntry>& previous) {
    std::string line =
        fmt::format("week of {}: total {} ({})", format_date(e.week), e.total, irls_band(e.total));
    if (previous) {
        const int change = e.total - previous->total;
        line += fmt::format(", {:+} since {}{}", change, format_date(previous->week),
                            std::abs(change) >= k_irls_relevant_change ? " (relevant)" : "");
    }
    return line;
}

void list_irls(Context& ctx, bool json) {
    const auto entries = all_irls(ctx.db());
    if (json) {
        auto out = nlohmann::ordered_json::array();
        for (const auto& e : entries) {
            auto j = to_json(e);
            j["band"] = irls_band(e.total);
            out.push_back(j);
        }
        print_json(ctx, out);
        return;
    }
    if (entries.empty()) {
        ctx.say("No IRLS entries yet: rls irls SCORE... (the ten item scores 0-4).\n");
        return;
    }
    for (std::size_t i = 0; i < entries.size(); ++i) {
        ctx.out() << entry_line(entries[i], i > 0 ? std::optional(entries[i - 1]) : std::nullopt)
                  << '\n';
    }
}

std::array<int, k_irls_items> ask_items(Context& ctx) {
    ctx.err() << "IRLS: give each item's score 0-4 from your form (rls never shows the wording).\n";
    std::array<int, k_irls_items> items{};
    for (int i = 0; i < k_irls_items; ++i) {
        for (;;) {
            const auto answer = ctx.ask(fmt::format("Item {} (0-4): ", i + 1));
            if (!answer) {
                throw Error(Exit::declined, "nothing saved");
            }
            try {
                items[static_cast<std::size_t>(i)] =
                    parse_int(*answer, fmt::format("item {}", i + 1), k_irls_item_range);
                break;
            } catch (const Error& e) {
                ctx.err() << "  " << e.what() << '\n';
            }
        }
    }
    return items;
}

// An entry made for the wrong week (a wrong --date) can only be deleted:
// --replace reaches the same week only.
void delete_irls_entry(Context& ctx, const IrlsOptions& o) {
    if (!o.scores.empty() || o.list || o.replace) {
        throw usage_error("--delete takes only a day of the week (see: rls irls --list)");
    }
    for (const char* option : {"--total", "--date"}) {
        if (o.given(option)) {
            throw usage_error(fmt::format("--delete takes no {}", option));
        }
    }
    const auto& t = ctx.time();
    const Date day = parse_night(o.remove, t, "--delete");
    if (day > local_date(t.now, t.zone)) {
        throw usage_error(
            fmt::format("--delete must not be in the future, got {}", format_date(day)));
    }
    const Date week = week_of(day);
    auto& db = ctx.db();
    const auto existing = find_irls(db, week);
    if (!existing) {
        throw Error(Exit::no_input, fmt::format("the week of {} has no IRLS entry (see: rls irls "
                                                "--list)",
                                                format_date(week)));
    }
    const auto what = fmt::format("the IRLS entry for the week of {} (total {})", format_date(week),
                                  existing->total);
    if (!o.yes) {
        if (!ctx.interactive()) {
            throw usage_error(fmt::format("irls --delete removes the entry of the week of {}; "
                                          "add --yes",
                                          format_date(week)));
        }
        if (!ctx.confirm(fmt::format("Delete {}?", what))) {
            throw Error(Exit::declined, "kept the entry; nothing was changed");
        }
    }
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    if (!delete_irls(db, week)) {
        throw Error(Exit::no_input,
                    fmt::format("the week of {} has no IRLS entry", format_date(week)));
    }
    tx.commit();
    if (o.json) {
        auto j = to_json(*existing);
        j["band"] = irls_band(existing->total);
        print_json(ctx, {{"deleted", j}});
        return;
    }
    ctx.say(fmt::format("Deleted {}.\n", what));
}

void run_irls(Context& ctx, const IrlsOptions& o) {
    if (o.given("--delete")) {
        delete_irls_entry(ctx, o);
        return;
    }
    if (o.yes) {
        throw usage_error("--yes goes with --delete");
    }
    if (o.list) {
        if (!o.scores.empty() || o.given("--total")) {
            throw usage_error("--list takes no scores");
        }
        list_irls(ctx, o.json);
        return;
    }
    const auto& t = ctx.time();
    IrlsEntry e;
    const Date today = local_date(t.now, t.zone);
    e.taken = o.given("--date") ? parse_night(o.date, t, "--date") : today;
    if (e.taken > today) {
        throw usage_error(
            fmt::format("--date must not be in the future, got {}", format_date(e.taken)));
    }
    e.week = week_of(e.taken);
    e.tz = std::string(t.zone.name());
    // Asked before the ten items when they are to be asked too, so a "no"
    // does not come after answering them all.
    bool confirmed = o.replace;
    const auto confirm_replace = [&] {
        if (confirmed) {
            return;
        }
        const auto existing = find_irls(ctx.db(), e.week);
        if (!existing) {
            return;
        }
        if (!ctx.interactive()) {
            throw usage_error(fmt::format("the week of {} already has an IRLS entry (total {}); "
                                          "add --replace",
                                          format_date(e.week), existing->total));
        }
        if (!ctx.confirm(fmt::format("The week of {} already has an entry (total {}). Replace it?",
                                     format_date(e.week), existing->total))) {
            throw Error(Exit::declined, "kept the existing entry; nothing was changed");
        }
        confirmed = true;
    };
    if (!o.scores.empty() && o.given("--total")) {
        throw usage_error("give the ten item scores or --total, not both");
    }
    if (!o.scores.empty()) {
        if (o.scores.size() != k_irls_items) {
            throw usage_error(fmt::format("SCORES must be the {} item scores 0-4 in item order, "
                                          "got {}",
                                          k_irls_items, o.scores.size()));
        }
        std::array<int, k_irls_items> items{};
        for (std::size_t i = 0; i < items.size(); ++i) {
            items[i] = parse_int(o.scores[i], fmt::format("item {}", i + 1), k_irls_item_range);
        }
        e.items = items;
    } else if (o.given("--total")) {
        e.total = parse_int(o.total, "--total", k_irls_total_range);
    } else if (ctx.interactive()) {
        confirm_replace();
        e.items = ask_items(ctx);
    } else {
        throw usage_error("irls needs the ten item scores 0-4 or --total N (or a terminal to ask)");
    }
    if (e.items) {
        e.total = std::accumulate(e.items->begin(), e.items->end(), 0);
    }
    confirm_replace();
    auto& db = ctx.db();
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    save_irls(db, e, t.now);
    tx.commit();
    const auto stored = find_irls(db, e.week);
    if (o.json) {
        auto j = to_json(*stored);
        j["band"] = irls_band(stored->total);
        print_json(ctx, j);
        return;
    }
    std::optional<IrlsEntry> previous;
    for (const auto& x : all_irls(db)) {
        if (x.week < stored->week) {
            previous = x;
        }
    }
    ctx.say("Recorded IRLS " + entry_line(*stored, previous) + ".\n");
}

} // namespace

void register_irls(CLI::App& app, Context& ctx, Action& action) {
    auto o = std::make_shared<IrlsOptions>();
    auto* cmd = app.add_subcommand(
        "irls", "Record this week's IRLS severity: the ten item scores 0-4, by item number");
    o->cmd = cmd;
    cmd->add_option("SCORES", o->scores, "The ten item scores 0-4, in item order")
        ->option_text("...");
    cmd->add_option("--total", o->total, "Only the total 0-40, when the items are not at hand")
        ->type_name("N");
    cmd->add_option("--date", o->date,
                    "The day the form was filled in: YYYY-MM-DD, today, yesterday (default today)")
        ->type_name("DATE");
    cmd->add_flag("--replace", o->replace, "Replace the week's entry without asking");
    cmd->add_flag("--list", o->list, "List every entry with its band and change");
    cmd->add_option("--delete", o->remove,
                    "Delete the entry of the week holding this day, e.g. one made for the wrong "
                    "week (asks first)")
        ->type_name("DATE");
    cmd->add_flag("-y,--yes", o->yes, "With --delete: without asking");
    cmd->add_flag("--json", o->json, "Print as JSON");
    cmd->callback([&ctx, &action, o] { action = [&ctx, o] { run_irls(ctx, *o); }; });
}

} // namespace rls
