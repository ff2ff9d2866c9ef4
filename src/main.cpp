// rls entry point: wires the real clock, streams and environment into the
// command layer. Everything else lives in the rls_core library.
#include "cli/app.hpp"
#include "core/parse.hpp"
#include "core/time.hpp"
#include "version.hpp"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string_view>
#include <unistd.h>

int main(int argc, char** argv) {
    // `rls --version` needs no command tree: answer before building one.
    if (argc == 2 && std::string_view(argv[1]) == "--version") {
        std::fputs("rls ", stdout);
        std::fputs(rls::k_version, stdout);
        std::fputc('\n', stdout);
        return 0;
    }
    // RLS_NOW fixes "now" (UTC, YYYY-MM-DDTHH:MM:SSZ) for tests and for
    // reproducible scripts; documented in rls(1).
    rls::SystemClock system_clock;
    std::optional<rls::FixedClock> fixed_clock;
    if (const char* now = std::getenv("RLS_NOW"); now != nullptr && *now != '\0') {
        const auto t = rls::parse_instant_utc(now);
        if (!t) {
            std::cerr << "rls: RLS_NOW must be a UTC time YYYY-MM-DDTHH:MM:SSZ, got "
                      << rls::quote_value(now) << '\n';
            return 64;
        }
        fixed_clock.emplace(*t);
    }
    std::ios::sync_with_stdio(false);
    // A file size limit (ulimit -f) should be an I/O error SQLite can roll
    // back, not a signal that kills rls half-way through a write.
    std::signal(SIGXFSZ, SIG_IGN);
    rls::Environment env{
        [](const char* name) { return static_cast<const char*>(std::getenv(name)); },
        fixed_clock ? static_cast<const rls::Clock*>(&*fixed_clock) : &system_clock,
        &std::cin,
        &std::cout,
        &std::cerr,
        isatty(STDIN_FILENO) == 1,
        isatty(STDOUT_FILENO) == 1,
        isatty(STDERR_FILENO) == 1,
    };
    rls::Context ctx(std::move(env));
    const int code = rls::run_cli(argc, argv, ctx);
    std::cout.flush();
    if (!std::cout) {
        if (code == 0 && ctx.committed()) {
            // The change is stored: exit 0 so that a retrying script does
            // not store it again (rls(1), EXIT STATUS).
            std::cerr << "rls: the change was saved, but its confirmation could not be "
                         "written to standard output\n";
            return 0;
        }
        std::cerr << "rls: cannot write output\n";
        return code == 0 ? 74 : code;
    }
    return code;
}
