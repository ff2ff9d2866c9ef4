// The root command, global options and the single place errors become exit codes.
#include "cli/app.hpp"

#include "core/error.hpp"
#include "core/terminal_text.hpp"
#include "store/database.hpp"
#include "version.hpp"

#include <CLI/CLI.hpp>
#include <SQLiteCpp/Exception.h>
#include <algorithm>
#include <fmt/format.h>
#include <memory>
#include <ostream>

namespace rls {

namespace {

// CLI11 2.1 does not wrap help text: every line past 80 columns is wrapped
// here, continuing under the description column of an option or command row,
// so that `--help` fits a terminal like everything else rls prints.
std::string fit_help(const std::string& text) {
    constexpr std::size_t k_columns = 80;
    std::string out;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        const bool newline = end != std::string::npos;
        end = newline ? end : text.size();
        const std::string line = text.substr(start, end - start);
        start = end + 1;
        if (display_width(line) <= k_columns) {
            out += line + (newline ? "\n" : "");
            continue;
        }
        std::size_t indent = std::min(line.find_first_not_of(' '), line.size());
        if (const auto gap = line.find("  ", indent); gap != std::string::npos) {
            const auto column = line.find_first_not_of(' ', gap);
            if (column != std::string::npos && column <= k_columns / 2) {
                indent = column;
            }
        }
        bool first = true;
        for (const auto& part : wrap(line.substr(indent), k_columns - indent)) {
            out += (first ? line.substr(0, indent) : std::string(indent, ' ')) + part + "\n";
            first = false;
        }
    }
    return out;
}

class HelpFormatter : public CLI::Formatter {
public:
    std::string make_help(const CLI::App* app, std::string name,
                          CLI::AppFormatMode mode) const override {
        return fit_help(CLI::Formatter::make_help(app, std::move(name), mode));
    }
};

// The root, its global options and the commands: all of them, or only those
// `only` registers.
void build(CLI::App& app, Context& ctx, Action& action, Registrar only) {
    // Set first: subcommands take their formatter from the app when added.
    app.formatter(std::make_shared<HelpFormatter>());
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

    // One registrar may add several words (points, oils, routines): add each once.
    Registrar last = nullptr;
    for (const auto& command : command_table()) {
        if ((only == nullptr || only == command.add) && command.add != last) {
            command.add(app, ctx, action);
            last = command.add;
        }
    }
}

// The registrar of the command argv names, when parsing needs no other:
// the first word that is not a global option or its value. Help before the
// command word (rls --help log) and unknown words need the whole tree.
Registrar named_command(int argc, const char* const* argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view word{argv[i]};
        if (word == "--db" || word == "--color") {
            ++i;
        } else if (word == "--help" || word == "--" ||
                   (word.starts_with("-") && !word.starts_with("--") &&
                    word.find('h') != std::string_view::npos)) {
            return nullptr; // -h, or -qh
        } else if (!word.starts_with("-")) {
            for (const auto& command : command_table()) {
                if (word == command.word) {
                    // __spec prints the whole tree.
                    return command.add == register_spec ? nullptr : command.add;
                }
            }
            return nullptr;
        }
    }
    return nullptr;
}

// The help that answers a parse error: "rls meds add --help" for one in
// rls meds add, "rls --help" before any command word.
std::string help_for(const CLI::App& app) {
    std::string words = "rls";
    const CLI::App* at = &app;
    for (auto parsed = at->get_subcommands(); !parsed.empty(); parsed = at->get_subcommands()) {
        at = parsed.front();
        words += " " + at->get_name();
    }
    return words + " --help";
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
    return e.what();
}

} // namespace

const std::vector<CommandEntry>& command_table() {
    // In the order of rls --help.
    // clang-format off
    static const std::vector<CommandEntry> table{
        {"log", register_log},
        {"guide", register_guide},
        {"rate", register_rate},
        {"tag", register_night},
        {"skip", register_night},
        {"irls", register_irls},
        {"took", register_meds},
        {"meds", register_meds},
        {"lab", register_lab},
        {"list", register_list},
        {"report", register_report},
        {"show", register_show},
        {"edit", register_edit},
        {"delete", register_delete},
        {"points", register_catalog},
        {"oils", register_catalog},
        {"routines", register_catalog},
        {"config", register_config},
        {"demo", register_demo},
        {"trial", register_trial},
        {"remind", register_remind},
        {"export", register_transfer},
        {"import", register_transfer},
        {"backup", register_backup},
        {"check", register_backup},
        {"__spec", register_spec},
        {"__complete", register_complete},
    };
    // clang-format on
    return table;
}

namespace {

int run_command(int argc, const char* const* argv, Context& ctx) {
    try {
        auto only = named_command(argc, argv);
        auto app = std::make_unique<CLI::App>("", "rls");
        Action action;
        build(*app, ctx, action, only);
        try {
            try {
                app->parse(argc, argv);
            } catch (const CLI::ParseError& e) {
                if (only == nullptr || dynamic_cast<const CLI::Success*>(&e) != nullptr) {
                    throw;
                }
                // Say exactly what the whole tree says (a sibling command's
                // word, for one): parse again with every command.
                only = nullptr;
                app = std::make_unique<CLI::App>("", "rls");
                action = nullptr;
                build(*app, ctx, action, only);
                app->parse(argc, argv);
            }
        } catch (const CLI::Success& e) { // --help, --version
            return app->exit(e, ctx.out(), ctx.err());
        } catch (const CLI::ParseError& e) {
            ctx.warn(fmt::format("{} (see {})", parse_error_message(*app, e, argc, argv),
                                 help_for(*app)));
            return static_cast<int>(Exit::usage);
        }
        if (action) {
            action();
        }
        return ctx.exit_status;
    } catch (const Error& e) {
        ctx.warn(e.what());
        return static_cast<int>(e.code());
    } catch (const SQLite::Exception& e) {
        try {
            rethrow_sqlite(e, "database error");
        } catch (const Error& mapped) {
            ctx.warn(mapped.what());
            return static_cast<int>(mapped.code());
        }
    } catch (const std::bad_alloc&) {
        ctx.warn("out of memory");
    } catch (const std::exception& e) {
        // Not the database's fault: say so, rather than send the user to rls check.
        ctx.warn(std::string("internal error (a bug in rls; please report it): ") + e.what());
    }
    return static_cast<int>(Exit::software);
}

} // namespace

int run_cli(int argc, const char* const* argv, Context& ctx) {
    const int code = run_command(argc, argv, ctx);
    if (code != 0 && ctx.exit_status == 0) {
        ctx.discard_new_database();
    }
    return code;
}

} // namespace rls
