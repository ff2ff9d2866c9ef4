// The printed height of the page, estimated from its HTML, and the zoom that
// keeps it on two sheets. The constants follow the print stylesheet in
// render_html.cpp (9 pt text, 8 pt notes and captions, 1.25 line height) and
// were checked against Chromium's layout of demo pages with and without a
// trial (tests/e2e/test_report_browser.py prints them).
#include "report/html_fit.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>

namespace rls::report {

namespace {

constexpr double k_width = 8.5 - 2 * 11 / 25.4; // Letter less the 11 mm side margins
constexpr double k_column_gap = 0.2;            // .pair's 1.2rem
constexpr double k_body_line = 9.0 * 1.25 / 72;
constexpr double k_small_line = 8.0 * 1.25 / 72;
constexpr double k_body_chars_per_in = 15.8; // 9 pt sans serif, at most, measured
constexpr double k_small_chars_per_in = 18.2;
constexpr double k_paragraph_gap = 0.05; // 0.3rem, collapsed between paragraphs
constexpr double k_heading = 0.27;       // 10.5 pt, its margins and rule
constexpr double k_table_row = 0.12;     // 8 pt, line height 1.15, a rule
constexpr double k_figure_gap = 0.05;    // its margins, collapsed with the next
constexpr double k_section_gap = 0.03;
constexpr double k_title = 0.29; // h1, 14 pt, and its margin
constexpr double k_page = 11 - 2 * 10 / 25.4;
// What the page breaks leave empty, at most: a chart or a pair that does
// not fit at the foot of page 1 starts page 2.
constexpr double k_break_loss = 0.8;

bool starts_with(std::string_view s, std::size_t at, std::string_view prefix) {
    return s.compare(at, prefix.size(), prefix) == 0;
}

// Lines of the text a reader sees in `html` (tags dropped, an entity one
// character, UTF-8 counted by code points), wrapped at spaces into lines of
// at most `per_line` characters; a longer word (a fingerprint) has a line of
// its own.
int wrapped_lines(std::string_view html, double per_line) {
    int lines = 1;
    double line = 0;
    double word = 0;
    bool in_tag = false;
    bool in_entity = false;
    const auto end_word = [&] {
        if (word == 0) {
            return;
        }
        const double needed = line == 0 ? word : line + 1 + word;
        if (needed > per_line && line > 0) {
            ++lines;
            line = word;
        } else {
            line = needed;
        }
        word = 0;
    };
    for (const char ch : html) {
        if (in_tag) {
            in_tag = ch != '>';
        } else if (ch == '<') {
            in_tag = true;
        } else if (in_entity) {
            in_entity = ch != ';';
        } else if (ch == ' ' || ch == '\n') {
            end_word();
        } else if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) {
            in_entity = ch == '&';
            ++word;
        }
    }
    end_word();
    return lines;
}

double chart_height(std::string_view svg, double width) {
    const auto at = svg.find("viewBox=\"0 0 ");
    if (at == std::string_view::npos) {
        return 0;
    }
    const char* p = svg.data() + at + 13;
    const char* end = svg.data() + svg.size();
    double w = 0;
    double h = 0;
    auto r = std::from_chars(p, end, w);
    if (r.ec != std::errc() || r.ptr == end) {
        return 0;
    }
    r = std::from_chars(r.ptr + 1, end, h);
    if (r.ec != std::errc() || w <= 0) {
        return 0;
    }
    return h / w * width;
}

double block_height(std::string_view html, double width, bool in_pair) {
    double height = 0;
    bool small_section = false;
    std::size_t i = 0;
    while ((i = html.find('<', i)) != std::string_view::npos) {
        if (starts_with(html, i, "<div class=\"pair\">")) {
            const auto end = html.find("</div>", i);
            const auto inner = html.substr(i, end - i);
            double taller = 0;
            for (std::size_t s = inner.find("<section"); s != std::string_view::npos;
                 s = inner.find("<section", s + 1)) {
                const auto close = inner.find("</section>", s);
                taller = std::max(taller, block_height(inner.substr(s, close - s),
                                                       (width - k_column_gap) / 2, true));
            }
            height += taller;
            i = end == std::string_view::npos ? html.size() : end;
            continue;
        }
        if (starts_with(html, i, "<section")) {
            height += k_section_gap;
            small_section = starts_with(html, i, "<section id=\"methods\"");
        } else if (starts_with(html, i, "<h1")) {
            height += k_title;
        } else if (starts_with(html, i, "<h2")) {
            height += k_heading;
        } else if (starts_with(html, i, "<svg")) {
            const auto end = html.find("</svg>", i);
            height += chart_height(html.substr(i, end - i), width) + k_figure_gap;
            i = end == std::string_view::npos ? html.size() : end;
            continue;
        } else if (starts_with(html, i, "<tr")) {
            height += k_table_row;
        } else {
            std::string_view tag;
            for (const std::string_view t : {"p", "figcaption", "li"}) {
                const auto after = i + 1 + t.size();
                if (starts_with(html, i + 1, t) && after < html.size() &&
                    (html[after] == ' ' || html[after] == '>')) {
                    tag = t;
                }
            }
            if (!tag.empty()) {
                const auto open_end = html.find('>', i);
                const auto close = html.find("</" + std::string(tag) + ">", open_end);
                const auto opening = html.substr(i, open_end - i);
                const bool small = in_pair || small_section || tag != "p" ||
                                   opening.find("\"note\"") != std::string_view::npos ||
                                   opening.find("\"meta\"") != std::string_view::npos;
                const double per_line =
                    width * (small ? k_small_chars_per_in : k_body_chars_per_in);
                const int lines =
                    wrapped_lines(html.substr(open_end + 1, close - open_end - 1), per_line);
                height += lines * (small ? k_small_line : k_body_line) + k_paragraph_gap;
                i = close == std::string_view::npos ? html.size() : close;
                continue;
            }
        }
        ++i;
    }
    return height;
}

} // namespace

double printed_height_in(std::string_view body_html) {
    return block_height(body_html, k_width, false);
}

double print_zoom(double height_in) {
    const double room = 2 * k_page - k_break_loss;
    if (height_in <= room) {
        return 1.0;
    }
    // Two decimals, rounded down, so that the stylesheet states it plainly.
    return std::max(0.85, std::floor(room / height_in * 100) / 100);
}

} // namespace rls::report
