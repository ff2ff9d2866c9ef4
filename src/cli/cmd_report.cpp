// rls report: which routines and rotations preceded better nights.
#include "cli/app.hpp"
#include "cli/render.hpp"
#include "core/error.hpp"
#include "core/parse.hpp"
#include "report/model.hpp"
#include "report/render.hpp"
#include "store/ratings.hpp"
#include "store/sessions.hpp"

#include <CLI/App.hpp>
#include <fmt/format.h>
#include <memory>
#include <ostream>

namespace rls {

namespace {

struct ReportOptions {
    std::string weeks = "4";
    std::string from;
    std::string to;
    std::string min_nights = "3";
    bool json = false;
    bool csv = false;
    CLI::App* cmd = nullptr;
    [[nodiscard]] bool given(const char* name) const { return cmd->get_option(name)->count() > 0; }
};

void run_report(Context& ctx, const ReportOptions& o) {
    const auto& t = ctx.time();
    report::Options options;
    // The window ends with the night that has just ended.
    options.to = last_night(t);
    if (o.given("--to")) {
        options.to = parse_night(o.to, t, "--to");
    }
    if (o.given("--from")) {
        if (o.given("--weeks")) {
            throw usage_error("--weeks and --from cannot be used together");
        }
        options.from = parse_night(o.from, t, "--from");
    } else {
        const int weeks = parse_int(o.weeks, "--weeks", 1, 520);
        options.from = Date{date::sys_days{options.to} - date::days{7 * weeks - 1}};
    }
    if (options.from > options.to) {
        throw usage_error(fmt::format("--from {} must not be after --to {}",
                                      format_date(options.from), format_date(options.to)));
    }
    if (date::sys_days{options.to} - date::sys_days{options.from} > date::days{7 * 520}) {
        throw usage_error("the report window must be at most 520 weeks");
    }
    options.min_nights = parse_int(o.min_nights, "--min-nights", 2, 100);
    if (o.json && o.csv) {
        throw usage_error("--json and --csv cannot be used together");
    }

    auto& db = ctx.db();
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
    o->cmd = cmd;
    cmd->add_option("-w,--weeks", o->weeks, "Weeks ending with last night, 1-520 (default 4)")
        ->type_name("N");
    cmd->add_option("--from", o->from, "First night, YYYY-MM-DD (instead of --weeks)")
        ->type_name("DATE");
    cmd->add_option("--to", o->to, "Last night (default: last night)")->type_name("DATE");
    cmd->add_option("--min-nights", o->min_nights,
                    "Rated nights needed on each side to compare a group, 2-100 (default 3)")
        ->type_name("N");
    cmd->add_flag("--json", o->json, "Print the whole report as JSON");
    cmd->add_flag("--csv", o->csv, "Print the group and weekly tables as CSV");
    cmd->callback([&ctx, &action, o] { action = [&ctx, o] { run_report(ctx, *o); }; });
}

} // namespace rls
