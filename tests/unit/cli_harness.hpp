// Runs whole rls commands in-process: run_cli with a fixed clock, a fixed
// zone, string streams and a temporary database, so command-layer tests take
// milliseconds and need no real process.
#pragma once

#include "cli/app.hpp"
#include "cli/context.hpp"
#include "test_support.hpp"

#include <initializer_list>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace rls::test {

struct CliResult {
    int code = 0;
    std::string out;
    std::string err;
    // stderr with each message's continuation lines (wrapped to 80 columns,
    // two spaces in) joined back into one line.
    [[nodiscard]] std::string message() const {
        std::string joined = err;
        for (auto at = joined.find("\n  "); at != std::string::npos; at = joined.find("\n  ", at)) {
            joined.replace(at, 3, " ");
        }
        return joined;
    }
};

class Cli {
public:
    // Wednesday 2026-11-25 08:30 in Berlin, as in the end-to-end tests.
    explicit Cli(const char* now = "2026-11-25T07:30:00Z", std::string tz = "Europe/Berlin")
        : m_clock(utc(now)), m_db(m_dir.path() / "data" / "rls.db") {
        m_env["TZ"] = std::move(tz);
        m_env["HOME"] = m_dir.path().string();
        m_env["RLS_DB"] = m_db.string();
    }

    CliResult run(const std::vector<std::string>& args, const std::string& input = "") {
        std::istringstream in(input);
        std::ostringstream out;
        std::ostringstream err;
        Environment env{[this](const char* name) -> const char* {
                            if (m_failing_env == name) {
                                throw std::logic_error("a fault planted by the test");
                            }
                            const auto it = m_env.find(name);
                            return it == m_env.end() ? nullptr : it->second.c_str();
                        },
                        &m_clock,
                        &in,
                        &out,
                        &err,
                        false,
                        false,
                        false};
        Context ctx(std::move(env));
        std::vector<const char*> argv{"rls"};
        for (const auto& a : args) {
            argv.push_back(a.c_str());
        }
        const int code = run_cli(static_cast<int>(argv.size()), argv.data(), ctx);
        return {code, out.str(), err.str()};
    }

    // Runs a command that must succeed; its stdout.
    std::string ok(const std::vector<std::string>& args) {
        const auto r = run(args);
        if (r.code != 0) {
            throw std::runtime_error("rls " + (args.empty() ? "" : args[0]) + " failed: " + r.err);
        }
        return r.out;
    }

    void set_env(const std::string& name, const std::string& value) { m_env[name] = value; }
    // Reading `name` from the environment throws a plain std::logic_error: a
    // fault that is not the database's.
    void fail_on_env(const std::string& name) { m_failing_env = name; }
    void set_now(const char* now) { m_clock = FixedClock(utc(now)); }
    [[nodiscard]] const std::filesystem::path& db() const { return m_db; }
    [[nodiscard]] const std::filesystem::path& dir() const { return m_dir.path(); }
    [[nodiscard]] std::string db_bytes() const { return read_bytes(m_db); }

private:
    TempDir m_dir;
    FixedClock m_clock;
    std::filesystem::path m_db;
    std::map<std::string, std::string> m_env;
    std::string m_failing_env;
};

} // namespace rls::test
