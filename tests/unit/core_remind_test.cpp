// Reminder rules at fixed instants in Berlin (UTC+1 in November).
#include "core/remind.hpp"

#include <doctest/doctest.h>

using namespace rls;
using namespace date::literals;

namespace {
RemindInput at(const char* utc, bool logged = false, bool rated = false) {
    RemindInput in;
    in.time = {*parse_instant_utc(utc), Zone::named("Europe/Berlin"), std::chrono::minutes{360}};
    in.session_logged = logged;
    in.last_night_rated = rated;
    return in;
}
std::vector<std::string> kinds(const std::vector<DueItem>& items) {
    std::vector<std::string> out;
    for (const auto& i : items) {
        out.push_back(i.kind);
    }
    return out;
}
} // namespace

TEST_SUITE("core.remind") {
    TEST_CASE("a night marked without massage asks for no session") {
        auto in = at("2026-11-25T20:30:00Z", false, true); // 21:30 local
        in.no_massage_planned = true;
        CHECK(due_items(in).empty());
    }

    TEST_CASE("weekly severity: only for IRLS users, once a week, on their IRLS evening") {
        // 2026-11-22 is a Sunday: the user keeps the IRLS on Sundays.
        const RemindInput::LastIrls sundays{2026_y / 11 / 16, 2026_y / 11 / 22};
        auto in = at("2026-11-29T20:30:00Z", true, true); // Sunday 21:30
        CHECK(due_items(in).empty());                     // never used: never asked
        in.last_irls = sundays;
        auto due = due_items(in);
        REQUIRE(due.size() == 1);
        CHECK(due[0].kind == "severity");
        CHECK(due[0].night == 2026_y / 11 / 23);
        CHECK(due[0].message == "Weekly severity not recorded (week of 2026-11-23): rls irls");
        // Not on the other evenings of the week, nor on Sunday morning.
        for (const char* other :
             {"2026-11-23T20:30:00Z", "2026-11-25T20:30:00Z", "2026-11-28T20:30:00Z",
              "2026-11-29T08:00:00Z", "2026-11-30T20:30:00Z"}) {
            in = at(other, true, true);
            in.last_irls = sundays;
            CHECK_MESSAGE(due_items(in).empty(), other);
        }
        // Sunday's evening runs until Monday's cut-off: 00:30 is still that
        // night and that week; 06:00 on Monday is not.
        in = at("2026-11-29T23:30:00Z", true, true);
        in.last_irls = sundays;
        CHECK(kinds(due_items(in)) == std::vector<std::string>{"severity"});
        CHECK(due_items(in)[0].night == 2026_y / 11 / 23);
        in = at("2026-11-30T05:00:00Z", true, true);
        in.last_irls = sundays;
        CHECK(due_items(in).empty());
        // The evening hour is the session's.
        in = at("2026-11-29T17:30:00Z", true, true); // 18:30
        in.last_irls = sundays;
        CHECK(due_items(in).empty());
        in.evening = std::chrono::hours{18};
        CHECK(kinds(due_items(in)) == std::vector<std::string>{"severity"});
        // Recorded this week (on a Friday): silent on Sunday, and the next
        // reminder comes on the Friday of a week without an entry.
        const RemindInput::LastIrls fridays{2026_y / 11 / 23, 2026_y / 11 / 27};
        in = at("2026-11-29T20:30:00Z", true, true);
        in.last_irls = fridays;
        CHECK(due_items(in).empty());
        in = at("2026-12-04T20:30:00Z", true, true);
        in.last_irls = fridays;
        due = due_items(in);
        REQUIRE(due.size() == 1);
        CHECK(due[0].night == 2026_y / 11 / 30);
    }

    TEST_CASE("morning: only last night's rating") {
        const auto due = due_items(at("2026-11-25T08:00:00Z")); // 09:00 local
        REQUIRE(due.size() == 1);
        CHECK(due[0].kind == "rating");
        CHECK(due[0].night == 2026_y / 11 / 24);
        CHECK(due_items(at("2026-11-25T08:00:00Z", false, true)).empty());
    }

    TEST_CASE("evening: tonight's session and, if still missing, the rating") {
        CHECK(kinds(due_items(at("2026-11-25T20:30:00Z"))) ==
              std::vector<std::string>{"session", "rating"}); // 21:30 local
        const auto due = due_items(at("2026-11-25T20:30:00Z", false, true));
        REQUIRE(due.size() == 1);
        CHECK(due[0].night == 2026_y / 11 / 25);
        CHECK(due_items(at("2026-11-25T20:30:00Z", true, true)).empty());
    }

    TEST_CASE("the evening hour is configurable") {
        auto in = at("2026-11-25T17:30:00Z", false, true); // 18:30 local
        CHECK(due_items(in).empty());
        in.evening = std::chrono::hours{18};
        CHECK(kinds(due_items(in)) == std::vector<std::string>{"session"});
    }

    TEST_CASE("after midnight the night is not over: session still due, no rating yet") {
        const auto due = due_items(at("2026-11-25T00:30:00Z")); // 01:30 local on the 25th
        REQUIRE(due.size() == 1);
        CHECK(due[0].kind == "session");
        CHECK(due[0].night == 2026_y / 11 / 24);
    }
}
