// Writing files that hold health data: private (0600) and atomic (a temp
// file in the same directory, fsynced, then renamed over the target).
#pragma once

#include <filesystem>
#include <functional>
#include <string_view>

namespace rls {

void write_file_atomically(const std::filesystem::path& path, std::string_view content);

// Creates a private temp file beside `path`, lets `fill` write it by path
// (for SQLite's backup), then renames it over `path`. `fill` may throw; the
// temp file is removed and `path` is untouched.
void replace_file_atomically(const std::filesystem::path& path,
                             const std::function<void(const std::filesystem::path&)>& fill);

} // namespace rls
