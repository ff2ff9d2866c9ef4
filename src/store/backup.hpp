// Checking a database and copying it safely: the one backup routine that
// rls backup and the copy kept before a schema upgrade share.
#pragma once

#include <SQLiteCpp/Database.h>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace rls {

struct Health {
    std::vector<std::string> integrity; // "ok" alone when healthy
    int foreign_key_problems = 0;
    [[nodiscard]] bool ok() const {
        return integrity.size() == 1 && integrity.front() == "ok" && foreign_key_problems == 0;
    }
};

// SQLite's integrity and foreign-key checks. Damage bad enough that SQLite
// stops reading is reported as a finding, not thrown.
[[nodiscard]] Health health_of(SQLite::Database& db);

struct BackupResult {
    std::int64_t sessions = 0;
    std::int64_t ratings = 0;
};

// Copies `db` as one consistent snapshot into `target` (0600, written to a
// temp file and renamed into place) after the copy passes its integrity
// check; otherwise throws Error(io) and `target` is untouched.
BackupResult backup_to(SQLite::Database& db, const std::filesystem::path& target);

} // namespace rls
