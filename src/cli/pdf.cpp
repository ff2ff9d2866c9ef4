// Headless Chromium as a PDF printer. The flags keep it off the network (no
// background requests, no component updates, no name resolution) and out of
// the user's browser profile; the page itself refers to nothing outside it.
#include "cli/pdf.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <iterator>
#include <pthread.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char** environ; // NOLINT: POSIX

namespace rls {

namespace fs = std::filesystem;

namespace {

constexpr auto k_timeout = std::chrono::seconds(60);

// A private directory for the page, the PDF and the browser profile, removed
// whatever happens.
class TempDir {
public:
    explicit TempDir(const char* tmpdir_env) {
        std::string base = tmpdir_env != nullptr && *tmpdir_env != '\0' ? tmpdir_env : "/tmp";
        std::string name = base + "/rls-pdf-XXXXXX";
        if (::mkdtemp(name.data()) == nullptr) { // mode 0700
            throw Error(Exit::cant_create, fmt::format("cannot create a temporary directory in "
                                                       "{}: {}",
                                                       base, std::strerror(errno)));
        }
        m_path = name;
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(m_path, ec);
    }
    [[nodiscard]] const fs::path& path() const { return m_path; }

private:
    fs::path m_path;
};

// Ctrl-C, SIGTERM and SIGHUP held while the browser runs: the page in the
// temporary directory is health data and must not outlive an interrupted
// run. run() waits for them and ends the browser; print_pdf() removes the
// directory and then dies of the signal as it would have.
class HeldSignals {
public:
    HeldSignals() {
        sigemptyset(&m_set);
        for (const int sig : {SIGINT, SIGTERM, SIGHUP}) {
            sigaddset(&m_set, sig);
        }
        ::pthread_sigmask(SIG_BLOCK, &m_set, &m_old);
    }
    HeldSignals(const HeldSignals&) = delete;
    HeldSignals& operator=(const HeldSignals&) = delete;
    ~HeldSignals() { ::pthread_sigmask(SIG_SETMASK, &m_old, nullptr); }
    [[nodiscard]] const sigset_t& held() const { return m_set; }
    [[nodiscard]] const sigset_t& before() const { return m_old; }

private:
    sigset_t m_set{};
    sigset_t m_old{};
};

void write_private(const fs::path& path, const std::string& content) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        throw Error(Exit::io,
                    fmt::format("cannot write {}: {}", path.string(), std::strerror(errno)));
    }
    std::size_t done = 0;
    while (done < content.size()) {
        const auto n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            const int err = errno;
            ::close(fd);
            throw Error(Exit::io,
                        fmt::format("cannot write {}: {}", path.string(), std::strerror(err)));
        }
        done += static_cast<std::size_t>(n);
    }
    ::close(fd);
}

struct Outcome {
    int status = 0;
    int signal = 0; // a held signal that arrived: the browser was ended
};

// Runs argv with its output to `log`, in its own process group so that a
// timeout or a signal ends the browser and every helper process it started.
Outcome run(const std::vector<std::string>& args, const fs::path& log, const HeldSignals& held) {
    std::vector<char*> argv;
    for (const auto& a : args) {
        argv.push_back(const_cast<char*>(a.c_str())); // NOLINT: posix_spawn's signature
    }
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    posix_spawnattr_setpgroup(&attr, 0);
    // The browser gets the signal mask and dispositions rls had before.
    posix_spawnattr_setsigmask(&attr, &held.before());
    posix_spawnattr_setsigdefault(&attr, &held.held());
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK |
                                        POSIX_SPAWN_SETSIGDEF);
    pid_t pid = 0;
    const int err = ::posix_spawn(&pid, argv[0], &actions, &attr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    if (err != 0) {
        throw Error(Exit::unavailable,
                    fmt::format("cannot run {}: {}", args[0], std::strerror(err)));
    }
    const auto deadline = std::chrono::steady_clock::now() + k_timeout;
    int status = 0;
    while (true) {
        const pid_t r = ::waitpid(pid, &status, WNOHANG);
        if (r == pid) {
            break;
        }
        if (r < 0 && errno != EINTR) {
            throw Error(Exit::software, fmt::format("waitpid: {}", std::strerror(errno)));
        }
        if (std::chrono::steady_clock::now() > deadline) {
            ::kill(-pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            throw Error(Exit::unavailable,
                        fmt::format("Chromium took longer than {} s to print the report",
                                    k_timeout.count()));
        }
        const timespec pause{0, 20'000'000};
        if (const int sig = ::sigtimedwait(&held.held(), nullptr, &pause); sig > 0) {
            ::kill(-pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            return {0, sig};
        }
    }
    // Helpers the browser left behind go with it.
    ::kill(-pid, SIGKILL);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), 0};
}

} // namespace

std::string find_chromium(const char* path_env) {
    const std::string path = path_env != nullptr ? path_env : "";
    std::size_t start = 0;
    while (start <= path.size()) {
        auto end = path.find(':', start);
        if (end == std::string::npos) {
            end = path.size();
        }
        const std::string dir = end > start ? path.substr(start, end - start) : ".";
        const std::string candidate = dir + "/chromium";
        struct stat st {};
        if (::stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
            ::access(candidate.c_str(), X_OK) == 0) {
            return candidate;
        }
        start = end + 1;
    }
    return {};
}

std::string print_pdf(const std::string& chromium, const std::string& html,
                      const char* tmpdir_env) {
    Outcome outcome;
    std::string bytes;
    {
        const HeldSignals held;
        const TempDir dir(tmpdir_env);
        const auto page = dir.path() / "report.html";
        const auto pdf = dir.path() / "report.pdf";
        write_private(page, html);
        const std::vector<std::string> args = {
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--disable-dev-shm-usage",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--user-data-dir=" + (dir.path() / "profile").string(),
            "--no-pdf-header-footer",
            "--print-to-pdf=" + pdf.string(),
            "file://" + page.string(),
        };
        outcome = run(args, dir.path() / "chromium.log", held);
        if (outcome.signal == 0) {
            std::ifstream in(pdf, std::ios::binary);
            bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        }
    } // the directory is gone, the signals are no longer held
    if (outcome.signal != 0) {
        std::signal(outcome.signal, SIG_DFL);
        std::raise(outcome.signal);
        throw Error(Exit::interrupted, "interrupted; no PDF written");
    }
    if (outcome.status != 0 || !bytes.starts_with("%PDF")) {
        throw Error(Exit::unavailable,
                    fmt::format("Chromium could not print the report to PDF (exit status {})",
                                outcome.status));
    }
    return bytes;
}

int pdf_pages(std::string_view pdf) {
    // The page tree's root counts every page: the largest /Count of a
    // "/Type /Pages" node (Chromium writes one).
    int pages = 0;
    constexpr std::string_view k_pages = "/Type /Pages";
    for (auto at = pdf.find(k_pages); at != std::string_view::npos;
         at = pdf.find(k_pages, at + k_pages.size())) {
        const auto end = pdf.find(">>", at);
        const auto count = pdf.find("/Count ", at);
        if (count == std::string_view::npos || count > end) {
            continue;
        }
        int n = 0;
        const char* first = pdf.data() + count + 7;
        const auto [ptr, ec] = std::from_chars(first, pdf.data() + pdf.size(), n);
        if (ec == std::errc() && ptr != first) {
            pages = std::max(pages, n);
        }
    }
    return pages;
}

} // namespace rls
