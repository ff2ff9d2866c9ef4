// The --weeks/--from/--to options that choose a window of nights, shared by
// rls list and rls report: the same parsing, exclusion and cap for both.
#pragma once

#include "core/time.hpp"

#include <CLI/App.hpp>
#include <string>

namespace rls {

struct WindowOptions {
    std::string weeks;
    std::string from;
    std::string to;
    CLI::Option* weeks_opt = nullptr;
    CLI::Option* from_opt = nullptr;
    CLI::Option* to_opt = nullptr;
};

// `default_weeks` and `to_default` only word the help.
void add_window_options(CLI::App& cmd, WindowOptions& o, int default_weeks,
                        const std::string& weeks_end, const std::string& to_default);

struct Window {
    Date from{};
    Date to{};
};

// The window the options choose: --to (default `default_to`), and --from or
// --weeks back from it (default `default_weeks`). --weeks and --from exclude
// each other; the window is at most k_window_weeks_range.hi weeks long, so a
// typo like --to 9999-12-31 is refused instead of walking 8,000 years.
[[nodiscard]] Window resolve_window(const WindowOptions& o, const TimeContext& t, Date default_to,
                                    int default_weeks);

} // namespace rls
