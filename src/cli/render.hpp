// Turning sessions, ratings and catalog rows into JSON and terminal text.
#pragma once

#include "core/model.hpp"
#include "core/terminal_text.hpp"

#include <nlohmann/json.hpp>
#include <string>

namespace rls {

class Context;

[[nodiscard]] nlohmann::ordered_json to_json(const Session& s);
[[nodiscard]] nlohmann::ordered_json to_json(const Rating& r);
[[nodiscard]] nlohmann::ordered_json to_json(const Point& p);
[[nodiscard]] nlohmann::ordered_json to_json(const Oil& o);
[[nodiscard]] nlohmann::ordered_json to_json(const Routine& r);

// The session's start in the zone it was logged in ("2026-11-24 22:30").
[[nodiscard]] std::string session_local_time(const Session& s,
                                             std::string_view fmt = "%Y-%m-%d %H:%M");

// "standard x2"
[[nodiscard]] std::string routine_label(const Session& s);
// "6→3" or "-"
[[nodiscard]] std::string before_after(const Session& s);
[[nodiscard]] std::string or_dash(const std::optional<int>& v);
[[nodiscard]] std::string minutes_label(int minutes); // "7h05m"

// Prints JSON the way every --json output does: two-space indent, newline.
void print_json(Context& ctx, const nlohmann::ordered_json& j);

} // namespace rls
