// The readers of an import file's fields: each validates one member of a
// JSON object and fails with Error(data) naming its place in the document
// ("sessions[3].rounds"), never repeating the value, which may be private.
#pragma once

#include "core/limits.hpp"
#include "core/time.hpp"
#include "core/zone.hpp"

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace rls::imports {

using nlohmann::json;

[[noreturn]] void bad(const std::string& where, const std::string& what);
// "where.key", the place of a member in messages.
[[nodiscard]] std::string path(const std::string& where, const char* key);

// obj[key], which must exist; `where` is obj's place.
[[nodiscard]] const json& member(const json& obj, const std::string& where, const char* key);
// doc[key], which must be an array.
[[nodiscard]] const json& array(const json& doc, const char* key);

// Text of at most `max` bytes; a label also has no control characters (it
// is shown in tables and on the guide's screen; notes may hold any text).
[[nodiscard]] std::string text(const json& obj, const std::string& where, const char* key,
                               std::size_t max);
[[nodiscard]] std::string label(const json& obj, const std::string& where, const char* key,
                                std::size_t max);
[[nodiscard]] std::optional<std::string> optional_text(const json& obj, const std::string& where,
                                                       const char* key, std::size_t max);

// Whole numbers in `range`; a huge unsigned one never wraps into it.
[[nodiscard]] bool whole_in(const json& v, Range range);
[[nodiscard]] std::optional<int> optional_int(const json& obj, const std::string& where,
                                              const char* key, Range range);
[[nodiscard]] int whole(const json& obj, const std::string& where, const char* key, Range range);

// UTC times and nights (from the earliest night on).
[[nodiscard]] std::optional<Instant> optional_instant(const json& obj, const std::string& where,
                                                      const char* key);
[[nodiscard]] Instant instant(const json& obj, const std::string& where, const char* key);
[[nodiscard]] Date night(const json& obj, const std::string& where, const char* key);
// An instant from the earliest night up to `now`: the range rls log keeps to.
[[nodiscard]] Instant instant_in_range(const json& obj, const std::string& where, const char* key,
                                       Instant now);

// A zone this system can interpret, as rls stores them (an IANA name or a
// POSIX TZ string), so that every export re-imports; `name` keeps it as written.
[[nodiscard]] Zone zone(const json& obj, const std::string& where, const char* key,
                        std::string& name);

// obj.uuid, lowered.
[[nodiscard]] std::string uuid(const json& obj, const std::string& where);
// An id or name as the command line accepts it (core/parse).
[[nodiscard]] std::string name(const json& obj, const std::string& where, const char* key,
                               bool allow_dot);
// An optional true/false member (absent in files from schema version 1).
[[nodiscard]] bool flag(const json& obj, const std::string& where, const char* key);

} // namespace rls::imports
