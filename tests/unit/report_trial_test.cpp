// The trial analysis against numbers worked out by hand: the block-clustered
// interval is the paired t (with CR1's factor), the randomisation test
// enumerates sign flips, the decision rule, and what the analysis counts.
#include "report/html_trial.hpp"
#include "report/trial.hpp"
#include "report/trial_render.hpp"

#include <algorithm>
#include <cmath>
#include <doctest/doctest.h>
#include <sstream>

using namespace rls;
using namespace rls::report;

namespace {

// Eight AB/BA blocks; B - A per block is 3 3 4 1 1 4 3 1 (mean 2.5).
std::vector<AnalysedNight> trial_eight_pairs(Protocol& p) {
    p.arms = {Arm{}, Arm{}};
    p.arms[1].kind = Arm::Kind::routine;
    p.arms[1].routine = "standard";
    p.arms[1].rounds = 2;
    p.blocks = 8;
    p.first_night = date::year{2026} / 12 / 1;
    p.seed = 42;
    p.schedule = make_schedule(2, TrialDesign::pairs, 8, 0, p.first_night, p.seed);
    const double a[] = {5, 4, 4, 6, 5, 4, 5, 5};
    const double b[] = {8, 7, 8, 7, 6, 8, 8, 6};
    std::vector<AnalysedNight> out;
    for (const auto& n : p.schedule) {
        const auto i = static_cast<std::size_t>(n.block - 1);
        out.push_back({n.seq, n.block, n.arm, n.arm == 0 ? a[i] : b[i], false});
    }
    return out;
}

// Three arms (none, standard x1, standard x2) over 8 blocks, each night
// rated by its block and arm from the given columns; analysed after the end.
TrialAnalysis trial_three_arms(const int (&a)[8], const int (&b)[8], const int (&c)[8]) {
    Trial t;
    t.id = 1;
    t.protocol.arms = {Arm{}, Arm{}, Arm{}};
    for (int i = 1; i <= 2; ++i) {
        auto& arm = t.protocol.arms[static_cast<std::size_t>(i)];
        arm.kind = Arm::Kind::routine;
        arm.routine = "standard";
        arm.rounds = i;
    }
    t.protocol.blocks = 8;
    t.protocol.first_night = date::year{2026} / 12 / 1;
    t.protocol.seed = 5;
    t.protocol.schedule = make_schedule(3, TrialDesign::pairs, 8, 0, t.protocol.first_night, 5);
    t.fingerprint = fingerprint(t.protocol);
    std::vector<Rating> ratings;
    for (const auto& n : t.protocol.schedule) {
        const auto i = static_cast<std::size_t>(n.block - 1);
        Rating r;
        r.night = n.night;
        r.sleep = n.arm == 0 ? a[i] : n.arm == 1 ? b[i] : c[i];
        ratings.push_back(r);
    }
    return analyse_trial(t, {}, ratings, date::year{2026} / 12 / 30);
}

double mean_difference(const int (&x)[8], const int (&y)[8]) {
    double sum = 0;
    for (std::size_t i = 0; i < 8; ++i) {
        sum += x[i] - y[i];
    }
    return sum / 8;
}

} // namespace

TEST_SUITE("report.trial") {
    // With three arms "B vs A" would miss C: here B barely differs from A
    // while C beats both, and the decision must say so.
    TEST_CASE("three arms: the best arm against each other one, Holm-adjusted") {
        const int a[8] = {4, 5, 3, 4, 5, 4, 3, 4};
        const int b[8] = {5, 4, 5, 6, 4, 5, 6, 4};
        const int c[8] = {8, 7, 8, 9, 7, 8, 8, 7};
        const auto r = trial_three_arms(a, b, c);
        CHECK(r.decision == TrialDecision::best_arm);
        REQUIRE(r.contrasts.size() == 2);
        for (const auto& k : r.contrasts) {
            CHECK(k.best == 2);
            CHECK(k.settled);
        }
        // Complete blocks with block effects: the mean of the blocks' differences.
        CHECK(r.contrasts[0].other == 0);
        CHECK(r.contrasts[0].gain == doctest::Approx(mean_difference(c, a))); // 3.75
        CHECK(r.contrasts[1].other == 1);
        CHECK(r.contrasts[1].gain == doctest::Approx(mean_difference(c, b))); // 2.875
        // Holm over two: the smaller p doubled, the larger kept but never below it.
        const auto raw = [](const TrialContrast& k) {
            return 2 * std::min(k.effect.p_a_better, k.effect.p_b_better);
        };
        const double p0 = raw(r.contrasts[0]);
        const double p1 = raw(r.contrasts[1]);
        const double lo = std::min(p0, p1);
        CHECK(std::min(r.contrasts[0].p_holm, r.contrasts[1].p_holm) == doctest::Approx(2 * lo));
        CHECK(std::max(r.contrasts[0].p_holm, r.contrasts[1].p_holm) ==
              doctest::Approx(std::max(2 * lo, std::max(p0, p1))));
        CHECK(r.decision_text.starts_with(
            "standard x2 gave better sleep than each other arm: than none by 3."));
        CHECK(r.decision_text.find("; standard x1 by 2.9 (95% interval") != std::string::npos);
        CHECK(r.decision_text.find("Holm p < 0.001") != std::string::npos);

        // C is as good as B: it beats A, but against B nothing is settled.
        const int close[8] = {9, 6, 8, 8, 8, 8, 7, 7}; // c - close = -1 1 0 1 -1 0 1 0
        const auto u = trial_three_arms(a, close, c);
        CHECK(u.decision == TrialDecision::undecided);
        REQUIRE(u.contrasts.size() == 2);
        CHECK(u.contrasts[0].best == 2);
        CHECK(u.contrasts[0].settled);
        CHECK_FALSE(u.contrasts[1].settled);
        CHECK(u.contrasts[1].gain == doctest::Approx(mean_difference(c, close))); // 0.125
        CHECK(u.decision_text.starts_with("undecided: standard x2 did best, better than none by"));
        CHECK(u.decision_text.find("against standard x1 by 0.1") != std::string::npos);
        // Long decisions wrap within 80 columns, continuation lines included.
        std::istringstream text(render_trial_text(u, false));
        for (std::string line; std::getline(text, line);) {
            CHECK(line.size() <= 80);
        }
        CHECK(render_trial_json(u)["contrasts"][1]["other"] == "standard x1");
        const auto csv = render_trial_csv(r);
        CHECK(csv.find("\r\ntrial,1,best_vs_other,,,none,standard x2,finished,24,3.75,") !=
              std::string::npos);
        CHECK(csv.find("\r\ntrial,1,best_vs_other,,,standard x1,standard x2,finished,24,2.875,") !=
              std::string::npos);
        // Every row has the header's 18 columns; the best arm's comparisons
        // carry their Holm-adjusted p last (rendered from the analysis,
        // whose Holm step is checked above), to 6 significant digits.
        CHECK(csv.starts_with("section,trial,analysis,"));
        CHECK(csv.find(",decision,score,p_holm\r\n") != std::string::npos);
        std::vector<double> holm;
        std::istringstream rows(csv);
        for (std::string row; std::getline(rows, row);) {
            CHECK(std::count(row.begin(), row.end(), ',') == 17);
            if (row.find(",best_vs_other,") != std::string::npos) {
                holm.push_back(std::stod(row.substr(row.rfind(',') + 1)));
            }
        }
        REQUIRE(holm.size() == r.contrasts.size());
        for (std::size_t i = 0; i < holm.size(); ++i) {
            CHECK(holm[i] == doctest::Approx(r.contrasts[i].p_holm).epsilon(1e-5));
        }

        // Three arms alike: no difference that matters between any two.
        const int same_a[8] = {5, 6, 5, 6, 5, 6, 5, 6};
        const auto n = trial_three_arms(same_a, same_a, same_a);
        CHECK(n.decision == TrialDecision::no_difference);
    }

    TEST_CASE("the interval is the paired t on the blocks' differences, times CR1's factor") {
        Protocol p;
        const auto nights = trial_eight_pairs(p);
        const auto e = trial_effect(nights, 1, TrialOutcome::sleep, 1.0);
        REQUIRE(e);
        // By hand: d = 3 3 4 1 1 4 3 1, mean 2.5, sum of squares about it 12,
        // se = sqrt(12 / 7 / 8); CR1 with the block indicators not counted
        // adds sqrt(15 / 14); t(7, 0.975) = 2.364624.
        const double se = std::sqrt(12.0 / 7.0 / 8.0) * std::sqrt(15.0 / 14.0);
        CHECK(e->diff == doctest::Approx(2.5));
        CHECK(e->se == doctest::Approx(se));
        CHECK(e->df == 7);
        CHECK(e->low == doctest::Approx(2.5 - 2.364624 * se).epsilon(1e-6));
        CHECK(e->high == doctest::Approx(2.5 + 2.364624 * se).epsilon(1e-6));
        CHECK(e->mean_a == doctest::Approx(4.75));
        CHECK(e->mean_b == doctest::Approx(7.25));
        CHECK(e->p_b_better > 0.99);
        // Restlessness: lower is better, so the same numbers favour A.
        const auto r = trial_effect(nights, 1, TrialOutcome::restless, 1.0);
        CHECK(r->p_a_better == doctest::Approx(e->p_b_better));
    }

    TEST_CASE("the randomisation test enumerates the design's allocations") {
        Protocol p;
        auto nights = trial_eight_pairs(p);
        const auto all = randomisation_test(p, nights);
        CHECK(all.exact);
        CHECK(all.draws == 256);
        // Every block favours B: only the observed order and its mirror are as extreme.
        CHECK(all.p == doctest::Approx(2.0 / 256));
        // Three blocks with B - A = 3, 1, -1: of the 8 sign flips, |sum| >= 3 in 6.
        p.blocks = 3;
        p.schedule.resize(6);
        nights.resize(6);
        const double d[] = {3, 1, -1};
        for (auto& n : nights) {
            n.y = n.arm == 1 ? d[n.block - 1] : 0.0;
        }
        const auto three = randomisation_test(p, nights);
        CHECK(three.draws == 8);
        CHECK(three.p == doctest::Approx(0.75));
    }

    TEST_CASE("more allocations than 100,000: 10,000 seeded draws, the same p every time") {
        Protocol p;
        p.arms = {Arm{}, Arm{}, Arm{}};
        p.arms[1].kind = p.arms[2].kind = Arm::Kind::routine;
        p.arms[2].rounds = 2;
        p.blocks = 8; // 6^8 = 1,679,616
        p.first_night = date::year{2026} / 12 / 1;
        p.seed = 5;
        p.schedule = make_schedule(3, TrialDesign::pairs, 8, 0, p.first_night, p.seed);
        std::vector<AnalysedNight> nights;
        for (const auto& n : p.schedule) {
            nights.push_back({n.seq, n.block, n.arm, 5.0 + n.arm + (n.seq % 3), false});
        }
        const auto r = randomisation_test(p, nights);
        CHECK_FALSE(r.exact);
        CHECK(r.draws == 10000);
        CHECK(r.allocations == 1679616);
        CHECK(r.p >= 1.0 / 10001);
        CHECK(randomisation_test(p, nights).p == r.p);
    }

    TEST_CASE("the decision: both the test and the interval for a winner; +-MID for none") {
        TrialEffect e;
        RandomisationTest t;
        e.diff = 2;
        e.low = 0.5;
        e.high = 3.5;
        t.p = 0.01;
        CHECK(decide(e, t, TrialOutcome::sleep, 1) == TrialDecision::b_better);
        CHECK(decide(e, t, TrialOutcome::restless, 1) == TrialDecision::a_better);
        t.p = 0.07;
        CHECK(decide(e, t, TrialOutcome::sleep, 1) == TrialDecision::undecided);
        e.low = -0.4;
        e.high = 0.6;
        CHECK(decide(e, t, TrialOutcome::sleep, 1) == TrialDecision::no_difference);
        CHECK(decide(std::nullopt, t, TrialOutcome::sleep, 1) == TrialDecision::too_few);
    }

    TEST_CASE("adherence, as done, and a timeline that never shows nights to come") {
        Trial t;
        t.id = 1;
        t.protocol.arms = {Arm{}, Arm{}};
        t.protocol.arms[1].kind = Arm::Kind::routine;
        t.protocol.arms[1].routine = "standard";
        t.protocol.blocks = 4;
        t.protocol.first_night = date::year{2026} / 12 / 1;
        t.protocol.schedule =
            make_schedule(2, TrialDesign::pairs, 4, 0, t.protocol.first_night, 77);
        t.fingerprint = fingerprint(t.protocol);
        std::vector<Session> sessions;
        std::vector<Rating> ratings;
        const Date tonight = date::year{2026} / 12 / 6;
        for (const auto& n : t.protocol.schedule) {
            if (n.night >= tonight) {
                break;
            }
            // Night 3 does the other arm; night 4 is forgotten.
            const bool massage = (n.arm == 1) != (n.seq == 3);
            if (n.seq != 4) {
                if (massage) {
                    Session s;
                    s.night = n.night;
                    s.routine = "standard";
                    sessions.push_back(s);
                } else {
                    t.marks.push_back({n.night, "skip", n.arm == 0, std::nullopt, {}});
                }
            }
            Rating r;
            r.night = n.night;
            r.sleep = 5 + n.arm;
            ratings.push_back(r);
        }
        const auto a = analyse_trial(t, sessions, ratings, tonight);
        CHECK(a.state == "running");
        CHECK(a.begun == 6);
        CHECK(a.ended == 5);
        CHECK(a.followed == 3);
        CHECK(a.deviated == 1);
        CHECK(a.forgotten == 1);
        CHECK(a.adherence_pct == doctest::Approx(60.0));
        int upcoming = 0;
        for (const auto& b : a.timeline) {
            for (const auto& n : b.nights) {
                upcoming += n.state == NightState::upcoming ? 1 : 0;
            }
        }
        CHECK(upcoming == 0); // nights to come are left out: they would show the blocks
        CHECK(a.timeline.back().nights.back().night == tonight);
        CHECK(a.decision_text.starts_with("Interim"));
        // "so far" while it runs; an ended trial's adherence is final.
        CHECK(trial_adherence_text(a) ==
              "Adherence: 3 of 6 nights so far as assigned (60%); 1 deviation, 1 not logged; "
              "5 of 5 ended nights rated.");
        auto ended = a;
        ended.state = "finished";
        CHECK(trial_adherence_text(ended) ==
              "Adherence: 3 of 6 nights as assigned (60%); 1 deviation, 1 not logged; 5 of 5 "
              "ended nights rated.");
        // No estimate yet: the page's section says so, unless the decision
        // (which leads the page's summary) already says "too few".
        auto none = a;
        none.as_assigned.clear();
        none.decision = TrialDecision::undecided;
        CHECK(trial_section_body(none).find("Too few rated nights") != std::string::npos);
        none.decision = TrialDecision::too_few;
        CHECK(trial_section_body(none).find("Too few rated nights") == std::string::npos);
    }
}
