// What every command needs from the outside world, passed in so that tests
// can run the whole command layer in-process with a fixed clock, a fixed zone,
// string streams and a temporary database.
#pragma once

#include "core/time.hpp"

#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

// Declared, not included, so that main.cpp and whoever builds a Context do
// not compile SQLiteCpp; the files that use db() include it.
namespace SQLite {
class Database;
} // namespace SQLite

namespace rls {

struct Environment {
    std::function<const char*(const char*)> getenv;
    const Clock* clock = nullptr;
    std::istream* in = nullptr;
    std::ostream* out = nullptr;
    std::ostream* err = nullptr;
    bool stdin_is_terminal = false;
    bool stdout_is_terminal = false;
    bool stderr_is_terminal = false;
};

class Context {
public:
    explicit Context(Environment env);
    // Out of line: m_db's type is only declared here.
    ~Context();
    Context(const Context&) = delete;
    Context& operator=(const Context&) = delete;

    // Global options, bound by the app.
    std::optional<std::string> db_option;
    std::string color = "auto";
    bool no_input = false;
    bool quiet = false;

    // A command that succeeds but has something to signal (rls remind
    // --exit-code) sets this; run_cli returns it.
    int exit_status = 0;

    [[nodiscard]] std::ostream& out() const { return *m_env.out; }
    [[nodiscard]] std::ostream& err() const { return *m_env.err; }
    [[nodiscard]] std::istream& in() const { return *m_env.in; }
    [[nodiscard]] const char* getenv(const char* name) const { return m_env.getenv(name); }

    // The database, opened and migrated on first use.
    SQLite::Database& db();
    [[nodiscard]] std::string db_path() const;
    // Whether this command has committed a change to the database. Once it
    // has, failing to print the confirmation must not look like failure:
    // a script that retries would store the change twice.
    [[nodiscard]] bool committed() const { return m_committed; }
    // After a failed command: a database file this run created and stored
    // nothing in is removed, so that a failure leaves nothing behind.
    void discard_new_database();

    // Now, the user's zone and the night cut-off (a setting in the database).
    const TimeContext& time();

    // Whether questions may be asked: stdin and stderr are terminals and
    // --no-input was not given.
    [[nodiscard]] bool interactive() const;
    [[nodiscard]] bool color_enabled() const;
    [[nodiscard]] bool stdin_is_terminal() const { return m_env.stdin_is_terminal; }
    [[nodiscard]] bool stdout_is_terminal() const { return m_env.stdout_is_terminal; }
    // Colour allowed at all (NO_COLOR, --color), whatever stdout is.
    [[nodiscard]] bool color_allowed() const;

    // A confirmation for a person ("Logged session 12 ..."): stdout, unless --quiet.
    void say(const std::string& text) const;

    // An error or warning on stderr: "rls: " and `text` on one line,
    // control characters shown, fitted into 80 columns (fit_message).
    void warn(std::string_view text) const;

    // Prints one line to stderr and reads the answer; nullopt at end of input.
    std::optional<std::string> ask(const std::string& prompt);
    // A 0-10 rating, asked again until valid; nullopt when Enter skips it.
    // End of input cancels: Error(declined), nothing saved.
    std::optional<int> ask_rating(const std::string& prompt, std::string_view field);
    // A yes/no question; false on anything but y/yes.
    bool confirm(const std::string& question);

private:
    Environment m_env;
    std::unique_ptr<SQLite::Database> m_db;
    std::optional<TimeContext> m_time;
    bool m_committed = false;
    bool m_created_db = false;
};

} // namespace rls
