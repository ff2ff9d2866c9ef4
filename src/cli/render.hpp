// Turning sessions, ratings and catalog rows into JSON and terminal text.
#pragma once

#include "core/measures.hpp"
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

// A dose as the commands show it: its number first (what rls took --delete
// takes), then the form rls export writes.
[[nodiscard]] nlohmann::ordered_json dose_json(const Dose& d);
// When the dose was taken, in the zone it was taken in ("21:00").
[[nodiscard]] std::string dose_local_time(const Dose& d, std::string_view fmt = "%H:%M");
// "pramipexole 0.25 mg"
[[nodiscard]] std::string dose_amount_label(const Dose& d);
// "pramipexole 0.25 mg at 21:00", the time in the zone it was taken in,
// the name made safe for a terminal.
[[nodiscard]] std::string dose_label(const Dose& d);
// An iron lab with its number first (what rls lab --delete takes).
[[nodiscard]] nlohmann::ordered_json lab_json(const Lab& l);

// Prints JSON the way every --json output does: two-space indent, newline.
void print_json(Context& ctx, const nlohmann::ordered_json& j);

} // namespace rls
