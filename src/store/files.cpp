// Atomic, private file writes; output targets; temp files that do not outlive
// an interrupted run.
#include "store/files.hpp"

#include "core/error.hpp"

#include <array>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <string>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace rls {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const std::string& what, const fs::path& path, int err) {
    throw Error(exit_for_errno(err),
                fmt::format("cannot {} {}: {}", what, path.string(), std::strerror(err)));
}

// The temp file being written, for the signal handler to remove: a hidden
// full copy of the diary must not outlive Ctrl-C, SIGTERM or SIGHUP.
std::array<char, PATH_MAX + 16> g_temp{};
std::array<char, PATH_MAX + 16> g_temp_journal{};
volatile std::sig_atomic_t g_temp_active = 0;
constexpr std::array k_cleanup_signals = {SIGINT, SIGTERM, SIGHUP};

extern "C" void remove_temp_and_die(int sig) {
    if (g_temp_active != 0) {
        ::unlink(g_temp.data());
        ::unlink(g_temp_journal.data());
    }
    std::signal(sig, SIG_DFL);
    std::raise(sig);
}

// The cleanup signals held from before the temp file exists until its
// cleanup is armed: one arriving in between is delivered then, to the
// handler that removes the file, instead of leaving it behind.
class HeldSignals {
public:
    HeldSignals() {
        sigset_t set;
        sigemptyset(&set);
        for (const int sig : k_cleanup_signals) {
            sigaddset(&set, sig);
        }
        ::sigprocmask(SIG_BLOCK, &set, &m_old);
    }
    HeldSignals(const HeldSignals&) = delete;
    HeldSignals& operator=(const HeldSignals&) = delete;
    ~HeldSignals() { release(); }
    void release() {
        if (m_held) {
            m_held = false;
            ::sigprocmask(SIG_SETMASK, &m_old, nullptr);
        }
    }

private:
    sigset_t m_old{};
    bool m_held = true;
};

class SignalCleanup {
public:
    explicit SignalCleanup(const std::string& path) {
        if (path.size() + 9 > g_temp.size()) {
            return;
        }
        std::memcpy(g_temp.data(), path.c_str(), path.size() + 1);
        const std::string journal = path + "-journal";
        std::memcpy(g_temp_journal.data(), journal.c_str(), journal.size() + 1);
        struct sigaction sa {};
        sa.sa_handler = remove_temp_and_die;
        sigemptyset(&sa.sa_mask);
        for (std::size_t i = 0; i < k_cleanup_signals.size(); ++i) {
            ::sigaction(k_cleanup_signals[i], &sa, &m_old[i]);
        }
        g_temp_active = 1;
        m_armed = true;
    }
    SignalCleanup(const SignalCleanup&) = delete;
    SignalCleanup& operator=(const SignalCleanup&) = delete;
    ~SignalCleanup() {
        if (!m_armed) {
            return;
        }
        g_temp_active = 0;
        for (std::size_t i = 0; i < k_cleanup_signals.size(); ++i) {
            ::sigaction(k_cleanup_signals[i], &m_old[i], nullptr);
        }
    }

private:
    std::array<struct sigaction, k_cleanup_signals.size()> m_old{};
    bool m_armed = false;
};

struct TempFile {
    fs::path path;
    int fd = -1;
    bool keep = false;
    ~TempFile() {
        if (!keep && !path.empty()) {
            ::unlink(path.c_str());
            ::unlink((path.string() + "-journal").c_str());
        }
        if (fd >= 0) {
            ::close(fd);
        }
    }
};

bool is_temp_suffix(std::string_view rest) {
    if (rest.size() != 6) {
        return false;
    }
    for (const char c : rest) {
        if (std::isalnum(static_cast<unsigned char>(c)) == 0) {
            return false;
        }
    }
    return true;
}

// What rls writes through a temp file: a database copy or an export. A
// user's own hidden file that happens to match the name pattern is kept.
bool looks_like_ours(int fd) {
    std::array<char, 32> head{};
    const auto n = ::pread(fd, head.data(), head.size(), 0);
    if (n == 0) {
        return true;
    }
    const std::string_view text(head.data(), n < 0 ? 0 : static_cast<std::size_t>(n));
    return text.starts_with(std::string_view("SQLite format 3\0", 16)) ||
           text.starts_with("{\n  \"format\": \"rls-export") ||
           text.starts_with("night,session_uuid,");
}

// Temp copies left by a run that was killed (SIGKILL, a crash, power loss).
// A live writer holds a lock on its temp file; only unlocked ones are removed.
void remove_stale_temps(const fs::path& dir, const std::string& prefix) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        std::string name = entry.path().filename().string();
        const bool journal = name.ends_with("-journal");
        if (journal) {
            name.resize(name.size() - 8);
        }
        if (!name.starts_with(prefix) ||
            !is_temp_suffix(std::string_view(name).substr(prefix.size()))) {
            continue;
        }
        const auto base = dir / name;
        struct stat st {};
        if (::lstat(entry.path().c_str(), &st) != 0 || !S_ISREG(st.st_mode) ||
            st.st_uid != ::getuid()) {
            continue;
        }
        if (journal) {
            if (::lstat(base.c_str(), &st) != 0) {
                ::unlink(entry.path().c_str()); // its copy is gone
            }
            continue;
        }
        const int fd = ::open(base.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0) {
            continue;
        }
        if (::flock(fd, LOCK_EX | LOCK_NB) == 0 && looks_like_ours(fd)) {
            ::unlink(base.c_str());
            ::unlink((base.string() + "-journal").c_str());
        }
        ::close(fd);
    }
}

void make_temp(const fs::path& target, TempFile& tmp) {
    const auto dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    const std::string prefix = "." + target.filename().string() + ".";
    remove_stale_temps(dir, prefix);
    std::string name = (dir / (prefix + "XXXXXX")).string();
    tmp.fd = ::mkstemp(name.data()); // mode 0600 whatever the umask
    if (tmp.fd < 0) {
        fail("write", target, errno);
    }
    tmp.path = name;
    ::fchmod(tmp.fd, 0600);
    ::flock(tmp.fd, LOCK_EX); // says "in use" to remove_stale_temps
}

void commit(const fs::path& target, TempFile& tmp) {
    if (::fsync(tmp.fd) != 0) {
        fail("write", target, errno);
    }
    if (::rename(tmp.path.c_str(), target.c_str()) != 0) {
        fail("write", target, errno);
    }
    tmp.keep = true;
    const auto dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    if (const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
}

void write_all(int fd, std::string_view content, const fs::path& path) {
    std::size_t written = 0;
    while (written < content.size()) {
        const auto n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            fail("write", path, errno);
        }
        written += static_cast<std::size_t>(n);
    }
}

[[noreturn]] void refuse(const fs::path& path, const std::string& why) {
    throw usage_error(fmt::format("will not write to {}: {}", path.string(), why));
}

} // namespace

Exit exit_for_errno(int err) {
    switch (err) {
    case EACCES:
    case EPERM:
    case EROFS:
        return Exit::permission;
    case ENOSPC:
    case EDQUOT:
    case EFBIG:
    case EIO:
    case EINTR:
        return Exit::io;
    default:
        return Exit::cant_create;
    }
}

void write_file_atomically(const fs::path& path, std::string_view content) {
    TempFile tmp;
    HeldSignals held;
    make_temp(path, tmp);
    SignalCleanup cleanup(tmp.path.string());
    held.release();
    write_all(tmp.fd, content, path);
    commit(path, tmp);
}

void replace_file_atomically(const fs::path& path,
                             const std::function<void(const fs::path&)>& fill) {
    TempFile tmp;
    HeldSignals held;
    make_temp(path, tmp);
    SignalCleanup cleanup(tmp.path.string());
    held.release();
    fill(tmp.path);
    commit(path, tmp);
}

OutputTarget resolve_output(const fs::path& requested, const fs::path& database,
                            bool streams_allowed) {
    if (requested.empty()) {
        refuse(requested, "the file name is empty");
    }
    const std::array<std::string, 4> suffixes = {"", "-journal", "-wal", "-shm"};
    struct stat lst {};
    if (::lstat(requested.c_str(), &lst) != 0) {
        // A new file: it must not take the name of a journal SQLite would
        // later mistake for the database's own.
        std::error_code ec;
        const auto want = fs::weakly_canonical(requested, ec);
        const auto db = fs::weakly_canonical(database, ec);
        for (const auto& suffix : suffixes) {
            if (!ec && want == fs::path(db.string() + suffix)) {
                refuse(requested, "it is the database's journal file");
            }
        }
        return {OutputTarget::Kind::file, requested};
    }
    struct stat st {};
    if (::stat(requested.c_str(), &st) != 0) {
        refuse(requested, "it is a symbolic link to a missing file");
    }
    for (const auto& suffix : suffixes) {
        struct stat dbst {};
        if (::stat((database.string() + suffix).c_str(), &dbst) == 0 && dbst.st_dev == st.st_dev &&
            dbst.st_ino == st.st_ino) {
            refuse(requested, suffix.empty() ? "it is the database itself"
                                             : "it is one of the database's journal files");
        }
    }
    if (S_ISREG(st.st_mode)) {
        if (!S_ISLNK(lst.st_mode)) {
            return {OutputTarget::Kind::file, requested};
        }
        // Write the file the link points to and keep the link.
        std::array<char, PATH_MAX> real{};
        if (::realpath(requested.c_str(), real.data()) == nullptr) {
            fail("resolve", requested, errno);
        }
        return {OutputTarget::Kind::file, fs::path(real.data())};
    }
    if (S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode)) {
        if (!streams_allowed) {
            refuse(requested, "it is a FIFO or a device, and a backup must be a regular file");
        }
        return {OutputTarget::Kind::stream, requested};
    }
    if (S_ISDIR(st.st_mode)) {
        refuse(requested, "it is a directory");
    }
    refuse(requested, "it is neither a regular file, a FIFO nor a character device");
}

void write_output(const OutputTarget& target, std::string_view content) {
    if (target.kind == OutputTarget::Kind::file) {
        write_file_atomically(target.path, content);
        return;
    }
    // No O_CREAT, no O_TRUNC: the FIFO or device stays what it is.
    const int fd = ::open(target.path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        fail("write", target.path, errno);
    }
    try {
        write_all(fd, content, target.path);
    } catch (...) {
        ::close(fd);
        throw;
    }
    if (::close(fd) != 0) {
        fail("write", target.path, errno);
    }
}

} // namespace rls
