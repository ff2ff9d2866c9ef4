// The HTML report's tracked sections on a hand-built 12-week history: each
// section is there with its data and left out without it; severity points,
// onset marks, medicine changes on the night chart, the iron flag and the
// augmentation message (once) carry the figures put in.
#include "report/html_tracked.hpp"
#include "report/model.hpp"
#include "report/render.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

using namespace rls;
using namespace rls::report;
using namespace date::literals;

namespace {

const Date k_monday = 2026_y / 9 / 7;

Date night_n(int n) {
    return Date{date::sys_days{k_monday} + date::days{n}};
}

Model model_of(const Measures& measures) {
    Options o;
    o.from = night_n(0);
    o.to = night_n(83);
    return build({}, {}, o, measures);
}

std::string page_of(const Measures& measures) {
    return render_html(model_of(measures), {"", "2026-11-30", "test", ""});
}

bool has(const std::string& s, std::string_view what) {
    return s.find(what) != std::string::npos;
}

Dose dose_on(int n, double amount) {
    Dose d;
    d.medicine = "pramipexole";
    d.unit = "mg";
    d.night = night_n(n);
    d.amount = amount;
    return d;
}

// IRLS 14 for four weeks then rising to 22; onset 22:00 then 19:30 with the
// arms on the last nights; pramipexole 0.125 then 0.25 mg from night 56;
// ferritin 60 (low) and saturation 25% (not low).
Measures worsening() {
    Measures m;
    const int totals[] = {14, 14, 14, 14, 15, 15, 16, 16, 17, 17, 20, 22};
    for (int w = 0; w < 12; ++w) {
        IrlsEntry e;
        e.week = night_n(7 * w);
        e.taken = e.week;
        e.total = totals[w];
        m.irls.push_back(e);
    }
    for (int n = 0; n < 84; ++n) {
        Symptoms s;
        s.night = night_n(n);
        s.onset_min = n < 56 ? 22 * 60 : 19 * 60 + 30;
        s.spread = Spread{true, n >= 80, false};
        m.symptoms.push_back(s);
        m.doses.push_back(dose_on(n, n < 56 ? 0.125 : 0.25));
    }
    m.labs.push_back({0, "", night_n(30), 60.0, 25.0, true, {}});
    return m;
}

} // namespace

TEST_SUITE("report.html_tracked") {
    TEST_CASE("without tracked data the sections are left out") {
        const auto html = page_of({});
        for (const auto* id : {"severity", "onset", "medicines", "iron", "watch"}) {
            CAPTURE(id);
            CHECK_FALSE(has(html, std::string("id=\"") + id + "\""));
        }
        CHECK_FALSE(has(html, "ask your doctor about iron"));
        CHECK_FALSE(has(html, "augmentation, a worsening"));
    }

    TEST_CASE("a worsening history: every section, with its figures") {
        const auto html = page_of(worsening());
        for (const auto* id : {"severity", "onset", "medicines", "iron", "watch"}) {
            CAPTURE(id);
            CHECK(has(html, std::string("<section id=\"") + id + "\""));
        }
        // Severity: twelve weekly points; 17 -> 22 over two weeks is +3 then +2: no ring;
        // none of the changes reaches 5.
        CHECK(rls::test::count_of(html, "<g class=\"irls\"") == 12);
        CHECK(has(html, "data-week=\"2026-11-23\" data-total=\"22\""));
        CHECK(has(html, "latest 22 (severe, week of <time "
                        "datetime=\"2026-11-23\">2026-11-23</time>), first 14 (moderate, week of "
                        "<time datetime=\"2026-09-07\">2026-09-07</time>)"));
        // 14 first, 22 latest: +8 over the weeks, though no week moved 5.
        CHECK(has(html, "From the first entry to the latest: +8 points, a relevant change (5 or "
                        "more). No change of 5 or more from one week to the next."));
        // Onset: a mark per night, triangles on the four nights with the arms.
        CHECK(rls::test::count_of(html, "<g class=\"onset\"") == 84);
        CHECK(rls::test::count_of(html, "<path class=\"spread\"") == 4);
        // (56 x 22:00 + 28 x 19:30) / 84 = 21:10.
        CHECK(has(html, "Symptoms began on average at 21:10 (84 nights; earliest 19:30, "
                        "latest 22:00)"));
        CHECK(has(html, "recorded on 84 nights: the arms on 4, the trunk on 0."));
        // Medicines: started on the first night, doubled on night 56 (2026-11-02).
        CHECK(has(html, "<tr class=\"medicine\" data-name=\"pramipexole\" data-changes=\"2\">"));
        CHECK(has(html, "M2 <time datetime=\"2026-11-02\">2026-11-02</time> pramipexole: 0.125 "
                        "&#8594; 0.25 mg"));
        CHECK(rls::test::count_of(html, "<g class=\"change\"") == 2);
        CHECK(has(html, "<g class=\"change\" data-night=\"2026-11-02\">"));
        CHECK(has(html, "Changes: M1 <time datetime=\"2026-09-07\">2026-09-07</time> pramipexole: "
                        "started, 0.125 mg;"));
        CHECK(has(html, "M1, M2, ...: a medicine's amount changed (see Medicines)."));
        // Iron: ferritin at or under 75 is low; 25% is not.
        CHECK(has(html, "<tr class=\"lab\" data-value=\"60\" data-low=\"true\"><td>Ferritin</td>"
                        "<td>60 ng/mL <strong>low</strong></td><td><time "
                        "datetime=\"2026-10-07\">2026-10-07</time></td><td>yes</td>"));
        CHECK(has(html, "<tr class=\"lab\" data-value=\"25\" data-low=\"false\">"));
        CHECK(rls::test::count_of(html, "ask your doctor about iron") == 1);
        // The watch: onset 2h30m earlier, the arms, a higher dose, IRLS +8 over 14; said once.
        CHECK(rls::test::count_of(html, "<li class=\"sign\"") == 4);
        CHECK(rls::test::count_of(html, "signs of augmentation") == 1);
        CHECK(html.find("id=\"watch\"") < html.find("id=\"nights\""));
        CHECK_FALSE(has(html, "watch-quiet")); // signs, not "nothing to point out"
        // Three charts (nights, severity, onset), each with a title and a description.
        CHECK(rls::test::count_of(html, "<svg ") == 3);
        CHECK(rls::test::count_of(html, "<title id=") == 3);
        CHECK(rls::test::count_of(html, "<desc id=") == 3);
    }

    TEST_CASE("iron not low: values without the flag; one value alone is shown") {
        Measures m;
        m.labs.push_back({0, "", night_n(10), 120.0, std::nullopt, std::nullopt, {}});
        const auto html = page_of(m);
        CHECK(has(html, "<section id=\"iron\""));
        CHECK(has(html, "<td>120 ng/mL</td><td><time "
                        "datetime=\"2026-09-17\">2026-09-17</time></td><td>not recorded</td>"));
        CHECK_FALSE(has(html, "<td>TSAT</td>"));
        CHECK_FALSE(has(html, "ask your doctor about iron"));
        m.labs.push_back({0, "", night_n(20), 120.0, 19.5, false, {}});
        const auto low = page_of(m);
        CHECK(has(low, "<td>19.5% <strong>low</strong></td><td><time "
                       "datetime=\"2026-09-27\">2026-09-27</time></td><td>no</td>"));
        CHECK(has(low, "ask your doctor about iron"));
    }

    TEST_CASE("a relevant IRLS change is listed and ringed; spread without onset times") {
        Measures m;
        for (int w = 0; w < 3; ++w) {
            IrlsEntry e;
            e.week = night_n(7 * w);
            e.total = w == 2 ? 9 : 16;
            m.irls.push_back(e);
        }
        Symptoms s;
        s.night = night_n(4);
        s.spread = Spread{true, false, true};
        m.symptoms.push_back(s);
        const auto html = page_of(m);
        // 16, 16, 9: -7 overall and in the third week.
        CHECK(has(html, "From the first entry to the latest: -7 points, a relevant change (5 or "
                        "more). Relevant changes from one week to the next: -7 (week of <time "
                        "datetime=\"2026-09-21\">2026-09-21</time>)."));
        CHECK(rls::test::count_of(html, "class=\"ring\"") == 1);
        CHECK(has(html, "<section id=\"onset\""));
        CHECK_FALSE(has(html, "onset-chart"));
        CHECK(has(html, "recorded on 1 night: the arms on 0, the trunk on 1."));
        CHECK_FALSE(has(html, "id=\"watch\"")); // too little history to compare
        CHECK_FALSE(has(html, "watch-quiet"));
    }

    TEST_CASE("nights without a session: planned and not marked, under the coverage") {
        Measures m;
        m.no_massage = {night_n(3), night_n(10)};
        // No sessions at all: 84 nights without one, 2 of them planned.
        const auto html = page_of(m);
        CHECK(has(html, "<p class=\"planned\">Nights without a session: 2 planned (rls skip), "
                        "82 not marked.</p>"));
        CHECK_FALSE(has(page_of({}), "class=\"planned\""));
    }

    TEST_CASE("many dose changes: listed in the table, not marked on the night chart") {
        Measures m;
        for (int n = 0; n < 30; ++n) {
            m.doses.push_back(dose_on(n, n % 2 == 0 ? 1 : 2));
        }
        const auto model = model_of(m);
        CHECK(model.tracked.medicines[0].changes.size() == 30);
        CHECK(dose_marks(model.tracked).empty());
        const auto html = render_html(model, {});
        CHECK(rls::test::count_of(html, "<g class=\"change\"") == 0);
        CHECK(has(html, "changed on 30 nights, too many to mark here"));
        CHECK(has(html, "; pramipexole 26 more.</p>"));
    }
}
