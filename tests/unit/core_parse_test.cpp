// Parsers of user input: every accepted form and a wide range of rejected ones.
#include "core/error.hpp"
#include "core/parse.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>
#include <string>

using namespace rls;
using rls::test::utc;
using namespace std::chrono;
using namespace date::literals;

namespace {

// 2026-11-25 08:30 in Berlin (UTC+1).
TimeContext berlin_morning() {
    return {utc("2026-11-25T07:30:00Z"), Zone::named("Europe/Berlin"), minutes{360}};
}

std::string error_of(auto&& f) {
    try {
        f();
    } catch (const Error& e) {
        CHECK(e.code() == Exit::usage);
        return e.what();
    }
    FAIL("expected an error");
    return {};
}
} // namespace

TEST_SUITE("core.parse") {
    TEST_CASE("whole numbers in a range, nothing else") {
        CHECK(parse_int("0", "--sleep", 0, 10) == 0);
        CHECK(parse_int(" 10 ", "--sleep", 0, 10) == 10);
        for (const char* bad : {"-1", "11", "1e1", "0x10", "", " ", "NaN", "7.5", "+3", "3a",
                                "99999999999999999999"}) {
            CAPTURE(bad);
            const auto msg = error_of([&] { (void)parse_int(bad, "--sleep", 0, 10); });
            CHECK(msg.find("--sleep must be a whole number from 0 to 10") == 0);
        }
    }

    TEST_CASE("when: bare times, today/yesterday, ISO forms") {
        const auto ctx = berlin_morning();
        CHECK(parse_when("now", ctx, "--at") == ctx.now);
        // 07:00 local today is in the past -> today.
        CHECK(parse_when("07:00", ctx, "--at") == utc("2026-11-25T06:00:00Z"));
        // 22:30 today is still to come -> yesterday evening.
        CHECK(parse_when("22:30", ctx, "--at") == utc("2026-11-24T21:30:00Z"));
        CHECK(parse_when("yesterday 22:30", ctx, "--at") == utc("2026-11-24T21:30:00Z"));
        CHECK(parse_when("Yesterday  21:05", ctx, "--at") == utc("2026-11-24T20:05:00Z"));
        CHECK(parse_when("2026-11-20 22:00", ctx, "--at") == utc("2026-11-20T21:00:00Z"));
        CHECK(parse_when("2026-11-20T22:00:30", ctx, "--at") == utc("2026-11-20T21:00:30Z"));
        CHECK(parse_when("2026-11-20T22:00Z", ctx, "--at") == utc("2026-11-20T22:00:00Z"));
        CHECK(parse_when("2026-11-20T22:00-05:00", ctx, "--at") == utc("2026-11-21T03:00:00Z"));
        CHECK(parse_when("2026-11-20T22:00+0530", ctx, "--at") == utc("2026-11-20T16:30:00Z"));
    }

    TEST_CASE("when: what people type - 10pm, yesterday 9pm, 30m ago") {
        const auto ctx = berlin_morning(); // 08:30 local, UTC+1
        // 10pm is still to come today -> yesterday 22:00 local = 21:00 UTC.
        CHECK(parse_when("10pm", ctx, "--at") == utc("2026-11-24T21:00:00Z"));
        CHECK(parse_when("10 PM", ctx, "--at") == utc("2026-11-24T21:00:00Z"));
        CHECK(parse_when("10:45pm", ctx, "--at") == utc("2026-11-24T21:45:00Z"));
        CHECK(parse_when("7am", ctx, "--at") == utc("2026-11-25T06:00:00Z"));
        CHECK(parse_when("12am", ctx, "--at") == utc("2026-11-24T23:00:00Z")); // midnight
        CHECK(parse_when("12:30pm", ctx, "--at") == utc("2026-11-24T11:30:00Z"));
        CHECK(parse_when("22:15", ctx, "--at") == utc("2026-11-24T21:15:00Z"));
        CHECK(parse_when("yesterday 9pm", ctx, "--at") == utc("2026-11-24T20:00:00Z"));
        CHECK(parse_when("today 8am", ctx, "--at") == utc("2026-11-25T07:00:00Z"));
        CHECK(parse_when("30m ago", ctx, "--at") == utc("2026-11-25T07:00:00Z"));
        CHECK(parse_when("30 min ago", ctx, "--at") == utc("2026-11-25T07:00:00Z"));
        CHECK(parse_when("1 hour ago", ctx, "--at") == utc("2026-11-25T06:30:00Z"));
        CHECK(parse_when("an hour ago", ctx, "--at") == utc("2026-11-25T06:30:00Z"));
        CHECK(parse_when("2 hours ago", ctx, "--at") == utc("2026-11-25T05:30:00Z"));
        CHECK(parse_when("1h30m ago", ctx, "--at") == utc("2026-11-25T06:00:00Z"));
        for (const char* bad : {"13pm", "0am", "10:5pm", "pm", "10pmx", "ago", "-5m ago", "30x ago",
                                "15 days ago", "tomorrow 9pm", "123:00pm"}) {
            CAPTURE(bad);
            CHECK(error_of([&] { (void)parse_when(bad, ctx, "--at"); }).rfind("--at", 0) == 0);
        }
    }

    TEST_CASE("when: past midnight, today's evening is in the future and says which to name") {
        // 00:40 on the 26th in Berlin: still the night of the 25th.
        const TimeContext ctx{utc("2026-11-25T23:40:00Z"), Zone::named("Europe/Berlin"),
                              minutes{360}};
        const auto msg = error_of([&] { (void)parse_when("today 22:00", ctx, "--at"); });
        CHECK(msg.find("'yesterday 22:00'") != std::string::npos);
        CHECK(msg.find("night of 2026-11-25") != std::string::npos);
        CHECK(parse_when("yesterday 22:00", ctx, "--at") == utc("2026-11-25T21:00:00Z"));
        CHECK(parse_when("10pm", ctx, "--at") == utc("2026-11-25T21:00:00Z"));
        // After the cut-off it is a new day: the plain message.
        const TimeContext later{utc("2026-11-26T07:30:00Z"), ctx.zone, minutes{360}};
        CHECK(error_of([&] {
                  (void)parse_when("today 22:00", later, "--at");
              }).find("must not be in the future") != std::string::npos);
    }

    TEST_CASE("when: rejected forms name the field") {
        const auto ctx = berlin_morning();
        for (const char* bad :
             {"24:60", "25:00", "22", "tomorrow 22:00", "2025-02-29 22:00", "2026-13-01 22:00",
              "yesterday", "", "22:30pm", "2026-11-20T22:00+15:00"}) {
            CAPTURE(bad);
            const auto msg = error_of([&] { (void)parse_when(bad, ctx, "--at"); });
            CHECK(msg.rfind("--at", 0) == 0);
        }
        CHECK(error_of([&] {
                  (void)parse_when("2026-11-25 09:00", ctx, "--at");
              }).find("must not be in the future") != std::string::npos);
        CHECK(error_of([&] {
                  (void)parse_when("1999-12-31 22:00", ctx, "--at");
              }).find("2000 or later") != std::string::npos);
    }

    TEST_CASE("durations") {
        CHECK(parse_duration_minutes("25", "--duration", 1, 360) == 25);
        CHECK(parse_duration_minutes("25m", "--duration", 1, 360) == 25);
        CHECK(parse_duration_minutes("25 min", "--duration", 1, 360) == 25);
        CHECK(parse_duration_minutes("1h", "--duration", 1, 360) == 60);
        CHECK(parse_duration_minutes("1h10m", "--duration", 1, 360) == 70);
        CHECK(parse_duration_minutes("1h 5min", "--duration", 1, 360) == 65);
        CHECK(parse_duration_minutes("1:10", "--duration", 1, 360) == 70);
        // 999999999:00 and 999999999h overflowed int before a cap (found by fuzz_duration).
        for (const char* bad : {"0", "361", "7h", "m", "h", "25x", "1:1", "1:60", "-5m", "1m1h",
                                "1h1h", "", "1e3", "999999999:00", "999999999h", "99999h99999m"}) {
            CAPTURE(bad);
            CHECK(error_of([&] {
                      (void)parse_duration_minutes(bad, "--duration", 1, 360);
                  }).rfind("--duration must be a duration", 0) == 0);
        }
    }

    TEST_CASE("point and oil specs") {
        const auto p = parse_point_spec("Left.Heart=7", "--point");
        CHECK(p.point == "left.heart");
        CHECK(p.tenderness == 7);
        for (const char* bad :
             {"left.heart", "=5", "left.heart=11", "left.heart=", "left.heart=-1", "heart=x"}) {
            CAPTURE(bad);
            CHECK(error_of([&] { (void)parse_point_spec(bad, "--point"); }).rfind("--point", 0) ==
                  0);
        }
        CHECK(parse_oil_spec("lavender", "--oil").drops == std::nullopt);
        CHECK(parse_oil_spec("lavender:3", "--oil").drops == 3);
        for (const char* bad : {":3", "lavender:0", "lavender:21", "lavender:", "lavender:two"}) {
            CAPTURE(bad);
            CHECK(error_of([&] { (void)parse_oil_spec(bad, "--oil"); }).rfind("--oil", 0) == 0);
        }
    }

    TEST_CASE("names and free text") {
        CHECK(parse_name("Late-Exercise", "--tag") == "late-exercise");
        CHECK(parse_name("left.toes", "ID", true) == "left.toes");
        for (const char* bad : {"", "-x", "a b", "a.b", "x;drop table", "é"}) {
            CAPTURE(bad);
            CHECK_THROWS_AS((void)parse_name(bad, "--tag"), Error);
        }
        CHECK(parse_text("ça va 😴\nline two", "--note", 100) == "ça va 😴\nline two");
        CHECK_THROWS_AS((void)parse_text(std::string("a\0b", 3), "--note", 100), Error);
        CHECK_THROWS_AS((void)parse_text("\xff\xfe", "--note", 100), Error);
        CHECK_THROWS_AS((void)parse_text("\xc0\x80", "--note", 100), Error); // overlong NUL
        const auto long_error =
            error_of([] { (void)parse_text(std::string(101, 'x'), "--note", 100); });
        CHECK(long_error == "--note must be at most 100 bytes, got 101 bytes");
    }

    TEST_CASE("error values are quoted, shortened and escaped") {
        CHECK(quote_value("a\nb") == "'a\\x0ab'");
        CHECK(quote_value(std::string(50, 'x')).size() == 2 + 40 + 3);
    }
}
