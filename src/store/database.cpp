// Database location, creation with private permissions, pragmas and migrations.
#include "store/database.hpp"

#include "core/error.hpp"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace rls {

namespace fs = std::filesystem;

namespace {

struct Migration {
    int version;
    const char* name;
    const char* sql;
};

const std::vector<Migration>& migrations() {
    static const std::vector<Migration> all = {
#include "migrations.inc"
    };
    return all;
}

constexpr int k_application_id = 1380733745; // 'RLS1', set by migration 001

Exit errno_exit(int err) {
    switch (err) {
    case EACCES:
    case EPERM:
    case EROFS:
        return Exit::permission;
    case ENOSPC:
    case EDQUOT:
    case EIO:
        return Exit::io;
    default:
        return Exit::cant_create;
    }
}

void make_private_dirs(const fs::path& dir) {
    if (dir.empty() || fs::exists(dir)) {
        return;
    }
    make_private_dirs(dir.parent_path());
    if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) {
        const int err = errno;
        throw Error(errno_exit(err), fmt::format("cannot create directory {}: {}", dir.string(),
                                                 std::strerror(err)));
    }
}

// Creates the file 0600 before SQLite sees it, so the umask never widens it;
// SQLite gives its journal the same mode. Tightens an existing file we own.
void prepare_file(const fs::path& path) {
    make_private_dirs(path.parent_path());
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            throw Error(Exit::cant_create,
                        fmt::format("database {} is a directory, not a file", path.string()));
        }
        if ((st.st_mode & 077) != 0 && st.st_uid == ::getuid()) {
            ::chmod(path.c_str(), 0600);
        }
        return;
    }
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        const int err = errno;
        if (err == EEXIST) {
            return;
        }
        throw Error(errno_exit(err), fmt::format("cannot create database {}: {}", path.string(),
                                                 std::strerror(err)));
    }
    ::close(fd);
}

void configure(SQLite::Database& db) {
    // Rollback journal, not WAL: Debian 12's SQLite 3.40 predates the fix for
    // the WAL-reset corruption race. The busy timeout lets a cron job and an
    // interactive command share the file.
    db.setBusyTimeout(5000);
    db.exec("PRAGMA foreign_keys = ON");
    db.exec("PRAGMA journal_mode = DELETE");
}

} // namespace

DbLocation locate_database(const std::optional<std::string>& cli_db, const char* rls_db_env,
                           const char* xdg_data_home, const char* home) {
    if (cli_db) {
        if (cli_db->empty()) {
            throw usage_error("--db must be a file path, got ''");
        }
        return {fs::path(*cli_db), false};
    }
    if (rls_db_env != nullptr && *rls_db_env != '\0') {
        return {fs::path(rls_db_env), false};
    }
    // XDG: a relative XDG_DATA_HOME is invalid and must be ignored.
    if (xdg_data_home != nullptr && *xdg_data_home == '/') {
        return {fs::path(xdg_data_home) / "rls" / "rls.db", true};
    }
    if (home != nullptr && *home == '/') {
        return {fs::path(home) / ".local" / "share" / "rls" / "rls.db", true};
    }
    throw usage_error(
        "cannot find a place for the database: set HOME, XDG_DATA_HOME, RLS_DB or --db");
}

int latest_schema_version() {
    return migrations().back().version;
}

int schema_version(SQLite::Database& db) {
    return db.execAndGet("PRAGMA user_version").getInt();
}

void migrate(SQLite::Database& db) {
    const int current = schema_version(db);
    const int latest = latest_schema_version();
    if (current > latest) {
        throw Error(Exit::data,
                    fmt::format("database schema version {} is newer than this rls understands "
                                "(up to {}); upgrade rls. The database was not changed.",
                                current, latest));
    }
    if (current > 0 && db.execAndGet("PRAGMA application_id").getInt() != k_application_id) {
        throw Error(Exit::data, "the file is an SQLite database but not an rls database");
    }
    for (const auto& m : migrations()) {
        if (m.version <= current) {
            continue;
        }
        SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
        // Another process may have migrated while we waited for the lock.
        if (schema_version(db) >= m.version) {
            continue;
        }
        db.exec(m.sql);
        db.exec(fmt::format("PRAGMA user_version = {}", m.version));
        tx.commit();
    }
}

// Before a schema upgrade, a copy of the database as it was: rls.db.schema-1.bak.
void backup_before_upgrade(SQLite::Database& db, const fs::path& path, int version) {
    const auto target = fs::path(path.string() + fmt::format(".schema-{}.bak", version));
    if (fs::exists(target)) {
        return; // an earlier attempt already kept the original
    }
    const int fd = ::open(target.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        const int err = errno;
        throw Error(errno_exit(err), fmt::format("cannot back up {} before upgrading it: {}",
                                                 path.string(), std::strerror(err)));
    }
    ::close(fd);
    try {
        SQLite::Database copy(target.string(), SQLite::OPEN_READWRITE);
        SQLite::Backup(copy, db).executeStep();
    } catch (...) {
        fs::remove(target);
        throw;
    }
}

std::unique_ptr<SQLite::Database> open_database(const fs::path& path) {
    prepare_file(path);
    try {
        auto db = std::make_unique<SQLite::Database>(path.string(),
                                                     SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        configure(*db);
        // Force SQLite to read the header now, so a foreign file fails here.
        const int version = schema_version(*db);
        if (version > 0 && version < latest_schema_version()) {
            backup_before_upgrade(*db, path, version);
        }
        migrate(*db);
        return db;
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        rethrow_sqlite(e, fmt::format("cannot open database {}", path.string()));
    }
}

std::unique_ptr<SQLite::Database> open_memory_database() {
    auto db = std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE);
    configure(*db);
    migrate(*db);
    return db;
}

void rethrow_sqlite(const std::exception& e, const std::string& what) {
    const auto* sq = dynamic_cast<const SQLite::Exception*>(&e);
    if (sq == nullptr) {
        throw Error(Exit::software, fmt::format("{}: {}", what, e.what()));
    }
    const int primary = sq->getErrorCode() & 0xff;
    Exit code = Exit::io;
    std::string reason = sqlite3_errstr(sq->getErrorCode());
    switch (primary) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        code = Exit::busy;
        reason = "the database is busy (another rls is writing); try again";
        break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
        code = Exit::permission;
        reason = "permission denied (the database or its directory is read-only)";
        break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        code = Exit::data;
        reason = "the file is not an rls database or is damaged (run: rls check)";
        break;
    case SQLITE_FULL:
        code = Exit::io;
        reason = "the disk is full";
        break;
    case SQLITE_CANTOPEN:
        code = Exit::cant_create;
        break;
    case SQLITE_CONSTRAINT:
        code = Exit::data;
        break;
    default:
        break;
    }
    throw Error(code, fmt::format("{}: {}", what, reason));
}

} // namespace rls
