// The readers of an import file's fields (see import_fields.hpp).
#include "store/import_fields.hpp"

#include "core/error.hpp"
#include "core/parse.hpp"
#include "core/terminal_text.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <fmt/format.h>

namespace rls::imports {

[[noreturn]] void bad(const std::string& where, const std::string& what) {
    throw Error(Exit::data, fmt::format("import: {} {}", where, what));
}

const json& member(const json& obj, const std::string& where, const char* key) {
    if (!obj.is_object()) {
        bad(where, "must be an object");
    }
    const auto it = obj.find(key);
    if (it == obj.end()) {
        bad(fmt::format("{}.{}", where, key), "is missing");
    }
    return *it;
}

std::string path(const std::string& where, const char* key) {
    return fmt::format("{}.{}", where, key);
}

std::string text(const json& obj, const std::string& where, const char* key, std::size_t max) {
    const auto& v = member(obj, where, key);
    if (!v.is_string()) {
        bad(path(where, key), "must be a string");
    }
    const auto& s = v.get_ref<const std::string&>();
    try {
        return parse_text(s, path(where, key), max);
    } catch (const Error& e) {
        bad(path(where, key), fmt::format("is not acceptable text ({})", e.what()));
    }
}

std::string label(const json& obj, const std::string& where, const char* key, std::size_t max) {
    auto s = text(obj, where, key, max);
    if (has_control(s)) {
        bad(path(where, key), "must not contain control characters (tabs, line breaks, escapes)");
    }
    return s;
}

std::optional<std::string> optional_text(const json& obj, const std::string& where, const char* key,
                                         std::size_t max) {
    if (member(obj, where, key).is_null()) {
        return std::nullopt;
    }
    return text(obj, where, key, max);
}

bool whole_in(const json& v, Range range) {
    if (v.is_number_unsigned()) {
        return v.get<std::uint64_t>() <= static_cast<std::uint64_t>(std::max(range.hi, 0)) &&
               range.contains(static_cast<long long>(v.get<std::uint64_t>()));
    }
    return v.is_number_integer() && range.contains(v.get<long long>());
}

std::optional<int> optional_int(const json& obj, const std::string& where, const char* key,
                                Range range) {
    const auto& v = member(obj, where, key);
    if (v.is_null()) {
        return std::nullopt;
    }
    if (!whole_in(v, range)) {
        bad(path(where, key),
            fmt::format("must be a whole number from {} to {} or null", range.lo, range.hi));
    }
    return static_cast<int>(v.get<long long>());
}

int whole(const json& obj, const std::string& where, const char* key, Range range) {
    const auto v = optional_int(obj, where, key, range);
    if (!v) {
        bad(path(where, key),
            fmt::format("must be a whole number from {} to {}", range.lo, range.hi));
    }
    return *v;
}

std::optional<Instant> optional_instant(const json& obj, const std::string& where,
                                        const char* key) {
    const auto& v = member(obj, where, key);
    if (v.is_null()) {
        return std::nullopt;
    }
    const auto t =
        v.is_string() ? parse_instant_utc(v.get_ref<const std::string&>()) : std::nullopt;
    if (!t) {
        bad(path(where, key), "must be a UTC time YYYY-MM-DDTHH:MM:SSZ");
    }
    return t;
}

Instant instant(const json& obj, const std::string& where, const char* key) {
    const auto t = optional_instant(obj, where, key);
    if (!t) {
        bad(path(where, key), "must be a UTC time YYYY-MM-DDTHH:MM:SSZ");
    }
    return *t;
}

Date night(const json& obj, const std::string& where, const char* key) {
    const auto& v = member(obj, where, key);
    const auto d = v.is_string() ? parse_iso_date(v.get_ref<const std::string&>()) : std::nullopt;
    if (!d || *d < k_earliest_night) {
        bad(path(where, key),
            fmt::format("must be a date YYYY-MM-DD from {} on", format_date(k_earliest_night)));
    }
    return *d;
}

Instant instant_in_range(const json& obj, const std::string& where, const char* key, Instant now) {
    const auto t = instant(obj, where, key);
    if (t < date::sys_days{k_earliest_night} || t > now) {
        bad(path(where, key), fmt::format("must lie from {} up to now ({})",
                                          format_date(k_earliest_night), format_instant_utc(now)));
    }
    return t;
}

Zone zone(const json& obj, const std::string& where, const char* key, std::string& name) {
    name = label(obj, where, key, k_max_zone_name_bytes);
    if (auto found = Zone::find(name)) {
        return *found;
    }
    bad(path(where, key), "must name a time zone such as Europe/Berlin or UTC");
}

std::string uuid(const json& obj, const std::string& where) {
    const auto& v = member(obj, where, "uuid");
    const std::string s = v.is_string() ? v.get<std::string>() : std::string();
    bool ok = s.size() == 36;
    for (std::size_t i = 0; ok && i < s.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        ok = dash ? s[i] == '-' : std::isxdigit(static_cast<unsigned char>(s[i])) != 0;
    }
    if (!ok) {
        bad(path(where, "uuid"), "must be a UUID such as 6f1c2a40-3b1e-4d0a-9c51-000000000001");
    }
    std::string lowered = s;
    std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lowered;
}

std::string name(const json& obj, const std::string& where, const char* key, bool allow_dot) {
    const auto& v = member(obj, where, key);
    if (!v.is_string()) {
        bad(path(where, key), "must be a string");
    }
    try {
        return parse_name(v.get_ref<const std::string&>(), path(where, key), allow_dot);
    } catch (const Error& e) {
        throw Error(Exit::data, fmt::format("import: {}", e.what()));
    }
}

bool flag(const json& obj, const std::string& where, const char* key) {
    const auto it = obj.find(key);
    if (it == obj.end()) {
        return false;
    }
    if (!it->is_boolean()) {
        bad(path(where, key), "must be true or false");
    }
    return it->get<bool>();
}

const json& array(const json& doc, const char* key) {
    const auto& v = member(doc, "document", key);
    if (!v.is_array()) {
        bad(key, "must be an array");
    }
    return v;
}

} // namespace rls::imports
