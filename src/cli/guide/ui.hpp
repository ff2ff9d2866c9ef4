// The two faces of rls guide: a full screen with timers on a terminal, and
// plain prompts otherwise. The command's loop (cmd_guide.cpp) drives either.
#pragma once

#include "core/guide.hpp"

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace rls {

class Context;

namespace guide {

enum class Action { next, back, skip, quit, hangup };

struct Answer {
    Action action = Action::next;
    std::optional<int> number; // number questions; yes/no: 1 or 0
    std::string text;          // line questions
};

enum class QuitChoice { save, discard, resume };

struct UiOptions {
    double pace = 1.0;
    bool timer = true;
    bool bell = true;
    bool color = true;
};

class Ui {
public:
    virtual ~Ui() = default;
    // A step to read and carry out: Enter goes on.
    virtual Action show(const Walk& walk) = 0;
    // A point's press/rest holds (or just its instructions).
    virtual Action hold(const Walk& walk) = 0;
    // A timed rest.
    virtual Action rest(const Walk& walk) = 0;
    // 0-10; Enter alone answers "no answer" (number empty).
    virtual Answer number(const Walk& walk, const std::string& question) = 0;
    virtual Answer line(const Walk& walk, const std::string& question) = 0;
    virtual Answer yes_no(const Walk& walk, const std::string& question) = 0;
    virtual QuitChoice confirm_quit(const Walk& walk) = 0;
    // A problem with the last answer, shown until the next one.
    virtual void message(const std::string& text) = 0;
    // Leaves the screen before the summary is printed.
    virtual void close() = 0;
};

[[nodiscard]] std::unique_ptr<Ui> screen_ui(Context& ctx, const UiOptions& options);
[[nodiscard]] std::unique_ptr<Ui> line_ui(Context& ctx);

// The full screen's size: smaller terminals get plain questions (and a
// terminal made smaller meanwhile a request to enlarge it), never a
// garbled screen.
inline constexpr int k_screen_cols = 80;
inline constexpr int k_screen_rows = 24;

// The full screen for a step, at most 24 lines of at most 80 columns.
struct ScreenParts {
    std::string timer;  // e.g. "PRESS  2 of 3   ######....   6 s"
    std::string prompt; // the question and what has been typed
    std::string note;   // a message, "Paused", ...
    std::string keys;   // the key help line
};
[[nodiscard]] std::vector<std::string> screen_lines(const Walk& walk, const ScreenParts& parts);

} // namespace guide
} // namespace rls
