// Building the report model. Nights are the unit: a night belongs to the
// routine and rotations of the session(s) before it; nights without a
// session are the baseline; unrated nights are missing, never zero.
#include "report/model.hpp"

#include "core/nights.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <set>

namespace rls::report {

namespace {

using date::sys_days;

using NightData = NightEntries;

Measure measure(const std::vector<double>& values) {
    const auto s = stats::summarize(values);
    return {s.n, s.mean, s.sd};
}

Comparison compare(const std::vector<double>& group, const std::vector<double>& reference,
                   int min_nights, bool lower_is_better) {
    Comparison c;
    c.group = measure(group);
    c.reference = measure(reference);
    if (c.group.n < min_nights || c.reference.n < min_nights) {
        return c;
    }
    c.difference = stats::welch_difference(group, reference);
    if (!c.difference) {
        return c;
    }
    const bool up = c.difference->low > 0;
    const bool down = c.difference->high < 0;
    if (!up && !down) {
        c.verdict = Verdict::unclear;
    } else {
        c.verdict = (up != lower_is_better) ? Verdict::better : Verdict::worse;
    }
    return c;
}

// Sleep and restlessness of the nights that pass `in_group` vs those that pass `in_reference`.
template <class InGroup, class InReference>
Group make_group(std::string label, std::string reference, const std::vector<NightData>& nights,
                 InGroup&& in_group, InReference&& in_reference, int min_nights) {
    Group g;
    g.label = std::move(label);
    g.reference = std::move(reference);
    std::vector<double> sleep_in;
    std::vector<double> sleep_out;
    std::vector<double> restless_in;
    std::vector<double> restless_out;
    for (const auto& n : nights) {
        const bool inside = in_group(n);
        if (inside) {
            ++g.nights;
        } else if (!in_reference(n)) {
            continue;
        }
        if (n.rating == nullptr) {
            continue;
        }
        if (n.rating->sleep) {
            (inside ? sleep_in : sleep_out).push_back(*n.rating->sleep);
        }
        if (n.rating->restless) {
            (inside ? restless_in : restless_out).push_back(*n.rating->restless);
        }
    }
    g.sleep = compare(sleep_in, sleep_out, min_nights, false);
    g.restless = compare(restless_in, restless_out, min_nights, true);
    g.enough = g.sleep.difference.has_value() || g.restless.difference.has_value();
    return g;
}

// A night's routine label: "standard x2"; rotations of several sessions of
// the same routine add up; different routines in one night are "mixed".
std::string routine_of(const NightData& n) {
    std::string routine = n.sessions.front()->routine;
    int rounds = 0;
    for (const auto* s : n.sessions) {
        if (s->routine != routine) {
            return "mixed";
        }
        rounds += s->rounds;
    }
    return fmt::format("{} x{}", routine, rounds);
}

bool night_has_oil(const NightData& n, const std::string& oil) {
    return std::any_of(n.sessions.begin(), n.sessions.end(), [&](const Session* s) {
        return std::any_of(s->oils.begin(), s->oils.end(),
                           [&](const auto& o) { return o.oil == oil; });
    });
}

bool night_has_tag(const NightData& n, const std::string& tag) {
    return std::any_of(n.sessions.begin(), n.sessions.end(), [&](const Session* s) {
        return std::find(s->tags.begin(), s->tags.end(), tag) != s->tags.end();
    });
}

void rank_groups(std::vector<Group>& groups) {
    std::stable_sort(groups.begin(), groups.end(), [](const Group& a, const Group& b) {
        if (a.enough != b.enough) {
            return a.enough;
        }
        if (!a.enough) {
            return a.nights > b.nights;
        }
        // By the difference from each group's own reference: oils and tags
        // each have a different reference, so their means cannot be compared.
        const auto diff = [](const Comparison& c, double missing) {
            return c.difference ? c.difference->estimate : missing;
        };
        const double sa = diff(a.sleep, -100);
        const double sb = diff(b.sleep, -100);
        if (sa != sb) {
            return sa > sb;
        }
        return diff(a.restless, 100) < diff(b.restless, 100);
    });
    int rank = 0;
    for (auto& g : groups) {
        if (g.enough) {
            g.rank = ++rank;
        }
    }
}

std::optional<double> mean_of(const std::vector<double>& v) {
    return stats::summarize(v).mean;
}

Coverage coverage_of(const std::vector<NightData>& nights) {
    Coverage c;
    c.nights = static_cast<int>(nights.size());
    int run = 0;
    for (const auto& n : nights) {
        const bool session = !n.sessions.empty();
        c.nights_with_session += session ? 1 : 0;
        run = session ? run + 1 : 0;
        c.longest_streak = std::max(c.longest_streak, run);
        if (n.rating != nullptr) {
            ++c.nights_rated;
        } else {
            c.missing_ratings.push_back(n.night);
        }
    }
    c.current_streak = run;
    c.adherence_pct = c.nights > 0 ? 100.0 * c.nights_with_session / c.nights : 0.0;
    return c;
}

} // namespace

std::string verdict_words(Verdict v, bool lower_is_better) {
    switch (v) {
    case Verdict::too_few:
        return "too few nights";
    case Verdict::unclear:
        return "no clear difference yet";
    case Verdict::better:
        return lower_is_better ? "calmer nights" : "better sleep";
    case Verdict::worse:
        return lower_is_better ? "more restless nights" : "worse sleep";
    }
    return {};
}

Model build(const std::vector<Session>& sessions, const std::vector<Rating>& ratings,
            const Options& options) {
    Model m;
    m.options = options;
    const auto first = sys_days{options.from};
    const auto last = sys_days{options.to};
    const auto nights = nights_between(options.from, options.to, sessions, ratings);
    const int min = options.min_nights;
    const auto has_session = [](const NightData& n) { return !n.sessions.empty(); };
    const auto no_session = [](const NightData& n) { return n.sessions.empty(); };

    m.coverage = coverage_of(nights);
    m.sessions_vs_none = make_group("after a session", "nights without a session", nights,
                                    has_session, no_session, min);

    // Routine x rotations, each against the no-session baseline.
    std::set<std::string> routine_labels;
    std::set<std::string> oils;
    std::set<std::string> tags;
    for (const auto& n : nights) {
        if (n.sessions.empty()) {
            continue;
        }
        routine_labels.insert(routine_of(n));
        for (const auto* s : n.sessions) {
            for (const auto& o : s->oils) {
                oils.insert(o.oil);
            }
            tags.insert(s->tags.begin(), s->tags.end());
        }
    }
    for (const auto& label : routine_labels) {
        m.routines.push_back(make_group(
            label, "nights without a session", nights,
            [&](const NightData& n) { return !n.sessions.empty() && routine_of(n) == label; },
            no_session, min));
    }
    rank_groups(m.routines);
    // Oils and tags: session nights with it vs session nights without it, so
    // that the massage itself is the same on both sides.
    for (const auto& oil : oils) {
        m.oils.push_back(make_group(
            oil, "session nights without it", nights,
            [&](const NightData& n) { return night_has_oil(n, oil); }, has_session, min));
    }
    rank_groups(m.oils);
    for (const auto& tag : tags) {
        m.tags.push_back(make_group(
            tag, "session nights without it", nights,
            [&](const NightData& n) { return night_has_tag(n, tag); }, has_session, min));
    }
    rank_groups(m.tags);
    for (const auto* list : {&m.routines, &m.oils, &m.tags}) {
        m.comparisons += static_cast<int>(
            std::count_if(list->begin(), list->end(), [](const Group& g) { return g.enough; }));
    }
    m.many_comparisons = m.comparisons > 5;

    // Immediate effect: evening restlessness before vs after, paired.
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
    m.immediate.n = static_cast<int>(before.size());
    m.immediate.before_mean = mean_of(before);
    m.immediate.after_mean = mean_of(after);
    if (m.immediate.n >= min) {
        m.immediate.change = stats::paired_difference(before, after);
    }

    // Weeks, counted from the window's first night.
    const int week_count = static_cast<int>((nights.size() + 6) / 7);
    // Points in the order they first appear (sessions list them in catalog order).
    std::vector<std::string> point_order;
    std::map<std::string, std::pair<std::vector<double>, std::vector<double>>> point_xy;
    std::map<std::string, std::vector<std::vector<double>>> point_weeks;
    std::vector<double> tenderness;
    std::vector<double> restless_after;
    for (int w = 0; w < week_count; ++w) {
        Week week;
        week.start = Date{first + date::days{7 * w}};
        week.end = Date{std::min(last, first + date::days{7 * w + 6})};
        std::vector<double> sleep;
        std::vector<double> restless;
        std::vector<double> tst;
        std::vector<double> se;
        for (auto d = sys_days{week.start}; d <= sys_days{week.end}; d += date::days{1}) {
            const auto& n = nights[static_cast<std::size_t>((d - first).count())];
            ++week.nights;
            week.sessions += static_cast<int>(n.sessions.size());
            if (n.rating != nullptr) {
                ++week.rated;
                if (n.rating->sleep) {
                    sleep.push_back(*n.rating->sleep);
                }
                if (n.rating->restless) {
                    restless.push_back(*n.rating->restless);
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
            for (const auto* s : n.sessions) {
                const double x = static_cast<double>((d - first).count()) / 7.0;
                double sum = 0;
                for (const auto& p : s->points) {
                    if (point_xy.count(p.point) == 0) {
                        point_order.push_back(p.point);
                    }
                    auto& xy = point_xy[p.point];
                    xy.first.push_back(x);
                    xy.second.push_back(p.tenderness);
                    auto& weeks = point_weeks[p.point];
                    weeks.resize(static_cast<std::size_t>(week_count));
                    weeks[static_cast<std::size_t>(w)].push_back(p.tenderness);
                    sum += p.tenderness;
                }
                if (!s->points.empty() && n.rating != nullptr && n.rating->restless) {
                    tenderness.push_back(sum / static_cast<double>(s->points.size()));
                    restless_after.push_back(*n.rating->restless);
                }
            }
        }
        week.sleep = measure(sleep);
        week.restless = measure(restless);
        week.total_sleep_min = mean_of(tst);
        week.efficiency_pct = mean_of(se);
        m.weeks.push_back(week);
    }
    for (const auto& point : point_order) {
        const auto& xy = point_xy[point];
        PointTrend t;
        t.point = point;
        t.n = static_cast<int>(xy.first.size());
        for (const auto& values : point_weeks[point]) {
            t.weekly.push_back(mean_of(values));
        }
        if (const auto line = stats::least_squares(xy.first, xy.second)) {
            t.slope_per_week = line->slope;
        }
        m.points.push_back(std::move(t));
    }
    m.tenderness_vs_restless.n = static_cast<int>(tenderness.size());
    m.tenderness_vs_restless.rho = stats::spearman(tenderness, restless_after);

    // What to log next when the data cannot answer yet.
    const auto& cmp = m.sessions_vs_none.sleep;
    if (m.coverage.nights_with_session == 0) {
        m.next_steps.emplace_back(
            "Log tonight's massage with 'rls log' (or 'rls log --at' for a past one).");
    } else if (cmp.group.n < min) {
        m.next_steps.push_back(fmt::format(
            "Rate the mornings after your sessions with 'rls rate': {} of at least {} so far.",
            cmp.group.n, min));
    }
    if (cmp.reference.n < min) {
        m.next_steps.push_back(fmt::format("Rate some nights without a massage too - they are the "
                                           "baseline: {} of at least {} so far.",
                                           cmp.reference.n, min));
    }
    if (!m.coverage.missing_ratings.empty() && m.coverage.missing_ratings.size() < nights.size()) {
        m.next_steps.push_back(fmt::format(
            "{} night{} in this window {} no rating; 'rls rate --night DATE' fills one in.",
            m.coverage.missing_ratings.size(), m.coverage.missing_ratings.size() == 1 ? "" : "s",
            m.coverage.missing_ratings.size() == 1 ? "has" : "have"));
    }
    return m;
}

} // namespace rls::report
