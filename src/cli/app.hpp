// The command tree. Each command lives in its own file and exports one
// registration function; run_cli parses, runs the chosen command and maps
// every error to the documented exit codes in one place.
#pragma once

#include "cli/context.hpp"

#include <functional>
#include <vector>

// Declared, not included: main.cpp and the tests reach run_cli without
// compiling CLI11; the command files include <CLI/App.hpp> themselves.
namespace CLI {
class App;
} // namespace CLI

namespace rls {

// A command's work, chosen during parsing and run after it succeeds.
using Action = std::function<void()>;

void register_log(CLI::App& app, Context& ctx, Action& action);
void register_edit(CLI::App& app, Context& ctx, Action& action);
void register_rate(CLI::App& app, Context& ctx, Action& action);
void register_list(CLI::App& app, Context& ctx, Action& action);
void register_show(CLI::App& app, Context& ctx, Action& action);
void register_delete(CLI::App& app, Context& ctx, Action& action);
void register_catalog(CLI::App& app, Context& ctx, Action& action);
void register_config(CLI::App& app, Context& ctx, Action& action);
void register_demo(CLI::App& app, Context& ctx, Action& action);
void register_report(CLI::App& app, Context& ctx, Action& action);
void register_transfer(CLI::App& app, Context& ctx, Action& action);
void register_backup(CLI::App& app, Context& ctx, Action& action);
void register_guide(CLI::App& app, Context& ctx, Action& action);
void register_trial(CLI::App& app, Context& ctx, Action& action);
void register_remind(CLI::App& app, Context& ctx, Action& action);
void register_spec(CLI::App& app, Context& ctx, Action& action);
void register_complete(CLI::App& app, Context& ctx, Action& action);
void register_irls(CLI::App& app, Context& ctx, Action& action);
void register_night(CLI::App& app, Context& ctx, Action& action);
void register_meds(CLI::App& app, Context& ctx, Action& action);
void register_lab(CLI::App& app, Context& ctx, Action& action);

// Each command word and the function that registers it. run_cli builds
// only the subtree of the command named on the command line (building all
// of them is measurable at every start); help, errors and unknown words get
// the whole tree. A new register_* function is called only once it is
// listed here (tests/e2e/test_docs.py finds a command missing from __spec).
using Registrar = void (*)(CLI::App& app, Context& ctx, Action& action);
struct CommandEntry {
    const char* word;
    Registrar add;
};
[[nodiscard]] const std::vector<CommandEntry>& command_table();

// Runs rls with argv; returns the exit code. Never throws.
int run_cli(int argc, const char* const* argv, Context& ctx);

} // namespace rls
