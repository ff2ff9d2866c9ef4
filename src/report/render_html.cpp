// The report as one self-contained page for a doctor: the text report's
// summary, the charts of html_charts.hpp and the weekly figures, with a
// print stylesheet for A4 and US Letter. No script, nothing fetched.
#include "core/time.hpp"
#include "report/findings.hpp"
#include "report/html_charts.hpp"
#include "report/html_fit.hpp"
#include "report/html_style.hpp"
#include "report/html_tracked.hpp"
#include "report/html_trial.hpp"
#include "report/render.hpp"
#include "report/render_tracked.hpp"
#include "report/svg.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace rls::report {

namespace {

std::string esc(std::string_view s) {
    return svg::escape(s);
}

std::string html_num(const std::optional<double>& v, int decimals = 1) {
    return v ? fmt::format("{:.{}f}", *v, decimals) : "&#8211;";
}

std::string section(std::string_view id, std::string_view heading, const std::string& body) {
    return fmt::format("<section id=\"{}\">\n<h2>{}</h2>\n{}</section>\n", id, heading, body);
}

// Sections without data are left out, not drawn empty.
std::string optional_section(std::string_view id, std::string_view heading,
                             const std::string& body) {
    return body.empty() ? std::string() : section(id, heading, body);
}

// Two sections in two columns (one alone keeps its half); empty when both are.
std::string pair_of(const std::string& left, const std::string& right) {
    if (left.empty() && right.empty()) {
        return {};
    }
    return "<div class=\"pair\">\n" + left + right + "</div>\n";
}

std::string header(const Model& m, const HtmlOptions& o) {
    std::string out = "<header id=\"header\">\n<h1>Restless legs diary: report</h1>\n";
    if (!o.name.empty()) {
        out += fmt::format("<p class=\"name\">For {}</p>\n", esc(o.name));
    }
    out += fmt::format("<p class=\"meta\">Nights <span class=\"period\">{} to {}</span> ({} "
                       "nights counted{}) &#183; made {} &#183; rls {}</p>\n",
                       format_date(m.first_night), format_date(m.options.to), m.coverage.nights,
                       m.first_night > m.options.from
                           ? fmt::format(", from the diary's first entry; window from {}",
                                         format_date(m.options.from))
                           : "",
                       esc(o.made), esc(o.version));
    out += "<p class=\"note\">Night D: the evening of D to the next morning. Sleep 0-10, "
           "higher is better; restlessness 0-10, lower is better; [a,b]: 95% interval.</p>\n"
           "</header>\n";
    return out;
}

std::string summary(const Model& m) {
    std::string text;
    for (const auto& line : summary_lines(m)) {
        text += (text.empty() ? "" : " ") + line;
    }
    const auto& c = m.coverage;
    std::string body = fmt::format("<p class=\"summary\">{}</p>\n", esc(text));
    body += fmt::format("<p>{} of {} nights with a session ({:.0f}%), {} rated with a score; "
                        "unrated nights are missing, never counted as 0.</p>\n",
                        c.nights_with_session, c.nights, c.adherence_pct, c.nights_rated);
    if (const auto planned = planned_text(m.tracked); !planned.empty()) {
        body += fmt::format("<p class=\"planned\">{}</p>\n", esc(planned));
    }
    if (m.trial) {
        // The trial's decision leads; its section follows the comparisons.
        const auto& t = *m.trial;
        std::string arms;
        for (const auto& arm : t.arms) {
            arms += (arms.empty() ? "" : " vs ") + esc(arm);
        }
        // How closely it was followed qualifies the decision: say it here.
        const auto followed =
            t.adherence_pct ? fmt::format("; {} of {} nights as assigned", t.followed, t.begun)
                            : std::string();
        body += fmt::format("<p class=\"trial-lead\"><strong>Trial {}</strong> ({}, {}{}): {} "
                            "(More under The trial.)</p>\n",
                            t.id, arms, esc(t.state), followed, esc(t.decision_text));
    }
    // A quiet watch is worth saying too; its signs have a section of their own.
    if (const auto quiet = watch_quiet_text(m.tracked.watch); !quiet.empty()) {
        body += fmt::format(
            "<p class=\"watch-quiet\"><strong>Augmentation watch.</strong> {}</p>\n", esc(quiet));
    }
    if (m.immediate.change) {
        const auto& ch = *m.immediate.change;
        body += fmt::format("<p>Evening restlessness {} before and {} after the massage ({} "
                            "sessions), change {:+.1f} [{:+.1f},{:+.1f}]: how the moment felt, "
                            "not evidence about the night.</p>\n",
                            html_num(m.immediate.before_mean), html_num(m.immediate.after_mean),
                            m.immediate.n, ch.estimate, ch.low, ch.high);
    }
    return section("summary", "In short", body);
}

std::string nights_section(const Model& m) {
    NightOverlays overlays;
    if (m.trial) {
        overlays.spans = trial_spans(*m.trial);
    }
    overlays.marks = dose_marks(m.tracked);
    const auto chart = night_chart(m, overlays);
    if (chart.empty()) {
        return {};
    }
    return section("nights", "Night by night",
                   "<figure>\n" + chart +
                       "<figcaption>Each dot is one night's score; the line is a 7-night "
                       "rolling mean and breaks where too few nights were rated. Bars under "
                       "the panels mark evenings with a session." +
                       std::string(overlays.spans.empty()
                                       ? ""
                                       : " Shaded and lettered: the trial's nights, by the arm "
                                         "assigned (see The trial).") +
                       dose_marks_caption(m.tracked) + "</figcaption>\n</figure>\n");
}

std::string comparisons_section(const Model& m) {
    if (m.comparisons.empty()) {
        return {};
    }
    std::string body;
    const auto plots = forest_plots(m);
    for (std::size_t i = 0; i < plots.size(); ++i) {
        body += "<figure>\n" + plots[i];
        if (i + 1 == plots.size()) {
            body +=
                fmt::format("<figcaption>a vs b, adjusted for the time trend, the evening's "
                            "restlessness and the night's other factors. Diamond (*): the "
                            "primary comparison, judged alone; squares: exploratory, judged "
                            "after a Holm correction for the {} comparisons, so an interval clear "
                            "of 0 can still be unclear. Filled: a verdict (better or worse); "
                            "hollow: unclear. Dashed lines: &#177;{:g} point, the smallest "
                            "difference that matters.</figcaption>\n",
                            m.comparisons_made, m.options.mid);
        }
        body += "</figure>\n";
    }
    std::vector<std::string> not_made;
    for (const auto& c : m.comparisons) {
        if (!c.estimate && c.outcome == Outcome::sleep) {
            not_made.push_back(fmt::format("{} vs {}: {}", esc(c.a), esc(c.b), esc(c.note)));
        }
    }
    if (!not_made.empty()) {
        body += "<p class=\"note\">Not compared (too few): ";
        for (std::size_t i = 0; i < not_made.size(); ++i) {
            body += (i == 0 ? "" : "; ") + not_made[i];
        }
        body += ".</p>\n";
    }
    return section("comparisons", "Comparisons", body);
}

std::string tenderness_section(const Model& m) {
    const auto chart = tenderness_heatmap(m);
    if (chart.empty()) {
        return {};
    }
    std::string body = "<figure>\n" + chart;
    const auto& r = m.tenderness_vs_restless;
    if (r.rho) {
        body += fmt::format("<figcaption>Tenderness is expected to fall as sessions go on. A "
                            "night's mean tenderness vs its restlessness: Spearman rho {:+.2f} "
                            "(n={}).</figcaption>\n",
                            *r.rho, r.n);
    }
    return section("tenderness", "Tenderness by point", body + "</figure>\n");
}

// Weeks across, like the charts' time axis, and the figures down: 12 weeks
// take 9 rows, not 13, so that the page still prints on two. Long reports
// wrap into tables of at most 13 weeks.
std::string weeks_table(const std::vector<const Week*>& weeks, bool diary) {
    // In a box of its own that scrolls sideways on a phone's narrow screen.
    std::string out = "<div class=\"scroll\"><table class=\"weeks\">\n<thead><tr><th "
                      "scope=\"col\">Week of</th>";
    // "Sep 2", with the year where a table crosses into a new one.
    const bool years = weeks.front()->start.year() != weeks.back()->start.year();
    for (std::size_t i = 0; i < weeks.size(); ++i) {
        const auto start = weeks[i]->start;
        const bool year = years && (i == 0 || start.year() != weeks[i - 1]->start.year());
        out += fmt::format("<th scope=\"col\"><time datetime=\"{}\">{}{}</time></th>",
                           format_date(start), svg::short_date(start),
                           year ? fmt::format(" {}", static_cast<int>(start.year())) : "");
    }
    out += "</tr></thead>\n<tbody>\n";
    const auto row = [&](std::string_view name, const auto& cell) {
        out += fmt::format("<tr><th scope=\"row\">{}</th>", name);
        for (const auto* w : weeks) {
            out += "<td>" + cell(*w) + "</td>";
        }
        out += "</tr>\n";
    };
    row("Nights", [](const Week& w) { return std::to_string(w.nights); });
    row("Sessions", [](const Week& w) { return std::to_string(w.sessions); });
    row("Rated", [](const Week& w) { return std::to_string(w.rated); });
    row("Sleep", [](const Week& w) { return html_num(w.sleep.mean); });
    row("Restlessness", [](const Week& w) { return html_num(w.restless.mean); });
    if (diary) {
        row("Diary nights", [](const Week& w) { return std::to_string(w.diary_nights); });
        row("TST", [](const Week& w) {
            return w.total_sleep_min
                       ? fmt::format("{}h{:02}m", static_cast<int>(*w.total_sleep_min) / 60,
                                     static_cast<int>(*w.total_sleep_min) % 60)
                       : std::string("&#8211;");
        });
        row("SE", [](const Week& w) {
            return w.efficiency_pct ? fmt::format("{:.0f}%", *w.efficiency_pct)
                                    : std::string("&#8211;");
        });
    }
    return out + "</tbody>\n</table></div>\n";
}

std::string weeks_section(const Model& m) {
    if (m.weeks.empty()) {
        return {};
    }
    const bool diary = std::any_of(m.weeks.begin(), m.weeks.end(),
                                   [](const Week& w) { return w.diary_nights > 0; });
    constexpr std::size_t k_most = 13;
    const std::size_t tables = (m.weeks.size() + k_most - 1) / k_most;
    const std::size_t per_table = (m.weeks.size() + tables - 1) / tables;
    std::string body;
    for (std::size_t first = 0; first < m.weeks.size(); first += per_table) {
        std::vector<const Week*> weeks;
        for (std::size_t i = first; i < std::min(m.weeks.size(), first + per_table); ++i) {
            weeks.push_back(&m.weeks[i]);
        }
        body += weeks_table(weeks, diary);
    }
    body += "<p class=\"note\">Sleep and restlessness: mean of the week's rated nights (0-10).";
    if (diary) {
        body += " From the Consensus Sleep Diary: TST, total sleep time = final awakening - time "
                "trying to sleep - sleep onset latency - wake after sleep onset; SE, sleep "
                "efficiency = TST / time in bed.";
    }
    body += "</p>\n";
    return section("weeks", "Week by week", body);
}

std::string methods(const Model& m) {
    return section(
        "methods", "How this was worked out",
        fmt::format("<p>The unit is the night. Each comparison is a regression of the nights' "
                    "scores on the time trend, the evening's restlessness before the massage "
                    "and the night's other factors, with standard errors that allow for "
                    "night-to-night correlation (Newey-West); intervals are 95% (Student's t). "
                    "P(better) is the probability that a is better than b, with a flat prior. "
                    "{} comparison{} made, all but the primary one judged after a Holm "
                    "correction; fewer than {} rated nights on a side: too few. These are one "
                    "person's nights, a small sample that follows one another: the report says "
                    "what <strong>preceded</strong> better nights, not what "
                    "<strong>caused</strong> them.</p>\n",
                    m.comparisons_made, m.comparisons_made == 1 ? " was" : "s were",
                    m.options.min_nights));
}

// The page's <body> content: the header and <main>.
std::string page_body(const Model& m, const HtmlOptions& o) {
    std::string main = summary(m);
    main += optional_section("watch", "Worth discussing: augmentation watch", watch_body(m));
    main += nights_section(m);
    main += comparisons_section(m);
    // The trial's decision leads the summary; its details come after the
    // comparisons, where they break across the pages as text.
    if (m.trial) {
        main += section("trial", "The trial", trial_section_body(*m.trial));
    }
    // Side by side, so that 12 weeks still print on two pages: the severity
    // and onset charts are drawn half the page wide.
    main += pair_of(optional_section("severity", "Severity (IRLS, weekly)", severity_body(m)),
                    optional_section("onset", "Symptom onset and spread", onset_body(m)));
    main += pair_of(optional_section("medicines", "Medicines", medicines_body(m)),
                    optional_section("iron", "Iron", iron_body(m)));
    main += tenderness_section(m);
    main += weeks_section(m);
    main += methods(m);
    return header(m, o) + "<main>\n" + main + "</main>\n";
}

} // namespace

double estimated_print_zoom(const Model& m, const HtmlOptions& o) {
    return print_zoom(page_body(m, o), o.paper);
}

std::string render_html(const Model& m, const HtmlOptions& o) {
    std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
                      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n";
    out += fmt::format("<meta name=\"generator\" content=\"rls {}\"/>\n", esc(o.version));
    out += fmt::format("<title>RLS diary report, {} to {}</title>\n", format_date(m.first_night),
                       format_date(m.options.to));
    const std::string body = page_body(m, o);
    out += fmt::format("<style>{}", k_report_css);
    if (!o.paper.empty()) {
        out += fmt::format("@page {{ size: {}; }}\n", o.paper);
    }
    if (const double zoom = o.zoom > 0 ? o.zoom : print_zoom(body, o.paper); zoom < 1.0) {
        // A long page (a trial of three or four arms, a trial and signs of
        // augmentation) prints a little smaller rather than on a third sheet.
        // The charts are as wide as the page whatever the zoom: they shrink
        // by their width.
        out += fmt::format("@media print {{ body {{ zoom: {0:.2f}; }} svg.chart {{ width: "
                           "{1:.0f}%; }} }}\n",
                           zoom, zoom * 100);
    }
    out += "</style>\n</head>\n<body>\n" + body + "</body>\n</html>\n";
    return out;
}

} // namespace rls::report
