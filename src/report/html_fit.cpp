// The printed height of the page, estimated from its HTML, and the zoom that
// keeps it on two sheets. The constants follow the print stylesheet in
// html_style.hpp (9 pt text, 8 pt notes and captions, 1.25 line height) and
// were checked against Chromium's layout of demo pages with and without a
// trial (tests/e2e/test_report_browser.py prints them).
#include "report/html_fit.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>

namespace rls::report {

namespace {

// The page inside its margins (10 mm top and bottom, 11 mm at the sides).
struct Paper {
    double width;
    double height;
};
constexpr Paper k_letter{8.5 - 2 * 11 / 25.4, 11 - 2 * 10 / 25.4};
constexpr Paper k_a4{(210 - 2 * 11) / 25.4, (297 - 2 * 10) / 25.4};
constexpr double k_column_gap = 0.2; // .pair's 1.2rem
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
// The share of a page the estimate may fill: all of it, as measured
// against Chromium on 36 pages (the estimate runs a little high already;
// --format pdf checks the pages Chromium printed).
constexpr double k_page_used = 1.0;

bool starts_with(std::string_view s, std::size_t at, std::string_view prefix) {
    return s.compare(at, prefix.size(), prefix) == 0;
}

// Where the element opened at `at` ends: just after `close`, or at the end
// of `html` when it is not closed.
std::size_t end_of(std::string_view html, std::size_t at, std::string_view close) {
    const auto found = html.find(close, at);
    return found == std::string_view::npos ? html.size() : found + close.size();
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

// The pieces of one section: its heading kept with what follows, each
// figure whole, paragraphs, lists and tables free to break.
void section_pieces(std::string_view section, double width, std::vector<PrintPiece>& out) {
    double pending = k_section_gap;
    std::size_t i = section.find('>');
    while (i != std::string_view::npos && (i = section.find('<', i)) != std::string_view::npos) {
        std::string_view close;
        bool whole = false;
        if (starts_with(section, i, "<h2")) {
            const auto end = section.find("</h2>", i);
            pending += block_height(section.substr(i, end - i), width, false);
            i = end;
            continue;
        }
        if (starts_with(section, i, "<figure")) {
            close = "</figure>";
            whole = true;
        } else if (starts_with(section, i, "<p>") || starts_with(section, i, "<p ")) {
            close = "</p>";
        } else if (starts_with(section, i, "<ul")) {
            close = "</ul>";
        } else if (starts_with(section, i, "<ol")) {
            close = "</ol>";
        } else if (starts_with(section, i, "<table")) {
            close = "</table>";
        } else {
            ++i;
            continue;
        }
        const auto end = end_of(section, i, close);
        out.push_back({pending + block_height(section.substr(i, end - i), width, false), whole});
        pending = 0;
        i = end;
    }
    if (pending > 0) {
        out.push_back({pending, true});
    }
}

std::vector<PrintPiece> pieces_at(std::string_view body, double width) {
    std::vector<PrintPiece> out;
    std::size_t i = 0;
    while ((i = body.find('<', i)) != std::string_view::npos) {
        std::string_view close;
        if (starts_with(body, i, "<header")) {
            close = "</header>";
        } else if (starts_with(body, i, "<div class=\"pair\">")) {
            close = "</div>";
        } else if (starts_with(body, i, "<section")) {
            close = "</section>";
        } else {
            ++i;
            continue;
        }
        const auto end = end_of(body, i, close);
        const auto block = body.substr(i, end - i);
        // The stylesheet keeps these whole (break-inside: avoid).
        if (close != "</section>" || starts_with(body, i, "<section id=\"summary\"") ||
            starts_with(body, i, "<section id=\"methods\"")) {
            out.push_back({block_height(block, width, false), true});
        } else {
            section_pieces(block, width, out);
        }
        i = end;
    }
    return out;
}

// Pages the pieces take on a page `page` tall at `zoom`: a whole piece that
// does not fit what is left of a page starts the next.
int pages_of(const std::vector<PrintPiece>& pieces, double page, double zoom) {
    const double room = page * k_page_used / zoom;
    int pages = 1;
    double used = 0;
    for (const auto& p : pieces) {
        if (p.whole && used > 0 && used + p.height_in > room) {
            ++pages;
            used = 0;
        }
        used += p.height_in;
        while (used > room) {
            ++pages;
            used -= room;
        }
    }
    return pages;
}

} // namespace

std::vector<PrintPiece> print_pieces(std::string_view body_html) {
    return pieces_at(body_html, k_letter.width);
}

int printed_pages(std::string_view body_html, double zoom, bool a4) {
    const auto& paper = a4 ? k_a4 : k_letter;
    return pages_of(pieces_at(body_html, paper.width), paper.height, zoom);
}

double print_zoom(std::string_view body_html, std::string_view paper) {
    const bool on_letter = paper != "A4";
    const bool on_a4 = paper != "letter";
    const auto letter =
        on_letter ? pieces_at(body_html, k_letter.width) : std::vector<PrintPiece>{};
    const auto a4 = on_a4 ? pieces_at(body_html, k_a4.width) : std::vector<PrintPiece>{};
    // Hundredths, so that the stylesheet states it plainly.
    for (int z = 100; z >= 85; --z) {
        const double zoom = z / 100.0;
        if ((!on_letter || pages_of(letter, k_letter.height, zoom) <= 2) &&
            (!on_a4 || pages_of(a4, k_a4.height, zoom) <= 2)) {
            return zoom;
        }
    }
    // Too long for two pages even at 85% (more than 12 weeks, as a rule):
    // full size, rather than smaller text on as many pages.
    return 1.0;
}

} // namespace rls::report
