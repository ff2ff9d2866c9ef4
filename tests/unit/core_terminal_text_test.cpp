// Text for a terminal: control characters shown not obeyed, widths, ellipsis, styles.
#include "core/parse.hpp"
#include "core/terminal_text.hpp"

#include <doctest/doctest.h>
#include <string>

using namespace rls;

TEST_SUITE("core.terminal_text") {
    TEST_CASE("control characters are shown, never passed through") {
        CHECK(visible("plain") == "plain");
        CHECK(visible("\033[2J") == "\\x1b[2J");
        // OSC 52 writes the clipboard; BEL ends it.
        CHECK(visible("\033]52;c;ZXZpbA==\a") == "\\x1b]52;c;ZXZpbA==\\x07");
        CHECK(visible("a\nb\tc\rd\x7f") == "a\\x0ab\\x09c\\x0dd\\x7f");
        CHECK(visible(std::string("a\0b", 3)) == "a\\x00b");
        // C1 CSI as UTF-8 (U+009B) and as a lone byte (not UTF-8).
        CHECK(visible("\xc2\x9b"
                      "2J") == "\\u009b2J");
        CHECK(visible("\x9b"
                      "2J") == "\\x9b2J");
        // Overlong ESC, a truncated sequence, a surrogate.
        CHECK(visible("\xc0\x9b") == "\\xc0\\x9b");
        CHECK(visible("\xe2\x82") == "\\xe2\\x82");
        CHECK(visible("\xed\xa0\x80") == "\\xed\\xa0\\x80");
        // Right-to-left override (Trojan Source).
        CHECK(visible("a\u202eb") == "a\\u202eb");
        // Ordinary non-ASCII text is kept.
        CHECK(visible("Fußsohle → 足 🦶") == "Fußsohle → 足 🦶");
    }

    TEST_CASE("has_control agrees with visible") {
        for (const std::string s : {"plain", "Fuß → 足", "\033", "\xc2\x85", "\xff", "a\u2066"}) {
            CHECK(has_control(s) == (visible(s) != s));
        }
    }

    TEST_CASE("display width counts columns, not bytes") {
        CHECK(display_width("") == 0);
        CHECK(display_width("abc") == 3);
        CHECK(display_width("→·█") == 3);
        CHECK(display_width("足裏") == 4);
        CHECK(display_width("e\u0301") == 1);
        CHECK(display_width("\033[1mbold\033[0m") == 4);
        CHECK(display_width(visible("\033[2J")) == 7);
    }

    TEST_CASE("shorten cuts to the width with an ellipsis") {
        CHECK(shorten("short", 10) == "short");
        CHECK(shorten("exactly-10", 10) == "exactly-10");
        CHECK(shorten("eleven-char", 10) == "eleven-ch…");
        CHECK(display_width(shorten("eleven-char", 10)) == 10);
        CHECK(shorten("足裏足裏足裏", 5) == "足裏…");
        CHECK(shorten("abc", 0).empty());
        CHECK(cell("ab", 4) == "ab  ");
        CHECK(cell("abcdef", 4) == "abc…");
    }

    TEST_CASE("styles are off without colour and closed on every line") {
        const Style off(false);
        CHECK(off.dim("a\nb") == "a\nb");
        const Style on(true);
        CHECK(on.bold("x") == "\033[1mx\033[0m");
        CHECK(on.dim("a\nb\n") == "\033[2ma\033[0m\n\033[2mb\033[0m\n");
        CHECK(on.yellow("") == "");
    }

    TEST_CASE("error values use the same escaping") {
        CHECK(quote_value("\xc2\x9b") == "'\\u009b'");
        CHECK(quote_value("\x9b") == "'\\x9b'");
    }
}

TEST_SUITE("core.terminal_text") {
    TEST_CASE("wrap keeps lines within the width") {
        CHECK(wrap("", 10) == std::vector<std::string>{""});
        CHECK(wrap("one two three", 7) == std::vector<std::string>{"one two", "three"});
        CHECK(wrap("a\nb", 10) == std::vector<std::string>{"a", "b"});
        CHECK(wrap("abcdefghij", 4) == std::vector<std::string>{"abcd", "efgh", "ij"});
        CHECK(wrap("足裏足", 4) == std::vector<std::string>{"足裏", "足"});
    }
}

TEST_SUITE("core.terminal_text") {
    TEST_CASE("shorten_middle keeps a path's start and its file name") {
        CHECK(shorten_middle("/short/path", 20) == "/short/path");
        const std::string path = "/home/someone/a/very/long/directory/name/for/data/rls.db";
        const auto s = shorten_middle(path, 30);
        CHECK(display_width(s) == 30);
        CHECK(s.starts_with("/home/so"));
        CHECK(s.ends_with("/data/rls.db"));
        CHECK(s.find("…") != std::string::npos);
        // Wide characters are never cut in half.
        const auto wide = shorten_middle("/日本語/日本語/日本語/日本語/日本語.db", 15);
        CHECK(display_width(wide) <= 15);
        CHECK(wide.ends_with(".db"));
    }

    TEST_CASE("fit_message shortens paths first, then wraps") {
        const std::string dir(90, 'd');
        const std::string line = "rls: cannot open database /tmp/" + dir + "/rls.db: no such file";
        const auto one = fit_message(line, 80);
        REQUIRE(one.size() == 1);
        CHECK(display_width(one[0]) == 80);
        CHECK(one[0].starts_with("rls: cannot open database /tmp/"));
        CHECK(one[0].ends_with("d/rls.db: no such file"));
        // Without a path, words wrap, continued two spaces in.
        std::string words;
        for (int i = 0; i < 30; ++i) {
            words += "word ";
        }
        const auto lines = fit_message("rls: " + words, 80);
        REQUIRE(lines.size() == 2);
        CHECK(display_width(lines[0]) <= 80);
        CHECK(lines[1].starts_with("  word"));
        CHECK(fit_message("rls: short", 80) == std::vector<std::string>{"rls: short"});
    }
}
