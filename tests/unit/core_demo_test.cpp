// The demo generator is deterministic and builds in its advertised effect.
#include "core/demo.hpp"

#include <doctest/doctest.h>
#include <set>

using namespace rls;
using namespace date::literals;

TEST_SUITE("core.demo") {
    TEST_CASE("same seed gives the same data and nights end at the given night") {
        DemoParams p;
        p.nights = 200;
        p.last_night = 2026_y / 11 / 24;
        p.zone = Zone::named("America/New_York");
        const auto run = [&p] {
            std::vector<SessionInput> sessions;
            std::vector<RatingInput> ratings;
            generate_demo(
                p, [&](const SessionInput& s) { sessions.push_back(s); },
                [&](const RatingInput& r) { ratings.push_back(r); });
            return std::pair{sessions, ratings};
        };
        const auto [s1, r1] = run();
        const auto [s2, r2] = run();
        REQUIRE(s1.size() == s2.size());
        for (std::size_t i = 0; i < s1.size(); ++i) {
            CHECK(s1[i].started == s2[i].started);
            CHECK(s1[i].after == s2[i].after);
        }
        // About 78% of nights have a session and 90% a rating.
        CHECK(s1.size() > 130);
        CHECK(s1.size() < 180);
        CHECK(r1.size() > 160);
        CHECK(r1.size() < 200);
        CHECK(r1.back().night == 2026_y / 11 / 24);
        for (const auto& s : s1) {
            CHECK(s.night <= 2026_y / 11 / 24); // every session falls on its own evening
        }
    }

    TEST_CASE("nights after a session sleep better on average") {
        DemoParams p;
        p.nights = 2000;
        p.last_night = 2026_y / 11 / 24;
        p.zone = Zone::named("UTC");
        std::set<date::sys_days> with_session;
        std::vector<RatingInput> ratings;
        generate_demo(
            p, [&](const SessionInput& s) { with_session.insert(date::sys_days{s.night}); },
            [&](const RatingInput& r) { ratings.push_back(r); });
        double with = 0;
        double without = 0;
        int n_with = 0;
        int n_without = 0;
        for (const auto& r : ratings) {
            if (with_session.count(date::sys_days{r.night}) != 0) {
                with += *r.sleep;
                ++n_with;
            } else {
                without += *r.sleep;
                ++n_without;
            }
        }
        CHECK(with / n_with - without / n_without > 1.0);
    }
}
