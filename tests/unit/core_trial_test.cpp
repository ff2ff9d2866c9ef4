// The trial protocol: SHA-256 against published vectors, arm parsing, a
// balanced schedule reproducible from its seed, what a night's sessions did.
#include "core/error.hpp"
#include "core/sha256.hpp"
#include "core/trial.hpp"

#include <doctest/doctest.h>
#include <map>
#include <set>

using namespace rls;

namespace {

Date trial_ymd(int y, unsigned m, unsigned d) {
    return date::year{y} / date::month{m} / date::day{d};
}

const ArmCatalog k_trial_catalog{{"standard", "left-only"}, {"lavender", "valerian", "carrier"}};

Protocol trial_protocol(std::vector<std::string> labels, TrialDesign design, int blocks,
                        int washout, std::uint64_t seed) {
    Protocol p;
    for (const auto& l : labels) {
        p.arms.push_back(parse_arm(l, k_trial_catalog, "arm"));
    }
    p.design = design;
    p.blocks = blocks;
    p.washout = washout;
    p.first_night = trial_ymd(2026, 11, 25);
    p.seed = seed;
    p.schedule = make_schedule(p.arms.size(), design, blocks, washout, p.first_night, seed);
    return p;
}

} // namespace

TEST_SUITE("core.trial") {
    TEST_CASE("SHA-256 gives the FIPS 180-4 vectors and Python's hashlib at block edges") {
        CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        CHECK(sha256_hex("abc") ==
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
        CHECK(sha256_hex(std::string(1000000, 'a')) ==
              "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
        // Lengths where the padding spills into a second block (python3 hashlib).
        const std::map<std::size_t, std::string> edges = {
            {55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"},
            {56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"},
            {63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"},
            {64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"},
            {119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"},
            {120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"}};
        for (const auto& [n, digest] : edges) {
            CHECK(sha256_hex(std::string(n, 'a')) == digest);
        }
    }

    TEST_CASE("arms: none, a routine with rotations, an oil with or without") {
        CHECK(parse_arm("none", k_trial_catalog, "arm").kind == Arm::Kind::none);
        const auto x2 = parse_arm("standard x2", k_trial_catalog, "arm");
        CHECK(x2.kind == Arm::Kind::routine);
        CHECK(x2.rounds == 2);
        CHECK(x2.label() == "standard x2");
        CHECK(parse_arm("standard", k_trial_catalog, "arm").label() == "standard x1");
        CHECK(parse_arm("no lavender", k_trial_catalog, "arm").label() == "no lavender");
        CHECK(parse_arm("lavender", k_trial_catalog, "arm").with);
        CHECK_THROWS_WITH_AS(parse_arm("rose", k_trial_catalog, "arm"),
                             doctest::Contains("arm 'rose' is not a known arm"), Error);
        CHECK_THROWS_AS(parse_arm("standard x0", k_trial_catalog, "arm"), Error);
        CHECK_THROWS_AS(parse_arm("standard x11", k_trial_catalog, "arm"), Error);
        CHECK_THROWS_AS(parse_arm("no standard", k_trial_catalog, "arm"), Error);
        CHECK_THROWS_AS(parse_arm("lavender x2", k_trial_catalog, "arm"), Error);
    }

    TEST_CASE("arms that nights could not tell apart are refused") {
        const auto arms = [](std::vector<std::string> labels) {
            std::vector<Arm> out;
            for (const auto& l : labels) {
                out.push_back(parse_arm(l, k_trial_catalog, "arm"));
            }
            return arms_problem(out);
        };
        CHECK_FALSE(arms({"standard x1", "standard x2"}));
        CHECK_FALSE(arms({"none", "standard x1"}));
        CHECK_FALSE(arms({"lavender", "no lavender"}));
        CHECK_FALSE(arms({"none", "lavender", "no lavender"}));
        CHECK(arms({"standard x1"})->find("2 to 4 arms, got 1") != std::string::npos);
        CHECK(arms({"standard", "standard x1"})->find("the same") != std::string::npos);
        CHECK(arms({"lavender", "valerian"})->find("different oils") != std::string::npos);
        CHECK(arms({"lavender", "standard x2"})->find("mix a routine and an oil") !=
              std::string::npos);
    }

    TEST_CASE("pairs: every block holds every arm once; the seed reproduces the schedule") {
        for (std::uint64_t seed = 0; seed < 200; ++seed) {
            const auto p = trial_protocol({"none", "standard x1", "standard x2"},
                                          TrialDesign::pairs, 8, 0, seed);
            REQUIRE(p.schedule.size() == 24);
            for (int b = 1; b <= 8; ++b) {
                std::multiset<int> arms;
                for (const auto& n : p.schedule) {
                    if (n.block == b) {
                        arms.insert(n.arm);
                    }
                }
                CHECK(arms == std::multiset<int>{0, 1, 2});
            }
            CHECK(make_schedule(3, TrialDesign::pairs, 8, 0, p.first_night, seed) == p.schedule);
        }
        // Consecutive nights, numbered from 1.
        const auto p = trial_protocol({"standard x1", "standard x2"}, TrialDesign::pairs, 8, 0, 7);
        for (std::size_t i = 0; i < p.schedule.size(); ++i) {
            CHECK(p.schedule[i].seq == static_cast<int>(i) + 1);
            CHECK(p.schedule[i].night == date::sys_days(p.first_night) + date::days(i));
        }
        CHECK(p.last_night() == trial_ymd(2026, 12, 10));
        CHECK(p.night(trial_ymd(2026, 11, 24)) == nullptr);
        CHECK(p.night(trial_ymd(2026, 12, 11)) == nullptr);
        CHECK(p.night(trial_ymd(2026, 11, 30))->seq == 6);
    }

    TEST_CASE("the orders are drawn evenly: AB and BA about half each over many seeds") {
        int ab = 0;
        constexpr int k_seeds = 2000;
        for (std::uint64_t seed = 0; seed < k_seeds; ++seed) {
            const auto s = make_schedule(2, TrialDesign::pairs, 1, 0, trial_ymd(2026, 1, 1), seed);
            ab += s[0].arm == 0 ? 1 : 0;
        }
        // Binomial(2000, 0.5): sd 22; 5 sd either side.
        CHECK(ab > 1000 - 112);
        CHECK(ab < 1000 + 112);
    }

    TEST_CASE("ABBA/BAAB blocks and washout nights after each switch") {
        const auto p = trial_protocol({"lavender", "no lavender"}, TrialDesign::abba, 4, 0, 11);
        REQUIRE(p.schedule.size() == 16);
        for (int b = 0; b < 4; ++b) {
            const auto* s = &p.schedule[static_cast<std::size_t>(4 * b)];
            CHECK(s[0].arm == s[3].arm);
            CHECK(s[1].arm == s[2].arm);
            CHECK(s[0].arm != s[1].arm);
        }
        const auto w = trial_protocol({"lavender", "no lavender"}, TrialDesign::pairs, 8, 1, 5);
        int previous = -1;
        for (std::size_t i = 0; i < w.schedule.size(); ++i) {
            const auto& n = w.schedule[i];
            // A washout night starts every period of a new arm, and only those.
            CHECK(n.washout == (n.arm != previous));
            if (n.washout) {
                REQUIRE(i + 1 < w.schedule.size());
                CHECK(w.schedule[i + 1].arm == n.arm);
                CHECK_FALSE(w.schedule[i + 1].washout);
            }
            previous = n.arm;
        }
        CHECK(w.analysed_nights() == 16);
    }

    TEST_CASE("allocations: (k!)^blocks for pairs, 2^blocks for ABBA") {
        CHECK(allocation_count(2, TrialDesign::pairs, 8) == 256);
        CHECK(allocation_count(3, TrialDesign::pairs, 4) == 1296);
        CHECK(allocation_count(2, TrialDesign::abba, 4) == 16);
    }

    TEST_CASE("the fingerprint is the SHA-256 of the canonical text and changes with the plan") {
        auto p = trial_protocol({"standard x1", "standard x2"}, TrialDesign::pairs, 8, 0, 42);
        const auto text = canonical_text(p);
        CHECK(text.starts_with(
            "rls trial protocol 1\narm A: standard x1\narm B: standard x2\n"));
        CHECK(text.find("\nseed: 42\n") != std::string::npos);
        CHECK(fingerprint(p) == sha256_hex(text));
        const auto before = fingerprint(p);
        p.schedule[3].arm = 1 - p.schedule[3].arm;
        CHECK(fingerprint(p) != before);
    }

    TEST_CASE("what a night's sessions did: rotations add up, oils with or without, skips") {
        const auto p =
            trial_protocol({"none", "standard x1", "standard x2"}, TrialDesign::pairs, 2, 0, 1);
        Session one;
        one.routine = "standard";
        one.rounds = 1;
        Session other = one;
        CHECK(arm_done(p, {}, true) == 0);
        CHECK_FALSE(arm_done(p, {}, false));
        CHECK(arm_done(p, {&one}, false) == 1);
        CHECK(arm_done(p, {&one, &other}, false) == 2);
        other.routine = "left-only";
        CHECK_FALSE(arm_done(p, {&one, &other}, false));
        const auto oils = trial_protocol({"lavender", "no lavender"}, TrialDesign::pairs, 2, 0, 1);
        one.oils = {{"lavender", 3}};
        CHECK(arm_done(oils, {&one}, false) == 0);
        one.oils = {{"valerian", 3}};
        CHECK(arm_done(oils, {&one}, false) == 1);
        CHECK_FALSE(arm_done(oils, {}, true));
    }
}
