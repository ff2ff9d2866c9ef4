// Renderers for the report model: text for a terminal, JSON, CSV, and one
// self-contained HTML page for a doctor (printed to PDF by the command layer).
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

// What the page says about itself; nothing identifying unless `name` is set.
struct HtmlOptions {
    std::string name;    // the patient's name, as given; empty: none
    std::string made;    // the date the report was made, YYYY-MM-DD
    std::string version; // rls's version
    std::string paper;   // "A4" or "letter" sets the printed page's size; empty: the printer's
    double zoom = 0;     // the print zoom; 0: as estimated to fit two pages (html_fit)
};

// One XHTML-compatible HTML5 page: inline CSS and SVG, no script, no
// reference to anything outside it. Sections without data are left out.
[[nodiscard]] std::string render_html(const Model& m, const HtmlOptions& options);
// The print zoom render_html estimates for the page (1: full size), whatever
// options.zoom says.
[[nodiscard]] double estimated_print_zoom(const Model& m, const HtmlOptions& options);

// A sparkline of 0-10 values; missing values are a middle dot.
[[nodiscard]] std::string sparkline(const std::vector<std::optional<double>>& values);

} // namespace rls::report
