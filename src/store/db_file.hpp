// Before SQLite touches a database file: is it rls's, and is it safe to use?
// Foreign SQLite files, files that are not regular, and files or directories
// that another user owns or can write are refused with their bytes unchanged.
#pragma once

#include <cstdint>
#include <filesystem>

namespace rls {

inline constexpr std::int32_t k_application_id = 1380733745; // 'RLS1', set by migration 001

// Checks the directory a database is (or is about to be) created in: owned by
// this user (or root) and not writable by group or others, since whoever can
// write there can plant a journal that SQLite would roll into the diary.
void check_database_directory(const std::filesystem::path& dir);

struct DbFile {
    bool writable = false; // false: open read-only; writes fail clearly
};

// Checks an existing database file: a regular file this user owns, in a safe
// directory, with a safe journal, and an rls database (or a blank SQLite file
// with no schema). Only then is its mode tightened to 0600, on the very file
// that was checked (a symlink's target, never the link).
[[nodiscard]] DbFile check_database_file(const std::filesystem::path& path);

} // namespace rls
