// Lazy database opening, time context and terminal questions.
#include "cli/context.hpp"

#include "cli/terminal.hpp"
#include "core/error.hpp"
#include "core/parse.hpp"
#include "core/terminal_text.hpp"
#include "store/database.hpp"
#include "store/settings.hpp"

#include <SQLiteCpp/Database.h>
#include <algorithm>
#include <csignal>
#include <fmt/format.h>
#include <istream>
#include <ostream>
#include <unistd.h>

namespace rls {

namespace {

// 80 columns, or a terminal's width when it is narrower (but not absurdly so).
std::size_t line_width(int fd, bool is_terminal) {
    std::size_t width = 80;
    if (is_terminal) {
        if (const auto size = terminal_size(fd); size && size->cols >= 40) {
            width = std::min<std::size_t>(width, static_cast<std::size_t>(size->cols));
        }
    }
    return width;
}

} // namespace

Context::Context(Environment env) : m_env(std::move(env)) {}

Context::~Context() = default;

std::string Context::db_path() const {
    return locate_database(db_option, getenv("RLS_DB"), getenv("XDG_DATA_HOME"), getenv("HOME"))
        .path.string();
}

SQLite::Database& Context::db() {
    if (!m_db) {
        m_db = open_database(db_path(), &m_created_db);
        // From the first commit on, a closed pipe must give EPIPE (so that
        // rls can say the change was saved) rather than kill rls silently.
        on_commit(
            *m_db,
            [](void* self) {
                static_cast<Context*>(self)->m_committed = true;
                std::signal(SIGPIPE, SIG_IGN);
                return 0;
            },
            this);
    }
    return *m_db;
}

void Context::discard_new_database() {
    if (m_created_db && !m_committed) {
        m_created_db = false;
        rls::discard_new_database(std::move(m_db), db_path());
    }
}

const TimeContext& Context::time() {
    if (!m_time) {
        const Instant now = m_env.clock->now();
        // One range everywhere: a clock before the earliest night would file
        // entries that rls's own import refuses.
        if (now < date::sys_days{k_earliest_night}) {
            throw usage_error(fmt::format("the clock reads {}, before {}; set the system clock "
                                          "(or RLS_NOW) to the present",
                                          format_instant_utc(now), format_date(k_earliest_night)));
        }
        m_time = TimeContext{now, user_zone(getenv("TZ")), stored_cutoff(db())};
    }
    return *m_time;
}

bool Context::interactive() const {
    return !no_input && m_env.stdin_is_terminal && m_env.stderr_is_terminal;
}

bool Context::color_allowed() const {
    if (color != "auto") {
        return color == "always";
    }
    const char* no_color = getenv("NO_COLOR");
    const char* term = getenv("TERM");
    return (no_color == nullptr || *no_color == '\0') &&
           !(term != nullptr && std::string_view(term) == "dumb");
}

bool Context::color_enabled() const {
    if (color == "always") {
        return true;
    }
    if (color == "never") {
        return false;
    }
    const char* no_color = getenv("NO_COLOR");
    const char* term = getenv("TERM");
    return m_env.stdout_is_terminal && (no_color == nullptr || *no_color == '\0') &&
           !(term != nullptr && std::string_view(term) == "dumb");
}

void Context::say(const std::string& text) const {
    if (!quiet) {
        // Confirmations name files and catalog entries: wrapped to 80
        // columns (or a narrower terminal's width) at spaces, continued two
        // spaces in.
        const std::size_t width = line_width(STDOUT_FILENO, m_env.stdout_is_terminal) - 2;
        std::size_t start = 0;
        while (start < text.size()) {
            auto end = text.find('\n', start);
            const bool newline = end != std::string::npos;
            end = newline ? end : text.size();
            // A line's own indentation (a list of changes) is kept.
            const auto line_text = visible(text.substr(start, end - start));
            const auto indent = std::min(line_text.find_first_not_of(' '), line_text.size());
            const std::string lead(indent, ' ');
            bool first = true;
            for (const auto& line :
                 wrap(line_text.substr(indent), width - std::min(width - 20, indent), false)) {
                out() << (first ? lead : "\n  " + lead) << line;
                first = false;
            }
            out() << (newline ? "\n" : "");
            start = end + 1;
        }
    }
}

void Context::warn(std::string_view text) const {
    // What is echoed (file names, TZ, values) may hold line breaks.
    std::string flat(text);
    std::replace(flat.begin(), flat.end(), '\n', ' ');
    std::replace(flat.begin(), flat.end(), '\r', ' ');
    for (const auto& line : fit_message("rls: " + visible(flat),
                                        line_width(STDERR_FILENO, m_env.stderr_is_terminal))) {
        err() << line << '\n';
    }
    err() << std::flush;
}

std::optional<std::string> Context::ask(const std::string& prompt) {
    std::string line;
    bool answered = false;
    {
        // Ctrl-C at a question cancels with a word and a documented code
        // (130), rather than the bare death by signal it was. Installed
        // before the prompt shows, so a quick Ctrl-C is caught too.
        SignalGuard signals;
        err() << visible_lines(prompt) << std::flush;
        const bool buffered = in().rdbuf() != nullptr && in().rdbuf()->in_avail() > 0;
        if (buffered || !m_env.stdin_is_terminal || wait_for_input(STDIN_FILENO)) {
            answered = static_cast<bool>(std::getline(in(), line));
        }
    }
    if (take_signal() != 0) {
        err() << '\n';
        throw Error(Exit::interrupted, "interrupted; nothing was saved");
    }
    if (!answered) {
        err() << '\n';
        return std::nullopt;
    }
    if (!line.empty() && line.back() == '\r') {
        line.pop_back();
    }
    return line;
}

std::optional<int> Context::ask_rating(const std::string& prompt, std::string_view field) {
    for (;;) {
        const auto answer = ask(prompt);
        if (!answer) {
            throw Error(Exit::declined, "cancelled; nothing was saved");
        }
        if (answer->find_first_not_of(" \t") == std::string::npos) {
            return std::nullopt;
        }
        try {
            return parse_rating(*answer, field);
        } catch (const Error& e) {
            err() << "  " << visible(e.what()) << '\n';
        }
    }
}

bool Context::confirm(const std::string& question) {
    const auto answer = ask(question + " [y/N] ");
    if (!answer) {
        return false;
    }
    std::string a = *answer;
    std::transform(a.begin(), a.end(), a.begin(), [](unsigned char c) { return std::tolower(c); });
    return a == "y" || a == "yes";
}

} // namespace rls
