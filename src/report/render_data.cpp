// The report model as JSON (the whole model; schema in rls(1)) and as CSV.
#include "core/text_formats.hpp"
#include "core/time.hpp"
#include "report/render.hpp"

#include <fmt/format.h>

namespace rls::report {

using nlohmann::ordered_json;

namespace {

ordered_json interval_json(const std::optional<stats::Interval>& i) {
    if (!i) {
        return nullptr;
    }
    return {{"estimate", i->estimate}, {"ci95_low", i->low}, {"ci95_high", i->high}, {"df", i->df}};
}

ordered_json measure_json(const Measure& m) {
    return {{"n", m.n}, {"mean", nullable(m.mean)}, {"sd", nullable(m.sd)}};
}

std::string verdict_id(Verdict v) {
    switch (v) {
    case Verdict::too_few:
        return "too_few";
    case Verdict::better:
        return "better";
    case Verdict::worse:
        return "worse";
    case Verdict::unclear:
        return "unclear";
    }
    return {};
}

ordered_json comparison_json(const Comparison& c) {
    return {{"group", measure_json(c.group)},
            {"reference", measure_json(c.reference)},
            {"difference", interval_json(c.difference)},
            {"verdict", verdict_id(c.verdict)}};
}

ordered_json group_json(const Group& g) {
    return {{"label", g.label},
            {"compared_with", g.reference},
            {"nights", g.nights},
            {"enough", g.enough},
            {"rank", nullable(g.rank)},
            {"sleep", comparison_json(g.sleep)},
            {"restless", comparison_json(g.restless)}};
}

ordered_json groups_json(const std::vector<Group>& groups) {
    ordered_json out = ordered_json::array();
    for (const auto& g : groups) {
        out.push_back(group_json(g));
    }
    return out;
}

std::string csv_num(const std::optional<double>& v) {
    return v ? fmt::format("{:.4g}", *v) : "";
}

} // namespace

ordered_json render_json(const Model& m) {
    ordered_json j;
    j["schema"] = "rls-report/1";
    j["from"] = format_date(m.options.from);
    j["to"] = format_date(m.options.to);
    j["min_nights"] = m.options.min_nights;
    const auto& c = m.coverage;
    ordered_json missing = ordered_json::array();
    for (const auto& d : c.missing_ratings) {
        missing.push_back(format_date(d));
    }
    j["coverage"] = {{"nights", c.nights},
                     {"nights_with_session", c.nights_with_session},
                     {"nights_rated", c.nights_rated},
                     {"adherence_pct", c.adherence_pct},
                     {"current_streak", c.current_streak},
                     {"longest_streak", c.longest_streak},
                     {"missing_ratings", missing}};
    j["sessions_vs_none"] = group_json(m.sessions_vs_none);
    j["routines"] = groups_json(m.routines);
    j["oils"] = groups_json(m.oils);
    j["tags"] = groups_json(m.tags);
    j["immediate_effect"] = {{"n", m.immediate.n},
                             {"before_mean", nullable(m.immediate.before_mean)},
                             {"after_mean", nullable(m.immediate.after_mean)},
                             {"change", interval_json(m.immediate.change)}};
    ordered_json points = ordered_json::array();
    for (const auto& t : m.points) {
        ordered_json weekly = ordered_json::array();
        for (const auto& w : t.weekly) {
            weekly.push_back(nullable(w));
        }
        points.push_back({{"point", t.point},
                          {"n", t.n},
                          {"weekly_mean", weekly},
                          {"slope_per_week", nullable(t.slope_per_week)}});
    }
    j["points"] = points;
    j["tenderness_vs_restless"] = {{"n", m.tenderness_vs_restless.n},
                                   {"spearman_rho", nullable(m.tenderness_vs_restless.rho)}};
    ordered_json weeks = ordered_json::array();
    for (const auto& w : m.weeks) {
        weeks.push_back({{"start", format_date(w.start)},
                         {"end", format_date(w.end)},
                         {"nights", w.nights},
                         {"sessions", w.sessions},
                         {"rated", w.rated},
                         {"sleep", measure_json(w.sleep)},
                         {"restless", measure_json(w.restless)},
                         {"diary_nights", w.diary_nights},
                         {"total_sleep_min", nullable(w.total_sleep_min)},
                         {"efficiency_pct", nullable(w.efficiency_pct)}});
    }
    j["weeks"] = weeks;
    j["comparisons"] = m.comparisons;
    j["many_comparisons"] = m.many_comparisons;
    j["next_steps"] = m.next_steps;
    return j;
}

std::string render_csv(const Model& m) {
    std::string out =
        "section,label,nights,rated,mean_sleep,mean_restless,sleep_diff,sleep_ci95_low,"
        "sleep_ci95_high,restless_diff,restless_ci95_low,restless_ci95_high,rank,"
        "sessions,total_sleep_min,efficiency_pct\r\n";
    const auto group_row = [&](const char* section, const Group& g) {
        const auto d = [](const Comparison& c, auto field) {
            return c.difference ? csv_num(field(*c.difference)) : std::string();
        };
        const auto est = [](const stats::Interval& i) { return i.estimate; };
        const auto low = [](const stats::Interval& i) { return i.low; };
        const auto high = [](const stats::Interval& i) { return i.high; };
        out += fmt::format(
            "{},{},{},{},{},{},{},{},{},{},{},{},{},,,\r\n", section, csv_field(g.label), g.nights,
            g.sleep.group.n, csv_num(g.sleep.group.mean), csv_num(g.restless.group.mean),
            d(g.sleep, est), d(g.sleep, low), d(g.sleep, high), d(g.restless, est),
            d(g.restless, low), d(g.restless, high), g.rank ? std::to_string(*g.rank) : "");
    };
    group_row("summary", m.sessions_vs_none);
    for (const auto& g : m.routines) {
        group_row("routine", g);
    }
    for (const auto& g : m.oils) {
        group_row("oil", g);
    }
    for (const auto& g : m.tags) {
        group_row("tag", g);
    }
    for (const auto& w : m.weeks) {
        out += fmt::format("week,{},{},{},{},{},,,,,,,,{},{},{}\r\n", format_date(w.start),
                           w.nights, w.rated, csv_num(w.sleep.mean), csv_num(w.restless.mean),
                           w.sessions, csv_num(w.total_sleep_min), csv_num(w.efficiency_pct));
    }
    return out;
}

} // namespace rls::report
