// Matching typed ids against the catalog.
#include "core/error.hpp"
#include "core/match.hpp"

#include <doctest/doctest.h>

using namespace rls;

TEST_SUITE("core.match") {
    const std::vector<std::string> points = {"left.heart",    "left.lateral", "left.knee-leg",
                                             "left.sciatic",  "left.foot",    "right.ball",
                                             "right.sciatic", "right.foot"};

    TEST_CASE("exact, prefix and after-the-dot matches") {
        CHECK(match_id("left.heart", points, "--point", "point") == "left.heart");
        CHECK(match_id("left.h", points, "--point", "point") == "left.heart");
        CHECK(match_id("heart", points, "--point", "point") == "left.heart");
        CHECK(match_id("ball", points, "--point", "point") == "right.ball");
        CHECK(match_id("knee", points, "--point", "point") == "left.knee-leg");
        CHECK(match_id("leg", points, "--point", "point") == "left.knee-leg");
        const std::vector<std::string> oils = {"valerian", "roman-chamomile", "lavender",
                                               "carrier"};
        CHECK(match_id("chamomile", oils, "--oil", "oil") == "roman-chamomile");
        CHECK(match_id("ca", oils, "--oil", "oil") == "carrier");
    }

    TEST_CASE("ambiguous and unknown ids list candidates") {
        try {
            (void)match_id("sciatic", points, "--point", "point");
            FAIL("expected ambiguity");
        } catch (const Error& e) {
            CHECK(std::string(e.what()) ==
                  "--point 'sciatic' is ambiguous: it matches left.sciatic, right.sciatic");
        }
        try {
            (void)match_id("hart", points, "--point", "point");
            FAIL("expected unknown");
        } catch (const Error& e) {
            CHECK(std::string(e.what()).find("closest: left.heart") != std::string::npos);
        }
    }
}
