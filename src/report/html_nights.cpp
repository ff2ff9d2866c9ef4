// The night chart of the HTML report: every night's sleep and restlessness
// in two labelled panels, the 7-night rolling mean, sessions and unrated
// nights marked below, and trial arms or changes drawn over them.
#include "report/html_charts.hpp"
#include "report/svg.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>

namespace rls::report {

namespace {

constexpr int k_mean_window = 7;
constexpr int k_mean_min_rated = 4;

std::string opt_num(const std::optional<double>& v) {
    return v ? svg::num(*v) : "none";
}

// One panel of the night chart: grid, axis, dots and the rolling mean.
void night_panel(svg::Canvas& c, const svg::Scale& x, const svg::Scale& y, std::string_view title,
                 const std::vector<std::optional<double>>& values) {
    const auto values_at = svg::ticks(0, 10, 6);
    for (const double v : values_at) {
        c.line(x.range_lo, y(v), x.range_hi, y(v), "grid");
    }
    c.left_axis(y, values_at, x.range_lo, "points");
    c.text(x.range_lo, y.range_hi - 6, title, "panel-title");
    c.path(svg::gapped_path(svg::rolling_mean(values, k_mean_window, k_mean_min_rated), x, y),
           "mean");
}

// The key, and at its right the time axis's title (the rows above are
// labelled at the left, where the first date's label leaves no room).
void night_legend(svg::Canvas& c, double y) {
    c.raw(fmt::format("<circle class=\"dot\" cx=\"56\" cy=\"{0}\" r=\"2.5\"/>", svg::num(y - 3)));
    c.text(62, y, "score of one night", "legend");
    c.line(150, y - 3, 172, y - 3, "mean");
    c.text(177, y, "7-night mean (4+ rated)", "legend");
    c.rect(290, y - 8, 3, 8, "sess");
    c.text(298, y, "session that evening", "legend");
    c.raw(fmt::format("<circle class=\"unrated\" cx=\"396\" cy=\"{}\" r=\"2\"/>", svg::num(y - 3)));
    c.text(402, y, "not rated (missing, not 0)", "legend");
    c.text(708, y, "night (date of the evening)", "axis-title", "end");
}

// Trial arms behind the panels, change marks across them.
void draw_overlays(svg::Canvas& c, const svg::Scale& x, Date first, int n, const NightOverlays& o,
                   double top, double bottom) {
    if (o.spans.empty() && o.marks.empty()) {
        return;
    }
    const auto index = [&](Date d) {
        return static_cast<double>((date::sys_days{d} - date::sys_days{first}).count());
    };
    // Flat greys, not a hatch pattern: Chromium rasterises a pattern fill when
    // printing, which made a trial's PDF ten times larger (2.2 MB, not 0.3).
    for (const auto& s : o.spans) {
        const double lo = std::max(index(s.first) - 0.5, -0.5);
        const double hi = std::min(index(s.last) + 0.5, n - 0.5);
        if (hi <= lo) {
            continue;
        }
        c.raw(fmt::format("<g class=\"arm\" data-arm=\"{}\" data-first=\"{}\" data-last=\"{}\">"
                          "<title>trial arm {}: {} to {}</title>",
                          svg::escape(s.label), format_date(s.first), format_date(s.last),
                          svg::escape(s.label), format_date(s.first), format_date(s.last)));
        c.rect(x(lo), top, x(hi) - x(lo), bottom - top, fmt::format("arm{}", s.shade % 4));
        c.text((x(lo) + x(hi)) / 2, top + 8, s.label, "arm-label", "middle");
        c.raw("</g>\n");
    }
    // Labels of changes on nearby nights go up a line rather than over
    // each other ("M3 M4M5"): the lowest line whose last label has ended.
    constexpr std::size_t k_label_lines = 4;
    std::array<double, k_label_lines> line_end{};
    line_end.fill(-1e9);
    for (const auto& mk : o.marks) {
        const double i = index(mk.night);
        if (i < 0 || i >= n) {
            continue;
        }
        const double left = x(i) + 2;
        std::size_t line = 0;
        while (line + 1 < k_label_lines && line_end[line] > left) {
            ++line;
        }
        line_end[line] = left + 5.5 * static_cast<double>(mk.label.size()) + 2;
        c.raw(fmt::format("<g class=\"change\" data-night=\"{}\">", format_date(mk.night)));
        c.line(x(i), top - 2, x(i), bottom, "change");
        c.text(left, bottom - 2 - 9 * static_cast<double>(line), mk.label, "change-label");
        c.raw("</g>\n");
    }
}

} // namespace

std::string night_chart(const Model& m, const NightOverlays& overlays) {
    const auto& nights = m.nights;
    if (nights.empty()) {
        return {};
    }
    const int n = static_cast<int>(nights.size());
    const svg::Scale x{-0.5, n - 0.5, 52, 708};
    const svg::Scale sleep_y{0, 10, 92, 28};
    const svg::Scale restless_y{0, 10, 178, 114};
    constexpr double k_session_row = 196;
    constexpr double k_unrated_row = 210;
    constexpr double k_axis = 216;
    std::vector<std::optional<double>> sleep;
    std::vector<std::optional<double>> restless;
    int rated = 0;
    int with_session = 0;
    for (const auto& p : nights) {
        sleep.push_back(p.sleep);
        restless.push_back(p.restless);
        rated += p.sleep || p.restless ? 1 : 0;
        with_session += p.sessions > 0 ? 1 : 0;
    }
    svg::Canvas c(
        svg::k_chart_width, 252, "night-chart", "Sleep and restlessness, night by night",
        fmt::format("{} nights from {} to {}, {} with a session, {} rated. Dots are each night's "
                    "score from 0 to 10; the line is the mean of each night and the 6 before it, "
                    "drawn where at least 4 of those 7 were rated. Marks below the panels show "
                    "nights with a session and nights without a rating.{}{}",
                    n, format_date(nights.front().night), format_date(nights.back().night),
                    with_session, rated,
                    overlays.spans.empty() ? "" : " Shaded and lettered: a trial's nights by arm.",
                    overlays.marks.empty() ? ""
                                           : " Dashed vertical lines labelled M1, M2 and so on: "
                                             "nights a medicine's amount changed."));
    draw_overlays(c, x, nights.front().night, n, overlays, sleep_y.range_hi, restless_y.range_lo);
    night_panel(c, x, sleep_y, "Sleep quality, 0-10 (higher is better)", sleep);
    night_panel(c, x, restless_y, "Night-time restlessness, 0-10 (lower is better)", restless);
    c.text(x.range_lo - 4, k_session_row, "session", "row-label", "end");
    c.text(x.range_lo - 4, k_unrated_row - 1, "not rated", "row-label", "end");

    const double band = (x.range_hi - x.range_lo) / n;
    const std::string r = svg::num(std::clamp(band * 0.35, 0.9, 2.6));
    const double bar = std::clamp(band * 0.6, 0.6, 4.0);
    for (int i = 0; i < n; ++i) {
        const auto& p = nights[static_cast<std::size_t>(i)];
        const auto xi = svg::num(x(i));
        std::string g = fmt::format(
            "<g class=\"night\" data-night=\"{}\" data-sleep=\"{}\" data-restless=\"{}\" "
            "data-sessions=\"{}\"><title>{}: sleep {}, restlessness {}, {} session{}</title>",
            format_date(p.night), p.sleep ? svg::exact(*p.sleep) : "",
            p.restless ? svg::exact(*p.restless) : "", p.sessions, format_date(p.night),
            opt_num(p.sleep), opt_num(p.restless), p.sessions, p.sessions == 1 ? "" : "s");
        if (p.sleep) {
            g += fmt::format("<circle class=\"dot\" cx=\"{}\" cy=\"{}\" r=\"{}\"/>", xi,
                             svg::num(sleep_y(*p.sleep)), r);
        }
        if (p.restless) {
            g += fmt::format("<circle class=\"dot\" cx=\"{}\" cy=\"{}\" r=\"{}\"/>", xi,
                             svg::num(restless_y(*p.restless)), r);
        }
        if (p.sessions > 0) {
            g += fmt::format("<rect class=\"sess\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"8\"/>",
                             svg::num(x(i) - bar / 2), svg::num(k_session_row - 8), svg::num(bar));
        }
        if (!p.sleep && !p.restless) {
            g += fmt::format("<circle class=\"unrated\" cx=\"{}\" cy=\"{}\" r=\"{}\"/>", xi,
                             svg::num(k_unrated_row - 4), r);
        }
        c.raw(g + "</g>\n");
    }
    c.line(x.range_lo, k_axis, x.range_hi, k_axis, "axis");
    for (const auto& t : svg::date_ticks(nights.front().night, n, 12)) {
        c.line(x(t.index), k_axis, x(t.index), k_axis + 4, "axis");
        c.text(x(t.index), k_axis + 14, t.label, "tick", "middle");
    }
    // The key shares its line with the axis's title: a line of its own
    // would push 12 weeks with a trial onto a third printed page.
    night_legend(c, k_axis + 30);
    return c.finish();
}

} // namespace rls::report
