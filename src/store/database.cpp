// Database location, creation with private permissions, pragmas and migrations.
#include "store/database.hpp"

#include "core/error.hpp"
#include "store/backup.hpp"
#include "store/db_file.hpp"
#include "store/files.hpp"

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

// SQLite keeps allocation statistics under a global mutex, locked on every
// malloc and free: a tenth of a report's instructions. rls never reads them.
// The setting only takes before SQLite initialises, at the process's first
// open; a later call is refused by SQLite and changes nothing.
void configure_library() {
    static const int once = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    (void)once;
}

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

void make_private_dirs(const fs::path& dir) {
    if (dir.empty() || fs::exists(dir)) {
        return;
    }
    make_private_dirs(dir.parent_path());
    if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) {
        const int err = errno;
        throw Error(exit_for_errno(err), fmt::format("cannot create directory {}: {}", dir.string(),
                                                     std::strerror(err)));
    }
}

void configure(SQLite::Database& db);

// A new database is built whole in a private temp file beside its place and
// then linked into place, which fails harmlessly if another rls got there
// first. So the real path never holds a half-made or empty database, and an
// empty file found there was not made by rls.
// True when this call made the file (false: another process was first).
bool create_database(const fs::path& path) {
    make_private_dirs(path.parent_path());
    const auto dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
    check_database_directory(dir);
    std::string tmp = (dir / ("." + path.filename().string() + ".new.XXXXXX")).string();
    const int fd = ::mkstemp(tmp.data()); // 0600 whatever the umask
    if (fd < 0) {
        const int err = errno;
        throw Error(exit_for_errno(err), fmt::format("cannot create database {}: {}", path.string(),
                                                     std::strerror(err)));
    }
    ::close(fd);
    struct Cleanup {
        std::string file;
        ~Cleanup() {
            ::unlink(file.c_str());
            ::unlink((file + "-journal").c_str());
        }
    } cleanup{tmp};
    {
        SQLite::Database db(tmp, SQLite::OPEN_READWRITE);
        configure(db);
        migrate(db);
    }
    if (::link(tmp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        if (err == EEXIST) {
            return false;
        }
        throw Error(exit_for_errno(err), fmt::format("cannot create database {}: {}", path.string(),
                                                     std::strerror(err)));
    }
    return true;
}

void configure(SQLite::Database& db) {
    // Rollback journal, not WAL: Debian 12's SQLite 3.40 predates the fix for
    // the WAL-reset corruption race. The busy timeout lets a cron job and an
    // interactive command share the file.
    db.setBusyTimeout(5000);
    db.exec("PRAGMA foreign_keys = ON");
    // A planted trigger or view must not run functions with side effects
    // when rls writes; rls's own schema needs none.
    db.exec("PRAGMA trusted_schema = OFF");
    db.exec("PRAGMA journal_mode = DELETE");
}

// rls's schema has no triggers or views; one found in a database was planted
// by someone else and would run on rls's writes, so the database is refused.
void refuse_planted_code(SQLite::Database& db, const fs::path& path) {
    SQLite::Statement q(db, "SELECT type, name FROM sqlite_schema WHERE type IN ('trigger', "
                            "'view') ORDER BY name LIMIT 1");
    if (!q.executeStep()) {
        return;
    }
    std::string name = q.getColumn(1).getString().substr(0, 40);
    for (auto& c : name) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
            c = '?';
        }
    }
    throw Error(Exit::data,
                fmt::format("database {} holds a {} rls did not make ('{}'): it was changed "
                            "outside rls; restore a backup",
                            path.string(), q.getColumn(0).getString(), name));
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

void settle_after_failed_write(SQLite::Database& db) noexcept {
    try {
        (void)db.execAndGet("SELECT count(*) FROM sqlite_master");
    } catch (...) { // NOLINT(bugprone-empty-catch): see the header
    }
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
    if (current >= latest) {
        return;
    }
    // SQLite's way to change a table: rebuild it with foreign keys off (with
    // them on, dropping the old table would cascade into its children), then
    // check them all before committing. The pragma is a no-op inside a
    // transaction, so it wraps the loop; it is turned on again on every way out.
    db.exec("PRAGMA foreign_keys = OFF");
    struct ForeignKeysOn {
        SQLite::Database& db;
        ~ForeignKeysOn() {
            try {
                db.exec("PRAGMA foreign_keys = ON");
                // A planted trigger or view must not run functions with side effects
                // when rls writes; rls's own schema needs none.
                db.exec("PRAGMA trusted_schema = OFF");
            } catch (...) { // NOLINT(bugprone-empty-catch): nothing better to do in a destructor
            }
        }
    } restore{db};
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
        std::string broken;
        {
            SQLite::Statement fk(db, "PRAGMA foreign_key_check");
            if (fk.executeStep()) {
                broken = fk.getColumn(0).getString();
            }
        }
        if (!broken.empty()) {
            throw Error(Exit::data,
                        fmt::format("upgrading the database to schema {} would break its links "
                                    "(table {}); nothing was changed, run rls check",
                                    m.version, broken));
        }
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
    // Written to a temp file and renamed: a kill half-way leaves no broken
    // backup for a later run to trust, and a damaged database is not
    // upgraded over its only copy.
    (void)backup_to(db, target);
}

std::unique_ptr<SQLite::Database> open_database(const fs::path& path, bool* created) {
    configure_library();
    try {
        if (!fs::exists(path)) {
            const bool made = create_database(path);
            if (created != nullptr) {
                *created = made;
            }
        }
        const bool writable = check_database_file(path).writable;
        auto db = std::make_unique<SQLite::Database>(
            path.string(), writable ? SQLite::OPEN_READWRITE : SQLite::OPEN_READONLY);
        configure(*db);
        // Force SQLite to read the header now, so a foreign file fails here.
        const int version = schema_version(*db);
        refuse_planted_code(*db, path);
        if (!writable && version < latest_schema_version()) {
            throw Error(Exit::permission,
                        fmt::format("database {} needs upgrading but it (or its directory) is "
                                    "read-only",
                                    path.string()));
        }
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

void discard_new_database(std::unique_ptr<SQLite::Database> db, const fs::path& path) {
    try {
        if (!db) {
            db = std::make_unique<SQLite::Database>(path.string(), SQLite::OPEN_READWRITE);
            configure(*db);
        }
        // Another rls may have started using the new file meanwhile: an
        // exclusive lock, then nothing in it, or it stays.
        db->exec("BEGIN EXCLUSIVE");
        const bool empty =
            db->execAndGet("SELECT (SELECT count(*) FROM session) + (SELECT count(*) FROM rating)")
                .getInt64() == 0;
        db->exec("ROLLBACK");
        if (!empty) {
            return;
        }
        db.reset();
        for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
            ::unlink((path.string() + suffix).c_str());
        }
    } catch (const std::exception&) { // NOLINT(bugprone-empty-catch): keeping it is safe
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
        reason = "permission denied: the database or its directory is read-only";
        break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        code = Exit::data;
        reason = "the file is not an rls database or is damaged (run: rls check)";
        break;
    case SQLITE_FULL:
        code = Exit::io;
        reason = "the disk is full (or a file size limit was reached); nothing was changed";
        break;
    case SQLITE_IOERR:
        code = Exit::io;
        reason = fmt::format("input/output error ({}); nothing was changed",
                             sqlite3_errstr(sq->getExtendedErrorCode()));
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

bool is_busy(const std::exception& e) {
    const auto* sq = dynamic_cast<const SQLite::Exception*>(&e);
    if (sq == nullptr) {
        return false;
    }
    const int primary = sq->getErrorCode() & 0xff;
    return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
}

void on_commit(SQLite::Database& db, int (*on_commit)(void*), void* data) {
    sqlite3_commit_hook(db.getHandle(), on_commit, data);
}

} // namespace rls
