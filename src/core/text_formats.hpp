// Small helpers shared by every JSON and CSV writer: null for what is
// missing, and RFC 4180 quoting.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace rls {

template <class T>
[[nodiscard]] nlohmann::ordered_json nullable(const std::optional<T>& v) {
    return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
}

// An RFC 4180 field, quoted when it holds a comma, quote or line break. With
// `neutralise`, a cell a spreadsheet would run as a formula (= + - @ tab CR
// first) gets a leading apostrophe.
[[nodiscard]] inline std::string csv_field(std::string s, bool neutralise = false) {
    if (neutralise && !s.empty() &&
        (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' ||
         s[0] == '\r')) {
        s = "'" + s;
    }
    if (s.find_first_of(",\"\r\n") == std::string::npos) {
        return s;
    }
    std::string out = "\"";
    for (const char c : s) {
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return out + "\"";
}

} // namespace rls
