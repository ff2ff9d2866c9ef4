// The HTML report's forest plot and tenderness heatmap (the night chart is in
// html_nights.cpp). Meaning never rests on colour: markers differ in shape,
// verdicts are words, values are written in, and grays print.
#include "report/html_charts.hpp"

#include "core/terminal_text.hpp"
#include "report/findings.hpp"
#include "report/svg.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace rls::report {

namespace {

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
                      svg::escape(cmp->b), svg::exact(e.diff), svg::exact(e.low),
                      svg::exact(e.high), verdict_word(cmp->verdict),
                      cmp->primary ? "true" : "false", svg::escape(cmp->a), svg::escape(cmp->b),
                      outcome_word(cmp->outcome), interval_text(e, cmp->verdict),
                      verdict_word(cmp->verdict), e.p_better * 100));
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
    return years ? fmt::format("{} {}", svg::month_name(w.start), static_cast<int>(w.start.year()))
                 : svg::short_date(w.start);
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

std::vector<std::string> forest_plots(const Model& m) {
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
    // A long plot a little tighter, so that more of a page holds it.
    const double k_row = rows.size() > k_forest_rows ? 20 : 22;
    const double mid = m.options.mid;
    // One scale for every part, so that their intervals compare.
    const auto sleep_x = difference_scale(rows, Outcome::sleep, mid, 190, 352);
    const auto restless_x = difference_scale(rows, Outcome::restless, mid, 460, 622);
    const std::size_t parts = (rows.size() + k_forest_rows - 1) / k_forest_rows;
    const std::size_t per_part = (rows.size() + parts - 1) / parts;
    std::vector<std::string> out;
    for (std::size_t first = 0; first < rows.size(); first += per_part) {
        const std::size_t count = std::min(per_part, rows.size() - first);
        const double bottom = k_top + k_row * static_cast<double>(count);
        const bool alone = parts == 1;
        svg::Canvas c(
            svg::k_chart_width, bottom + 36,
            alone ? std::string("forest-plot") : fmt::format("forest-plot-{}", out.size() + 1),
            alone ? std::string("Comparisons: differences and intervals")
                  : fmt::format("Comparisons, rows {} to {} of {}: differences and intervals",
                                first + 1, first + count, rows.size()),
            fmt::format(
                "{} comparisons with an estimate{}. Each row is a vs b: the marker is "
                "the adjusted difference a - b in points, the bar its 95% interval, "
                "the solid line no difference and the dashed lines +-{:g} point, "
                "the smallest difference that matters. The verdict is written "
                "beside each row.",
                m.comparisons_made,
                alone ? std::string()
                      : fmt::format(", rows {} to {} of {}", first + 1, first + count, rows.size()),
                mid));
        c.text(sleep_x.range_lo, 12, "Sleep (higher is better)", "panel-title");
        c.text(restless_x.range_lo, 12, "Restlessness (lower is better)", "panel-title");
        forest_axis(c, sleep_x, k_top - 8, bottom, mid, "b better", "a better");
        forest_axis(c, restless_x, k_top - 8, bottom, mid, "a better", "b better");
        for (std::size_t i = 0; i < count; ++i) {
            const double y = k_top + k_row * (static_cast<double>(i) + 0.5);
            const auto& any = rows[first + i].any();
            if ((first + i) % 2 == 1) {
                c.rect(0, y - k_row / 2, svg::k_chart_width, k_row, "stripe");
            }
            c.text(2, y - 2, (any.primary ? "* " : "") + shorten_middle(visible(any.a), 30),
                   any.primary ? "row-label primary" : "row-label");
            c.text(2, y + 9, "vs " + shorten_middle(visible(any.b), 30), "row-label");
            forest_cell(c, rows[first + i].sleep, sleep_x, y, 358);
            forest_cell(c, rows[first + i].restless, restless_x, y, 628);
        }
        out.push_back(c.finish());
    }
    return out;
}

std::string tenderness_heatmap(const Model& m) {
    if (m.points.empty() || m.weeks.empty()) {
        return {};
    }
    const auto weeks = m.weeks.size();
    constexpr double k_left = 112;
    constexpr double k_top = 8;
    constexpr double k_row = 14;
    const double cell =
        std::min(40.0, (svg::k_chart_width - k_left - 64) / static_cast<double>(weeks));
    const double bottom = k_top + k_row * static_cast<double>(m.points.size());
    svg::Canvas c(
        svg::k_chart_width, bottom + 30, "tenderness-heatmap", "Tenderness by point and week",
        fmt::format("Weekly mean tenderness (0-10) of {} points over {} weeks: darker "
                    "is more tender; the number is written in each cell when there is "
                    "room, and the trend per week at the right. Struck through: no rating.",
                    m.points.size(), weeks));
    for (std::size_t r = 0; r < m.points.size(); ++r) {
        const auto& t = m.points[r];
        const double y = k_top + k_row * static_cast<double>(r);
        c.text(k_left - 4, y + 10.5, shorten_middle(visible(t.point), 18), "row-label", "end");
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
                // Struck through by one line, not filled with a pattern:
                // Chromium prints each pattern fill as its own tiles, which
                // made a 12-week PDF 1.8 MB.
                row += fmt::format("<rect class=\"none\" {}><title>{}: no rating</title></rect>"
                                   "<path class=\"hatch\" d=\"M{} {}L{} {}\"/>\n",
                                   box, week, svg::num(x), svg::num(y + k_row), svg::num(x + cell),
                                   svg::num(y));
                continue;
            }
            const int g = gray_of(*v);
            row += fmt::format("<rect {} fill=\"rgb({},{},{})\" data-week=\"{}\" "
                               "data-value=\"{}\"><title>{}: {}</title></rect>\n",
                               box, g, g, g, week, svg::exact(*v), week, svg::num(*v));
            if (cell >= 20) {
                numbers += fmt::format(
                    "<text class=\"{}\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n",
                    g < 140 ? "cell-num light" : "cell-num", svg::num(x + cell / 2),
                    svg::num(y + 10), svg::num(*v));
            }
        }
        c.raw(row + "</g>\n" + numbers);
        if (t.slope_per_week) {
            c.text(svg::k_chart_width - 2, y + 10.5, slope_text(*t.slope_per_week), "row-label",
                   "end");
        }
    }
    const std::size_t every = std::max<std::size_t>(1, (weeks + 7) / 8);
    for (std::size_t w = 0; w < weeks; w += every) {
        const double x = k_left + cell * static_cast<double>(w);
        c.text(x + 1, bottom + 12, week_label(m.weeks[w], weeks > 53), "tick");
    }
    c.text(k_left, bottom + 25, "week starting (weekly mean, 0-10)", "axis-title");
    // The key on the axis title's line, each shade with its value in it.
    const double key_x = k_left + 230;
    const double key_y = bottom + 17;
    c.text(key_x - 4, bottom + 25, "tenderness", "tick", "end");
    for (int v = 0; v <= 10; v += 2) {
        const double x = key_x + v * 9.0;
        const int g = gray_of(v);
        c.rect(x, key_y, 18, 10, "swatch", fmt::format("fill=\"rgb({},{},{})\"", g, g, g));
        c.text(x + 9, key_y + 8, std::to_string(v), g < 140 ? "cell-num light" : "cell-num",
               "middle");
    }
    const double none_x = key_x + 118;
    c.rect(none_x, key_y, 18, 10, "swatch none");
    c.raw(fmt::format("<path class=\"hatch\" d=\"M{} {}L{} {}\"/>\n", svg::num(none_x),
                      svg::num(key_y + 10), svg::num(none_x + 18), svg::num(key_y)));
    c.text(none_x + 22, bottom + 25, "no rating", "tick");
    return c.finish();
}

} // namespace rls::report
