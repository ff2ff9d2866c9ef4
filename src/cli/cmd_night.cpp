// rls tag and rls skip: what is true of a night whether or not there was a
// massage - tags such as caffeine or alcohol, and a night left without a
// massage on purpose (a planned baseline night, not a forgotten one).
#include "cli/app.hpp"
#include "cli/render.hpp"
#include "cli/trial_common.hpp"
#include "core/error.hpp"
#include "core/match.hpp"
#include "core/parse.hpp"
#include "core/remind.hpp"
#include "core/terminal_text.hpp"
#include "store/catalog.hpp"
#include "store/measures.hpp"
#include "store/sessions.hpp"
#include "store/trials.hpp"

#include <CLI/App.hpp>
#include <SQLiteCpp/Transaction.h>
#include <algorithm>
#include <fmt/format.h>
#include <memory>
#include <ostream>

namespace rls {

namespace {

struct NightOptions {
    std::vector<std::string> tags;
    std::string night;
    bool remove = false;
    bool is_new = false;
    bool list = false;
    bool json = false;
    CLI::App* cmd = nullptr;

    [[nodiscard]] bool given(const char* name) const { return cmd->get_option(name)->count() > 0; }
};

// Tonight by default; a night still to come cannot be tagged yet.
Date chosen_night(Context& ctx, const NightOptions& o) {
    const auto& t = ctx.time();
    const Date tonight = current_night(t);
    if (!o.given("--night")) {
        return tonight;
    }
    const Date night = parse_night(o.night, t, "--night");
    if (night > tonight) {
        throw usage_error(fmt::format("--night {} has not begun yet; the latest is {}",
                                      format_date(night), format_date(tonight)));
    }
    return night;
}

std::vector<std::string> tags_on(SQLite::Database& db, Date night) {
    std::vector<std::string> out;
    for (const auto& t : night_tags_between(db, night, night)) {
        out.push_back(t.tag);
    }
    return out;
}

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) {
        out += (out.empty() ? "" : " ") + visible(n);
    }
    return out;
}

void run_tag(Context& ctx, const NightOptions& o) {
    auto& db = ctx.db();
    if (o.list) {
        if (!o.tags.empty() || o.remove) {
            throw usage_error("--list takes no tags");
        }
        const auto from = o.given("--night") ? chosen_night(ctx, o) : k_earliest_night;
        const auto to = o.given("--night") ? from : current_night(ctx.time());
        const auto all = night_tags_between(db, from, to);
        if (o.json) {
            auto out = nlohmann::ordered_json::array();
            for (const auto& t : all) {
                out.push_back({{"night", format_date(t.night)}, {"tag", t.tag}});
            }
            print_json(ctx, out);
            return;
        }
        for (std::size_t i = 0; i < all.size();) {
            std::vector<std::string> names;
            const auto night = all[i].night;
            for (; i < all.size() && all[i].night == night; ++i) {
                names.push_back(all[i].tag);
            }
            ctx.out() << format_date(night) << "  " << joined(names) << '\n';
        }
        return;
    }
    if (o.tags.empty()) {
        throw usage_error("tag needs at least one TAG, e.g. rls tag caffeine");
    }
    const Date night = chosen_night(ctx, o);
    // Removing takes the name as on the night; adding matches the tags
    // already used, so "caf" is caffeine and a typo is not a new tag.
    const auto known = o.remove ? tags_on(db, night) : list_tags(db);
    std::vector<std::string> names;
    for (const auto& t : o.tags) {
        auto name = parse_name(t, "TAG");
        if (auto match =
                match_or_new(name, known, "TAG", "(--new adds it)", o.is_new || o.remove)) {
            name = std::move(*match);
        }
        // Removing a tag the night does not have is a mistake (a typo, the
        // wrong night), not a success that changed nothing.
        if (o.remove && std::find(known.begin(), known.end(), name) == known.end()) {
            throw Error(Exit::no_input, fmt::format("the night of {} has no tag {}",
                                                    format_date(night), quote_value(name)));
        }
        names.push_back(std::move(name));
    }
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    const int changed =
        o.remove ? remove_night_tags(db, night, names) : add_night_tags(db, night, names);
    tx.commit();
    const auto now_on = tags_on(db, night);
    if (o.json) {
        print_json(ctx, {{"night", format_date(night)}, {"tags", now_on}, {"changed", changed}});
        return;
    }
    ctx.say(fmt::format("The night of {} {} tag{}: {}.\n", format_date(night),
                        now_on.empty() ? "has no" : "now has the", now_on.size() == 1 ? "" : "s",
                        now_on.empty() ? "-" : joined(now_on)));
}

void run_night_skip(Context& ctx, const NightOptions& o) {
    auto& db = ctx.db();
    const Date night = chosen_night(ctx, o);
    if (!o.remove && has_session_on(db, night)) {
        throw usage_error(fmt::format("the night of {} already has a session; delete it if "
                                      "there was none",
                                      format_date(night)));
    }
    // On a trial night this is the trial's skip too (asked about if the
    // night was assigned a massage), so the trial does not count it forgotten.
    const auto trial_skip = o.remove ? std::nullopt : check_trial_skip(ctx, night);
    const auto trial = o.remove ? latest_trial(db) : std::nullopt;
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    if (o.remove) {
        (void)unmark_no_massage(db, night);
        if (trial) {
            remove_skip_mark(db, trial->id, night);
        }
    } else {
        (void)mark_no_massage(db, night, ctx.time().now);
        if (trial_skip) {
            save_mark(db, trial_skip->trial_id, trial_skip->mark);
        }
    }
    tx.commit();
    if (o.json) {
        print_json(ctx, {{"night", format_date(night)}, {"no_massage", !o.remove}});
        return;
    }
    ctx.say(o.remove ? fmt::format("The night of {} is no longer marked as without massage.\n",
                                   format_date(night))
                     : fmt::format("The night of {} is a planned night without massage; "
                                   "rls remind will not ask for a session.\n",
                                   format_date(night)));
}

} // namespace

void register_night(CLI::App& app, Context& ctx, Action& action) {
    {
        auto o = std::make_shared<NightOptions>();
        auto* cmd = app.add_subcommand(
            "tag", "Tag a night (caffeine, alcohol, ...) with or without a session");
        o->cmd = cmd;
        cmd->add_option("TAG", o->tags, "Tag names, e.g. caffeine late-exercise")
            ->option_text("...");
        cmd->add_option("--night", o->night,
                        "Night: YYYY-MM-DD, today, yesterday (default: tonight)")
            ->type_name("DATE");
        cmd->add_flag("--remove", o->remove, "Remove the tags from the night");
        cmd->add_flag("--new", o->is_new, "New tags even if close to a tag already used");
        cmd->add_flag("--list", o->list, "List tagged nights (all, or --night's)");
        cmd->add_flag("--json", o->json, "Print as JSON");
        cmd->callback([&ctx, &action, o] { action = [&ctx, o] { run_tag(ctx, *o); }; });
    }
    {
        auto o = std::make_shared<NightOptions>();
        auto* cmd = app.add_subcommand(
            "skip", "Mark a night as deliberately without massage (a planned baseline night)");
        o->cmd = cmd;
        cmd->add_option("--night", o->night,
                        "Night: YYYY-MM-DD, today, yesterday (default: tonight)")
            ->type_name("DATE");
        cmd->add_flag("--remove", o->remove, "Take the mark off again");
        cmd->add_flag("--json", o->json, "Print as JSON");
        cmd->callback([&ctx, &action, o] { action = [&ctx, o] { run_night_skip(ctx, *o); }; });
    }
}

} // namespace rls
