// The root command, global options and the single place errors become exit codes.
#include "cli/app.hpp"

#include "core/error.hpp"
#include "store/database.hpp"
#include "version.hpp"

#include <CLI/CLI.hpp>
#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>
#include <ostream>

namespace rls {

namespace {

void build(CLI::App& app, Context& ctx, Action& action) {
    app.description("rls - log evening reflexology foot massages for restless legs, rate the "
                    "night that follows, and see which routines preceded better nights.");
    app.footer("Run 'rls COMMAND --help' for a command's options; 'man rls' for the manual.");
    app.set_version_flag("--version", fmt::format("rls {}", k_version),
                         "Print the version and exit");
    app.fallthrough();
    app.require_subcommand(1);
    app.add_option("--db", ctx.db_option,
                   "Database file (default $XDG_DATA_HOME/rls/rls.db; env RLS_DB)")
        ->type_name("PATH");
    app.add_option("--color", ctx.color,
                   "Colour output: auto, always or never (NO_COLOR is honoured)")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->type_name("WHEN");
    app.add_flag("--no-input", ctx.no_input,
                 "Never ask questions; fail instead if something is missing");
    app.add_flag("-q,--quiet", ctx.quiet, "No confirmations: only data and errors are printed");

    register_log(app, ctx, action);
    register_guide(app, ctx, action);
    register_rate(app, ctx, action);
    register_list(app, ctx, action);
    register_report(app, ctx, action);
    register_show(app, ctx, action);
    register_edit(app, ctx, action);
    register_delete(app, ctx, action);
    register_catalog(app, ctx, action);
    register_config(app, ctx, action);
    register_demo(app, ctx, action);
    register_remind(app, ctx, action);
    register_transfer(app, ctx, action);
    register_backup(app, ctx, action);
    register_spec(app, ctx, action);
    register_complete(app, ctx, action);
}

std::string one_line(std::string s) {
    for (auto& c : s) {
        if (c == '\n' || c == '\r') {
            c = ' ';
        }
    }
    return s;
}

// CLI11 reports "rls frobnicate" as a missing subcommand; name the word instead.
std::string parse_error_message(const CLI::App& app, const CLI::ParseError& e, int argc,
                                const char* const* argv) {
    if (app.get_subcommands().empty()) {
        std::string names;
        for (const auto* sub : app.get_subcommands({})) {
            if (!sub->get_group().empty()) {
                names += (names.empty() ? "" : ", ") + sub->get_name();
            }
        }
        for (int i = 1; i < argc; ++i) {
            const std::string_view word{argv[i]};
            if (word == "--db" || word == "--color") {
                ++i;
            } else if (!word.starts_with("-")) {
                return fmt::format("'{}' is not an rls command; commands: {}", word, names);
            }
        }
        if (dynamic_cast<const CLI::RequiredError*>(&e) != nullptr) {
            return fmt::format("a command is needed: {}", names);
        }
    }
    return one_line(e.what());
}

} // namespace

int run_cli(int argc, const char* const* argv, Context& ctx) {
    try {
        CLI::App app{"", "rls"};
        Action action;
        build(app, ctx, action);
        try {
            app.parse(argc, argv);
        } catch (const CLI::Success& e) { // --help, --version
            return app.exit(e, ctx.out(), ctx.err());
        } catch (const CLI::ParseError& e) {
            ctx.err() << "rls: " << parse_error_message(app, e, argc, argv)
                      << " (see rls --help)\n";
            return static_cast<int>(Exit::usage);
        }
        if (action) {
            action();
        }
        return ctx.exit_status;
    } catch (const Error& e) {
        ctx.err() << "rls: " << one_line(e.what()) << '\n';
        return static_cast<int>(e.code());
    } catch (const SQLite::Exception& e) {
        try {
            rethrow_sqlite(e, "database error");
        } catch (const Error& mapped) {
            ctx.err() << "rls: " << one_line(mapped.what()) << '\n';
            return static_cast<int>(mapped.code());
        }
    } catch (const std::bad_alloc&) {
        ctx.err() << "rls: out of memory\n";
    } catch (const std::exception& e) {
        // Not the database's fault: say so, rather than send the user to rls check.
        ctx.err() << "rls: internal error (a bug in rls; please report it): " << one_line(e.what())
                  << '\n';
    }
    return static_cast<int>(Exit::software);
}

} // namespace rls
