// rls report: which routines and rotations preceded better nights.
#include "cli/app.hpp"
#include "cli/pdf.hpp"
#include "cli/render.hpp"
#include "cli/trial_common.hpp"
#include "cli/window_options.hpp"
#include "core/error.hpp"
#include "core/limits.hpp"
#include "core/paper.hpp"
#include "core/parse.hpp"
#include "report/model.hpp"
#include "report/render.hpp"
#include "store/files.hpp"
#include "store/measures.hpp"
#include "store/ratings.hpp"
#include "store/sessions.hpp"
#include "store/settings.hpp"
#include "version.hpp"

#include <CLI/App.hpp>
#include <cmath>
#include <fmt/format.h>
#include <memory>
#include <ostream>
#include <vector>

namespace rls {

namespace {

constexpr int k_report_weeks = 4;

struct ReportOptions {
    WindowOptions window;
    std::string min_nights = "3";
    std::string mid = "1";
    bool json = false;
    bool csv = false;
    std::string format; // empty: text, or what --json/--csv say
    std::string out;
    std::string name;
    std::string paper; // not given: the locale's for a PDF, the printer's for a page
    CLI::Option* paper_opt = nullptr;
};

std::string paper_of(Context& ctx, const ReportOptions& o, std::string_view format) {
    if (o.paper_opt->count() > 0) {
        if (format != "html" && format != "pdf") {
            throw usage_error("--paper is for --format html or pdf");
        }
        return parse_paper(o.paper);
    }
    if (format != "pdf") {
        return {};
    }
    for (const char* name : {"LC_ALL", "LC_PAPER", "LANG"}) {
        const char* value = ctx.getenv(name);
        if (value != nullptr && *value != '\0') {
            return paper_of_locale(value);
        }
    }
    return "A4";
}

// --format, with --json and --csv as its older spellings.
std::string format_of(const ReportOptions& o) {
    if (o.json && o.csv) {
        throw usage_error("--json and --csv cannot be used together");
    }
    const std::string alias = o.json ? "json" : o.csv ? "csv" : "";
    if (!o.format.empty() && o.format != "text" && o.format != "json" && o.format != "csv" &&
        o.format != "html" && o.format != "pdf") {
        throw usage_error(fmt::format("--format must be text, json, csv, html or pdf, got {}",
                                      quote_value(o.format)));
    }
    if (!alias.empty() && !o.format.empty() && o.format != alias) {
        throw usage_error(
            fmt::format("--{} and --format {} cannot be used together", alias, o.format));
    }
    return !alias.empty() ? alias : o.format.empty() ? "text" : o.format;
}

report::Model build_model(Context& ctx, const ReportOptions& o) {
    const auto& t = ctx.time();
    report::Options options;
    // The window ends with the last night that has ended: before the
    // cut-off, the night in progress has no morning yet.
    const Date latest = last_ended_night(t);
    const auto window = resolve_window(o.window, t, latest, k_report_weeks);
    if (window.to > latest) {
        throw usage_error(fmt::format("--to {} has not ended yet; the latest night to report is {}",
                                      format_date(window.to), format_date(latest)));
    }
    options.from = window.from;
    options.to = window.to;
    options.min_nights = parse_int(o.min_nights, "--min-nights", k_min_nights_range);
    options.mid = parse_decimal(o.mid, "--mid", 0.1, 10);

    auto& db = ctx.db();
    options.primary = get_setting(db, "primary").value_or("auto");
    // A diary starts on its first entry; with none yet, nothing is counted.
    options.diary_start =
        first_entry_night(db).value_or(Date{date::sys_days{options.to} + date::days{1}});
    const auto sessions = sessions_between(db, options.from, options.to);
    const auto ratings = ratings_between(db, options.from, options.to);
    const auto measures = measures_for(db, options.from, options.to);
    auto model = report::build(sessions, ratings, options, measures);
    model.trial = trial_for_report(ctx, options.from, options.to);
    return model;
}

struct FittedPdf {
    std::string bytes;
    int pages = 0;
    int zoom = 100; // percent
};

// The zooms to try, in percent: the page's estimate, then evenly down to 85
// (at least 3 apart), at most `most` of them.
std::vector<int> zooms_from(int estimate, std::size_t most) {
    std::vector<int> out{estimate};
    const int span = estimate - 85;
    for (std::size_t k = 1; k < most && span >= 3; ++k) {
        const int z = estimate - static_cast<int>(std::lround(static_cast<double>(span) *
                                                              static_cast<double>(k) /
                                                              static_cast<double>(most - 1)));
        if (out.back() - z >= 3) {
            out.push_back(z);
        }
    }
    return out;
}

// The PDF on at most two pages when a zoom down to 85% gets it there. The
// page's own estimate (report/html_fit) is printed first; Chromium's page
// count decides, and up to three more prints try smaller zooms. A report
// too long for two pages even then (5 pages or more at first: surely) is
// printed at full size, as its page would be. A retry that fails leaves
// the first print.
FittedPdf fitted_pdf(Context& ctx, const std::string& chromium, const report::Model& model,
                     report::HtmlOptions options) {
    const auto print = [&](int zoom) {
        options.zoom = zoom / 100.0;
        auto bytes = print_pdf(chromium, report::render_html(model, options), ctx.getenv("TMPDIR"));
        const int pages = pdf_pages(bytes);
        return FittedPdf{std::move(bytes), pages, zoom};
    };
    const int estimate =
        static_cast<int>(std::lround(report::estimated_print_zoom(model, options) * 100));
    auto first = print(estimate);
    if (first.pages <= 2) { // two or fewer, or not counted: nothing to improve
        return first;
    }
    try {
        // Four pages can still become two: much of them may be the foot of
        // a page that a chart did not fit.
        if (first.pages <= 4) {
            // With a full-size print still to come, three zooms; else four.
            const auto zooms = zooms_from(estimate, estimate < 100 ? 3 : 4);
            for (std::size_t k = 1; k < zooms.size(); ++k) {
                auto pdf = print(zooms[k]);
                if (pdf.pages <= 2) {
                    return pdf;
                }
            }
        }
        return estimate < 100 ? print(100) : first;
    } catch (const Error&) {
        return first;
    }
}

void run_report(Context& ctx, const ReportOptions& o) {
    const auto format = format_of(o);
    const auto name = parse_label(o.name, "--name", k_max_display_name_bytes);
    const auto paper = paper_of(ctx, o, format);
    std::optional<OutputTarget> target;
    if (!o.out.empty() && o.out != "-") {
        target = resolve_output(o.out, ctx.db_path(), true);
    }
    std::string chromium;
    if (format == "pdf") {
        if (!target) {
            throw usage_error("--format pdf needs --out FILE (a PDF is not for a terminal)");
        }
        chromium = find_chromium(ctx.getenv("PATH"));
        if (chromium.empty()) {
            throw Error(Exit::unavailable,
                        fmt::format("--format pdf needs Chromium: install the Debian package {}",
                                    k_chromium_package));
        }
    }
    const auto model = build_model(ctx, o);
    const report::HtmlOptions html_options{
        name, format_date(local_date(ctx.time().now, ctx.time().zone)), k_version, paper, 0};
    std::string content;
    std::string printed; // a PDF's pages and zoom, for the message
    if (format == "json") {
        content = report::render_json(model).dump(
                      2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) +
                  "\n";
    } else if (format == "csv") {
        content = report::render_csv(model);
    } else if (format == "html") {
        content = report::render_html(model, html_options);
    } else if (format == "pdf") {
        auto pdf = fitted_pdf(ctx, chromium, model, html_options);
        content = std::move(pdf.bytes);
        // A PDF whose pages could not be counted (not as Chromium writes it)
        // is reported by its zoom alone.
        printed = fmt::format("{}{}",
                              pdf.pages > 0
                                  ? fmt::format(", {} page{}", pdf.pages, pdf.pages == 1 ? "" : "s")
                                  : std::string(),
                              pdf.zoom < 100 ? fmt::format(" at {}%", pdf.zoom) : "");
    } else {
        content = report::render_text(model, {!target && ctx.color_enabled()});
    }
    if (!target) {
        ctx.out() << content;
        return;
    }
    write_output(*target, content);
    if (target->kind == OutputTarget::Kind::file) {
        ctx.say(fmt::format("Report written to {} ({} bytes, {}{}).\n", o.out, content.size(),
                            format, printed));
    }
}

} // namespace

void register_report(CLI::App& app, Context& ctx, Action& action) {
    auto o = std::make_shared<ReportOptions>();
    auto* cmd = app.add_subcommand("report", "Which routines and rotations preceded better nights");
    add_window_options(*cmd, o->window, k_report_weeks, "last night", "last night");
    cmd->add_option("--min-nights", o->min_nights,
                    fmt::format("Rated nights needed on each side to compare a group, {} "
                                "(default 3)",
                                range_text(k_min_nights_range)))
        ->type_name("N");
    cmd->add_option("--mid", o->mid,
                    "Smallest difference that matters, in points, 0.1-10 (default 1)")
        ->type_name("POINTS");
    cmd->add_option("-f,--format", o->format,
                    "text, json, csv, html (one page for a doctor) or pdf (needs --out)")
        ->type_name("FORMAT");
    cmd->add_flag("--json", o->json, "Print the whole report as JSON (--format json)");
    cmd->add_flag("--csv", o->csv, "Print the comparisons, groups and weeks as CSV (--format csv)");
    cmd->add_option("-O,--out", o->out, "Write to FILE (atomically, mode 0600) instead of stdout")
        ->type_name("FILE");
    cmd->add_option("--name", o->name, "A name for the HTML or PDF report's header (default none)")
        ->type_name("TEXT");
    o->paper_opt =
        cmd->add_option("--paper", o->paper,
                        "a4 or letter (a PDF's default: the locale's, else a4; a page's: the "
                        "printer's)")
            ->type_name("PAPER");
    cmd->callback([&ctx, &action, o] { action = [&ctx, o] { run_report(ctx, *o); }; });
}

} // namespace rls
