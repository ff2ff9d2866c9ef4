// Writing files that hold health data: private (0600) and atomic (a temp
// file in the same directory, fsynced, then renamed over the target), never
// over the database, never replacing a device, a FIFO or a symlink itself, and
// never leaving the hidden temp copy behind when interrupted.
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

// Where an output path (export --out, backup FILE) leads, decided before
// anything is written.
struct OutputTarget {
    enum class Kind {
        file,   // a regular file (new or existing): replaced atomically
        stream, // a FIFO or a character device: written through, never replaced
    };
    Kind kind = Kind::file;
    std::filesystem::path path; // for a symlink, the file it points to
};

// Refuses (Error usage) the database and its journal files (by device and
// inode, and by name for ones not there yet), directories, sockets, block
// devices and dangling symlinks; FIFOs and character devices unless
// `streams_allowed`.
[[nodiscard]] OutputTarget resolve_output(const std::filesystem::path& requested,
                                          const std::filesystem::path& database,
                                          bool streams_allowed);

// Writes `content` to a resolved target: atomically, or through a stream.
void write_output(const OutputTarget& target, std::string_view content);

} // namespace rls
