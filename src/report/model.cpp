// Building the report model in named steps. Nights are the unit: a night
// belongs to the sessions before it; nights without a session are the
// baseline; unrated nights are missing, never zero; nights before the
// diary's first entry are not counted at all.
#include "report/model.hpp"

#include "report/comparisons.hpp"
#include "report/nights.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <set>

namespace rls::report {

namespace {

using date::sys_days;

Measure measure(const std::vector<double>& values) {
    const auto s = stats::summarize(values);
    return {s.n, s.mean, s.sd};
}

std::optional<double> mean_of(const std::vector<double>& v) {
    return stats::summarize(v).mean;
}

// The first night counted: the window's, or the diary's first entry if later.
Date first_night_of(const Options& o) {
    return o.diary_start && *o.diary_start > o.from ? *o.diary_start : o.from;
}

Coverage coverage_of(const std::vector<Night>& nights) {
    Coverage c;
    c.nights = static_cast<int>(nights.size());
    int run = 0;
    for (const auto& n : nights) {
        c.nights_with_session += n.has_session() ? 1 : 0;
        run = n.has_session() ? run + 1 : 0;
        c.longest_streak = std::max(c.longest_streak, run);
        if (n.scored()) {
            ++c.nights_rated;
        } else if (n.rating != nullptr) {
            c.no_score.push_back(n.night);
        } else {
            c.missing_ratings.push_back(n.night);
        }
    }
    c.current_streak = run;
    c.adherence_pct = c.nights > 0 ? 100.0 * c.nights_with_session / c.nights : 0.0;
    return c;
}

template <class In>
Group group_of(std::string label, const std::vector<Night>& nights, In&& in) {
    Group g;
    g.label = std::move(label);
    std::vector<double> sleep;
    std::vector<double> restless;
    for (const auto& n : nights) {
        if (!in(n)) {
            continue;
        }
        ++g.nights;
        if (const auto s = n.score(Outcome::sleep)) {
            sleep.push_back(*s);
        }
        if (const auto r = n.score(Outcome::restless)) {
            restless.push_back(*r);
        }
    }
    g.sleep = measure(sleep);
    g.restless = measure(restless);
    return g;
}

// Unadjusted means of each variant's nights: a description, not a comparison.
void describe_groups(Model& m, const std::vector<Night>& nights) {
    m.by_session.push_back(
        group_of("session", nights, [](const Night& n) { return n.has_session(); }));
    m.by_session.push_back(
        group_of("no session", nights, [](const Night& n) { return !n.has_session(); }));
    std::set<std::string> variants;
    std::set<std::string> oils;
    std::set<std::string> tags;
    for (const auto& n : nights) {
        tags.insert(n.night_tags.begin(), n.night_tags.end());
        if (!n.has_session()) {
            continue;
        }
        variants.insert(n.variant());
        for (const auto* s : n.sessions) {
            for (const auto& o : s->oils) {
                oils.insert(o.oil);
            }
            tags.insert(s->tags.begin(), s->tags.end());
        }
    }
    for (const auto& v : variants) {
        m.routines.push_back(group_of(
            v, nights, [&](const Night& n) { return n.has_session() && n.variant() == v; }));
    }
    for (const auto& o : oils) {
        m.oils.push_back(group_of(o, nights, [&](const Night& n) { return n.has_oil(o); }));
    }
    for (const auto& t : tags) {
        m.tags.push_back(group_of(t, nights, [&](const Night& n) { return n.has_tag(t); }));
    }
    for (auto* list : {&m.routines, &m.oils, &m.tags}) {
        std::stable_sort(list->begin(), list->end(),
                         [](const Group& a, const Group& b) { return a.nights > b.nights; });
    }
}

// Evening restlessness before vs after the massage, paired. The same evening,
// with no comparison evening: it shows the moment, not an effect on the night.
ImmediateEffect immediate_effect(const std::vector<Night>& nights, int min_nights) {
    std::vector<double> before;
    std::vector<double> after;
    for (const auto& n : nights) {
        for (const auto* s : n.sessions) {
            if (s->before && s->after) {
                before.push_back(*s->before);
                after.push_back(*s->after);
            }
        }
    }
    ImmediateEffect e;
    e.n = static_cast<int>(before.size());
    e.before_mean = mean_of(before);
    e.after_mean = mean_of(after);
    if (e.n >= min_nights) {
        e.change = stats::paired_difference(before, after);
    }
    return e;
}

std::vector<Week> weeks_of(const std::vector<Night>& nights) {
    std::vector<Week> weeks;
    for (std::size_t start = 0; start < nights.size(); start += 7) {
        const std::size_t end = std::min(nights.size(), start + 7);
        Week week;
        week.start = nights[start].night;
        week.end = nights[end - 1].night;
        std::vector<double> sleep;
        std::vector<double> restless;
        std::vector<double> tst;
        std::vector<double> se;
        for (std::size_t i = start; i < end; ++i) {
            const auto& n = nights[i];
            ++week.nights;
            week.sessions += static_cast<int>(n.sessions.size());
            if (n.rating == nullptr) {
                continue;
            }
            week.rated += n.scored() ? 1 : 0;
            if (const auto s = n.score(Outcome::sleep)) {
                sleep.push_back(*s);
            }
            if (const auto r = n.score(Outcome::restless)) {
                restless.push_back(*r);
            }
            const auto f = derive_figures(n.rating->diary);
            if (f.tst_min) {
                tst.push_back(*f.tst_min);
            }
            if (f.efficiency_pct) {
                se.push_back(*f.efficiency_pct);
            }
            week.diary_nights += n.rating->diary.empty() ? 0 : 1;
        }
        week.sleep = measure(sleep);
        week.restless = measure(restless);
        week.total_sleep_min = mean_of(tst);
        week.efficiency_pct = mean_of(se);
        weeks.push_back(week);
    }
    return weeks;
}

// Tenderness of each point by week, and its trend, in the order points first appear.
std::vector<PointTrend> point_trends(const std::vector<Night>& nights) {
    const std::size_t week_count = (nights.size() + 6) / 7;
    std::vector<std::string> order;
    std::map<std::string, std::pair<std::vector<double>, std::vector<double>>> xy;
    std::map<std::string, std::vector<std::vector<double>>> by_week;
    for (std::size_t i = 0; i < nights.size(); ++i) {
        for (const auto* s : nights[i].sessions) {
            for (const auto& p : s->points) {
                if (xy.count(p.point) == 0) {
                    order.push_back(p.point);
                }
                xy[p.point].first.push_back(static_cast<double>(i) / 7.0);
                xy[p.point].second.push_back(p.tenderness);
                auto& weeks = by_week[p.point];
                weeks.resize(week_count);
                weeks[i / 7].push_back(p.tenderness);
            }
        }
    }
    std::vector<PointTrend> trends;
    for (const auto& point : order) {
        PointTrend t;
        t.point = point;
        t.n = static_cast<int>(xy[point].first.size());
        for (const auto& values : by_week[point]) {
            t.weekly.push_back(mean_of(values));
        }
        if (const auto line = stats::least_squares(xy[point].first, xy[point].second)) {
            t.slope_per_week = line->slope;
        }
        trends.push_back(std::move(t));
    }
    return trends;
}

// A night's mean tenderness (all its sessions' points) vs its restlessness.
Correlation tenderness_vs_restless(const std::vector<Night>& nights) {
    std::vector<double> tenderness;
    std::vector<double> restless;
    for (const auto& n : nights) {
        std::vector<double> values;
        for (const auto* s : n.sessions) {
            for (const auto& p : s->points) {
                values.push_back(p.tenderness);
            }
        }
        const auto r = n.score(Outcome::restless);
        if (!values.empty() && r) {
            tenderness.push_back(*mean_of(values));
            restless.push_back(*r);
        }
    }
    return {static_cast<int>(tenderness.size()), stats::spearman(tenderness, restless)};
}

// What to log next when the data cannot answer yet.
std::vector<std::string> next_steps_of(const Model& m) {
    std::vector<std::string> steps;
    const int min = m.options.min_nights;
    const auto& with = m.by_session[0];
    const auto& without = m.by_session[1];
    if (m.coverage.nights_with_session == 0) {
        steps.emplace_back(
            "Log tonight's massage with 'rls log' (or 'rls log --at' for a past one).");
    } else if (with.sleep.n < min) {
        steps.push_back(fmt::format(
            "Rate the mornings after your sessions with 'rls rate': {} of at least {} so far.",
            with.sleep.n, min));
    }
    if (without.nights > 0 && without.sleep.n < min) {
        steps.push_back(fmt::format("Rate some nights without a massage too - they are the "
                                    "baseline: {} of at least {} so far.",
                                    without.sleep.n, min));
    }
    const auto missing = m.coverage.missing_ratings.size();
    if (missing > 0 && missing < static_cast<std::size_t>(m.coverage.nights)) {
        steps.push_back(
            fmt::format("{} night{} with no rating: 'rls rate --night DATE' if you remember it.",
                        missing, missing == 1 ? "" : "s"));
    }
    return steps;
}

} // namespace

Model build(const std::vector<Session>& sessions, const std::vector<Rating>& ratings,
            const Options& options, const Measures& measures) {
    Model m;
    m.options = options;
    m.first_night = first_night_of(options);
    const auto nights = report_nights(m.first_night, options.to, sessions, ratings, measures);
    m.coverage = coverage_of(nights);
    describe_groups(m, nights);
    m.comparisons = compare_variants(nights, options);
    m.comparisons_made = static_cast<int>(std::count_if(m.comparisons.begin(), m.comparisons.end(),
                                                        [](const auto& c) { return c.estimate; }));
    m.immediate = immediate_effect(nights, options.min_nights);
    m.points = point_trends(nights);
    m.tenderness_vs_restless = tenderness_vs_restless(nights);
    m.weeks = weeks_of(nights);
    for (const auto& n : nights) {
        m.nights.push_back({n.night, n.score(Outcome::sleep), n.score(Outcome::restless),
                            static_cast<int>(n.sessions.size())});
    }
    m.next_steps = next_steps_of(m);
    std::vector<Date> week_starts;
    for (const auto& w : m.weeks) {
        week_starts.push_back(w.start);
    }
    std::vector<Date> without;
    for (const auto& n : nights) {
        if (!n.has_session()) {
            without.push_back(n.night);
        }
    }
    m.tracked = tracked_of(measures, m.first_night, options.to, week_starts, without);
    return m;
}

} // namespace rls::report
