// The report as text for an 80-column terminal: a header, aligned tables and
// sparklines; colour only when asked for.
#include "core/terminal_text.hpp"
#include "core/time.hpp"
#include "report/render.hpp"

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

// "+2.9 [+1.6,+4.2]" or a reason.
std::string diff_cell(const Comparison& c) {
    if (!c.difference) {
        return "";
    }
    return fmt::format("{} [{},{}]", signed_num(c.difference->estimate),
                       signed_num(c.difference->low), signed_num(c.difference->high));
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

void group_table(std::string& out, const Style& p, const std::vector<Group>& groups,
                 int min_nights) {
    out += p.dim(fmt::format("  {:>2}  {:<17} {:>6}  {:>5} {:<18} {:>6} {:<18}\n", "#", "",
                             "nights", "sleep", "  vs reference", "restl.", "  vs reference"));
    for (const auto& g : groups) {
        const std::string rank = g.rank ? std::to_string(*g.rank) : "-";
        if (!g.enough) {
            out += fmt::format(
                "  {:>2}  {} {:>6}  {}\n", rank, label_cell(g.label, 17), g.nights,
                p.dim(fmt::format("too few rated nights (need {} on each side)", min_nights)));
            continue;
        }
        out += fmt::format(
            "  {:>2}  {} {:>6}  {:>5} {} {:>6} {}\n", rank, label_cell(g.label, 17), g.nights,
            num(g.sleep.group.mean),
            verdict_paint(p, g.sleep.verdict, fmt::format("{:<18}", diff_cell(g.sleep))),
            num(g.restless.group.mean),
            verdict_paint(p, g.restless.verdict, fmt::format("{:<18}", diff_cell(g.restless))));
    }
}

std::string verdict_line(const Group& g) {
    const auto phrase = [](Verdict v, const char* better, const char* worse, const char* what) {
        switch (v) {
        case Verdict::better:
            return std::string(better);
        case Verdict::worse:
            return std::string(worse);
        case Verdict::unclear:
            return fmt::format("no clear difference in {} yet", what);
        case Verdict::too_few:
            break;
        }
        return fmt::format("too few rated nights to judge {}", what);
    };
    return phrase(g.sleep.verdict, "better sleep after a session", "worse sleep after a session",
                  "sleep") +
           "; " +
           phrase(g.restless.verdict, "calmer nights after a session",
                  "more restless nights after a session", "restlessness");
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
                 "restlessness 0-10, lower is better. [a,b] = 95% confidence interval.\n");

    out += "\n" + p.bold("Coverage") + "\n";
    out += fmt::format("  {} of {} nights with a session ({}), {} rated.\n", c.nights_with_session,
                       c.nights, pct(c.adherence_pct), c.nights_rated);
    out += fmt::format("  Streak of nights with a session: {} now, {} at the longest.\n",
                       c.current_streak, c.longest_streak);
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

    const auto& s = m.sessions_vs_none;
    out += "\n" + p.bold("Nights after a session vs nights without") + "\n";
    out += p.dim(fmt::format("  {:<26} {:>6}  {:>11}  {:>11}\n", "", "rated", "sleep", "restless"));
    const auto row = [&](std::string_view label, const Measure& sleep, const Measure& restless) {
        const auto cell = [](const Measure& x) {
            return x.mean ? fmt::format("{:.1f} ± {}", *x.mean, num(x.sd)) : std::string("-");
        };
        out += fmt::format("  {:<26} {:>6}  {:>11}  {:>11}\n", label, std::max(sleep.n, restless.n),
                           cell(sleep), cell(restless));
    };
    row("after a session", s.sleep.group, s.restless.group);
    row("without a session", s.sleep.reference, s.restless.reference);
    if (s.sleep.difference || s.restless.difference) {
        out +=
            fmt::format("  {:<26} {:>6}  {:>11}  {:>11}\n", "difference", "",
                        s.sleep.difference ? signed_num(s.sleep.difference->estimate) : "-",
                        s.restless.difference ? signed_num(s.restless.difference->estimate) : "-");
        out += fmt::format(
            "  {:<26} {:>6}  {:>11}  {:>11}\n", "95% CI", "",
            s.sleep.difference ? fmt::format("[{},{}]", signed_num(s.sleep.difference->low),
                                             signed_num(s.sleep.difference->high))
                               : "-",
            s.restless.difference ? fmt::format("[{},{}]", signed_num(s.restless.difference->low),
                                                signed_num(s.restless.difference->high))
                                  : "-");
    }
    out += indented("Verdict: " + verdict_line(s) + ".");

    out += "\n" + p.bold("Which routine and rotations preceded better nights") + "\n";
    if (m.routines.empty()) {
        out += "  No sessions in this window.\n";
    } else {
        out += p.dim("  Each compared with nights without a session; best sleep first.\n");
        group_table(out, p, m.routines, o.min_nights);
    }
    if (!m.oils.empty()) {
        out += "\n" + p.bold("Oils") + p.dim(" (session nights with the oil vs without it)") + "\n";
        group_table(out, p, m.oils, o.min_nights);
    }
    if (!m.tags.empty()) {
        out += "\n" + p.bold("Tags") + p.dim(" (session nights with the tag vs without it)") + "\n";
        group_table(out, p, m.tags, o.min_nights);
    }

    out += "\n" + p.bold("Right after the massage") + "\n";
    if (m.immediate.change) {
        const auto& ch = *m.immediate.change;
        out +=
            fmt::format("  Evening restlessness {} before and {} after the massage ({} sessions):\n"
                        "  change {} [{},{}].\n",
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

    out += "\n" + p.bold("Reading this honestly") + "\n";
    out += "  Differences say what preceded better nights, not what caused them: one\n"
           "  person's nights are a small sample and follow each other.\n";
    out += fmt::format("  Groups with fewer than {} rated nights on either side are not ranked.\n",
                       o.min_nights);
    if (m.many_comparisons) {
        out += p.yellow(
            fmt::format("  {} groups were compared: with this many, a difference or two will look\n"
                        "  real by chance alone. Trust what holds up over more weeks.\n",
                        m.comparisons));
    }
    if (!m.next_steps.empty()) {
        out += "\n" + p.bold("Next") + "\n";
        for (const auto& step : m.next_steps) {
            out += indented(step);
        }
    }
    return strip_trailing_spaces(out);
}

} // namespace rls::report
