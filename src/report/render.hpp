// Renderers for the report model: text for a terminal, JSON, and CSV.
#pragma once

#include "report/model.hpp"

#include <nlohmann/json.hpp>
#include <string>

namespace rls::report {

struct TextStyle {
    bool color = false;
};

[[nodiscard]] std::string render_text(const Model& m, const TextStyle& style);
[[nodiscard]] nlohmann::ordered_json render_json(const Model& m);
// RFC 4180: one table with a `section` column (summary, routine, oil, tag, week).
[[nodiscard]] std::string render_csv(const Model& m);

// A sparkline of 0-10 values; missing values are a middle dot.
[[nodiscard]] std::string sparkline(const std::vector<std::optional<double>>& values);

} // namespace rls::report
