// The report model on a 14-night history built by hand. Counts, means,
// streaks and weekly figures are worked out by hand below; the intervals,
// slope and rho come from SciPy 1.10.1 on the same numbers (paired:
// t.ppf(0.975, 3); slope: scipy.stats.linregress; rho: scipy.stats.spearmanr)
// and the adjusted comparison from statsmodels 0.13.5: OLS of the 12 rated
// nights' sleep on [1, (day - 1) / 7, session], fit(cov_type='HAC',
// cov_kwds={'maxlags': 2, 'use_correction': True}, use_t=True), its se
// times the fixed-b factor (rls(1)), then scipy.stats.t with 9 df.
#include "report/findings.hpp"
#include "report/model.hpp"

#include <doctest/doctest.h>

using namespace rls;
using namespace rls::report;
using namespace date::literals;
using doctest::Approx;

namespace {

Options window(Date from, Date to, int min_nights = 3) {
    Options o;
    o.from = from;
    o.to = to;
    o.min_nights = min_nights;
    return o;
}

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
    return build(sessions, ratings, window(2026_y / 11 / 1, 2026_y / 11 / 14, min_nights));
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

    TEST_CASE("nights by variant: unadjusted means, most nights first") {
        const auto m = build_history();
        const auto& with = m.by_session[0];
        // rated session nights 1,2,3,5,6,8,9,12,14: sleep sum 62 / 9
        CHECK(with.nights == 10);
        CHECK(with.sleep.n == 9);
        CHECK(*with.sleep.mean == Approx(62.0 / 9));
        // baseline nights 4,7,10: sleep 4,5,3 -> mean 4, sd 1
        const auto& without = m.by_session[1];
        CHECK(without.sleep.n == 3);
        CHECK(*without.sleep.mean == Approx(4.0));
        CHECK(*without.sleep.sd == Approx(1.0));
        REQUIRE(m.routines.size() == 3);
        CHECK(m.routines[0].label == "standard x1"); // 1, 2, 6, 12, 14
        CHECK(m.routines[0].nights == 5);
        CHECK(*m.routines[0].sleep.mean == Approx(6.4)); // 6 7 6 7 6
        CHECK(m.routines[1].label == "standard x2");
        CHECK(m.routines[1].nights == 4); // 3, 5, 8, 13 (13 unrated)
        CHECK(*m.routines[1].sleep.mean == Approx(25.0 / 3));
        CHECK(m.routines[2].label == "left-only x1");
        CHECK(find(m.oils, "valerian").sleep.n == 3);
        CHECK(find(m.tags, "caffeine").nights == 1);
    }

    TEST_CASE("session vs no session: adjusted for the trend, Newey-West errors (statsmodels)") {
        const auto m = build_history();
        REQUIRE(!m.comparisons.empty());
        const auto& c = m.comparisons[0];
        CHECK(c.primary); // three rated baseline nights: session vs none is primary
        CHECK(c.family == "session");
        CHECK(c.outcome == Outcome::sleep);
        CHECK((c.a == "session" && c.b == "no session"));
        CHECK((c.n_a == 9 && c.n_b == 3));
        CHECK(c.adjusted_for == std::vector<std::string>{"time trend"});
        REQUIRE(c.estimate);
        const auto& e = *c.estimate;
        CHECK(e.diff == Approx(2.8620474406991256).epsilon(1e-9));
        // statsmodels' HAC se 0.5467818359210893 x the fixed-b factor at b = 3/12
        CHECK(e.se == Approx(0.7588080003253753).epsilon(1e-9));
        CHECK(e.df == 9);
        CHECK(e.lags == 2);
        // beta -/+ t.ppf(0.975, 9) se; t.cdf(beta / se, 9); t.cdf((beta - 1) / se, 9)
        CHECK(e.low == Approx(1.1455044876179092).epsilon(1e-9));
        CHECK(e.high == Approx(4.578590393780342).epsilon(1e-9));
        CHECK(e.p_better == Approx(0.9977977713825674).epsilon(1e-9));
        CHECK(e.p_mid == Approx(0.9817391813955189).epsilon(1e-9));
        CHECK(c.verdict == Verdict::better);
        const auto& r = m.comparisons[1];
        CHECK(r.outcome == Outcome::restless);
        CHECK_FALSE(r.primary);
        REQUIRE(r.estimate);
        CHECK(r.estimate->diff == Approx(-3.2009987515605447).epsilon(1e-9));
        CHECK(r.estimate->p_better == Approx(0.9999677426036567).epsilon(1e-9));
        CHECK(r.estimate->p_mid == Approx(0.999513706712956).epsilon(1e-9));
        CHECK(r.estimate->p_holm);
    }

    TEST_CASE("degenerate comparisons say what they are") {
        const auto m = build_history();
        const auto note = [&](const std::string& a) {
            for (const auto& c : m.comparisons) {
                if (c.a == a && c.outcome == Outcome::sleep) {
                    CHECK_FALSE(c.estimate);
                    CHECK(c.verdict == Verdict::too_few);
                    return c.note;
                }
            }
            FAIL("no comparison " << a);
            return std::string();
        };
        CHECK(note("carrier") == "used every night: nothing to compare with");
        // caffeine: night 6 only; without it 1,2,3,5,8,9,12,14
        CHECK(note("caffeine") == "too few rated nights: 1 and 8 (need 3 each)");
        CHECK(note("left-only x1") == "too few rated nights: 1 and 5 (need 3 each)");
    }

    TEST_CASE("all nights scored the same: no variation, no interval") {
        std::vector<Session> sessions;
        std::vector<Rating> ratings;
        for (unsigned d = 1; d <= 8; ++d) {
            Session s;
            s.night = 2026_y / 11 / date::day{d};
            s.rounds = d % 2 == 0 ? 2 : 1;
            sessions.push_back(s);
            Rating r;
            r.night = s.night;
            r.sleep = 6;
            ratings.push_back(r);
        }
        const auto m = build(sessions, ratings, window(2026_y / 11 / 1, 2026_y / 11 / 8));
        REQUIRE(!m.comparisons.empty());
        const auto& c = m.comparisons[0];
        CHECK(c.primary);
        CHECK(c.family == "routine"); // no baseline nights: the two most used variants
        CHECK_FALSE(c.estimate);
        CHECK(c.note == "no variation: every night scored 6, no interval");
    }

    TEST_CASE("factors that explain every night exactly: no interval, no verdict") {
        // A new user's 16 nights: lavender on the first three, each with its
        // own restlessness before (8, 4, 8) and caffeine on the third; the
        // other 13 nights all restless 3 after a 6 before. Intercept, trend,
        // before, caffeine and lavender reproduce every night's restlessness,
        // so the residuals are zero and Newey-West's error with them: the
        // report once called lavender "99% likely better" on this.
        std::vector<Session> sessions;
        std::vector<Rating> ratings;
        const int before[] = {8, 4, 8};
        const int restless[] = {2, 3, 6};
        for (unsigned d = 1; d <= 16; ++d) {
            Session s;
            s.night = 2026_y / 11 / date::day{d};
            s.routine = "standard";
            s.rounds = d % 2 == 0 ? 2 : 1;
            s.before = d <= 3 ? before[d - 1] : 6;
            if (d <= 3) {
                s.oils.push_back(SessionOil{"lavender", std::nullopt});
            }
            if (d == 3) {
                s.tags.push_back("caffeine");
            }
            sessions.push_back(s);
            Rating r;
            r.night = s.night;
            r.sleep = 5 + static_cast<int>(d % 3);
            r.restless = d <= 3 ? restless[d - 1] : 3;
            ratings.push_back(r);
        }
        const auto m = build(sessions, ratings, window(2026_y / 11 / 1, 2026_y / 11 / 16));
        bool seen = false;
        for (const auto& c : m.comparisons) {
            if (c.a == "lavender" && c.outcome == Outcome::restless) {
                seen = true;
                CHECK_FALSE(c.estimate);
                CHECK(c.note == "no variation left after adjusting: no interval");
            }
        }
        CHECK(seen);
        for (const auto& line : summary_lines(m)) {
            CHECK(line.find("avender") == std::string::npos);
        }
    }

    TEST_CASE("the diary's own window and note-only ratings") {
        std::vector<Session> sessions(1);
        sessions[0].night = 2026_y / 11 / 10;
        Rating note_only;
        note_only.night = 2026_y / 11 / 11;
        note_only.note = "slept at a friend's";
        Rating scored;
        scored.night = 2026_y / 11 / 10;
        scored.restless = 3;
        auto o = window(2026_y / 11 / 1, 2026_y / 11 / 14);
        o.diary_start = 2026_y / 11 / 10;
        const auto m = build(sessions, {note_only, scored}, o);
        CHECK(m.first_night == 2026_y / 11 / 10);
        CHECK(m.coverage.nights == 5); // 10th to 14th, not 14
        CHECK(m.coverage.nights_rated == 1);
        CHECK(m.coverage.no_score == std::vector<Date>{2026_y / 11 / 11});
        CHECK(m.coverage.missing_ratings.size() == 3);
        CHECK(m.weeks.front().start == 2026_y / 11 / 10);
    }

    TEST_CASE("a bound beside a verdict is never rounded onto or across zero") {
        Estimate e;
        e.diff = 0.4;
        e.low = 0.0088;
        e.high = 0.79;
        CHECK(interval_text(e, Verdict::better) == "+0.4 [+0.01,+0.8]");
        CHECK(interval_text(e, Verdict::unclear) == "+0.4 [+0.0,+0.8]");
        e.low = -0.0004;
        CHECK(interval_text(e, Verdict::unclear) == "+0.4 [+0.0,+0.8]"); // never "-0.0"
    }

    TEST_CASE("the opening lines: at most five, each within the width") {
        const auto m = build_history();
        const auto lines = summary_lines(m);
        REQUIRE(!lines.empty());
        CHECK(lines.size() <= 5);
        for (const auto& l : lines) {
            CHECK(l.size() <= 78);
        }
        CHECK(lines[0].rfind("Session: about 2.9 points better sleep than no session; 99% likely "
                             "better,",
                             0) == 0);
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
        CHECK(m.tenderness_vs_restless.n == 9); // nights, one session each
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

    TEST_CASE("a higher minimum turns comparisons into 'too few'") {
        const auto m = build_history(4);
        // Three rated baseline nights are too few: the top two variants are primary.
        REQUIRE(!m.comparisons.empty());
        CHECK(m.comparisons[0].primary);
        CHECK(m.comparisons[0].family == "routine");
        CHECK(m.comparisons[0].a == "standard x2");
        CHECK(m.comparisons[0].b == "standard x1");
        const auto& session = m.comparisons[1];
        CHECK(session.family == "session");
        CHECK(session.note == "too few rated nights: 9 and 3 (need 4 each)");
        CHECK_FALSE(m.next_steps.empty());
    }

    TEST_CASE("an empty history gives next steps, not NaN") {
        const auto m = build({}, {}, window(2026_y / 11 / 1, 2026_y / 11 / 28, 3));
        CHECK(m.coverage.nights == 28);
        CHECK(m.coverage.adherence_pct == 0.0);
        CHECK_FALSE(m.by_session[0].sleep.mean);
        CHECK(m.routines.empty());
        CHECK(m.comparisons.empty());
        CHECK(m.weeks.size() == 4);
        REQUIRE(!m.next_steps.empty());
        CHECK(m.next_steps[0].find("rls log") != std::string::npos);
        // Before the first entry nothing is counted at all.
        auto o = window(2026_y / 11 / 1, 2026_y / 11 / 28);
        o.diary_start = 2026_y / 11 / 29;
        const auto none = build({}, {}, o);
        CHECK(none.coverage.nights == 0);
        CHECK(none.weeks.empty());
        const auto lines = summary_lines(none);
        REQUIRE(lines.size() == 2); // one sentence, wrapped
        CHECK(lines[0].find("rls log") != std::string::npos);
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
        const auto m = build(sessions, {}, window(2026_y / 11 / 1, 2026_y / 11 / 7, 3));
        std::vector<std::string> labels;
        for (const auto& g : m.routines) {
            labels.push_back(g.label);
        }
        std::sort(labels.begin(), labels.end());
        CHECK(labels == std::vector<std::string>{"mixed", "standard x2"});
    }
}
