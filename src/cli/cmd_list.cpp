// rls list: nights in a range, newest first, each with its sessions and rating.
#include "cli/app.hpp"
#include "cli/render.hpp"
#include "core/error.hpp"
#include "core/parse.hpp"
#include "store/ratings.hpp"
#include "store/sessions.hpp"

#include <CLI/App.hpp>
#include <fmt/format.h>
#include <map>
#include <memory>
#include <ostream>

namespace rls {

namespace {

struct ListOptions {
    std::string weeks;
    std::string from;
    std::string to;
    bool json = false;
    CLI::App* cmd = nullptr;
    [[nodiscard]] bool given(const char* name) const { return cmd->get_option(name)->count() > 0; }
};

struct NightRow {
    std::vector<const Session*> sessions;
    const Rating* rating = nullptr;
};

void run_list(Context& ctx, const ListOptions& o) {
    const auto& t = ctx.time();
    // The newest night is the current one, so tonight's session shows at once.
    Date to = night_of(t.now, t.zone, t.cutoff);
    if (o.given("--to")) {
        to = parse_night(o.to, t, "--to");
    }
    Date from{date::sys_days{to} - date::days{13}};
    if (o.given("--from")) {
        from = parse_night(o.from, t, "--from");
    } else if (o.given("--weeks")) {
        const int weeks = parse_int(o.weeks, "--weeks", 1, 520);
        from = Date{date::sys_days{to} - date::days{7 * weeks - 1}};
    }
    if (from > to) {
        throw usage_error(
            fmt::format("--from {} must not be after --to {}", format_date(from), format_date(to)));
    }
    auto& db = ctx.db();
    const auto sessions = sessions_between(db, from, to);
    const auto ratings = ratings_between(db, from, to);
    std::map<date::sys_days, NightRow, std::greater<>> nights;
    for (auto d = date::sys_days{to}; d >= date::sys_days{from}; d -= date::days{1}) {
        nights[d];
    }
    for (const auto& s : sessions) {
        nights[date::sys_days{s.night}].sessions.push_back(&s);
    }
    for (const auto& r : ratings) {
        nights[date::sys_days{r.night}].rating = &r;
    }

    if (o.json) {
        nlohmann::ordered_json out;
        out["from"] = format_date(from);
        out["to"] = format_date(to);
        out["nights"] = nlohmann::ordered_json::array();
        for (const auto& [day, row] : nights) {
            nlohmann::ordered_json night;
            night["night"] = format_date(Date{day});
            night["sessions"] = nlohmann::ordered_json::array();
            for (const auto* s : row.sessions) {
                night["sessions"].push_back(to_json(*s));
            }
            night["rating"] = row.rating != nullptr ? to_json(*row.rating) : nullptr;
            out["nights"].push_back(night);
        }
        print_json(ctx, out);
        return;
    }

    const Style style(ctx.color_enabled());
    auto& out = ctx.out();
    out << fmt::format("Nights {} to {}, newest first: {} session{}, {} rated.\n\n",
                       format_date(from), format_date(to), sessions.size(),
                       sessions.size() == 1 ? "" : "s", ratings.size());
    out << style.bold(fmt::format("{:<11} {:>5} {:<5} {:<16} {:<7} {:>5} {:>8}", "NIGHT", "ID",
                                  "TIME", "ROUTINE", "BEFORE", "SLEEP", "RESTLESS"))
        << '\n';
    const Date current = night_of(t.now, t.zone, t.cutoff);
    for (const auto& [day, row] : nights) {
        const Date night{day};
        // Pad plain text first, then style, so escape codes never skew columns.
        std::string rating_cols;
        if (row.rating != nullptr) {
            rating_cols = fmt::format("{:>5} {:>8}", or_dash(row.rating->sleep),
                                      or_dash(row.rating->restless));
        } else if (night < current) {
            rating_cols = style.dim(fmt::format("{:>5} {:>8}", "?", "?"));
        } else {
            rating_cols = fmt::format("{:>5} {:>8}", "-", "-");
        }
        if (row.sessions.empty()) {
            out << fmt::format("{:<11} {:>5} {:<5} {} {:<7} {}\n", format_date(night), "", "",
                               style.dim(fmt::format("{:<16}", "no session")), "", rating_cols);
            continue;
        }
        bool first = true;
        for (const auto* s : row.sessions) {
            out << fmt::format("{:<11} {:>5} {:<5} {:<16} {:<7} {}\n",
                               first ? format_date(night) : "", s->id,
                               session_local_time(*s, "%H:%M"), routine_label(*s), before_after(*s),
                               first ? rating_cols : "");
            first = false;
        }
    }
    out << style.dim("\n? = not rated yet (rls rate --night DATE). BEFORE = evening restlessness "
                     "before→after.\n");
}

} // namespace

void register_list(CLI::App& app, Context& ctx, Action& action) {
    auto o = std::make_shared<ListOptions>();
    auto* cmd =
        app.add_subcommand("list", "List nights with their sessions and ratings, newest first");
    o->cmd = cmd;
    cmd->add_option("-w,--weeks", o->weeks, "How many weeks back, ending tonight (default 2)")
        ->type_name("N");
    cmd->add_option("--from", o->from, "First night, YYYY-MM-DD")->type_name("DATE");
    cmd->add_option("--to", o->to, "Last night, YYYY-MM-DD (default tonight)")->type_name("DATE");
    cmd->add_flag("--json", o->json, "Print the nights as JSON");
    cmd->callback([&ctx, &action, o] { action = [&ctx, o] { run_list(ctx, *o); }; });
}

} // namespace rls
