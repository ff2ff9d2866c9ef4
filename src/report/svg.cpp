// The chart primitives behind the HTML report: scales, ticks, the rolling
// mean, gapped paths and an escaping SVG writer.
#include "report/svg.hpp"

#include <array>
#include <cmath>
#include <fmt/format.h>

namespace rls::report::svg {

namespace {

constexpr std::array<const char*, 12> k_months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// Date ticks at the first night of every `months`-th month (1, 3, 6), or
// of every `months / 12`-th year (12, 24, 60...).
std::vector<DateTick> month_ticks(Date first, int count, int months) {
    std::vector<DateTick> out;
    const date::sys_days start{first};
    auto ym = first.year() / first.month();
    if (first.day() != date::day{1}) {
        ym += date::months{1};
    }
    while (true) {
        const int month_index = static_cast<int>(static_cast<unsigned>(ym.month())) - 1;
        const int year = static_cast<int>(ym.year());
        const bool aligned = months >= 12 ? month_index == 0 && year % (months / 12) == 0
                                          : month_index % months == 0;
        const date::sys_days day{ym / date::day{1}};
        const int index = static_cast<int>((day - start).count());
        if (index >= count) {
            break;
        }
        if (aligned) {
            const Date d{day};
            std::string label;
            if (months >= 12) {
                label = fmt::format("{}", static_cast<int>(d.year()));
            } else if (out.empty() || month_index == 0) {
                label = fmt::format("{} {}", month_name(d), static_cast<int>(d.year()));
            } else {
                label = month_name(d);
            }
            out.push_back({index, label});
        }
        ym += date::months{1};
    }
    return out;
}

} // namespace

double Scale::operator()(double v) const {
    if (domain_hi == domain_lo) {
        return (range_lo + range_hi) / 2;
    }
    return range_lo + (v - domain_lo) / (domain_hi - domain_lo) * (range_hi - range_lo);
}

std::vector<double> ticks(double lo, double hi, int max_count) {
    if (!(lo < hi) || max_count < 2) {
        return {lo};
    }
    // The smallest 1-2-5 step that needs at most max_count ticks.
    const double rough = (hi - lo) / (max_count - 1);
    const double power = std::pow(10.0, std::floor(std::log10(rough)));
    double step = power * 10;
    for (const double f : {1.0, 2.0, 5.0, 10.0}) {
        const double s = f * power;
        if (std::floor(hi / s) - std::ceil(lo / s) + 1 <= max_count) {
            step = s;
            break;
        }
    }
    std::vector<double> out;
    for (double k = std::ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k += 1) {
        const double v = k * step;
        out.push_back(std::fabs(v) < step * 1e-9 ? 0.0 : v);
    }
    return out;
}

std::string month_name(Date d) {
    return k_months[static_cast<unsigned>(d.month()) - 1];
}

std::string short_date(Date d) {
    return fmt::format("{} {}", month_name(d), static_cast<unsigned>(d.day()));
}

std::vector<DateTick> date_ticks(Date first, int count, int max_count) {
    if (count <= 0 || max_count <= 0) {
        return {};
    }
    if ((count + 6) / 7 <= max_count) {
        std::vector<DateTick> out;
        for (int i = 0; i < count; i += 7) {
            const Date d{date::sys_days{first} + date::days{i}};
            out.push_back({i, short_date(d)});
        }
        return out;
    }
    for (const int months : {1, 2, 3, 6, 12, 24, 60, 120}) {
        auto out = month_ticks(first, count, months);
        if (static_cast<int>(out.size()) <= max_count) {
            return out;
        }
    }
    return {};
}

std::vector<std::optional<double>> rolling_mean(const std::vector<std::optional<double>>& values,
                                                int window, int min_count) {
    std::vector<std::optional<double>> out(values.size());
    double sum = 0;
    int present = 0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (values[i]) {
            sum += *values[i];
            ++present;
        }
        if (i >= static_cast<std::size_t>(window) && values[i - window]) {
            sum -= *values[i - window];
            --present;
        }
        if (present >= min_count && present > 0) {
            out[i] = sum / present;
        }
    }
    return out;
}

std::string gapped_path(const std::vector<std::optional<double>>& values, const Scale& x,
                        const Scale& y) {
    std::string d;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (!values[i]) {
            continue;
        }
        const bool starts = i == 0 || !values[i - 1];
        const bool ends = i + 1 == values.size() || !values[i + 1];
        const auto xi = num(x(static_cast<double>(i)));
        const auto yi = num(y(*values[i]));
        if (starts) {
            d += fmt::format("{}M{} {}", d.empty() ? "" : " ", xi, yi);
            if (ends) {
                d += "h0";
            }
        } else {
            d += fmt::format("L{} {}", xi, yi);
        }
    }
    return d;
}

std::string escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            // Control characters are not allowed in XML 1.0 at all.
            if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') {
                out += "\xEF\xBF\xBD"; // U+FFFD
            } else {
                out += c;
            }
        }
    }
    return out;
}

std::string exact(double v) {
    return fmt::format("{}", v);
}

std::string num(double v, int decimals) {
    const double scale = std::pow(10.0, decimals);
    double rounded = std::round(v * scale) / scale;
    if (rounded == 0.0) {
        rounded = 0.0; // no "-0"
    }
    auto s = fmt::format("{:.{}f}", rounded, decimals);
    if (s.find('.') != std::string::npos) {
        s.erase(s.find_last_not_of('0') + 1);
        if (s.back() == '.') {
            s.pop_back();
        }
    }
    return s;
}

Canvas::Canvas(double width, double height, std::string_view id, std::string_view title,
               std::string_view description) {
    m_out = fmt::format("<svg id=\"{}\" class=\"chart\" viewBox=\"0 0 {} {}\" role=\"img\" "
                        "aria-labelledby=\"{}-t {}-d\">\n<title id=\"{}-t\">{}</title>\n"
                        "<desc id=\"{}-d\">{}</desc>\n",
                        escape(id), num(width), num(height), escape(id), escape(id), escape(id),
                        escape(title), escape(id), escape(description));
}

void Canvas::line(double x1, double y1, double x2, double y2, std::string_view cls) {
    m_out += fmt::format("<line class=\"{}\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\n", cls,
                         num(x1), num(y1), num(x2), num(y2));
}

void Canvas::rect(double x, double y, double w, double h, std::string_view cls,
                  std::string_view extra) {
    m_out += fmt::format("<rect class=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"{}{}/>\n",
                         cls, num(x), num(y), num(w), num(h), extra.empty() ? "" : " ", extra);
}

void Canvas::text(double x, double y, std::string_view content, std::string_view cls,
                  std::string_view anchor) {
    m_out += fmt::format("<text class=\"{}\" x=\"{}\" y=\"{}\" text-anchor=\"{}\">{}</text>\n", cls,
                         num(x), num(y), anchor, escape(content));
}

void Canvas::path(std::string_view d, std::string_view cls) {
    if (!d.empty()) {
        m_out += fmt::format("<path class=\"{}\" d=\"{}\"/>\n", cls, d);
    }
}

void Canvas::raw(std::string_view markup) {
    m_out += markup;
}

void Canvas::left_axis(const Scale& y, const std::vector<double>& values, double x,
                       std::string_view title) {
    line(x, y.range_lo, x, y.range_hi, "axis");
    for (const double v : values) {
        line(x - 4, y(v), x, y(v), "axis");
        text(x - 6, y(v) + 3.5, num(v), "tick", "end");
    }
    const double mid = (y.range_lo + y.range_hi) / 2;
    m_out += fmt::format("<text class=\"axis-title\" transform=\"translate({} {}) rotate(-90)\" "
                         "text-anchor=\"middle\">{}</text>\n",
                         num(x - 26), num(mid), escape(title));
}

void Canvas::bottom_axis(const Scale& x, const std::vector<double>& values, double y,
                         std::string_view title) {
    line(x.range_lo, y, x.range_hi, y, "axis");
    for (const double v : values) {
        line(x(v), y, x(v), y + 4, "axis");
        text(x(v), y + 14, num(v, 2), "tick", "middle");
    }
    text((x.range_lo + x.range_hi) / 2, y + 28, title, "axis-title", "middle");
}

std::string Canvas::finish() {
    m_out += "</svg>\n";
    return std::move(m_out);
}

} // namespace rls::report::svg
