// Text on its way to a terminal: stored or typed text made harmless
// (control characters shown, not obeyed), display widths, padding,
// shortening with an ellipsis, and the ANSI styles rls uses. One copy,
// in core, so that the command layer and the report renderers share it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rls {

// Text from the database, a file or the environment as it may be shown on a
// terminal: C0 controls, DEL and bytes that are not UTF-8 become \xNN, C1
// controls and the invisible bidirectional/line-separator code points become
// \uNNNN; everything else is kept. Every terminal path uses this, so a note
// holding ESC, OSC 52 or CSI 2J cannot drive the reader's terminal.
[[nodiscard]] std::string visible(std::string_view s);

// visible() line by line: the line breaks of a multi-line message are kept,
// everything else is escaped as visible() does.
[[nodiscard]] std::string visible_lines(std::string_view s);

// Whether `s` holds anything visible() would change.
[[nodiscard]] bool has_control(std::string_view s);

// Columns `s` takes on a terminal: wide (East Asian, emoji) characters count
// two, combining marks none, rls's own SGR colour sequences none.
[[nodiscard]] std::size_t display_width(std::string_view s);

// `s` followed by spaces up to `width` columns (never cut).
[[nodiscard]] std::string pad(std::string_view s, std::size_t width);

// `s` if it fits in `width` columns, else cut to fit with a trailing "…".
[[nodiscard]] std::string shorten(std::string_view s, std::size_t width);

// `s` if it fits in `width` columns, else its start and end joined by "…":
// for a path, whose directory start and file name say the most.
[[nodiscard]] std::string shorten_middle(std::string_view s, std::size_t width);

// One message line (an error, a warning) fitted into `width` columns: paths
// (words with a '/') are shortened in the middle first, down to a readable
// minimum, so it stays one line where it can; what still does not fit is
// wrapped at spaces, continued two spaces in.
[[nodiscard]] std::vector<std::string> fit_message(std::string_view line, std::size_t width);

// shorten() then pad(): a table cell of exactly `width` columns.
[[nodiscard]] std::string cell(std::string_view s, std::size_t width);

// `s` broken at spaces into lines of at most `width` columns; a word longer
// than a line is cut, unless `cut_words` is false (a file name stays whole,
// to be copied). Line breaks in `s` are kept. Never returns no lines.
[[nodiscard]] std::vector<std::string> wrap(std::string_view s, std::size_t width,
                                            bool cut_words = true);

// ANSI styling that is a no-op when colour is off (--color, NO_COLOR).
// Each call closes its own style, so a caller styles one line at a time.
class Style {
public:
    explicit Style(bool enabled) : m_on(enabled) {}
    [[nodiscard]] bool enabled() const { return m_on; }
    [[nodiscard]] std::string paint(std::string_view sgr, std::string_view s) const;
    [[nodiscard]] std::string bold(std::string_view s) const { return paint("1", s); }
    [[nodiscard]] std::string dim(std::string_view s) const { return paint("2", s); }
    [[nodiscard]] std::string green(std::string_view s) const { return paint("32", s); }
    [[nodiscard]] std::string yellow(std::string_view s) const { return paint("33", s); }

private:
    bool m_on;
};

} // namespace rls
