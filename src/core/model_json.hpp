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

} // namespace rls
