// The report as text for an 80-column terminal: a header, aligned tables and
// sparklines; colour only when asked for.
#include "core/terminal_text.hpp"
#include "core/time.hpp"
#include "report/findings.hpp"
#include "report/render.hpp"
#include "report/render_tracked.hpp"
#include "report/trial_render.hpp"

#include <cmath>
#include <fmt/format.h>

namespace rls::report {

namespace {

constexpr const char* k_bars[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};

std::string num(const std::optional<double>& v, int decimals = 1) {
    return v ? fmt::format("{:.{}f}", *v, decimals) : "-";
}

std::string signed_num(double v) {
    // Avoid "-0.0".
    const double rounded = std::round(v * 10.0) / 10.0;
    return fmt::format("{:+.1f}", rounded == 0.0 ? 0.0 : rounded);
}

std::string verdict_paint(const Style& p, Verdict v, std::string_view s) {
    return v == Verdict::better ? p.green(s) : v == Verdict::worse ? p.yellow(s) : std::string(s);
}

// A name from the diary (routine, oil, tag, point) as a table cell: control
// characters shown, long names cut with an ellipsis (JSON has them in full).
std::string label_cell(std::string_view label, std::size_t width) {
    return cell(visible(label), width);
}

// Text as lines of at most 80 columns, each indented by two spaces.
std::string indented(std::string_view text) {
    std::string out;
    for (const auto& line : wrap(text, 78)) {
        out += "  " + line + "\n";
    }
    return out;
}

// One sparkline per row of up to 60 weeks, labelled on the first, so that a
// year or ten of weeks stays within 80 columns.
std::string spark_rows(std::string_view label, const std::vector<std::optional<double>>& values) {
    constexpr std::size_t k_per_row = 60;
    std::string out;
    for (std::size_t start = 0; start < values.size() || start == 0; start += k_per_row) {
        const auto end = std::min(values.size(), start + k_per_row);
        const std::vector<std::optional<double>> row(values.begin() + static_cast<long>(start),
                                                     values.begin() + static_cast<long>(end));
        out += fmt::format("  {:<13} {}\n", start == 0 ? label : "", sparkline(row));
        if (end == values.size()) {
            break;
        }
    }
    return out;
}

// The tenderness table shows the most recent weeks; "…" marks earlier ones.
constexpr std::size_t k_point_weeks = 16;
std::string recent_sparkline(const std::vector<std::optional<double>>& weekly) {
    if (weekly.size() <= k_point_weeks) {
        return sparkline(weekly);
    }
    return "…" + sparkline({weekly.end() - static_cast<long>(k_point_weeks), weekly.end()});
}

std::string pct(double v) {
    return fmt::format("{:.0f}%", v);
}

// Each comparison on two lines: what is compared, then the figures and the
// verdict word, so that meaning never rests on colour.
void comparison_rows(std::string& out, const Style& p, const Model& m) {
    const auto clip = [](const std::string& s) { return shorten(visible(s), 18); };
    for (const auto& c : m.comparisons) {
        out += fmt::format("  {}{} vs {}, {} ({} and {} nights)\n", c.primary ? "* " : "",
                           clip(c.a), clip(c.b), outcome_word(c.outcome), c.n_a, c.n_b);
        if (!c.estimate) {
            out += fmt::format("      {:<8} {}\n", verdict_word(c.verdict), p.dim(visible(c.note)));
            continue;
        }
        const auto& e = *c.estimate;
        out += fmt::format(
            "      {} {:<20} P(better) {:>4}  P(by >= {:g}) {:>4}\n",
            verdict_paint(p, c.verdict, fmt::format("{:<8}", verdict_word(c.verdict))),
            interval_text(e, c.verdict), percent(e.p_better), m.options.mid, percent(e.p_mid));
    }
}

// Unadjusted means of each variant's nights.
void group_rows(std::string& out, const std::vector<Group>& groups, std::string_view family) {
    for (const auto& g : groups) {
        out += fmt::format("  {:<8} {} {:>6} {:>6} {:>6} {:>9}\n", family, label_cell(g.label, 22),
                           g.nights, std::max(g.sleep.n, g.restless.n), num(g.sleep.mean),
                           num(g.restless.mean));
    }
}

// Tables pad their last column; a terminal or a diff does not need that.
std::string strip_trailing_spaces(const std::string& text) {
    std::string out;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos) {
            end = text.size();
        }
        auto line = text.substr(start, end - start);
        line.erase(line.find_last_not_of(' ') + 1);
        out += line;
        if (end < text.size()) {
            out += '\n';
        }
        start = end + 1;
    }
    return out;
}

} // namespace

std::string sparkline(const std::vector<std::optional<double>>& values) {
    std::string out;
    for (const auto& v : values) {
        if (!v) {
            out += "·";
            continue;
        }
        const int index = std::clamp(static_cast<int>(std::lround(*v / 10.0 * 7.0)), 0, 7);
        out += k_bars[index];
    }
    return out;
}

std::string render_text(const Model& m, const TextStyle& style) {
    const Style p(style.color);
    const auto& o = m.options;
    const auto& c = m.coverage;
    std::string out;
    out += p.bold(fmt::format("rls report: nights {} to {} ({} nights)", format_date(o.from),
                              format_date(o.to), c.nights)) +
           "\n";
    out += p.dim("Night D = evening of D to the morning after. Sleep 0-10, higher is better;\n"
                 "restlessness 0-10, lower is better. [a,b] = 95% interval.\n");
    if (m.first_night > o.from && c.nights > 0) {
        out += p.dim(fmt::format("Counted from {}, the night of your first entry.\n",
                                 format_date(m.first_night)));
    }

    if (m.trial) {
        out += "\n" + render_trial_text(*m.trial, style.color);
    }

    out += "\n" + p.bold("In short") + "\n";
    for (const auto& line : summary_lines(m)) {
        out += "  " + line + "\n";
    }

    out += "\n" + p.bold("Coverage") + "\n";
    out += fmt::format("  {} of {} nights with a session ({}), {} rated with a score.\n",
                       c.nights_with_session, c.nights, pct(c.adherence_pct), c.nights_rated);
    out += fmt::format("  Streak of nights with a session: {} now, {} at the longest.\n",
                       c.current_streak, c.longest_streak);
    if (const auto planned = planned_text(m.tracked); !planned.empty()) {
        out += indented(planned);
    }
    if (!c.missing_ratings.empty()) {
        std::string dates;
        const std::size_t shown = std::min<std::size_t>(c.missing_ratings.size(), 5);
        for (std::size_t i = 0; i < shown; ++i) {
            dates += (i == 0 ? "" : ", ") +
                     format_date(c.missing_ratings[c.missing_ratings.size() - 1 - i]);
        }
        if (c.missing_ratings.size() > shown) {
            dates += fmt::format(" and {} more", c.missing_ratings.size() - shown);
        }
        out += indented(fmt::format("Not rated (counted as missing, never as 0): {}.", dates));
    }
    if (!c.no_score.empty()) {
        std::string dates;
        for (const auto& d : c.no_score) {
            dates += (dates.empty() ? "" : ", ") + format_date(d);
        }
        out += fmt::format("  Rated with a note but no score (no score): {}.\n", dates);
    }

    out += "\n" + p.bold("Comparisons") +
           p.dim(" (a vs b, adjusted; * = primary; see 'Reading this honestly')") + "\n";
    if (m.comparisons.empty()) {
        out += "  No sessions to compare in this window.\n";
    } else {
        comparison_rows(out, p, m);
    }
    if (!m.routines.empty()) {
        out += "\n" + p.bold("Nights by variant") + p.dim(" (unadjusted means)") + "\n";
        out += p.dim(fmt::format("  {:<8} {:<22} {:>6} {:>6} {:>6} {:>9}\n", "", "", "nights",
                                 "rated", "sleep", "restless"));
        group_rows(out, m.by_session, "");
        group_rows(out, m.routines, "routine");
        group_rows(out, m.oils, "oil");
        group_rows(out, m.tags, "tag");
    }

    out += "\n" + p.bold("Right after the massage") + "\n";
    if (m.immediate.change) {
        const auto& ch = *m.immediate.change;
        out +=
            fmt::format("  Evening restlessness {} before and {} after the massage ({} sessions):\n"
                        "  change {} [{},{}]. The same evening with no comparison evening:\n"
                        "  how the moment felt, not evidence that the massage works.\n",
                        num(m.immediate.before_mean), num(m.immediate.after_mean), m.immediate.n,
                        signed_num(ch.estimate), signed_num(ch.low), signed_num(ch.high));
    } else {
        out += fmt::format("  {} session{} with restlessness before and after; need {}.\n",
                           m.immediate.n, m.immediate.n == 1 ? "" : "s", o.min_nights);
    }

    if (!m.points.empty()) {
        out += "\n" + p.bold("Tenderness by point") + p.dim(" (weekly mean 0-10, trend per week)") +
               "\n";
        for (const auto& t : m.points) {
            std::optional<double> first;
            std::optional<double> last;
            for (const auto& w : t.weekly) {
                if (w) {
                    first = first ? first : w;
                    last = w;
                }
            }
            out += fmt::format("  {} {} {:>4} → {:<4} {:>9}  n={}\n", label_cell(t.point, 16),
                               pad(recent_sparkline(t.weekly), k_point_weeks + 1), num(first),
                               num(last),
                               t.slope_per_week ? signed_num(*t.slope_per_week) + "/wk" : "-", t.n);
        }
        const auto& r = m.tenderness_vs_restless;
        out +=
            r.rho ? fmt::format(
                        "  Tenderness vs that night's restlessness: Spearman rho {:+.2f} (n={}).\n",
                        *r.rho, r.n)
                  : fmt::format("  Tenderness vs restlessness: too few rated sessions (n={}).\n",
                                r.n);
    }

    out += "\n" + p.bold("Week by week") + "\n";
    out += p.dim(fmt::format("  {:<10} {:>8} {:>5} {:>6} {:>8} {:>7} {:>5}\n", "week of",
                             "sessions", "rated", "sleep", "restless", "TST", "SE"));
    std::vector<std::optional<double>> sleep_line;
    std::vector<std::optional<double>> restless_line;
    for (const auto& w : m.weeks) {
        out += fmt::format("  {:<10} {:>8} {:>5} {:>6} {:>8} {:>7} {:>5}\n", format_date(w.start),
                           w.sessions, w.rated, num(w.sleep.mean), num(w.restless.mean),
                           w.total_sleep_min
                               ? fmt::format("{}h{:02}m", static_cast<int>(*w.total_sleep_min) / 60,
                                             static_cast<int>(*w.total_sleep_min) % 60)
                               : "-",
                           w.efficiency_pct ? pct(*w.efficiency_pct) : "-");
        sleep_line.push_back(w.sleep.mean);
        restless_line.push_back(w.restless.mean);
    }
    out += spark_rows("sleep", sleep_line) + spark_rows("restlessness", restless_line);

    out += tracked_text(m.tracked, p);

    out += "\n" + p.bold("Reading this honestly") + "\n";
    out += "  Differences say what preceded better nights, not what caused them: one\n"
           "  person's nights are a small sample and follow each other.\n";
    out +=
        fmt::format("  Each comparison is a regression on the time trend, the evening's\n"
                    "  restlessness before the massage and the night's other factors, with\n"
                    "  errors allowing for night-to-night correlation (Newey-West). P(better)\n"
                    "  assumes a flat prior. {} comparison{} made: the primary (*) is judged\n"
                    "  alone, the rest only after a Holm correction. Fewer than {} rated\n"
                    "  nights on a side: too few.\n",
                    m.comparisons_made, m.comparisons_made == 1 ? " was" : "s were", o.min_nights);
    if (!m.next_steps.empty()) {
        out += "\n" + p.bold("Next") + "\n";
        for (const auto& step : m.next_steps) {
            out += indented(step);
        }
    }
    return strip_trailing_spaces(out);
}

} // namespace rls::report
