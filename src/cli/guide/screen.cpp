// rls guide on a terminal: full screen, live countdowns, single keys.
#include "cli/context.hpp"
#include "cli/guide/ui.hpp"
#include "cli/render.hpp"
#include "cli/terminal.hpp"
#include "core/terminal_text.hpp"

#include <chrono>
#include <csignal>
#include <fmt/format.h>
#include <ostream>
#include <unistd.h>

namespace rls::guide {

using namespace std::chrono;

std::vector<std::string> screen_lines(const Walk& walk, const ScreenParts& parts) {
    const auto& s = walk.step();
    std::vector<std::string> lines;
    const auto right = fmt::format("step {} of {}", walk.position() + 1, walk.total());
    // Names and texts come from the catalog: shown, never obeyed, and cut to the screen.
    auto left =
        fmt::format("rls guide · {} · rotation {}", visible(walk.routine().code), s.rotation);
    if (display_width(left) + display_width(right) > 79) {
        left = fmt::format("rls guide · rotation {}", s.rotation);
    }
    const auto gap = 80 - std::min<std::size_t>(79, display_width(left) + display_width(right));
    lines.push_back(left + std::string(gap, ' ') + right);
    std::string rule;
    for (int i = 0; i < 80; ++i) {
        rule += "─";
    }
    lines.push_back(rule);
    lines.emplace_back("");
    if (s.kind == StepKind::point) {
        lines.push_back(fmt::format("Point {} of {} · {} foot", s.point_number, s.point_count,
                                    visible(s.foot)));
        lines.push_back(shorten(fmt::format("{} ({})", visible(s.title), visible(s.point)), 80));
    } else {
        lines.push_back(shorten(visible(s.title), 80));
    }
    lines.emplace_back("");
    for (auto& l : wrap(visible_lines(s.text), 78)) {
        lines.push_back(std::move(l));
    }
    lines.emplace_back("");
    if (!parts.timer.empty()) {
        lines.push_back(parts.timer);
        lines.emplace_back("");
    }
    if (!parts.prompt.empty()) {
        for (auto& l : wrap(parts.prompt, 78)) {
            lines.push_back(std::move(l));
        }
    }
    // Message and key help sit at the bottom of a 24-line screen.
    std::vector<std::string> bottom;
    bottom.push_back(parts.note);
    bottom.push_back(rule);
    bottom.push_back(parts.keys);
    while (lines.size() + bottom.size() < 24) {
        lines.emplace_back("");
    }
    lines.resize(24 - bottom.size());
    lines.insert(lines.end(), bottom.begin(), bottom.end());
    return lines;
}

namespace {

constexpr const char* k_keys = "Enter go on · s skip · p pause · b back · q quit";

class ScreenUi final : public Ui {
public:
    ScreenUi(Context& ctx, const UiOptions& options)
        : m_ctx(ctx), m_options(options), m_raw(STDIN_FILENO) {
        out() << "\033[?1049h\033[?25l" << std::flush; // alternate screen, hide cursor
    }
    ~ScreenUi() override { ScreenUi::close(); }

    Action show(const Walk& walk) override {
        for (;;) {
            draw(walk, {"", "", m_note, k_keys});
            const auto k = key(milliseconds{250});
            if (const auto a = common(k)) {
                return *a;
            }
        }
    }

    Action hold(const Walk& walk) override {
        if (!m_options.timer) {
            return Action::next;
        }
        return countdown(walk, hold_length(m_options.pace), [this](milliseconds elapsed) {
            const auto h = hold_at(elapsed, m_options.pace);
            if (h.done) {
                return std::string();
            }
            const int total = 20;
            const auto phase =
                h.pressing ? scaled(k_press, m_options.pace) : scaled(k_release, m_options.pace);
            const int filled =
                phase.count() > 0
                    ? static_cast<int>(total * (phase - h.remaining).count() / phase.count())
                    : total;
            std::string bar;
            for (int i = 0; i < total; ++i) {
                bar += i < filled ? "█" : "░";
            }
            return fmt::format("{}  {} of {}   {}  {:>3} s", h.pressing ? "PRESS" : "rest ",
                               h.press, k_presses, bar, (h.remaining.count() + 999) / 1000);
        });
    }

    Action rest(const Walk& walk) override {
        if (!m_options.timer) {
            return show(walk);
        }
        const auto length = scaled(walk.step().duration, m_options.pace);
        return countdown(walk, length, [length](milliseconds elapsed) {
            const auto left = length - elapsed;
            const auto s = (left.count() + 999) / 1000;
            return fmt::format("Resting   {}:{:02}   (Enter when you are ready)", s / 60, s % 60);
        });
    }

    Answer number(const Walk& walk, const std::string& question) override {
        std::string typed;
        for (;;) {
            draw(walk, {"", fmt::format("{} {}_", question, typed), m_note, k_keys});
            const auto k = key(milliseconds{250});
            if (!k) {
                continue;
            }
            if (*k >= '0' && *k <= '9' && typed.size() < 2) {
                typed += static_cast<char>(*k);
                m_note.clear();
            } else if ((*k == k_backspace || *k == 8) && !typed.empty()) {
                typed.pop_back();
            } else if (*k == '\r' || *k == '\n') {
                if (typed.empty()) {
                    return {Action::next, std::nullopt, ""};
                }
                const int value = std::stoi(typed);
                if (value <= 10) {
                    m_note.clear();
                    return {Action::next, value, ""};
                }
                m_note = fmt::format("{} is more than 10: type 0 to 10, or Enter to skip", value);
                typed.clear();
            } else if (const auto a = command(*k)) {
                return {*a, std::nullopt, ""};
            }
        }
    }

    Answer line(const Walk& walk, const std::string& question) override {
        std::string typed;
        for (;;) {
            draw(walk, {"", fmt::format("{} {}_", question, typed), m_note,
                        "Enter accept · - none · Ctrl-C quit · Esc back"});
            const auto k = key(milliseconds{250});
            if (!k) {
                continue;
            }
            if (*k == '\r' || *k == '\n') {
                m_note.clear();
                return {Action::next, std::nullopt, typed};
            }
            if (*k == 27) {
                return {Action::back, std::nullopt, ""};
            }
            if ((*k == k_backspace || *k == 8) && !typed.empty()) {
                typed.pop_back();
            } else if (*k == k_ctrl_c || *k == -1) {
                return {*k == -1 ? Action::hangup : Action::quit, std::nullopt, ""};
            } else if (*k >= 32 && *k < 127 && typed.size() < 200) {
                typed += static_cast<char>(*k);
            }
        }
    }

    Answer yes_no(const Walk& walk, const std::string& question) override {
        for (;;) {
            draw(walk,
                 {"", question + " [y/N]", m_note, "y yes · n or Enter no · b back · q quit"});
            const auto k = key(milliseconds{250});
            if (!k) {
                continue;
            }
            if (*k == 'y' || *k == 'Y') {
                return {Action::next, 1, ""};
            }
            if (*k == 'n' || *k == 'N' || *k == '\r' || *k == '\n') {
                return {Action::next, 0, ""};
            }
            if (const auto a = command(*k)) {
                return {*a, std::nullopt, ""};
            }
        }
    }

    QuitChoice confirm_quit(const Walk& walk) override {
        for (;;) {
            draw(walk, {"", "Stop here? Save what you have done so far as a partial session?", "",
                        "y save and stop · n stop without saving · c carry on"});
            const auto k = key(milliseconds{250});
            if (!k) {
                continue;
            }
            if (*k == 'y' || *k == 'Y' || *k == '\r' || *k == '\n' || *k == -1) {
                return QuitChoice::save;
            }
            if (*k == 'n' || *k == 'N') {
                return QuitChoice::discard;
            }
            if (*k == 'c' || *k == 'C' || *k == 27) {
                return QuitChoice::resume;
            }
        }
    }

    void message(const std::string& text) override { m_note = text; }

    void close() override {
        if (!m_closed) {
            out() << "\033[?25h\033[?1049l" << std::flush;
            m_closed = true;
        }
    }

private:
    std::ostream& out() { return m_ctx.out(); }

    // Keys that mean the same on every screen; nullopt for anything else.
    static std::optional<Action> command(int k) {
        switch (k) {
        case 's':
        case 'S':
            return Action::skip;
        case 'b':
        case 'B':
            return Action::back;
        case 'q':
        case 'Q':
        case k_ctrl_c:
            return Action::quit;
        case -1:
            return Action::hangup;
        default:
            return std::nullopt;
        }
    }

    std::optional<Action> common(const std::optional<int>& k) {
        if (!k) {
            return std::nullopt;
        }
        if (*k == '\r' || *k == '\n') {
            return Action::next;
        }
        return command(*k);
    }

    // A key, with signals folded in: SIGINT is q, SIGTERM and SIGHUP hang up.
    std::optional<int> key(milliseconds timeout) {
        const auto k = m_raw.key(timeout);
        if (const int sig = take_signal(); sig != 0) {
            return sig == SIGINT ? k_ctrl_c : -1;
        }
        return k;
    }

    template <class Label>
    Action countdown(const Walk& walk, milliseconds length, Label&& label) {
        auto last = steady_clock::now();
        milliseconds elapsed{0};
        bool paused = false;
        bool was_pressing = true;
        for (;;) {
            const auto now = steady_clock::now();
            if (!paused) {
                elapsed += duration_cast<milliseconds>(now - last);
            }
            last = now;
            if (elapsed >= length) {
                ring();
                return Action::next;
            }
            const auto h = hold_at(elapsed, m_options.pace);
            if (walk.step().kind == StepKind::point && was_pressing && !h.pressing) {
                ring(); // the end of each hold
            }
            was_pressing = h.pressing;
            draw(walk,
                 {label(elapsed), "", paused ? "Paused: p or Enter to carry on" : m_note, k_keys});
            const auto k = key(milliseconds{100});
            if (!k) {
                continue;
            }
            if (*k == 'p' || *k == 'P' || (paused && (*k == '\r' || *k == '\n'))) {
                paused = !paused;
                continue;
            }
            if (const auto a = common(k)) {
                return *a;
            }
        }
    }

    void ring() {
        if (m_options.bell) {
            out() << '\a' << std::flush;
        }
    }

    void draw(const Walk& walk, const ScreenParts& parts) {
        // Made smaller than the screen meanwhile: the lines would wrap and
        // scroll into a garbled screen; ask for room instead (keys still work).
        if (const auto size = terminal_size(STDOUT_FILENO);
            size && (size->cols < k_screen_cols || size->rows < k_screen_rows)) {
            const auto ask = fmt::format("Make the terminal at least {}x{} to see the guide (it "
                                         "is {}x{}); q stops.",
                                         k_screen_cols, k_screen_rows, size->cols, size->rows);
            std::string frame = "\033[H\033[2J";
            for (const auto& l : wrap(ask, static_cast<std::size_t>(size->cols))) {
                frame += l + "\r\n";
            }
            out() << frame << std::flush;
            m_cleared = false;
            return;
        }
        if (!m_cleared) {
            out() << "\033[2J";
            m_cleared = true;
        }
        const Style style(m_options.color);
        const auto lines = screen_lines(walk, parts);
        std::string frame = "\033[H";
        for (std::size_t i = 0; i < lines.size(); ++i) {
            std::string line = visible(lines[i]);
            // The header and the step's title line (the point's name on a point).
            const std::size_t title = walk.step().kind == StepKind::point ? 4 : 3;
            if (i == 0 || i == title) {
                line = style.bold(line);
            }
            frame += line + "\033[K" + (i + 1 < lines.size() ? "\r\n" : "");
        }
        out() << frame << std::flush;
    }

    Context& m_ctx;
    UiOptions m_options;
    RawMode m_raw;
    std::string m_note;
    bool m_closed = false;
    bool m_cleared = true; // false after the enlarge request, until cleared
};

} // namespace

std::unique_ptr<Ui> screen_ui(Context& ctx, const UiOptions& options) {
    return std::make_unique<ScreenUi>(ctx, options);
}

} // namespace rls::guide
