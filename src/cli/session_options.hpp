// The flags `rls log` and `rls edit` share, and how they become a SessionInput.
#pragma once

#include "cli/context.hpp"
#include "core/model.hpp"

#include <CLI/App.hpp>
#include <string>
#include <vector>

namespace rls {

struct SessionOptions {
    std::string at;
    std::string routine;
    std::string rounds;
    std::string duration;
    std::string before;
    std::string after;
    std::string note;
    std::vector<std::string> points;
    std::vector<std::string> oils;
    std::vector<std::string> tags;
    bool json = false;

    // Which of the single-valued options were given.
    CLI::Option* at_opt = nullptr;
    CLI::Option* routine_opt = nullptr;
    CLI::Option* rounds_opt = nullptr;
    CLI::Option* duration_opt = nullptr;
    CLI::Option* before_opt = nullptr;
    CLI::Option* after_opt = nullptr;
    CLI::Option* note_opt = nullptr;
};

void add_session_options(CLI::App& cmd, SessionOptions& o);

// Applies the given options onto `input` (a fresh one for log, the stored
// session for edit). Validates everything before anything is written.
void apply_session_options(Context& ctx, const SessionOptions& o, SessionInput& input);

// Resolves what a user typed for points/oils against the catalog.
[[nodiscard]] std::vector<SessionPoint>
resolve_points(Context& ctx, const std::vector<std::string>& specs, std::string_view field);
[[nodiscard]] std::vector<SessionOil>
resolve_oils(Context& ctx, const std::vector<std::string>& specs, std::string_view field);

// The routine a user named, among those offered for new sessions. A removed
// one gets an error that says how to bring it back.
[[nodiscard]] std::string resolve_routine(Context& ctx, const std::string& typed,
                                          std::string_view field);

// Sets the time-derived fields (zone, offset, night) for a start instant.
void set_start(Context& ctx, SessionInput& input, Instant started);

} // namespace rls
