// Checks on a database file made through one file descriptor, so that what is
// verified is what gets its mode changed.
#include "store/db_file.hpp"

#include "core/error.hpp"
#include "store/files.hpp"

#include <array>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace rls {

namespace fs = std::filesystem;

namespace {

struct Fd {
    int fd = -1;
    ~Fd() {
        if (fd >= 0) {
            ::close(fd);
        }
    }
};

std::uint32_t big_endian(const unsigned char* p) {
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) |
           std::uint32_t{p[3]};
}

// Owner and write bits of a file rls relies on. Root's own files are trusted:
// root can change anything anyway.
void check_owner(const fs::path& path, const struct stat& st, const char* what, bool allow_root) {
    const auto me = ::getuid();
    if (st.st_uid != me && !(allow_root && st.st_uid == 0)) {
        throw Error(Exit::permission,
                    fmt::format("{} {} belongs to another user (uid {}); rls only uses its own "
                                "files",
                                what, path.string(), st.st_uid));
    }
}

} // namespace

void check_database_directory(const fs::path& dir) {
    struct stat st {};
    if (::stat(dir.c_str(), &st) != 0) {
        return; // it will be created, mode 0700
    }
    check_owner(dir, st, "the database directory", true);
    if ((st.st_mode & (S_IWGRP | S_IWOTH)) != 0) {
        throw Error(Exit::permission,
                    fmt::format("the database directory {} is writable by other users; keep the "
                                "database in a private directory (or: chmod go-w {})",
                                dir.string(), dir.string()));
    }
}

DbFile check_database_file(const fs::path& path) {
    Fd f;
    // O_NONBLOCK: a FIFO given as --db must not hang the open.
    f.fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    fs::path real = path;
    if (f.fd < 0 && errno == ELOOP) {
        // A symlink: check and use its target, never the link itself.
        std::array<char, PATH_MAX> buffer{};
        if (::realpath(path.c_str(), buffer.data()) == nullptr) {
            const int err = errno;
            throw Error(exit_for_errno(err), fmt::format("cannot open database {}: {}", path.string(),
                                                     std::strerror(err)));
        }
        real = buffer.data();
        f.fd = ::open(real.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    }
    if (f.fd < 0) {
        const int err = errno;
        if (err == EISDIR) {
            throw Error(Exit::cant_create,
                        fmt::format("database {} is a directory, not a file", path.string()));
        }
        throw Error(exit_for_errno(err),
                    fmt::format("cannot open database {}: {}", path.string(), std::strerror(err)));
    }
    struct stat st {};
    if (::fstat(f.fd, &st) != 0) {
        const int err = errno;
        throw Error(Exit::io,
                    fmt::format("cannot open database {}: {}", path.string(), std::strerror(err)));
    }
    if (S_ISDIR(st.st_mode)) {
        throw Error(Exit::cant_create,
                    fmt::format("database {} is a directory, not a file", path.string()));
    }
    if (!S_ISREG(st.st_mode)) {
        throw Error(Exit::data, fmt::format("database {} is not a regular file (a device, FIFO "
                                            "or socket); rls did not touch it",
                                            path.string()));
    }
    const auto dir = real.has_parent_path() ? real.parent_path() : fs::path(".");
    const fs::path journal(real.string() + "-journal");
    struct stat jst {};
    const bool has_journal = ::lstat(journal.c_str(), &jst) == 0;
    if (st.st_size == 0 && !has_journal) {
        throw Error(Exit::data, fmt::format("database {} is an empty file (0 bytes); move it "
                                            "away to start a new database there",
                                            path.string()));
    }
    std::array<unsigned char, 100> header{};
    const auto n = ::pread(f.fd, header.data(), header.size(), 0);
    if (n > 0) {
        if (n < 100 || std::memcmp(header.data(), "SQLite format 3", 16) != 0) {
            throw Error(Exit::data, fmt::format("{} is not an rls database (not an SQLite "
                                                "file); rls did not touch it",
                                                path.string()));
        }
        const auto app = static_cast<std::int32_t>(big_endian(&header[68]));
        const auto version = big_endian(&header[60]);
        const auto pages = big_endian(&header[28]);
        // A blank SQLite file (one page: no table ever made) may become an
        // rls database; any other file without rls's mark is someone else's.
        const bool blank = app == 0 && version == 0 && pages <= 1;
        if (app != k_application_id && !blank) {
            throw Error(Exit::data, fmt::format("{} is an SQLite database of another program "
                                                "(application_id {}); rls did not touch it",
                                                path.string(), app));
        }
    }
    // Ownership after the kind checks: someone else's foreign file is still
    // best described as foreign.
    check_owner(path, st, "database", false);
    check_database_directory(dir);
    if (has_journal) {
        if (!S_ISREG(jst.st_mode)) {
            throw Error(Exit::data, fmt::format("the journal {} is not a regular file; rls did "
                                                "not touch the database",
                                                journal.string()));
        }
        check_owner(journal, jst, "the journal", false);
        if ((jst.st_mode & (S_IWGRP | S_IWOTH)) != 0) {
            throw Error(Exit::permission,
                        fmt::format("the journal {} is writable by other users; rls did not "
                                    "touch the database",
                                    journal.string()));
        }
    }
    if ((st.st_mode & 077) != 0) {
        ::fchmod(f.fd, 0600); // verified above: ours, and an rls (or blank) database
    }
    return {::access(real.c_str(), W_OK) == 0 && ::access(dir.c_str(), W_OK) == 0};
}

} // namespace rls
