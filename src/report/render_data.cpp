// The report model as JSON (the whole model; schema in rls(1)) and as CSV.
#include "core/text_formats.hpp"
#include "core/time.hpp"
#include "report/render.hpp"
#include "report/render_tracked.hpp"
#include "report/trial_render.hpp"

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

std::string outcome_id(Outcome o) {
    return o == Outcome::sleep ? "sleep" : "restless";
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

ordered_json groups_json(const std::vector<Group>& groups) {
    ordered_json out = ordered_json::array();
    for (const auto& g : groups) {
        out.push_back({{"label", g.label},
                       {"nights", g.nights},
                       {"sleep", measure_json(g.sleep)},
                       {"restless", measure_json(g.restless)}});
    }
    return out;
}

ordered_json comparison_json(const Comparison& c) {
    const auto& e = c.estimate;
    ordered_json j{{"family", c.family},
                   {"outcome", outcome_id(c.outcome)},
                   {"a", c.a},
                   {"b", c.b},
                   {"n_a", c.n_a},
                   {"n_b", c.n_b},
                   {"diff", e ? ordered_json(e->diff) : nullptr},
                   {"ci95", e ? ordered_json::array({e->low, e->high}) : nullptr},
                   {"p_better", e ? ordered_json(e->p_better) : nullptr},
                   {"p_mid", e ? ordered_json(e->p_mid) : nullptr},
                   {"adjusted_for", c.adjusted_for},
                   {"primary", c.primary},
                   {"verdict", verdict_id(c.verdict)},
                   {"se", e ? ordered_json(e->se) : nullptr},
                   {"df", e ? ordered_json(e->df) : nullptr},
                   {"hac_lags", e ? ordered_json(e->lags) : nullptr},
                   {"p_value", e ? ordered_json(e->p_value) : nullptr},
                   {"p_holm", e && e->p_holm ? ordered_json(*e->p_holm) : nullptr},
                   {"note", c.note.empty() ? ordered_json(nullptr) : ordered_json(c.note)}};
    return j;
}

std::string csv_num(const std::optional<double>& v) {
    return v ? fmt::format("{:.4g}", *v) : "";
}

} // namespace

ordered_json render_json(const Model& m) {
    ordered_json j;
    j["schema"] = "rls-report/2";
    j["from"] = format_date(m.options.from);
    j["to"] = format_date(m.options.to);
    j["first_night"] = format_date(m.first_night);
    j["min_nights"] = m.options.min_nights;
    j["mid"] = m.options.mid;
    const auto& c = m.coverage;
    const auto dates = [](const std::vector<Date>& list) {
        ordered_json out = ordered_json::array();
        for (const auto& d : list) {
            out.push_back(format_date(d));
        }
        return out;
    };
    j["coverage"] = {{"nights", c.nights},
                     {"nights_with_session", c.nights_with_session},
                     {"nights_rated", c.nights_rated},
                     {"adherence_pct", c.adherence_pct},
                     {"current_streak", c.current_streak},
                     {"longest_streak", c.longest_streak},
                     {"missing_ratings", dates(c.missing_ratings)},
                     {"no_score", dates(c.no_score)}};
    ordered_json comparisons = ordered_json::array();
    for (const auto& x : m.comparisons) {
        comparisons.push_back(comparison_json(x));
    }
    j["comparisons"] = comparisons;
    j["comparisons_made"] = m.comparisons_made;
    j["nights_by"] = {{"session", groups_json(m.by_session)},
                      {"routine", groups_json(m.routines)},
                      {"oil", groups_json(m.oils)},
                      {"tag", groups_json(m.tags)}};
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
    j["next_steps"] = m.next_steps;
    j["trial"] = m.trial ? render_trial_json(*m.trial) : ordered_json(nullptr);
    j["tracked"] = tracked_json(m.tracked);
    return j;
}

std::string render_csv(const Model& m) {
    std::string out = "section,family,outcome,a,b,n_a,n_b,diff,ci95_low,ci95_high,p_better,"
                      "p_mid,adjusted_for,primary,verdict,note,label,nights,rated,mean_sleep,"
                      "mean_restless,sessions,total_sleep_min,efficiency_pct,value,unit,flag\r\n";
    for (const auto& c : m.comparisons) {
        const auto& e = c.estimate;
        const auto field = [&](double Estimate::*member) {
            return e ? fmt::format("{:.6g}", (*e).*member) : std::string();
        };
        std::string adjusted;
        for (const auto& a : c.adjusted_for) {
            adjusted += (adjusted.empty() ? "" : ";") + a;
        }
        out += fmt::format("comparison,{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},,,,,,,,,,,\r\n",
                           c.family, outcome_id(c.outcome), csv_field(c.a), csv_field(c.b), c.n_a,
                           c.n_b, field(&Estimate::diff), field(&Estimate::low),
                           field(&Estimate::high), field(&Estimate::p_better),
                           field(&Estimate::p_mid), csv_field(adjusted),
                           c.primary ? "true" : "false", verdict_id(c.verdict), csv_field(c.note));
    }
    const auto group_rows = [&](const char* family, const std::vector<Group>& groups) {
        for (const auto& g : groups) {
            out += fmt::format("group,{},,,,,,,,,,,,,,,{},{},{},{},{},,,,,,\r\n", family,
                               csv_field(g.label), g.nights, std::max(g.sleep.n, g.restless.n),
                               csv_num(g.sleep.mean), csv_num(g.restless.mean));
        }
    };
    // The trial's comparisons first, in the same columns: family says which
    // analysis, verdict the decision, note the protocol's fingerprint.
    if (m.trial) {
        const auto& t = *m.trial;
        const auto rows = [&](const char* family, const std::vector<TrialEffect>& list) {
            for (const auto& e : list) {
                out += fmt::format("trial,{},{},{},{},{},{},{:.6g},{:.6g},{:.6g},{:.6g},{:.6g},"
                                   "block,{},{},{},,,,,,,,"
                                   "\r\n",
                                   family, outcome_name(t.outcome), csv_field(t.arms[0], true),
                                   csv_field(t.arms[static_cast<std::size_t>(e.arm)], true), e.n_a,
                                   e.n_b, e.diff, e.low, e.high, e.p_b_better, e.p_b_mid,
                                   std::string_view(family) == "as_assigned" ? "true" : "false",
                                   decision_id(t.decision), t.fingerprint);
            }
        };
        rows("as_assigned", t.as_assigned);
        rows("as_done", t.as_done);
    }
    group_rows("session", m.by_session);
    group_rows("routine", m.routines);
    group_rows("oil", m.oils);
    group_rows("tag", m.tags);
    for (const auto& w : m.weeks) {
        out +=
            fmt::format("week,,,,,,,,,,,,,,,,{},{},{},{},{},{},{},{},,,\r\n", format_date(w.start),
                        w.nights, w.rated, csv_num(w.sleep.mean), csv_num(w.restless.mean),
                        w.sessions, csv_num(w.total_sleep_min), csv_num(w.efficiency_pct));
    }
    return out + tracked_csv(m.tracked);
}

} // namespace rls::report
