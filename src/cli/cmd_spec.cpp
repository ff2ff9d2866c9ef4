// rls __spec (hidden): prints every command path and its options, one per
// line, so tests can check that the man page and completions cover the CLI.
#include "cli/app.hpp"

#include <CLI/CLI.hpp>
#include <ostream>

namespace rls {

namespace {

void walk(std::ostream& out, const CLI::App& cmd, const std::string& path) {
    for (const auto* opt : cmd.get_options()) {
        for (const auto& name : opt->get_lnames()) {
            out << path << "\t--" << name << '\n';
        }
        for (const auto& name : opt->get_snames()) {
            out << path << "\t-" << name << '\n';
        }
        if (opt->get_lnames().empty() && opt->get_snames().empty()) {
            out << path << "\t" << opt->get_name() << '\n';
        }
    }
    for (const auto* sub : cmd.get_subcommands({})) {
        if (sub->get_group().empty()) {
            continue; // hidden
        }
        const auto sub_path = path + " " + sub->get_name();
        out << sub_path << '\n';
        walk(out, *sub, sub_path);
    }
}

} // namespace

void register_spec(CLI::App& app, Context& ctx, Action& action) {
    auto* cmd = app.add_subcommand("__spec", "Print the command tree (for tests)");
    cmd->group("");
    cmd->callback(
        [&ctx, &action, &app] { action = [&ctx, &app] { walk(ctx.out(), app, "rls"); }; });
}

} // namespace rls
