// The user's zone through the C library (tzset/localtime_r), as every other
// program on the machine sees it: TZ=Area/City, TZ=:/path/to/zonefile, POSIX
// TZ strings, and /etc/localtime when TZ is unset. The C library reads one
// zone file; the date library would index the whole tz database first.
#include "core/error.hpp"
#include "core/posix_tz.hpp"
#include "core/time.hpp"

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <filesystem>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

namespace rls {

using namespace std::chrono;

namespace {

constexpr std::size_t k_max_zone_file = 1 << 20; // real ones are a few KiB

// Offsets from the C library, which holds one zone per process: the one TZ
// named when user_zone() last ran.
class ClibRules final : public Zone::Rules {
public:
    [[nodiscard]] seconds offset(Instant t) const override {
        const auto tt = static_cast<std::time_t>(t.time_since_epoch().count());
        std::tm tm{};
        if (localtime_r(&tt, &tm) == nullptr) {
            return seconds{0}; // beyond the C library's years; never a real entry
        }
        return seconds{tm.tm_gmtoff};
    }
};

std::string zoneinfo_dir() {
    const char* dir = std::getenv("TZDIR");
    return dir != nullptr && *dir != '\0' ? dir : "/usr/share/zoneinfo";
}

// A regular file's bytes; errno-style code in `err` when it cannot be read.
std::string read_small_file(const std::string& path, int& err) {
    err = 0;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        err = errno;
        return {};
    }
    std::string bytes;
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        err = EISDIR;
    } else if (static_cast<std::size_t>(st.st_size) > k_max_zone_file) {
        err = EFBIG;
    } else {
        bytes.resize(static_cast<std::size_t>(st.st_size));
        std::size_t done = 0;
        while (done < bytes.size()) {
            const auto n = ::read(fd, bytes.data() + done, bytes.size() - done);
            if (n <= 0) {
                err = n < 0 ? errno : EIO;
                break;
            }
            done += static_cast<std::size_t>(n);
        }
    }
    ::close(fd);
    return bytes;
}

std::uint32_t be32(std::string_view b, std::size_t pos) {
    return (std::uint32_t{static_cast<unsigned char>(b[pos])} << 24) |
           (std::uint32_t{static_cast<unsigned char>(b[pos + 1])} << 16) |
           (std::uint32_t{static_cast<unsigned char>(b[pos + 2])} << 8) |
           std::uint32_t{static_cast<unsigned char>(b[pos + 3])};
}

// One TZif header and data block (RFC 8536) at `pos` with `time_size`-byte
// times; the offset just past it, or 0 when it is malformed.
std::size_t tzif_block(std::string_view b, std::size_t pos, std::size_t time_size) {
    constexpr std::size_t k_header = 44;
    if (b.size() < pos + k_header || b.substr(pos, 4) != "TZif") {
        return 0;
    }
    const std::size_t isut = be32(b, pos + 20);
    const std::size_t isstd = be32(b, pos + 24);
    const std::size_t leap = be32(b, pos + 28);
    const std::size_t times = be32(b, pos + 32);
    const std::size_t types = be32(b, pos + 36);
    const std::size_t chars = be32(b, pos + 40);
    if (types == 0 || types > 256 || chars == 0 || (isut != 0 && isut != types) ||
        (isstd != 0 && isstd != types) || times > k_max_zone_file || leap > k_max_zone_file ||
        chars > k_max_zone_file) {
        return 0;
    }
    const std::size_t size =
        times * time_size + times + types * 6 + chars + leap * (time_size + 4) + isstd + isut;
    const std::size_t data = pos + k_header;
    if (b.size() < data + size) {
        return 0;
    }
    for (std::size_t i = 0; i < times; ++i) {
        if (static_cast<unsigned char>(b[data + times * time_size + i]) >= types) {
            return 0;
        }
    }
    return data + size;
}

// Whether `b` is a well-formed zone file; its POSIX TZ footer (the rule for
// times after its table) in `footer` when it has one.
bool valid_tzif(std::string_view b, std::string& footer) {
    footer.clear();
    const std::size_t v1_end = tzif_block(b, 0, 4);
    if (v1_end == 0) {
        return false;
    }
    if (b[4] == '\0') {
        return true;
    }
    const std::size_t v2_end = tzif_block(b, v1_end, 8);
    if (v2_end == 0 || v2_end >= b.size() || b[v2_end] != '\n') {
        return false;
    }
    const auto close = b.find('\n', v2_end + 1);
    if (close == std::string_view::npos) {
        return false;
    }
    footer = std::string(b.substr(v2_end + 1, close - v2_end - 1));
    return footer.empty() || parse_posix_tz(footer) != nullptr;
}

std::string trimmed(std::string s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())) != 0) {
        s.pop_back();
    }
    return s;
}

// The name to store for a zone file: its IANA name when the file is (a link
// into) the zone database, or a copy of it that `hint` (/etc/timezone)
// names correctly; otherwise the file's own POSIX rule.
std::string name_of_zone_file(const std::string& path, const std::string& bytes,
                              const std::string& footer, const std::string* hint) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const auto real = fs::canonical(path, ec).string();
    const auto root = fs::canonical(zoneinfo_dir(), ec).string() + "/";
    if (!ec && real.compare(0, root.size(), root) == 0) {
        auto name = real.substr(root.size());
        if (name.compare(0, 6, "posix/") == 0) {
            name.erase(0, 6);
        }
        return name;
    }
    if (hint != nullptr) {
        int err = 0;
        const auto named = trimmed(read_small_file(*hint, err));
        if (err == 0 && !named.empty() && named.find("..") == std::string::npos &&
            read_small_file(zoneinfo_dir() + "/" + named, err) == bytes && err == 0) {
            return named;
        }
    }
    return footer.empty() ? real : footer;
}

// Makes the C library's zone the one `tz_env` names (a no-op when it is the
// environment's own TZ, as in rls itself; tests name others).
void use_in_c_library(const char* tz_env) {
    const char* current = std::getenv("TZ");
    if (tz_env == nullptr && current != nullptr) {
        ::unsetenv("TZ");
    } else if (tz_env != nullptr && (current == nullptr || std::strcmp(current, tz_env) != 0)) {
        ::setenv("TZ", tz_env, 1);
    }
    ::tzset();
}

Zone c_library_zone(const char* tz_env, std::string name) {
    use_in_c_library(tz_env);
    Zone zone(std::move(name), std::make_shared<ClibRules>());
    zone.remember_as_users();
    return zone;
}

// The system zone: the C library reads /etc/localtime itself; a substitute
// (tests) is named to it as TZ=:path.
Zone system_zone(const SystemZoneFiles& files, std::string name) {
    if (files.localtime == SystemZoneFiles{}.localtime) {
        return c_library_zone(nullptr, std::move(name));
    }
    const std::string tz = ":" + files.localtime;
    use_in_c_library(tz.c_str());
    Zone zone(std::move(name), std::make_shared<ClibRules>());
    zone.remember_as_users();
    return zone;
}

[[noreturn]] void damaged(const std::string& path, int err) {
    throw Error(
        Exit::os_file,
        err == 0 ? fmt::format("the zone file {} is damaged; set TZ, e.g. TZ=Europe/Berlin", path)
                 : fmt::format("cannot read the zone file {}: {}", path, std::strerror(err)));
}

} // namespace

Zone user_zone(const char* tz_env, const SystemZoneFiles& files) {
    const bool system = tz_env == nullptr; // TZ unset: /etc/localtime
    std::string_view spec = system ? "" : tz_env;
    const bool colon = !spec.empty() && spec.front() == ':';
    if (colon) {
        spec.remove_prefix(1);
    }
    if (!system && spec.empty()) {
        return c_library_zone(tz_env, "UTC"); // the C library reads TZ= and TZ=: as UTC
    }
    const std::string path = system                ? files.localtime
                             : spec.front() == '/' ? std::string(spec)
                                                   : zoneinfo_dir() + "/" + std::string(spec);
    int err = 0;
    const auto bytes = read_small_file(path, err);
    std::string footer;
    if (err == 0) {
        if (!valid_tzif(bytes, footer)) {
            damaged(path, 0);
        }
        if (system) {
            return system_zone(files, name_of_zone_file(path, bytes, footer, &files.timezone));
        }
        return c_library_zone(tz_env, spec.front() != '/'
                                          ? std::string(spec)
                                          : name_of_zone_file(path, bytes, footer, nullptr));
    }
    if (system && err == ENOENT) {
        return Zone{}; // no /etc/localtime: the C library uses UTC
    }
    if (err != ENOENT && err != ENOTDIR && err != EISDIR && err != ENAMETOOLONG) {
        damaged(path, err);
    }
    if (!colon && parse_posix_tz(spec) != nullptr) {
        return c_library_zone(tz_env, std::string(spec));
    }
    throw usage_error(
        fmt::format("TZ must name a time zone such as Europe/Berlin or UTC, got '{}'", tz_env));
}

} // namespace rls
