// JSON forms of model pieces that every JSON writer shares (rls show --json,
// rls list --json, rls export), so they can never drift apart.
#pragma once

#include "core/model.hpp"
#include "core/text_formats.hpp"

namespace rls {

[[nodiscard]] inline nlohmann::ordered_json instant_or_null(const std::optional<Instant>& t) {
    return t ? nlohmann::ordered_json(format_instant_utc(*t)) : nlohmann::ordered_json(nullptr);
}

[[nodiscard]] inline nlohmann::ordered_json points_json(const std::vector<SessionPoint>& points) {
    auto out = nlohmann::ordered_json::array();
    for (const auto& p : points) {
        out.push_back({{"point", p.point}, {"tenderness", p.tenderness}});
    }
    return out;
}

[[nodiscard]] inline nlohmann::ordered_json oils_json(const std::vector<SessionOil>& oils) {
    auto out = nlohmann::ordered_json::array();
    for (const auto& o : oils) {
        out.push_back({{"oil", o.oil}, {"drops", nullable(o.drops)}});
    }
    return out;
}

// The sleep diary as recorded: clock times as UTC instants, durations in minutes.
[[nodiscard]] inline nlohmann::ordered_json diary_json(const SleepDiary& d) {
    return {{"into_bed_utc", instant_or_null(d.into_bed)},
            {"try_sleep_utc", instant_or_null(d.try_sleep)},
            {"latency_min", nullable(d.latency_min)},
            {"awakenings", nullable(d.awakenings)},
            {"waso_min", nullable(d.waso_min)},
            {"final_wake_utc", instant_or_null(d.final_wake)},
            {"out_of_bed_utc", instant_or_null(d.out_of_bed)}};
}

} // namespace rls
