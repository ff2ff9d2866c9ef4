// Writing files that hold health data: private (0600) and atomic (a temp
// file in the same directory, fsynced, then renamed over the target).
#pragma once

#include "core/error.hpp"

#include <filesystem>
#include <functional>
#include <string_view>

namespace rls {

// The exit code for a failed file operation: permission for EACCES/EPERM/
// EROFS, io for a full disk or a device error, cant_create otherwise (no such
// directory, a name too long, ...). database.cpp and files.cpp share it.
[[nodiscard]] Exit exit_for_errno(int err);

void write_file_atomically(const std::filesystem::path& path, std::string_view content);

// Creates a private temp file beside `path`, lets `fill` write it by path
// (for SQLite's backup), then renames it over `path`. `fill` may throw; the
// temp file is removed and `path` is untouched.
void replace_file_atomically(const std::filesystem::path& path,
                             const std::function<void(const std::filesystem::path&)>& fill);

} // namespace rls
