// Drawing charts as inline SVG: linear scales, "nice" ticks, date ticks over
// nights, a rolling mean with gaps, paths that break at missing values, and a
// small canvas that writes escaped, well-formed elements. No I/O, no script.
#pragma once

#include "core/time.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rls::report::svg {

// The charts' width in user units: about the printed page's width in CSS
// pixels, so that 9-unit text prints near 7 pt.
inline constexpr double k_chart_width = 720;

// Maps [domain_lo, domain_hi] linearly onto [range_lo, range_hi]; a domain of
// zero width maps everything to the middle of the range.
struct Scale {
    double domain_lo = 0;
    double domain_hi = 1;
    double range_lo = 0;
    double range_hi = 1;
    [[nodiscard]] double operator()(double v) const;
};

// Round tick values (steps of 1, 2 or 5 times a power of ten) covering
// [lo, hi], at most `max_count` of them and at least 2 when lo < hi.
[[nodiscard]] std::vector<double> ticks(double lo, double hi, int max_count);

// A tick on a night axis: the index of the night from the first, and a label.
struct DateTick {
    int index = 0;
    std::string label;
};

// At most `max_count` ticks for nights first..first + count - 1: every 7
// nights from the first ("Sep 2"), else month starts ("Oct", "Jan 2027"),
// else year starts ("2027").
[[nodiscard]] std::vector<DateTick> date_ticks(Date first, int count, int max_count);

// "Sep": the month's name, three letters.
[[nodiscard]] std::string month_name(Date d);
// "Sep 2": a night or a week's start, where the year is clear around it.
[[nodiscard]] std::string short_date(Date d);

// The mean of each value and the `window - 1` before it, over the values
// present; missing where fewer than `min_count` of them are present.
[[nodiscard]] std::vector<std::optional<double>>
rolling_mean(const std::vector<std::optional<double>>& values, int window, int min_count);

// An SVG path through the present values at x = index, broken ("M") at every
// missing value; a value with no neighbour is a zero-length segment, drawn as
// a dot by a round line cap. Empty when no value is present.
[[nodiscard]] std::string gapped_path(const std::vector<std::optional<double>>& values,
                                      const Scale& x, const Scale& y);

// Text and attribute values escaped for XML (and so for XHTML and HTML).
[[nodiscard]] std::string escape(std::string_view text);

// A value in full (shortest round-trip form), for data attributes that a
// test compares with the JSON.
[[nodiscard]] std::string exact(double v);

// A coordinate or value with at most `decimals` decimals, no trailing zeros.
[[nodiscard]] std::string num(double v, int decimals = 1);

// One <svg> element, sized by its viewBox and CSS (width 100%, so it scales
// to the page and prints sharp), with a <title> and <desc> for screen
// readers. Attributes are passed pre-formatted; text is escaped here.
class Canvas {
public:
    Canvas(double width, double height, std::string_view id, std::string_view title,
           std::string_view description);

    void line(double x1, double y1, double x2, double y2, std::string_view cls);
    void rect(double x, double y, double w, double h, std::string_view cls,
              std::string_view extra = {});
    // anchor: start, middle or end.
    void text(double x, double y, std::string_view content, std::string_view cls,
              std::string_view anchor = "start");
    void path(std::string_view d, std::string_view cls);
    // Anything else, already well-formed (a group, a marker).
    void raw(std::string_view markup);

    // A vertical axis at x: tick marks, labels and a rotated title.
    void left_axis(const Scale& y, const std::vector<double>& values, double x,
                   std::string_view title);
    // A horizontal axis at y with numeric ticks and a title below.
    void bottom_axis(const Scale& x, const std::vector<double>& values, double y,
                     std::string_view title);

    [[nodiscard]] std::string finish();

private:
    std::string m_out;
};

} // namespace rls::report::svg
