// Making text safe and measured for a terminal; see terminal_text.hpp.
#include "core/terminal_text.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <fmt/format.h>

namespace rls {

namespace {

struct Decoded {
    char32_t cp = 0;
    std::size_t len = 0; // 0: not a UTF-8 sequence; the byte stands alone
};

// One UTF-8 sequence at the start of `s`; overlong forms, surrogates and
// values past U+10FFFF are not UTF-8.
Decoded decode(std::string_view s) {
    const auto c = static_cast<unsigned char>(s[0]);
    std::size_t len = 0;
    char32_t cp = 0;
    if (c < 0x80) {
        return {c, 1};
    }
    if ((c >> 5U) == 0x6) {
        len = 2;
        cp = c & 0x1fU;
    } else if ((c >> 4U) == 0xe) {
        len = 3;
        cp = c & 0x0fU;
    } else if ((c >> 3U) == 0x1e) {
        len = 4;
        cp = c & 0x07U;
    } else {
        return {};
    }
    if (len > s.size()) {
        return {};
    }
    for (std::size_t k = 1; k < len; ++k) {
        const auto cc = static_cast<unsigned char>(s[k]);
        if ((cc >> 6U) != 0x2) {
            return {};
        }
        cp = (cp << 6U) | (cc & 0x3fU);
    }
    constexpr std::array<char32_t, 5> k_min_for_len{0, 0, 0x80, 0x800, 0x10000};
    if (cp < k_min_for_len[len] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
        return {};
    }
    return {cp, len};
}

bool is_c0_or_del(char32_t cp) {
    return cp < 0x20 || cp == 0x7f;
}

// C1 controls (U+0080-U+009F: CSI is U+009B) and code points that reorder or
// break lines without being seen (Trojan Source).
bool is_hidden_control(char32_t cp) {
    return (cp >= 0x80 && cp <= 0x9f) || cp == 0x200e || cp == 0x200f ||
           (cp >= 0x2028 && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

bool is_zero_width(char32_t cp) {
    return (cp >= 0x0300 && cp <= 0x036f) || (cp >= 0x1ab0 && cp <= 0x1aff) ||
           (cp >= 0x1dc0 && cp <= 0x1dff) || (cp >= 0x200b && cp <= 0x200d) ||
           (cp >= 0x20d0 && cp <= 0x20ff) || (cp >= 0xfe00 && cp <= 0xfe0f) ||
           (cp >= 0xfe20 && cp <= 0xfe2f) || cp == 0xfeff;
}

bool is_wide(char32_t cp) {
    return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0x303e) ||
           (cp >= 0x3041 && cp <= 0x33ff) || (cp >= 0x3400 && cp <= 0x4dbf) ||
           (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xa000 && cp <= 0xa4cf) ||
           (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) ||
           (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
           (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1f64f) ||
           (cp >= 0x1f900 && cp <= 0x1f9ff) || (cp >= 0x20000 && cp <= 0x3fffd);
}

// Length of an SGR sequence (ESC [ digits ; m) at the start of `s`, else 0:
// only the colours Style writes are skipped when measuring.
std::size_t sgr_length(std::string_view s) {
    if (s.size() < 3 || s[0] != '\033' || s[1] != '[') {
        return 0;
    }
    for (std::size_t i = 2; i < s.size(); ++i) {
        if (s[i] == 'm') {
            return i + 1;
        }
        if ((s[i] < '0' || s[i] > '9') && s[i] != ';') {
            return 0;
        }
    }
    return 0;
}

std::size_t width_of(char32_t cp) {
    if (is_zero_width(cp)) {
        return 0;
    }
    return is_wide(cp) ? 2 : 1;
}

} // namespace

std::string visible(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        const auto d = decode(s.substr(i));
        if (d.len == 0) {
            out += fmt::format("\\x{:02x}", static_cast<unsigned char>(s[i]));
            ++i;
            continue;
        }
        if (is_c0_or_del(d.cp)) {
            out += fmt::format("\\x{:02x}", static_cast<unsigned>(d.cp));
        } else if (is_hidden_control(d.cp)) {
            out += fmt::format("\\u{:04x}", static_cast<unsigned>(d.cp));
        } else {
            out.append(s.substr(i, d.len));
        }
        i += d.len;
    }
    return out;
}

std::string visible_lines(std::string_view s) {
    std::string out;
    std::size_t start = 0;
    while (true) {
        const auto end = s.find('\n', start);
        if (end == std::string_view::npos) {
            out += visible(s.substr(start));
            return out;
        }
        out += visible(s.substr(start, end - start));
        out += '\n';
        start = end + 1;
    }
}

bool has_control(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto d = decode(s.substr(i));
        if (d.len == 0 || is_c0_or_del(d.cp) || is_hidden_control(d.cp)) {
            return true;
        }
        i += d.len;
    }
    return false;
}

std::size_t display_width(std::string_view s) {
    std::size_t width = 0;
    std::size_t i = 0;
    while (i < s.size()) {
        if (const auto sgr = sgr_length(s.substr(i)); sgr > 0) {
            i += sgr;
            continue;
        }
        // Printable ASCII, nearly all of what rls prints, is one column each.
        if (const auto c = static_cast<unsigned char>(s[i]); c >= 0x20 && c < 0x7f) {
            ++width;
            ++i;
            continue;
        }
        const auto d = decode(s.substr(i));
        if (d.len == 0) {
            width += 4; // shown as \xNN by visible()
            ++i;
            continue;
        }
        width += is_c0_or_del(d.cp) ? 4 : is_hidden_control(d.cp) ? 6 : width_of(d.cp);
        i += d.len;
    }
    return width;
}

std::string pad(std::string_view s, std::size_t width) {
    std::string out(s);
    const auto w = display_width(s);
    if (w < width) {
        out.append(width - w, ' ');
    }
    return out;
}

std::string shorten(std::string_view s, std::size_t width) {
    if (display_width(s) <= width) {
        return std::string(s);
    }
    if (width == 0) {
        return {};
    }
    std::string out;
    std::size_t used = 0;
    std::size_t i = 0;
    while (i < s.size()) {
        const auto d = decode(s.substr(i));
        const std::size_t len = d.len == 0 ? 1 : d.len;
        const std::size_t w = d.len == 0 ? 4 : width_of(d.cp);
        if (used + w > width - 1) {
            break;
        }
        out.append(s.substr(i, len));
        used += w;
        i += len;
    }
    return out + "…";
}

std::string shorten_middle(std::string_view s, std::size_t width) {
    if (display_width(s) <= width) {
        return std::string(s);
    }
    if (width < 3) {
        return shorten(s, width);
    }
    struct Char {
        std::size_t at;
        std::size_t len;
        std::size_t width;
    };
    std::vector<Char> chars;
    for (std::size_t i = 0; i < s.size();) {
        const auto d = decode(s.substr(i));
        const std::size_t len = d.len == 0 ? 1 : d.len;
        chars.push_back({i, len, d.len == 0 ? 4 : width_of(d.cp)});
        i += len;
    }
    // A third for the start, the rest for the end (the file name).
    const std::size_t room = width - 1;
    const std::size_t head_room = room / 3;
    std::size_t head = 0;
    std::size_t used = 0;
    while (head < chars.size() && used + chars[head].width <= head_room) {
        used += chars[head++].width;
    }
    std::size_t tail = chars.size();
    while (tail > head && used + chars[tail - 1].width <= room) {
        used += chars[--tail].width;
    }
    const auto head_end = head == 0 ? 0 : chars[head - 1].at + chars[head - 1].len;
    return std::string(s.substr(0, head_end)) + "…" +
           std::string(tail < chars.size() ? s.substr(chars[tail].at) : std::string_view{});
}

std::vector<std::string> fit_message(std::string_view line, std::size_t width) {
    constexpr std::size_t k_min_path = 24;
    std::vector<std::string> words;
    for (std::size_t pos = 0; pos <= line.size();) {
        auto space = line.find(' ', pos);
        space = space == std::string_view::npos ? line.size() : space;
        words.emplace_back(line.substr(pos, space - pos));
        pos = space + 1;
    }
    // Paths shortened (widest first, none below a readable minimum) only
    // where that makes the message one line; when it must wrap anyway,
    // paths stay whole unless one is wider than a line by itself.
    const auto shortened = [&words, width](std::size_t floor) {
        auto out = words;
        const auto total = [&out] {
            std::size_t n = out.size() - 1;
            for (const auto& w : out) {
                n += display_width(w);
            }
            return n;
        };
        for (auto over = total(); over > width; over = total()) {
            std::string* widest = nullptr;
            for (auto& w : out) {
                if (w.find('/') != std::string::npos && display_width(w) > floor &&
                    (widest == nullptr || display_width(w) > display_width(*widest))) {
                    widest = &w;
                }
            }
            if (widest == nullptr) {
                break;
            }
            const auto w = display_width(*widest);
            *widest = shorten_middle(*widest, std::max(floor, w - std::min(w, over - width)));
        }
        return std::pair{out, total() <= width};
    };
    if (auto [one_line, fits] = shortened(k_min_path); fits) {
        words = std::move(one_line);
    } else {
        words = shortened(width > 4 ? width - 4 : width).first;
    }
    std::string fitted;
    for (const auto& w : words) {
        fitted += (fitted.empty() ? "" : " ") + w;
    }
    auto lines = wrap(fitted, width);
    if (lines.size() > 1) {
        std::string rest;
        for (std::size_t i = 1; i < lines.size(); ++i) {
            rest += (rest.empty() ? "" : " ") + lines[i];
        }
        lines.resize(1);
        for (const auto& l : wrap(rest, width - std::min<std::size_t>(width - 1, 2))) {
            lines.push_back("  " + l);
        }
    }
    return lines;
}

std::string cell(std::string_view s, std::size_t width) {
    return pad(shorten(s, width), width);
}

std::vector<std::string> wrap(std::string_view s, std::size_t width, bool cut_words) {
    width = std::max<std::size_t>(width, 1);
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        const auto end = s.find('\n', start);
        const auto paragraph =
            s.substr(start, end == std::string_view::npos ? s.size() - start : end - start);
        std::string line;
        std::size_t pos = 0;
        while (pos <= paragraph.size()) {
            auto space = paragraph.find(' ', pos);
            if (space == std::string_view::npos) {
                space = paragraph.size();
            }
            std::string word(paragraph.substr(pos, space - pos));
            if (!line.empty() && display_width(line) + 1 + display_width(word) > width) {
                out.push_back(line);
                line.clear();
            }
            while (cut_words && display_width(word) > width) {
                // Cut at a character boundary, keeping as much as fits.
                std::size_t cut = 0;
                std::size_t used = 0;
                while (cut < word.size()) {
                    const auto d = decode(std::string_view(word).substr(cut));
                    const std::size_t len = d.len == 0 ? 1 : d.len;
                    const std::size_t w = d.len == 0 ? 4 : width_of(d.cp);
                    if (used + w > width && cut > 0) {
                        break;
                    }
                    cut += len;
                    used += w;
                }
                out.push_back(word.substr(0, cut));
                word.erase(0, cut);
            }
            line += (line.empty() ? "" : " ") + word;
            pos = space + 1;
        }
        out.push_back(line);
        if (end == std::string_view::npos) {
            return out;
        }
        start = end + 1;
    }
}

std::string Style::paint(std::string_view sgr, std::string_view s) const {
    if (!m_on || s.empty()) {
        return std::string(s);
    }
    // Close the style before every line break and open it again after, so
    // no style leaks past the line it was meant for (a pager, `head`, or a
    // Ctrl-C between lines would otherwise leave the terminal dim).
    std::string out;
    const std::string open = fmt::format("\033[{}m", sgr);
    std::size_t start = 0;
    while (start <= s.size()) {
        const auto end = s.find('\n', start);
        const auto line =
            s.substr(start, end == std::string_view::npos ? s.size() - start : end - start);
        if (!line.empty()) {
            out += open;
            out += line;
            out += "\033[0m";
        }
        if (end == std::string_view::npos) {
            break;
        }
        out += '\n';
        start = end + 1;
    }
    return out;
}

} // namespace rls
