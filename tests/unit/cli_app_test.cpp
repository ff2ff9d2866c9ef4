// The command table from which run_cli builds only the named command's
// subtree: each registrar adds exactly the words listed for it, so that no
// command is missing from the tree it is parsed in.
#include "cli/app.hpp"
#include "cli/context.hpp"
#include "cli_harness.hpp"

#include <CLI/App.hpp>
#include <doctest/doctest.h>
#include <map>
#include <set>
#include <sstream>
#include <string>

using namespace rls;

namespace {

// The words `add` puts under an empty root.
std::set<std::string> words_added(Registrar add) {
    FixedClock clock(test::utc("2026-11-25T07:30:00Z"));
    std::istringstream in;
    std::ostringstream out;
    Context ctx(Environment{[](const char*) -> const char* { return nullptr; }, &clock, &in, &out,
                            &out, false, false, false});
    CLI::App app;
    Action action;
    add(app, ctx, action);
    std::set<std::string> words;
    for (const auto* sub : app.get_subcommands({})) {
        words.insert(sub->get_name());
    }
    return words;
}

} // namespace

TEST_SUITE("cli.app") {
    TEST_CASE("every registrar adds exactly the command words the table lists for it") {
        std::map<Registrar, std::set<std::string>> listed;
        for (const auto& command : command_table()) {
            CHECK(listed[command.add].insert(command.word).second); // each word once
        }
        for (const auto& [add, words] : listed) {
            CHECK(words_added(add) == words);
        }
    }

    TEST_CASE("a command parsed in its own subtree behaves as in the whole tree") {
        test::Cli cli;
        // Help of one command, and a sibling command's word as a stray argument:
        // the error is the whole tree's.
        const auto help = cli.run({"log", "--help"});
        CHECK(help.code == 0);
        CHECK(help.out.find("Usage: rls log") != std::string::npos);
        const auto stray = cli.run({"log", "list"});
        CHECK(stray.code == 64);
        CHECK(stray.err.rfind("rls: ", 0) == 0);
        // Help before the command word is still the command's; the root's
        // lists every command.
        CHECK(cli.run({"--no-input", "-qh", "log"}).out.find("Usage: rls log") !=
              std::string::npos);
        CHECK(cli.run({"--help"}).out.find("remind") != std::string::npos);
        // Global options and their values before the command word.
        CHECK(cli.run({"--color", "never", "-q", "points"}).out.find("left.heart") !=
              std::string::npos);
    }
}
