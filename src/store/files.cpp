// Atomic, private file writes.
#include "store/files.hpp"

#include "core/error.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

namespace rls {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void fail(const std::string& what, const fs::path& path, int err) {
    throw Error(exit_for_errno(err),
                fmt::format("cannot {} {}: {}", what, path.string(), std::strerror(err)));
}

struct TempFile {
    fs::path path;
    int fd = -1;
    bool keep = false;
    ~TempFile() {
        if (fd >= 0) {
            ::close(fd);
        }
        if (!keep && !path.empty()) {
            ::unlink(path.c_str());
        }
    }
};

void make_temp(const fs::path& target, TempFile& tmp) {
    const auto dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string name = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
    tmp.fd = ::mkstemp(name.data()); // mode 0600 whatever the umask
    if (tmp.fd < 0) {
        fail("write", target, errno);
    }
    tmp.path = name;
    ::fchmod(tmp.fd, 0600);
}

void commit(const fs::path& target, TempFile& tmp) {
    if (::fsync(tmp.fd) != 0) {
        fail("write", target, errno);
    }
    ::close(tmp.fd);
    tmp.fd = -1;
    if (::rename(tmp.path.c_str(), target.c_str()) != 0) {
        fail("write", target, errno);
    }
    tmp.keep = true;
    const auto dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    if (const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
}

} // namespace

Exit exit_for_errno(int err) {
    switch (err) {
    case EACCES:
    case EPERM:
    case EROFS:
        return Exit::permission;
    case ENOSPC:
    case EDQUOT:
    case EFBIG:
    case EIO:
    case EINTR:
        return Exit::io;
    default:
        return Exit::cant_create;
    }
}

void write_file_atomically(const fs::path& path, std::string_view content) {
    TempFile tmp;
    make_temp(path, tmp);
    std::size_t written = 0;
    while (written < content.size()) {
        const auto n = ::write(tmp.fd, content.data() + written, content.size() - written);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            fail("write", path, errno);
        }
        written += static_cast<std::size_t>(n);
    }
    commit(path, tmp);
}

void replace_file_atomically(const fs::path& path,
                             const std::function<void(const fs::path&)>& fill) {
    TempFile tmp;
    make_temp(path, tmp);
    fill(tmp.path);
    commit(path, tmp);
}

} // namespace rls
