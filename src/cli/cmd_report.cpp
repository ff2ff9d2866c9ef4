// rls report: which routines and rotations preceded better nights.
#include "cli/app.hpp"
#include "cli/render.hpp"
#include "cli/window_options.hpp"
#include "core/error.hpp"
#include "core/parse.hpp"
#include "report/model.hpp"
#include "report/render.hpp"
#include "store/ratings.hpp"
#include "store/sessions.hpp"
#include "store/settings.hpp"

#include <CLI/App.hpp>
#include <fmt/format.h>
#include <memory>
#include <ostream>

namespace rls {

namespace {

constexpr int k_default_weeks = 4;

struct ReportOptions {
    WindowOptions window;
    std::string min_nights = "3";
    std::string mid = "1";
    bool json = false;
    bool csv = false;
};

void run_report(Context& ctx, const ReportOptions& o) {
    const auto& t = ctx.time();
    report::Options options;
    // The window ends with the last night that has ended: before the
    // cut-off, the night in progress has no morning yet.
    const Date latest = last_ended_night(t);
    const auto window = resolve_window(o.window, t, latest, k_default_weeks);
    if (window.to > latest) {
        throw usage_error(fmt::format("--to {} has not ended yet; the latest night to report is {}",
                                      format_date(window.to), format_date(latest)));
    }
    options.from = window.from;
    options.to = window.to;
    options.min_nights = parse_int(o.min_nights, "--min-nights", k_min_nights_range);
    options.mid = parse_decimal(o.mid, "--mid", 0.1, 10);
    if (o.json && o.csv) {
        throw usage_error("--json and --csv cannot be used together");
    }

    auto& db = ctx.db();
    options.primary = get_setting(db, "primary").value_or("auto");
    // A diary starts on its first entry; with none yet, nothing is counted.
    options.diary_start =
        first_entry_night(db).value_or(Date{date::sys_days{options.to} + date::days{1}});
    const auto sessions = sessions_between(db, options.from, options.to);
    const auto ratings = ratings_between(db, options.from, options.to);
    const auto model = report::build(sessions, ratings, options);
    if (o.json) {
        print_json(ctx, report::render_json(model));
    } else if (o.csv) {
        ctx.out() << report::render_csv(model);
    } else {
        ctx.out() << report::render_text(model, {ctx.color_enabled()});
    }
}

} // namespace

void register_report(CLI::App& app, Context& ctx, Action& action) {
    auto o = std::make_shared<ReportOptions>();
    auto* cmd = app.add_subcommand("report", "Which routines and rotations preceded better nights");
    add_window_options(*cmd, o->window, k_default_weeks, "last night", "last night");
    cmd->add_option("--min-nights", o->min_nights,
                    fmt::format("Rated nights needed on each side to compare a group, {} "
                                "(default 3)",
                                range_text(k_min_nights_range)))
        ->type_name("N");
    cmd->add_option("--mid", o->mid,
                    "Smallest difference that matters, in points, 0.1-10 (default 1)")
        ->type_name("POINTS");
    cmd->add_flag("--json", o->json, "Print the whole report as JSON");
    cmd->add_flag("--csv", o->csv, "Print the comparisons, groups and weeks as CSV");
    cmd->callback([&ctx, &action, o] { action = [&ctx, o] { run_report(ctx, *o); }; });
}

} // namespace rls
