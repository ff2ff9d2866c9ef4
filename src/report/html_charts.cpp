// The HTML report's three charts. Meaning never rests on colour: panels are
// labelled, markers differ in shape, verdicts are words, and grays print.
#include "report/html_charts.hpp"

#include "core/terminal_text.hpp"
#include "report/findings.hpp"
#include "report/svg.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <fmt/format.h>

namespace rls::report {

namespace {

constexpr double k_width = 720;
constexpr int k_mean_window = 7;
constexpr int k_mean_min_rated = 4;

// Full precision, so that a test can match the JSON exactly.
std::string data_num(double v) {
    return fmt::format("{}", v);
}

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

void night_legend(svg::Canvas& c, double y) {
    c.raw(fmt::format("<circle class=\"dot\" cx=\"60\" cy=\"{0}\" r=\"2.5\"/>", svg::num(y - 3)));
    c.text(66, y, "score of one night", "legend");
    c.line(170, y - 3, 192, y - 3, "mean");
    c.text(197, y, "mean of the night and the 6 before (4+ rated)", "legend");
    c.rect(422, y - 8, 3, 8, "sess");
    c.text(430, y, "session that evening", "legend");
    c.raw(fmt::format("<circle class=\"unrated\" cx=\"540\" cy=\"{}\" r=\"2\"/>", svg::num(y - 3)));
    c.text(546, y, "not rated (missing, not 0)", "legend");
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
    c.raw("<defs><pattern id=\"arm-hatch\" width=\"5\" height=\"5\" "
          "patternUnits=\"userSpaceOnUse\"><path d=\"M0 5L5 0\" class=\"arm-hatch\"/>"
          "</pattern></defs>\n");
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
    for (const auto& mk : o.marks) {
        const double i = index(mk.night);
        if (i < 0 || i >= n) {
            continue;
        }
        c.raw(fmt::format("<g class=\"change\" data-night=\"{}\">", format_date(mk.night)));
        c.line(x(i), top - 2, x(i), bottom, "change");
        c.text(x(i) + 2, bottom - 2, mk.label, "change-label");
        c.raw("</g>\n");
    }
}

struct Pair {
    const Comparison* sleep = nullptr;
    const Comparison* restless = nullptr;
    [[nodiscard]] const Comparison& any() const { return sleep != nullptr ? *sleep : *restless; }
    [[nodiscard]] bool estimated() const {
        return (sleep != nullptr && sleep->estimate) || (restless != nullptr && restless->estimate);
    }
};

std::vector<Pair> pairs_of(const std::vector<Comparison>& comparisons) {
    std::vector<Pair> pairs;
    for (const auto& c : comparisons) {
        auto it = std::find_if(pairs.begin(), pairs.end(), [&](const Pair& p) {
            const auto& o = p.any();
            return o.family == c.family && o.a == c.a && o.b == c.b;
        });
        if (it == pairs.end()) {
            pairs.emplace_back();
            it = pairs.end() - 1;
        }
        (c.outcome == Outcome::sleep ? it->sleep : it->restless) = &c;
    }
    return pairs;
}

// A difference axis covering every interval and +-MID, on round ticks.
svg::Scale difference_scale(const std::vector<Pair>& pairs, Outcome o, double mid, double lo_px,
                            double hi_px) {
    double lo = -mid;
    double hi = mid;
    for (const auto& p : pairs) {
        const auto* c = o == Outcome::sleep ? p.sleep : p.restless;
        if (c != nullptr && c->estimate) {
            lo = std::min(lo, c->estimate->low);
            hi = std::max(hi, c->estimate->high);
        }
    }
    const auto t = svg::ticks(lo, hi, 6);
    const double step = t.size() > 1 ? t[1] - t[0] : 1.0;
    return {std::floor(lo / step) * step, std::ceil(hi / step) * step, lo_px, hi_px};
}

void forest_cell(svg::Canvas& c, const Comparison* cmp, const svg::Scale& x, double y,
                 double text_x) {
    if (cmp == nullptr) {
        return;
    }
    if (!cmp->estimate) {
        c.text(text_x, y + 3, verdict_word(cmp->verdict), "verdict");
        return;
    }
    const auto& e = *cmp->estimate;
    c.raw(fmt::format("<g class=\"cmp\" data-family=\"{}\" data-outcome=\"{}\" data-a=\"{}\" "
                      "data-b=\"{}\" data-diff=\"{}\" data-low=\"{}\" data-high=\"{}\" "
                      "data-verdict=\"{}\" data-primary=\"{}\">"
                      "<title>{} vs {}, {}: {} points, {}; P(better) {:.0f}%</title>\n",
                      svg::escape(cmp->family), outcome_word(cmp->outcome), svg::escape(cmp->a),
                      svg::escape(cmp->b), data_num(e.diff), data_num(e.low), data_num(e.high),
                      verdict_word(cmp->verdict), cmp->primary ? "true" : "false",
                      svg::escape(cmp->a), svg::escape(cmp->b), outcome_word(cmp->outcome),
                      interval_text(e, cmp->verdict), verdict_word(cmp->verdict),
                      e.p_better * 100));
    const double lo = std::max(x(e.low), x.range_lo);
    const double hi = std::min(x(e.high), x.range_hi);
    c.line(lo, y, hi, y, "ci");
    c.line(lo, y - 3, lo, y + 3, "ci");
    c.line(hi, y - 3, hi, y + 3, "ci");
    const bool decided = cmp->verdict == Verdict::better || cmp->verdict == Verdict::worse;
    const std::string cls = decided ? "est decided" : "est";
    const double px = x(e.diff);
    if (cmp->primary) {
        c.path(fmt::format("M{} {}l5 5l-5 5l-5 -5z", svg::num(px), svg::num(y - 5)), cls);
    } else {
        c.rect(px - 3.5, y - 3.5, 7, 7, cls);
    }
    c.text(text_x, y - 1, verdict_word(cmp->verdict), "verdict");
    c.text(text_x, y + 9, interval_text(e, cmp->verdict), "fig");
    c.raw("</g>\n");
}

void forest_axis(svg::Canvas& c, const svg::Scale& x, double top, double bottom, double mid,
                 std::string_view left_word, std::string_view right_word) {
    c.line(x(0), top, x(0), bottom, "zero");
    for (const double v : {-mid, mid}) {
        if (v >= x.domain_lo && v <= x.domain_hi) {
            c.line(x(v), top, x(v), bottom, "mid");
        }
    }
    c.bottom_axis(x, svg::ticks(x.domain_lo, x.domain_hi, 6), bottom, "difference a - b, points");
    c.text(x.range_lo, top - 4, fmt::format("\u2190 {}", left_word), "hint");
    c.text(x.range_hi, top - 4, fmt::format("{} \u2192", right_word), "hint", "end");
}

// Week labels under the heatmap, about eight of them: "Sep 2", or with
// more than a year of weeks "Sep 2026".
std::string week_label(const Week& w, bool years) {
    static constexpr std::array<const char*, 12> k_months = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const auto* month = k_months[static_cast<unsigned>(w.start.month()) - 1];
    return years ? fmt::format("{} {}", month, static_cast<int>(w.start.year()))
                 : fmt::format("{} {}", month, static_cast<unsigned>(w.start.day()));
}

// A trend in points per week, signed, never "-0.00".
std::string slope_text(double slope) {
    const double rounded = std::round(slope * 100.0) / 100.0;
    return fmt::format("{:+.2f}/wk", rounded == 0.0 ? 0.0 : rounded);
}

int gray_of(double value) {
    return static_cast<int>(std::lround(245.0 - std::clamp(value, 0.0, 10.0) / 10.0 * 185.0));
}

} // namespace

std::string night_chart(const Model& m, const NightOverlays& overlays) {
    const auto& nights = m.nights;
    if (nights.empty()) {
        return {};
    }
    const int n = static_cast<int>(nights.size());
    const svg::Scale x{-0.5, n - 0.5, 52, 708};
    const svg::Scale sleep_y{0, 10, 108, 28};
    const svg::Scale restless_y{0, 10, 212, 132};
    constexpr double k_session_row = 230;
    constexpr double k_unrated_row = 244;
    constexpr double k_axis = 250;
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
        k_width, 300, "night-chart", "Sleep and restlessness, night by night",
        fmt::format("{} nights from {} to {}, {} with a session, {} rated. Dots are each night's "
                    "score from 0 to 10; the line is the mean of each night and the 6 before it, "
                    "drawn where at least 4 of those 7 were rated. Marks below the panels show "
                    "nights with a session and nights without a rating.",
                    n, format_date(nights.front().night), format_date(nights.back().night),
                    with_session, rated));
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
            format_date(p.night), p.sleep ? data_num(*p.sleep) : "",
            p.restless ? data_num(*p.restless) : "", p.sessions, format_date(p.night),
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
    c.text((x.range_lo + x.range_hi) / 2, k_axis + 27, "night (date of the evening)", "axis-title",
           "middle");
    night_legend(c, 296);
    return c.finish();
}

std::string forest_plot(const Model& m) {
    std::vector<Pair> rows;
    for (const auto& p : pairs_of(m.comparisons)) {
        if (p.estimated()) {
            rows.push_back(p);
        }
    }
    if (rows.empty()) {
        return {};
    }
    constexpr double k_top = 38;
    constexpr double k_row = 22;
    const double bottom = k_top + k_row * static_cast<double>(rows.size());
    const double mid = m.options.mid;
    const auto sleep_x = difference_scale(rows, Outcome::sleep, mid, 190, 352);
    const auto restless_x = difference_scale(rows, Outcome::restless, mid, 460, 622);
    svg::Canvas c(k_width, bottom + 36, "forest-plot", "Comparisons: differences and intervals",
                  fmt::format("{} comparisons with an estimate. Each row is a vs b: the marker is "
                              "the adjusted difference a - b in points, the bar its 95% interval, "
                              "the solid line no difference and the dashed lines +-{:g} point, "
                              "the smallest difference that matters. The verdict is written "
                              "beside each row.",
                              m.comparisons_made, mid));
    c.text(sleep_x.range_lo, 12, "Sleep (higher is better)", "panel-title");
    c.text(restless_x.range_lo, 12, "Restlessness (lower is better)", "panel-title");
    forest_axis(c, sleep_x, k_top - 8, bottom, mid, "b better", "a better");
    forest_axis(c, restless_x, k_top - 8, bottom, mid, "a better", "b better");
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const double y = k_top + k_row * (static_cast<double>(i) + 0.5);
        const auto& any = rows[i].any();
        if (i % 2 == 1) {
            c.rect(0, y - k_row / 2, k_width, k_row, "stripe");
        }
        c.text(2, y - 2, (any.primary ? "* " : "") + shorten(visible(any.a), 30),
               any.primary ? "row-label primary" : "row-label");
        c.text(2, y + 9, "vs " + shorten(visible(any.b), 30), "row-label");
        forest_cell(c, rows[i].sleep, sleep_x, y, 358);
        forest_cell(c, rows[i].restless, restless_x, y, 628);
    }
    return c.finish();
}

std::string tenderness_heatmap(const Model& m) {
    if (m.points.empty() || m.weeks.empty()) {
        return {};
    }
    const auto weeks = m.weeks.size();
    constexpr double k_left = 112;
    constexpr double k_top = 8;
    constexpr double k_row = 14;
    const double cell = std::min(40.0, (k_width - k_left - 64) / static_cast<double>(weeks));
    const double bottom = k_top + k_row * static_cast<double>(m.points.size());
    svg::Canvas c(k_width, bottom + 54, "tenderness-heatmap", "Tenderness by point and week",
                  fmt::format("Weekly mean tenderness (0-10) of {} points over {} weeks: darker "
                              "is more tender; the number is written in each cell when there is "
                              "room, and the trend per week at the right. Hatched: no rating.",
                              m.points.size(), weeks));
    c.raw("<defs><pattern id=\"hatch\" width=\"4\" height=\"4\" patternUnits=\"userSpaceOnUse\">"
          "<path d=\"M0 4L4 0\" class=\"hatch\"/></pattern></defs>\n");
    for (std::size_t r = 0; r < m.points.size(); ++r) {
        const auto& t = m.points[r];
        const double y = k_top + k_row * static_cast<double>(r);
        c.text(k_left - 4, y + 10.5, shorten(visible(t.point), 18), "row-label", "end");
        // The point on the row, not on each of its cells: 52 weeks of 8
        // points stay small.
        std::string row =
            fmt::format("<g class=\"hm-row\" data-point=\"{}\">\n", svg::escape(t.point));
        std::string numbers;
        for (std::size_t w = 0; w < t.weekly.size() && w < weeks; ++w) {
            const double x = k_left + cell * static_cast<double>(w);
            const auto& v = t.weekly[w];
            const auto week = format_date(m.weeks[w].start);
            const auto box = fmt::format("x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"",
                                         svg::num(x), svg::num(y), svg::num(cell), k_row);
            if (!v) {
                row += fmt::format("<rect class=\"none\" {}><title>{}: no rating</title></rect>\n",
                                   box, week);
                continue;
            }
            const int g = gray_of(*v);
            row += fmt::format("<rect {} fill=\"rgb({},{},{})\" data-week=\"{}\" "
                               "data-value=\"{}\"><title>{}: {}</title></rect>\n",
                               box, g, g, g, week, data_num(*v), week, svg::num(*v));
            if (cell >= 20) {
                numbers += fmt::format(
                    "<text class=\"{}\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
                    g < 140 ? "cell-num light" : "cell-num", svg::num(x + cell / 2),
                    svg::num(y + 10), svg::num(*v));
            }
        }
        c.raw(row + "</g>\n" + numbers);
        if (t.slope_per_week) {
            c.text(k_width - 2, y + 10.5, slope_text(*t.slope_per_week), "row-label", "end");
        }
    }
    const std::size_t every = std::max<std::size_t>(1, (weeks + 7) / 8);
    for (std::size_t w = 0; w < weeks; w += every) {
        const double x = k_left + cell * static_cast<double>(w);
        c.text(x + 1, bottom + 12, week_label(m.weeks[w], weeks > 53), "tick");
    }
    c.text(k_left, bottom + 24, "week starting (weekly mean, 0-10)", "axis-title");
    for (int v = 0; v <= 10; v += 2) {
        const double x = k_left + 200 + v * 14.0;
        const int g = gray_of(v);
        c.rect(x, bottom + 32, 14, 8, "swatch", fmt::format("fill=\"rgb({},{},{})\"", g, g, g));
        c.text(x + 7, bottom + 48, std::to_string(v), "tick", "middle");
    }
    c.rect(k_left + 390, bottom + 32, 14, 8, "swatch none");
    c.text(k_left + 408, bottom + 40, "no rating", "tick");
    return c.finish();
}

} // namespace rls::report
