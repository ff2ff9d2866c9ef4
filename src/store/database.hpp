// Opening the rls database: where it lives, its permissions, its pragmas and
// its schema migrations.
#pragma once

#include <SQLiteCpp/Database.h>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace rls {

// Where the database lives: --db, then RLS_DB, then $XDG_DATA_HOME/rls/rls.db,
// then ~/.local/share/rls/rls.db. Throws Error(usage) when none can be formed.
struct DbLocation {
    std::filesystem::path path;
    bool is_default = false;
};
[[nodiscard]] DbLocation locate_database(const std::optional<std::string>& cli_db,
                                         const char* rls_db_env, const char* xdg_data_home,
                                         const char* home);

// The newest schema version this build knows.
[[nodiscard]] int latest_schema_version();

// Opens (creating if needed, with a 0700 directory and a 0600 file) and
// migrates. A database newer than this build is refused untouched.
// `created` (when given) says whether this call made the file.
[[nodiscard]] std::unique_ptr<SQLite::Database> open_database(const std::filesystem::path& path,
                                                              bool* created = nullptr);

// Removes a database this run created, with its journals, when it holds no
// session and no rating (a command that failed on a new file leaves
// nothing behind). `db` is closed first. Quietly keeps it on any doubt.
void discard_new_database(std::unique_ptr<SQLite::Database> db, const std::filesystem::path& path);

// Opens an in-memory database, migrated; for tests.
[[nodiscard]] std::unique_ptr<SQLite::Database> open_memory_database();

// Applies pending migrations, each in one transaction with its user_version bump.
void migrate(SQLite::Database& db);

[[nodiscard]] int schema_version(SQLite::Database& db);

// After a write failed with an I/O error (a full disk), SQLite may leave
// the rollback to whoever opens the file next, as a hot journal. A read
// makes this connection roll it back now, so the file is whole on exit.
// Errors are ignored: the first one is the one to report.
void settle_after_failed_write(SQLite::Database& db) noexcept;

// Maps an exception from SQLite to rls's error scheme; `what` says what was being done.
[[noreturn]] void rethrow_sqlite(const std::exception& e, const std::string& what);

// Whether `e` is SQLite saying another connection holds the lock.
[[nodiscard]] bool is_busy(const std::exception& e);

// Calls `on_commit(data)` before every commit of `db` (SQLite's commit hook;
// a non-zero return turns the commit into a rollback).
void on_commit(SQLite::Database& db, int (*on_commit)(void*), void* data);

} // namespace rls
