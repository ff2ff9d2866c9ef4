// rls guide without a full screen: each step as text and a prompt on
// stderr, answers one line each from stdin (a pipe works too). No timers.
#include "cli/context.hpp"
#include "cli/guide/ui.hpp"
#include "cli/terminal.hpp"
#include "core/terminal_text.hpp"

#include <algorithm>
#include <cctype>
#include <csignal>
#include <fmt/format.h>
#include <istream>
#include <ostream>
#include <unistd.h>

namespace rls::guide {

namespace {

class LineUi final : public Ui {
public:
    explicit LineUi(Context& ctx) : m_ctx(ctx) {}

    Action show(const Walk& walk) override {
        header(walk);
        const auto reply = read("[Enter] go on, b back, q quit: ");
        return reply.action != Action::next ? reply.action : word_action(reply.text);
    }

    Action hold(const Walk& walk) override {
        header(walk);
        return Action::next;
    }

    Action rest(const Walk& walk) override { return show(walk); }

    Answer number(const Walk& walk, const std::string& question) override {
        header(walk);
        for (;;) {
            auto reply = read(question + " (Enter skips; s skip, b back, q quit): ");
            if (reply.action != Action::next) {
                return reply;
            }
            const std::string t = trimmed(reply.text);
            if (t.empty()) {
                return {Action::next, std::nullopt, ""};
            }
            if (t.size() <= 2 && std::all_of(t.begin(), t.end(), ::isdigit) && std::stoi(t) <= 10) {
                return {Action::next, std::stoi(t), ""};
            }
            if (const auto a = word_action(t); a != Action::next) {
                return {a, std::nullopt, ""};
            }
            err() << "  Type a whole number from 0 to 10, or press Enter to skip.\n";
        }
    }

    Answer line(const Walk& walk, const std::string& question) override {
        header(walk);
        auto reply = read(question + " ");
        if (reply.action == Action::next) {
            const auto t = trimmed(reply.text);
            if (t == "b" || t == "q") {
                return {word_action(t), std::nullopt, ""};
            }
            reply.text = t;
        }
        return reply;
    }

    Answer yes_no(const Walk& walk, const std::string& question) override {
        header(walk);
        auto reply = read(question + " [y/N] ");
        if (reply.action != Action::next) {
            return reply;
        }
        const auto t = trimmed(reply.text);
        if (t == "b" || t == "q") {
            return {word_action(t), std::nullopt, ""};
        }
        return {Action::next, (t == "y" || t == "yes") ? 1 : 0, ""};
    }

    QuitChoice confirm_quit(const Walk&) override {
        const auto reply = read("Stop here. Save what you have done so far as a partial session? "
                                "[Y/n, c to carry on] ");
        if (reply.action != Action::next) {
            return QuitChoice::save; // no answer can come: keep what was done
        }
        const auto t = trimmed(reply.text);
        if (t == "n" || t == "no") {
            return QuitChoice::discard;
        }
        if (t == "c") {
            m_shown = static_cast<std::size_t>(-1);
            return QuitChoice::resume;
        }
        return QuitChoice::save;
    }

    void message(const std::string& text) override { err() << "  " << visible(text) << '\n'; }
    void close() override {}

private:
    std::ostream& err() { return m_ctx.err(); }

    static std::string trimmed(const std::string& s) {
        const auto a = s.find_first_not_of(" \t\r");
        if (a == std::string::npos) {
            return {};
        }
        std::string t = s.substr(a, s.find_last_not_of(" \t\r") - a + 1);
        std::transform(t.begin(), t.end(), t.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        return t;
    }

    static Action word_action(const std::string& t) {
        const auto w = trimmed(t);
        if (w == "b") {
            return Action::back;
        }
        if (w == "q") {
            return Action::quit;
        }
        if (w == "s") {
            return Action::skip;
        }
        return Action::next;
    }

    // Prints a step's title and text once, however often it asks.
    void header(const Walk& walk) {
        const auto id = walk.position() * 100 + static_cast<std::size_t>(walk.step().rotation);
        if (id == m_shown) {
            return;
        }
        m_shown = id;
        const auto& s = walk.step();
        err() << '\n';
        if (s.kind == StepKind::point) {
            err() << fmt::format("[{}/{}] Point {} of {}, {} foot: {} ({})\n", walk.position() + 1,
                                 walk.total(), s.point_number, s.point_count, visible(s.foot),
                                 visible(s.title), visible(s.point));
        } else {
            err() << fmt::format("[{}/{}] {}\n", walk.position() + 1, walk.total(),
                                 visible(s.title));
        }
        for (const auto& l : wrap(visible_lines(s.text), width())) {
            err() << l << '\n';
        }
    }

    // 78 columns, or fewer to fit a narrow terminal rather than be wrapped by it.
    static std::size_t width() {
        std::size_t w = 78;
        if (const auto size = terminal_size(STDERR_FILENO); size && size->cols > 20) {
            w = std::min<std::size_t>(w, static_cast<std::size_t>(size->cols) - 2);
        }
        return w;
    }

    Answer read(const std::string& prompt) {
        // Wrapped with room left on its last line for the answer typed after it.
        const auto shown = visible_lines(prompt);
        const auto lines = wrap(shown.substr(0, shown.find_last_not_of(' ') + 1), width() - 6);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            err() << lines[i] << (i + 1 < lines.size() ? "\n" : " ");
        }
        err() << std::flush;
        std::string text;
        if (std::getline(m_ctx.in(), text)) {
            return {Action::next, std::nullopt, text};
        }
        err() << '\n';
        if (take_signal() == SIGINT) {
            m_ctx.in().clear();
            return {Action::quit, std::nullopt, ""};
        }
        return {Action::hangup, std::nullopt, ""}; // end of input, or the terminal went away
    }

    Context& m_ctx;
    std::size_t m_shown = static_cast<std::size_t>(-1);
};

} // namespace

std::unique_ptr<Ui> line_ui(Context& ctx) {
    return std::make_unique<LineUi>(ctx);
}

} // namespace rls::guide
