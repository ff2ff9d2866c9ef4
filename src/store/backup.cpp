// Integrity checks and checked, atomic copies of the database.
#include "store/backup.hpp"

#include "core/error.hpp"
#include "store/files.hpp"
#include "store/ratings.hpp"
#include "store/sessions.hpp"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <sqlite3.h>

namespace rls {

Health health_of(SQLite::Database& db) {
    Health h;
    try {
        SQLite::Statement integrity(db, "PRAGMA integrity_check");
        while (integrity.executeStep()) {
            h.integrity.push_back(integrity.getColumn(0).getString());
        }
        SQLite::Statement fk(db, "PRAGMA foreign_key_check");
        while (fk.executeStep()) {
            ++h.foreign_key_problems;
        }
    } catch (const SQLite::Exception& e) {
        h.integrity.emplace_back(fmt::format("unreadable: {}", sqlite3_errstr(e.getErrorCode())));
    }
    return h;
}

BackupResult backup_to(SQLite::Database& db, const std::filesystem::path& target) {
    BackupResult result;
    replace_file_atomically(target, [&](const std::filesystem::path& tmp) {
        SQLite::Database copy(tmp.string(), SQLite::OPEN_READWRITE);
        SQLite::Backup(copy, db).executeStep(); // all pages, as one consistent snapshot
        if (!health_of(copy).ok()) {
            throw Error(Exit::io, fmt::format("the copy in {} failed its integrity check; the "
                                              "backup was not written",
                                              target.string()));
        }
        result.sessions = count_sessions(copy);
        result.ratings = count_ratings(copy);
    });
    return result;
}

} // namespace rls
