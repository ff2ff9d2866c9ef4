// The severity and onset charts of the HTML report, drawn with svg.hpp.
// Bands are grays with their names written beside them; markers differ in
// shape, so nothing depends on colour.
#include "report/html_measures.hpp"

#include "report/svg.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <fmt/format.h>

namespace rls::report {

namespace {

// Both charts are half the page wide, drawn side by side (html_tracked.cpp).
constexpr double k_half_width = 360;
constexpr double k_plot_left = 44;
constexpr double k_band_right = 292; // band names at the right of the severity chart
constexpr double k_plot_top = 10;
constexpr double k_plot_bottom = 84;
constexpr double k_axis_y = 90;
constexpr double k_height = 122;
constexpr int k_date_ticks = 6;

struct Band {
    int lo;
    int hi;
    const char* name;
};
constexpr std::array<Band, 5> k_bands = {{{0, 0, "none"},
                                          {1, 10, "mild"},
                                          {11, 20, "moderate"},
                                          {21, 30, "severe"},
                                          {31, 40, "very severe"}}};

int days_between(Date a, Date b) {
    return static_cast<int>((date::sys_days{b} - date::sys_days{a}).count());
}

void date_axis(svg::Canvas& c, const svg::Scale& x, Date first, int count, double y,
               std::string_view title) {
    c.line(x.range_lo, y, x.range_hi, y, "axis");
    for (const auto& t : svg::date_ticks(first, count, k_date_ticks)) {
        c.line(x(t.index), y, x(t.index), y + 4, "axis");
        c.text(x(t.index), y + 14, t.label, "tick", "middle");
    }
    c.text((x.range_lo + x.range_hi) / 2, y + 27, title, "axis-title", "middle");
}

} // namespace

std::string severity_chart(const std::vector<IrlsRow>& rows, Date first, Date last) {
    if (rows.empty()) {
        return {};
    }
    // A week overlapping the window may start before its first night or end
    // after its last: the axis covers both.
    first = std::min(first, rows.front().week);
    last = std::max(last, Date{date::sys_days{rows.back().week} + date::days{6}});
    const int count = days_between(first, last) + 1;
    const svg::Scale x{-0.5, count - 0.5, k_plot_left, k_band_right};
    const svg::Scale y{0, 40, k_plot_bottom, k_plot_top};
    const auto relevant =
        std::count_if(rows.begin(), rows.end(), [](const IrlsRow& r) { return r.relevant_change; });
    svg::Canvas c(k_half_width, k_height, "severity-chart", "Weekly severity (IRLS total)",
                  fmt::format("{} weekly IRLS totals from 0 to 40 on the bands none (0), mild "
                              "(1-10), moderate (11-20), severe (21-30) and very severe (31-40). "
                              "A change of 5 points or more from the previous entry is "
                              "clinically relevant: {} such, ringed and labelled with the "
                              "change.",
                              rows.size(), relevant));
    for (std::size_t i = 1; i < k_bands.size(); ++i) {
        const auto& b = k_bands[i];
        const double top = y(b.hi);
        const double bottom = y(b.lo - 1);
        c.rect(x.range_lo, top, x.range_hi - x.range_lo, bottom - top,
               fmt::format("band band{}", i));
        c.raw(fmt::format("<text class=\"row-label\" x=\"{}\" y=\"{}\"><title>{} ({}-{})"
                          "</title>{}</text>\n",
                          svg::num(x.range_hi + 4), svg::num((top + bottom) / 2 + 3), b.name, b.lo,
                          b.hi, b.name));
    }
    c.left_axis(y, svg::ticks(0, 40, 5), x.range_lo, "IRLS total (0-40)");
    // One slot per week from the first row's week, so that a missed week
    // breaks the line.
    const Date start = rows.front().week;
    const int weeks = days_between(start, rows.back().week) / 7 + 1;
    std::vector<std::optional<double>> slots(static_cast<std::size_t>(weeks));
    for (const auto& r : rows) {
        slots[static_cast<std::size_t>(days_between(start, r.week) / 7)] = r.total;
    }
    const double offset = days_between(first, start) + 3; // mid-week
    const svg::Scale slot_x{0, 1, x(offset), x(offset + 7)};
    c.path(svg::gapped_path(slots, slot_x, y), "line");
    for (const auto& r : rows) {
        const double px = x(days_between(first, r.week) + 3);
        const double py = y(r.total);
        std::string mark = fmt::format("<circle class=\"point\" cx=\"{}\" cy=\"{}\" r=\"3\"/>",
                                       svg::num(px), svg::num(py));
        if (r.relevant_change) {
            // Above the point when it rose, below when it fell.
            const double label_y = *r.change > 0 ? py - 9 : py + 15;
            mark +=
                fmt::format("<circle class=\"ring\" cx=\"{}\" cy=\"{}\" r=\"6\"/>"
                            "<text class=\"change-label\" x=\"{}\" y=\"{}\" "
                            "text-anchor=\"middle\">{:+}</text>",
                            svg::num(px), svg::num(py), svg::num(px), svg::num(label_y), *r.change);
        }
        c.raw(fmt::format("<g class=\"irls\" data-week=\"{}\" data-total=\"{}\" "
                          "data-change=\"{}\" data-relevant=\"{}\"><title>week of {}: IRLS {} "
                          "({}){}</title>{}</g>\n",
                          format_date(r.week), r.total, r.change ? std::to_string(*r.change) : "",
                          r.relevant_change ? "true" : "false", format_date(r.week), r.total,
                          irls_band(r.total),
                          r.change ? fmt::format(", {:+} from the previous entry{}", *r.change,
                                                 r.relevant_change ? " (relevant)" : "")
                                   : "",
                          mark));
    }
    date_axis(c, x, first, count, k_axis_y, "week (Monday to Sunday)");
    return c.finish();
}

std::string onset_chart(const std::vector<NightOnset>& onsets, Date first, Date last) {
    if (onsets.empty()) {
        return {};
    }
    const int count = days_between(first, last) + 1;
    const svg::Scale x{-0.5, count - 0.5, k_plot_left, k_half_width - 8};
    int lo = onsets.front().minutes;
    int hi = lo;
    std::vector<std::optional<double>> series(static_cast<std::size_t>(count));
    for (const auto& o : onsets) {
        lo = std::min(lo, o.minutes);
        hi = std::max(hi, o.minutes);
        const int i = days_between(first, o.night);
        if (i >= 0 && i < count) {
            series[static_cast<std::size_t>(i)] = o.minutes;
        }
    }
    // Whole hours around the onsets, at least four of them.
    double top_hour = std::floor(lo / 60.0);
    double bottom_hour = std::ceil(hi / 60.0);
    while (bottom_hour - top_hour < 4) {
        top_hour -= 1;
        bottom_hour += 1;
    }
    const svg::Scale y{top_hour * 60, bottom_hour * 60, k_plot_top, k_plot_bottom};
    svg::Canvas c(k_half_width, k_height, "onset-chart", "Evening symptom onset, night by night",
                  fmt::format("The clock time symptoms began on {} nights, later times lower; "
                              "circles: legs only, triangles: felt in the arms or trunk too. "
                              "The line is the mean of each night and the 6 before it (4+ "
                              "recorded). Onset moving earlier by hours is one sign of "
                              "augmentation worth raising with a doctor.",
                              onsets.size()));
    const auto hours = svg::ticks(top_hour, bottom_hour, 7);
    c.line(x.range_lo, y.range_lo, x.range_lo, y.range_hi, "axis");
    for (const double h : hours) {
        c.line(x.range_lo, y(h * 60), x.range_hi, y(h * 60), "grid");
        c.text(x.range_lo - 6, y(h * 60) + 3.5, clock_text(h * 60), "tick", "end");
    }
    c.raw(fmt::format("<text class=\"axis-title\" transform=\"translate(10 {}) rotate(-90)\" "
                      "text-anchor=\"middle\">clock time</text>\n",
                      svg::num((y.range_lo + y.range_hi) / 2)));
    c.path(svg::gapped_path(svg::rolling_mean(series, 7, 4), x, y), "mean");
    for (const auto& o : onsets) {
        const int i = days_between(first, o.night);
        if (i < 0 || i >= count) {
            continue;
        }
        const auto px = x(i);
        const auto py = y(o.minutes);
        const auto mark = o.beyond_legs
                              ? fmt::format("<path class=\"spread\" d=\"M{} {}l3.5 6h-7z\"/>",
                                            svg::num(px), svg::num(py - 4))
                              : fmt::format("<circle class=\"dot\" cx=\"{}\" cy=\"{}\" r=\"2.5\"/>",
                                            svg::num(px), svg::num(py));
        c.raw(fmt::format("<g class=\"onset\" data-night=\"{}\" data-minutes=\"{}\"><title>{}: "
                          "onset {}{}</title>{}</g>\n",
                          format_date(o.night), o.minutes, format_date(o.night),
                          clock_text(o.minutes), o.beyond_legs ? ", beyond the legs" : "", mark));
    }
    date_axis(c, x, first, count, k_axis_y, "night (date of the evening)");
    return c.finish();
}

} // namespace rls::report
