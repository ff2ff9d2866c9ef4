// Every guide screen fits an 80x24 terminal, whatever the point's text.
#include "cli/guide/ui.hpp"
#include "cli/render.hpp"

#include <doctest/doctest.h>

using namespace rls;
using namespace rls::guide;

TEST_SUITE("cli.guide_screen") {
    TEST_CASE("every step of a long walk fits 80x24") {
        std::vector<Point> catalog;
        Routine routine;
        routine.code = "a-rather-long-routine-name-for-testing";
        for (int i = 0; i < 12; ++i) {
            const std::string code = (i < 8 ? "left.p" : "right.p") + std::to_string(i);
            catalog.push_back({0, "", code, i < 8 ? "left" : "right", "Pointname",
                               std::string(260, 'w') + " — ünïcödé words " + std::string(40, 'x'),
                               false});
            routine.points.push_back(code);
        }
        Walk walk(routine, catalog, {{"lavender", 2}});
        const ScreenParts parts{"PRESS  3 of 3   ████████████░░░░░░░░   10 s",
                                std::string(150, 'q') + " 10_",
                                "a note that is quite long but still under eighty columns wide",
                                "Enter go on · s skip · p pause · b back · q quit"};
        int steps = 0;
        while (!walk.finished()) {
            const auto lines = screen_lines(walk, parts);
            CAPTURE(walk.position());
            CHECK(lines.size() == 24);
            for (const auto& line : lines) {
                CHECK(display_width(line) <= 80);
            }
            if (walk.step().kind == StepKind::again && walk.step().rotation == 1) {
                walk.another_rotation();
            }
            walk.next();
            ++steps;
        }
        CHECK(steps > 20);
    }

    TEST_CASE("names and texts from the catalog cannot drive the terminal") {
        const std::string hostile = "A\033[2J\033]52;c;ZXZpbA==\a\xc2\x9b"
                                    "31m\x9bZ";
        Routine routine;
        routine.code = "r" + hostile;
        std::vector<Point> catalog{{0, "", "left.x" + hostile, "left" + hostile,
                                    "Name" + hostile + std::string(70, 'n'), "Where" + hostile,
                                    false}};
        routine.points.push_back(catalog[0].code);
        Walk walk(routine, catalog, {});
        while (!walk.finished()) {
            for (const auto& line : screen_lines(walk, {"", "", "", ""})) {
                CAPTURE(line);
                CHECK(line.find('\033') == std::string::npos);
                CHECK(line.find('\a') == std::string::npos);
                CHECK(line.find("\xc2\x9b") == std::string::npos);
                CHECK(line.find('\x9b') == std::string::npos);
                CHECK(display_width(line) <= 80);
            }
            walk.next();
        }
    }

    TEST_CASE("wrap keeps words and explicit line breaks") {
        const auto lines = rls::wrap("one two three\nfour", 9);
        CHECK(lines == std::vector<std::string>{"one two", "three", "four"});
    }
}
