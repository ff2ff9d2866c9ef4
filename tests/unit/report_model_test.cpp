// The report model on a 14-night history built by hand. Counts, means,
// streaks and weekly figures are worked out by hand below; the confidence
// intervals, slope and rho come from SciPy 1.10.1 on the same numbers
// (Welch: means, variances and scipy.stats.t.ppf(0.975, df); paired:
// t.ppf(0.975, 3); slope: scipy.stats.linregress; rho: scipy.stats.spearmanr).
#include "report/model.hpp"

#include <doctest/doctest.h>

using namespace rls;
using namespace rls::report;
using namespace date::literals;
using doctest::Approx;

namespace {

struct NightSpec {
    unsigned day;
    const char* routine; // nullptr: no session
    int rounds;
    std::optional<int> sleep;
    std::optional<int> restless;
    int heart;
    bool valerian = false;
    bool caffeine = false;
    std::optional<int> before = std::nullopt;
    std::optional<int> after = std::nullopt;
};

// November 2026:  day routine       x  sleep restless heart  extras
const NightSpec k_history[] = {
    {1, "standard", 1, 6, 4, 8, false, false, 7, 4},
    {2, "standard", 1, 7, 3, 7, false, false, 6, 3},
    {3, "standard", 2, 8, 2, 7, true, false, 8, 3},
    {4, nullptr, 0, 4, 6, 0},
    {5, "standard", 2, 9, 1, 6, true, false, 7, 2},
    {6, "standard", 1, 6, 5, 6, false, true},
    {7, nullptr, 0, 5, 6, 0},
    {8, "standard", 2, 8, 2, 5, true},
    {9, "left-only", 1, 5, 4, 5},
    {10, nullptr, 0, 3, 7, 0},
    {11, nullptr, 0, std::nullopt, std::nullopt, 0}, // not rated
    {12, "standard", 1, 7, 3, 4},
    {13, "standard", 2, std::nullopt, std::nullopt, 4}, // not rated
    {14, "standard", 1, 6, 4, 3},
};

Model build_history(int min_nights = 3) {
    std::vector<Session> sessions;
    std::vector<Rating> ratings;
    for (const auto& n : k_history) {
        const Date night = 2026_y / 11 / date::day{n.day};
        if (n.routine != nullptr) {
            Session s;
            s.id = static_cast<std::int64_t>(sessions.size() + 1);
            s.night = night;
            s.started = date::sys_days{night} + std::chrono::hours{21};
            s.routine = n.routine;
            s.rounds = n.rounds;
            s.points = {{"left.heart", n.heart}};
            s.oils = {{"carrier", std::nullopt}};
            if (n.valerian) {
                s.oils.push_back({"valerian", 2});
            }
            if (n.caffeine) {
                s.tags = {"caffeine"};
            }
            s.before = n.before;
            s.after = n.after;
            sessions.push_back(s);
        }
        if (n.sleep || n.restless) {
            Rating r;
            r.night = night;
            r.sleep = n.sleep;
            r.restless = n.restless;
            ratings.push_back(r);
        }
    }
    return build(sessions, ratings, {2026_y / 11 / 1, 2026_y / 11 / 14, min_nights});
}

const Group& find(const std::vector<Group>& groups, const std::string& label) {
    for (const auto& g : groups) {
        if (g.label == label) {
            return g;
        }
    }
    FAIL("no group " << label);
    return groups.front();
}

} // namespace

TEST_SUITE("report.model") {
    TEST_CASE("coverage: adherence, streaks and missing ratings") {
        const auto m = build_history();
        CHECK(m.coverage.nights == 14);
        CHECK(m.coverage.nights_with_session == 10);
        CHECK(m.coverage.adherence_pct == Approx(100.0 * 10 / 14));
        CHECK(m.coverage.nights_rated == 12);
        // runs of session nights: 1-3, 5-6, 8-9, 12-14
        CHECK(m.coverage.longest_streak == 3);
        CHECK(m.coverage.current_streak == 3);
        CHECK(m.coverage.missing_ratings == std::vector<Date>{2026_y / 11 / 11, 2026_y / 11 / 13});
    }

    TEST_CASE("nights after a session vs nights without") {
        const auto m = build_history();
        const auto& g = m.sessions_vs_none;
        // rated session nights 1,2,3,5,6,8,9,12,14: sleep sum 62 / 9
        CHECK(g.sleep.group.n == 9);
        CHECK(*g.sleep.group.mean == Approx(62.0 / 9));
        // baseline nights 4,7,10: sleep 4,5,3 -> mean 4, sd 1
        CHECK(g.sleep.reference.n == 3);
        CHECK(*g.sleep.reference.mean == Approx(4.0));
        CHECK(*g.sleep.reference.sd == Approx(1.0));
        REQUIRE(g.sleep.difference);
        CHECK(g.sleep.difference->estimate == Approx(2.888888889));
        CHECK(g.sleep.difference->low == Approx(0.971917921).epsilon(1e-7));
        CHECK(g.sleep.difference->high == Approx(4.805859857).epsilon(1e-7));
        CHECK(g.sleep.difference->df == Approx(4.407197121).epsilon(1e-7));
        CHECK(g.sleep.verdict == Verdict::better);
        REQUIRE(g.restless.difference);
        CHECK(g.restless.difference->estimate == Approx(-3.222222222));
        CHECK(g.restless.difference->low == Approx(-4.457296052).epsilon(1e-7));
        CHECK(g.restless.difference->high == Approx(-1.987148393).epsilon(1e-7));
        CHECK(g.restless.verdict == Verdict::better);
        CHECK(verdict_words(g.restless.verdict, true) == "calmer nights");
    }

    TEST_CASE("routine x rotations: ranked among groups with enough nights") {
        const auto m = build_history();
        REQUIRE(m.routines.size() == 3);
        CHECK(m.routines[0].label == "standard x2");
        CHECK(m.routines[0].rank == 1);
        CHECK(m.routines[1].label == "standard x1");
        CHECK(m.routines[1].rank == 2);
        CHECK(m.routines[2].label == "left-only x1");
        CHECK_FALSE(m.routines[2].rank);
        CHECK(m.routines[2].sleep.verdict == Verdict::too_few);
        const auto& x2 = m.routines[0];
        CHECK(x2.nights == 4); // 3, 5, 8, 13 (13 unrated)
        CHECK(x2.sleep.group.n == 3);
        CHECK(*x2.sleep.group.mean == Approx(25.0 / 3));
        CHECK(x2.sleep.difference->low == Approx(2.284780714).epsilon(1e-7));
        CHECK(x2.sleep.difference->high == Approx(6.381885953).epsilon(1e-7));
        const auto& x1 = m.routines[1];
        CHECK(*x1.sleep.group.mean == Approx(6.4)); // 6 7 6 7 6
        CHECK(x1.sleep.difference->low == Approx(0.292744367).epsilon(1e-7));
        CHECK(x1.sleep.difference->high == Approx(4.507255633).epsilon(1e-7));
    }

    TEST_CASE("oils and tags compare session nights with and without") {
        const auto m = build_history();
        const auto& valerian = find(m.oils, "valerian");
        CHECK(valerian.sleep.group.n == 3);
        CHECK(valerian.sleep.reference.n == 6); // 1, 2, 6, 9, 12, 14
        CHECK(valerian.sleep.difference->estimate == Approx(13.0 / 6));
        CHECK(valerian.sleep.difference->low == Approx(1.021399952).epsilon(1e-7));
        CHECK(valerian.sleep.difference->high == Approx(3.311933382).epsilon(1e-7));
        // Carrier oil was used every time: nothing to compare it with.
        CHECK_FALSE(find(m.oils, "carrier").enough);
        CHECK(find(m.oils, "carrier").sleep.reference.n == 0);
        CHECK_FALSE(find(m.tags, "caffeine").enough);
        CHECK(m.comparisons == 3); // standard x2, standard x1, valerian
        CHECK_FALSE(m.many_comparisons);
    }

    TEST_CASE("immediate effect, tenderness trend and correlation") {
        const auto m = build_history();
        // before 7 6 8 7, after 4 3 3 2: differences -3 -3 -5 -5
        CHECK(m.immediate.n == 4);
        CHECK(*m.immediate.before_mean == Approx(7.0));
        CHECK(*m.immediate.after_mean == Approx(3.0));
        REQUIRE(m.immediate.change);
        CHECK(m.immediate.change->estimate == Approx(-4.0));
        CHECK(m.immediate.change->low == Approx(-5.837386231).epsilon(1e-7));
        CHECK(m.immediate.change->high == Approx(-2.162613769).epsilon(1e-7));
        REQUIRE(m.points.size() == 1);
        const auto& heart = m.points[0];
        CHECK(heart.n == 10);
        REQUIRE(heart.weekly.size() == 2);
        CHECK(*heart.weekly[0] == Approx(6.8)); // 8 7 7 6 6
        CHECK(*heart.weekly[1] == Approx(4.2)); // 5 5 4 4 3
        CHECK(*heart.slope_per_week == Approx(-2.338092810).epsilon(1e-7));
        CHECK(m.tenderness_vs_restless.n == 9);
        CHECK(*m.tenderness_vs_restless.rho == Approx(-0.090916758).epsilon(1e-7));
    }

    TEST_CASE("week by week") {
        const auto m = build_history();
        REQUIRE(m.weeks.size() == 2);
        CHECK(m.weeks[0].start == 2026_y / 11 / 1);
        CHECK(m.weeks[0].end == 2026_y / 11 / 7);
        CHECK(m.weeks[0].sessions == 5);
        CHECK(m.weeks[0].rated == 7);
        CHECK(*m.weeks[0].sleep.mean == Approx(45.0 / 7));
        CHECK(m.weeks[1].sessions == 5);
        CHECK(m.weeks[1].rated == 5);
        CHECK(*m.weeks[1].sleep.mean == Approx(5.8)); // 8 5 3 7 6
        CHECK_FALSE(m.weeks[1].total_sleep_min);
    }

    TEST_CASE("a higher minimum turns groups into 'too few nights'") {
        const auto m = build_history(4);
        CHECK(m.sessions_vs_none.sleep.verdict == Verdict::too_few); // baseline has 3
        CHECK(m.comparisons == 0);
        CHECK_FALSE(m.next_steps.empty());
    }

    TEST_CASE("an empty history gives next steps, not NaN") {
        const auto m = build({}, {}, {2026_y / 11 / 1, 2026_y / 11 / 28, 3});
        CHECK(m.coverage.nights == 28);
        CHECK(m.coverage.adherence_pct == 0.0);
        CHECK_FALSE(m.sessions_vs_none.sleep.group.mean);
        CHECK(m.routines.empty());
        CHECK(m.weeks.size() == 4);
        REQUIRE(m.next_steps.size() >= 2);
        CHECK(m.next_steps[0].find("rls log") != std::string::npos);
    }

    TEST_CASE("several sessions in one night: rotations add up, different routines are mixed") {
        std::vector<Session> sessions(3);
        for (auto& s : sessions) {
            s.night = 2026_y / 11 / 2;
            s.routine = "standard";
            s.rounds = 1;
        }
        sessions[2].night = 2026_y / 11 / 3;
        sessions[2].routine = "left-only";
        Session extra = sessions[2];
        extra.routine = "standard";
        sessions.push_back(extra);
        const auto m = build(sessions, {}, {2026_y / 11 / 1, 2026_y / 11 / 7, 3});
        std::vector<std::string> labels;
        for (const auto& g : m.routines) {
            labels.push_back(g.label);
        }
        std::sort(labels.begin(), labels.end());
        CHECK(labels == std::vector<std::string>{"mixed", "standard x2"});
    }
}
