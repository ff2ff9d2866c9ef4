// The report's tracked sections on hand-built histories: IRLS change flags,
// iron thresholds and the augmentation watch at their borders (exactly 2
// hours earlier, +5 IRLS, 75/76 ng/mL, 19/20%), speaking once or not at all.
#include "report/model.hpp"
#include "report/render.hpp"
#include "report/render_tracked.hpp"
#include "report/tracked.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

using namespace rls;
using namespace rls::report;
using namespace date::literals;

namespace {

// Text with its line breaks and indents as single spaces.
std::string flat(const std::string& text) {
    std::string out;
    for (const char c : text) {
        const bool space = c == ' ' || c == '\n';
        if (!space || (!out.empty() && out.back() != ' ')) {
            out += space ? ' ' : c;
        }
    }
    return out;
}

const Date k_start = 2026_y / 9 / 7; // a Monday

Date day(int n) {
    return Date{date::sys_days{k_start} + date::days{n}};
}

// Onset `minutes` after the night's midnight on nights [from, to).
void onsets(Measures& m, int from, int to, int minutes, Spread where = {true, false, false}) {
    for (int n = from; n < to; ++n) {
        Symptoms s;
        s.night = day(n);
        s.onset_min = minutes;
        s.spread = where;
        m.symptoms.push_back(s);
    }
}

void weekly_irls(Measures& m, const std::vector<int>& totals) {
    for (std::size_t w = 0; w < totals.size(); ++w) {
        IrlsEntry e;
        e.week = day(static_cast<int>(7 * w));
        e.taken = e.week;
        e.total = totals[w];
        m.irls.push_back(e);
    }
}

Tracked over_12_weeks(const Measures& m) {
    std::vector<Date> weeks;
    for (int w = 0; w < 12; ++w) {
        weeks.push_back(day(7 * w));
    }
    return tracked_of(m, day(0), day(83), weeks, {});
}

std::vector<std::string> kinds(const Tracked& t) {
    std::vector<std::string> out;
    for (const auto& s : t.watch.signs) {
        out.push_back(s.kind);
    }
    return out;
}

} // namespace

TEST_SUITE("report.tracked") {
    TEST_CASE("IRLS rows: bands, changes, and 5 points marked as relevant") {
        Measures m;
        weekly_irls(m, {10, 11, 15, 20, 21, 17});
        const auto t = over_12_weeks(m);
        REQUIRE(t.irls.size() == 6);
        CHECK(t.irls[0].band == "mild");
        CHECK(t.irls[1].band == "moderate");
        CHECK_FALSE(t.irls[0].change);
        CHECK(*t.irls[1].change == 1);
        CHECK_FALSE(t.irls[1].relevant_change);
        CHECK(*t.irls[2].change == 4);
        CHECK_FALSE(t.irls[2].relevant_change);
        CHECK(*t.irls[3].change == 5);
        CHECK(t.irls[3].relevant_change);
        CHECK(t.irls[4].band == "severe");
        CHECK(*t.irls[5].change == -4);
        // 10 to 17 over the weeks: +7, relevant though only one week moved 5.
        CHECK(irls_overall_text(t.irls) ==
              "From the first entry to the latest: +7 points, a relevant change (5 or more).");
        CHECK(tracked_text(t, Style(false)).find("  From the first entry to the latest: +7") !=
              std::string::npos);
        Measures small;
        weekly_irls(small, {10, 13});
        CHECK(irls_overall_text(over_12_weeks(small).irls) ==
              "From the first entry to the latest: +3 points.");
        Measures one;
        weekly_irls(one, {12});
        CHECK(irls_overall_text(over_12_weeks(one).irls).empty());
    }

    TEST_CASE("iron: the latest values, flagged at 75 ng/mL and below 20%") {
        Measures m;
        m.labs.push_back({0, "", day(0), 40.0, 15.0, true, {}});
        m.labs.push_back({0, "", day(30), 75.0, 20.0, true, {}});
        auto t = over_12_weeks(m);
        CHECK(t.iron.ferritin->value == 75);
        CHECK(t.iron.ferritin->low);
        CHECK_FALSE(t.iron.tsat->low);
        CHECK(t.iron.ask_doctor);
        m.labs.push_back({0, "", day(60), 76.0, 19.0, false, {}});
        t = over_12_weeks(m);
        CHECK_FALSE(t.iron.ferritin->low);
        CHECK(t.iron.tsat->low);
        CHECK(t.iron.ask_doctor);
        m.labs.push_back({0, "", day(70), 76.0, 20.0, std::nullopt, {}});
        t = over_12_weeks(m);
        CHECK_FALSE(t.iron.ask_doctor);
        // A lab drawn after the window is not the window's.
        m.labs.push_back({0, "", day(100), 10.0, std::nullopt, std::nullopt, {}});
        CHECK_FALSE(over_12_weeks(m).iron.ask_doctor);
    }

    TEST_CASE("onset exactly two hours earlier is a sign; a minute less is not") {
        Measures m;
        onsets(m, 0, 28, 22 * 60);  // 22:00 in the first four weeks
        onsets(m, 56, 84, 20 * 60); // 20:00 in the last four
        auto t = over_12_weeks(m);
        CHECK(t.watch.compared);
        CHECK(kinds(t) == std::vector<std::string>{"onset"});
        CHECK(t.watch.message == k_watch_message);
        Measures later;
        onsets(later, 0, 28, 22 * 60);
        onsets(later, 56, 84, 20 * 60 + 1);
        t = over_12_weeks(later);
        CHECK(t.watch.compared);
        CHECK(t.watch.signs.empty());
        CHECK(t.watch.message.empty());
    }

    TEST_CASE("spread to the arms is a sign only when new") {
        Measures m;
        onsets(m, 0, 28, 22 * 60);
        onsets(m, 56, 83, 22 * 60);
        onsets(m, 83, 84, 22 * 60, {true, true, false});
        CHECK(kinds(over_12_weeks(m)) == std::vector<std::string>{"spread"});
        // Arms from week 7 on (night 42, 2026-10-19): counted in the last four
        // weeks, dated from the first night seen, as a dose rise is.
        Measures arms;
        onsets(arms, 0, 28, 22 * 60);
        onsets(arms, 42, 84, 22 * 60, {true, true, false});
        const auto t = over_12_weeks(arms);
        REQUIRE(kinds(t) == std::vector<std::string>{"spread"});
        CHECK(t.watch.signs[0].text ==
              "Symptoms reached the arms on 28 nights of the last four weeks, which they did "
              "not in your first four weeks (first on 2026-10-19).");
        Measures before;
        onsets(before, 0, 27, 22 * 60);
        onsets(before, 27, 28, 22 * 60, {true, true, false}); // already in the first weeks
        onsets(before, 83, 84, 22 * 60, {true, true, false});
        onsets(before, 56, 60, 22 * 60);
        CHECK(over_12_weeks(before).watch.signs.empty());
    }

    TEST_CASE("a dose above the first four weeks' is a sign; the same dose is not") {
        Measures m;
        for (int n = 0; n < 84; ++n) {
            Dose d;
            d.medicine = "pramipexole";
            d.unit = "mg";
            d.night = day(n);
            d.amount = n >= 49 ? 0.25 : 0.125; // up in week 8
            m.doses.push_back(d);
        }
        auto t = over_12_weeks(m);
        CHECK(kinds(t) == std::vector<std::string>{"dose"});
        // Dated from the night it rose, in week 8, not from the last four weeks.
        CHECK(t.watch.signs[0].text == "pramipexole: up to 0.25 mg a night, more than the 0.125 "
                                       "mg of your first four weeks (first on 2026-10-26).");
        REQUIRE(t.medicines.size() == 1);
        CHECK(*t.medicines[0].first_nightly == 0.125);
        CHECK(*t.medicines[0].last_nightly == 0.25);
        CHECK(t.medicines[0].nights == 84);
        // Raised in week 6 and back down before the last four weeks: not now.
        for (auto& d : m.doses) {
            d.amount = d.night >= day(35) && d.night < day(49) ? 0.25 : 0.125;
        }
        t = over_12_weeks(m);
        CHECK(t.watch.compared);
        CHECK(t.watch.signs.empty());
        for (auto& d : m.doses) {
            d.amount = 0.125;
        }
        t = over_12_weeks(m);
        CHECK(t.watch.compared);
        CHECK(t.watch.signs.empty());
    }

    TEST_CASE("dose changes: the first dose ever, and nights whose amount differs") {
        Measures m;
        const auto dose = [&](int n, double amount) {
            Dose d;
            d.medicine = "pramipexole";
            d.unit = "mg";
            d.night = day(n);
            d.amount = amount;
            m.doses.push_back(d);
        };
        dose(-3, 0.125); // before the window: the baseline of the first change
        dose(2, 0.125);
        dose(5, 0.125); // nights between without a dose are not changes
        dose(9, 0.125);
        dose(9, 0.125); // two doses: 0.25 that night
        dose(10, 0.25);
        dose(40, 0.125);
        dose(90, 0.5); // after the window
        auto t = over_12_weeks(m);
        REQUIRE(t.medicines.size() == 1);
        const auto& c = t.medicines[0].changes;
        REQUIRE(c.size() == 2);
        CHECK(c[0].night == day(9));
        CHECK(*c[0].from == 0.125);
        CHECK(c[0].to == 0.25);
        CHECK(c[1].night == day(40));
        CHECK(*c[1].from == 0.25);
        CHECK(c[1].to == 0.125);
        const auto j = tracked_json(t)["medicines"][0]["changes"];
        CHECK(j.size() == 2);
        CHECK(j[0]["night"] == "2026-09-16");
        CHECK(j[0]["from"] == 0.125);
        CHECK(j[0]["to"] == 0.25);
        // Started inside the window: the first night is a change with no "from".
        Measures fresh;
        Dose d;
        d.medicine = "gabapentin";
        d.unit = "mg";
        d.night = day(20);
        d.amount = 300;
        fresh.doses.push_back(d);
        t = over_12_weeks(fresh);
        REQUIRE(t.medicines[0].changes.size() == 1);
        CHECK(t.medicines[0].changes[0].night == day(20));
        CHECK_FALSE(t.medicines[0].changes[0].from);
        CHECK(tracked_json(t)["medicines"][0]["changes"][0]["from"].is_null());
    }

    TEST_CASE("the text report gives a line per dose change under its medicine") {
        Measures m;
        const auto dose = [&](const char* name, int n, double amount) {
            Dose d;
            d.medicine = name;
            d.unit = "mg";
            d.night = day(n);
            d.amount = amount;
            m.doses.push_back(d);
        };
        dose("pramipexole", -3, 0.125); // before the window: the baseline
        dose("pramipexole", 9, 0.25);
        dose("pramipexole", 40, 0.125);
        dose("gabapentin", 20, 300); // its first dose ever
        const auto text = tracked_text(over_12_weeks(m), Style(false));
        // day(9) is 2026-09-16, day(20) 2026-09-27, day(40) 2026-10-17.
        const auto at = [&text](const std::string& line) { return text.find("\n" + line + "\n"); };
        CHECK(at("    pramipexole 0.125 → 0.25 mg from 2026-09-16") != std::string::npos);
        CHECK(at("    pramipexole 0.25 → 0.125 mg from 2026-10-17") != std::string::npos);
        CHECK(at("    gabapentin started at 300 mg on 2026-09-27") != std::string::npos);
        // Under their own medicine's row, in date order.
        const auto gaba_row = text.find("\n  gabapentin ");
        const auto prami_row = text.find("\n  pramipexole ");
        REQUIRE(gaba_row < prami_row);
        CHECK(gaba_row < at("    gabapentin started at 300 mg on 2026-09-27"));
        CHECK(at("    gabapentin started at 300 mg on 2026-09-27") < prami_row);
        CHECK(prami_row < at("    pramipexole 0.125 → 0.25 mg from 2026-09-16"));
        CHECK(at("    pramipexole 0.125 → 0.25 mg from 2026-09-16") <
              at("    pramipexole 0.25 → 0.125 mg from 2026-10-17"));

        // Taken as needed, the amount changes night after night: the latest
        // eight are listed, the rest counted.
        Measures daily;
        for (int n = 0; n < 12; ++n) {
            Dose d;
            d.medicine = "gabapentin";
            d.unit = "mg";
            d.night = day(n);
            d.amount = n % 2 == 0 ? 300 : 600; // a change every night from the first
            daily.doses.push_back(d);
        }
        const auto many = tracked_text(over_12_weeks(daily), Style(false));
        CHECK(many.find("\n    4 earlier changes of gabapentin in --json\n") != std::string::npos);
        // Changes on nights 0..11 (the first "started"); the last eight are 4..11.
        CHECK(many.find("started") == std::string::npos);
        CHECK(many.find("from 2026-09-10\n") == std::string::npos); // day(3)
        CHECK(many.find("    gabapentin 600 → 300 mg from 2026-09-11\n") != std::string::npos);
        CHECK(many.find("    gabapentin 300 → 600 mg from 2026-09-18\n") != std::string::npos);
    }

    TEST_CASE("onset by night: the window's nights with a time, and whether beyond the legs") {
        Measures m;
        onsets(m, -2, 0, 21 * 60);                     // before the window
        onsets(m, 3, 5, 22 * 60);                      // legs only
        onsets(m, 6, 7, 20 * 60, {true, false, true}); // the trunk too
        Symptoms placed_only;                          // where, but no time
        placed_only.night = day(8);
        placed_only.spread = Spread{true, true, false};
        m.symptoms.push_back(placed_only);
        const auto t = over_12_weeks(m);
        REQUIRE(t.onset.by_night.size() == 3);
        CHECK(t.onset.by_night[0].night == day(3));
        CHECK(t.onset.by_night[0].minutes == 22 * 60);
        CHECK_FALSE(t.onset.by_night[0].beyond_legs);
        CHECK(t.onset.by_night[2].night == day(6));
        CHECK(t.onset.by_night[2].beyond_legs);
        CHECK(t.onset.nights == 3);
        CHECK(t.onset.spread_nights == 4);
        CHECK(t.onset.arms_nights == 1);
    }

    TEST_CASE("IRLS up by 5 over the first four weeks' mean is a sign; by 4 is not") {
        Measures m;
        weekly_irls(m, {14, 14, 14, 14, 15, 15, 16, 16, 17, 17, 18, 19});
        CHECK(kinds(over_12_weeks(m)) == std::vector<std::string>{"irls"});
        Measures calm;
        weekly_irls(calm, {14, 14, 14, 14, 15, 15, 16, 16, 17, 17, 18, 18});
        const auto t = over_12_weeks(calm);
        CHECK(t.watch.compared);
        CHECK(t.watch.signs.empty());
    }

    TEST_CASE("nothing to point out names only the kinds of record compared") {
        Measures m;
        for (int n = 0; n < 84; ++n) {
            Dose d;
            d.medicine = "pramipexole";
            d.unit = "mg";
            d.night = day(n);
            d.amount = 0.125;
            m.doses.push_back(d);
        }
        auto t = over_12_weeks(m);
        CHECK(t.watch.compared_kinds == std::vector<std::string>{"dose"});
        auto text = tracked_text(t, Style(false));
        CHECK(flat(text).find("Nothing to point out against the first four weeks of each record: "
                              "no higher dose.") != std::string::npos);
        weekly_irls(m, {10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10});
        onsets(m, 0, 28, 22 * 60);
        onsets(m, 56, 84, 22 * 60);
        t = over_12_weeks(m);
        CHECK(t.watch.compared_kinds ==
              std::vector<std::string>{"onset", "spread", "dose", "irls"});
        text = tracked_text(t, Style(false));
        // Each kind as it is checked: the demo-like history halves no dose
        // here, but a lower dose or a later onset would be no sign either.
        CHECK(flat(text).find("Nothing to point out against the first four weeks of each record: "
                              "onset not 2 hours or more earlier; no new spread to the arms or "
                              "trunk; no higher dose; IRLS not 5 points or more higher.") !=
              std::string::npos);
        Measures irls;
        weekly_irls(irls, {10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10});
        text = tracked_text(over_12_weeks(irls), Style(false));
        CHECK(flat(text).find("of each record: IRLS not 5 points or more higher.") !=
              std::string::npos);
    }

    TEST_CASE("several signs, one message; too little history, no comparison") {
        Measures m;
        onsets(m, 0, 28, 22 * 60);
        onsets(m, 56, 84, 19 * 60, {true, false, true});
        weekly_irls(m, {10, 10, 10, 10, 12, 12, 14, 14, 15, 15, 16, 16});
        const auto t = over_12_weeks(m);
        CHECK(t.watch.signs.size() == 3);
        const auto text = render_text(
            [&] {
                Model model;
                model.options.from = day(0);
                model.options.to = day(83);
                model.first_night = day(0);
                model.by_session = {Group{}, Group{}};
                model.tracked = t;
                return model;
            }(),
            {});
        std::size_t count = 0;
        for (auto at = text.find("signs of augmentation"); at != std::string::npos;
             at = text.find("signs of augmentation", at + 1)) {
            ++count;
        }
        CHECK(count == 1);
        Measures young;
        onsets(young, 0, 20, 22 * 60);
        CHECK_FALSE(over_12_weeks(young).watch.compared);
    }

    TEST_CASE("night tags are adjusted for in the session comparison, on every night") {
        std::vector<Session> sessions;
        std::vector<Rating> ratings;
        Measures m;
        for (int n = 0; n < 28; ++n) {
            const bool session = n % 2 == 0;
            const bool caffeine = n % 3 == 0;
            if (session) {
                Session s;
                s.night = day(n);
                s.started = date::sys_days{day(n)} + std::chrono::hours{20};
                s.routine = "standard";
                sessions.push_back(s);
            }
            if (caffeine) {
                m.night_tags.push_back({day(n), "caffeine"});
            }
            Rating r;
            r.night = day(n);
            r.sleep = 5 + (session ? 1 : 0) - (caffeine ? 2 : 0) + (n % 5 == 0 ? 1 : 0) -
                      (n % 7 == 3 ? 1 : 0);
            ratings.push_back(r);
        }
        Options o;
        o.from = day(0);
        o.to = day(27);
        const auto model = build(sessions, ratings, o, m);
        bool session_adjusted = false;
        bool tag_over_every_night = false;
        for (const auto& c : model.comparisons) {
            if (c.family == "session" && c.outcome == Outcome::sleep) {
                session_adjusted = std::find(c.adjusted_for.begin(), c.adjusted_for.end(),
                                             "tag caffeine") != c.adjusted_for.end();
            }
            if (c.family == "tag" && c.a == "caffeine" && c.outcome == Outcome::sleep) {
                tag_over_every_night = c.n_a + c.n_b == 28;
                REQUIRE(c.estimate);
                CHECK(c.estimate->diff < -1.0);
                CHECK(c.estimate->diff > -3.0);
            }
        }
        CHECK(session_adjusted);
        CHECK(tag_over_every_night);
    }

    TEST_CASE("a medicine's amount per night is adjusted for: a dose taken on massage nights") {
        // Six weeks: a session every other night, the higher dose on every
        // other session night only, and sleep that follows the dose, not the
        // massage. Unadjusted, the massage looks a point better; adjusted for
        // the dose it is not.
        std::vector<Session> sessions;
        std::vector<Rating> ratings;
        Measures m;
        for (int n = 0; n < 42; ++n) {
            const bool high = n % 4 == 0;
            if (n % 2 == 0) {
                Session s;
                s.night = day(n);
                s.started = date::sys_days{day(n)} + std::chrono::hours{20};
                s.routine = "standard";
                sessions.push_back(s);
            }
            Dose d;
            d.medicine = "pramipexole";
            d.unit = "mg";
            d.night = day(n);
            d.amount = high ? 0.25 : 0.125;
            m.doses.push_back(d);
            Rating r;
            r.night = day(n);
            r.sleep = 5 + (high ? 2 : 0) + (n % 5 == 0 ? 1 : 0) - (n % 7 == 3 ? 1 : 0);
            ratings.push_back(r);
        }
        Options o;
        o.from = day(0);
        o.to = day(41);
        const auto session_sleep = [](const Model& model) {
            for (const auto& c : model.comparisons) {
                if (c.family == "session" && c.outcome == Outcome::sleep) {
                    return c;
                }
            }
            FAIL("no session comparison");
            return Comparison{};
        };
        const auto adjusted = session_sleep(build(sessions, ratings, o, m));
        REQUIRE(adjusted.estimate);
        CHECK(std::find(adjusted.adjusted_for.begin(), adjusted.adjusted_for.end(),
                        "dose pramipexole") != adjusted.adjusted_for.end());
        CHECK(std::abs(adjusted.estimate->diff) < 0.3);
        const auto blind = session_sleep(build(sessions, ratings, o, Measures{}));
        REQUIRE(blind.estimate);
        CHECK(blind.estimate->diff > 0.7);
        // The same dose every night cannot be told from the intercept: not listed.
        for (auto& d : m.doses) {
            d.amount = 0.125;
        }
        const auto steady = session_sleep(build(sessions, ratings, o, m));
        CHECK(std::find(steady.adjusted_for.begin(), steady.adjusted_for.end(),
                        "dose pramipexole") == steady.adjusted_for.end());
    }
}
