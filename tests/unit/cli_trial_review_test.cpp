// rls trial as a new user meets it: past trials stay reachable once a new
// one starts, and the rough edges found in a review stay fixed.
#include "cli_harness.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using rls::test::Cli;

namespace {

nlohmann::json review_json(Cli& cli, const std::vector<std::string>& args) {
    return nlohmann::json::parse(cli.ok(args));
}

bool review_has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// Trial 1 runs its 16 nights from 2026-11-02 to 2026-11-17 (19:00 UTC is
// 20:00 in Berlin); trial 2 starts on 2026-11-20. Now: 2026-11-21, morning.
void review_two_trials(Cli& cli) {
    cli.set_now("2026-11-02T19:00:00Z");
    cli.ok({"trial", "start", "standard x1", "standard x2", "--seed", "1"});
    cli.set_now("2026-11-20T19:00:00Z");
    cli.ok({"trial", "start", "none", "lavender", "--seed", "2"});
    cli.set_now("2026-11-21T08:00:00Z");
}

} // namespace

TEST_SUITE("cli.trial.review") {
    TEST_CASE("a report of an earlier trial's window leads with that trial") {
        Cli cli;
        review_two_trials(cli);
        const auto past =
            review_json(cli, {"report", "--json", "--from", "2026-11-02", "--to", "2026-11-17"});
        CHECK(past["trial"]["id"] == 1);
        // The default window reaches tonight: the running trial leads.
        CHECK(review_json(cli, {"report", "--json"})["trial"]["id"] == 2);
        // A window with neither trial's nights has no trial section.
        CHECK(review_json(
                  cli, {"report", "--json", "--from", "2026-10-01", "--to", "2026-10-31"})["trial"]
                  .is_null());
        // A window overlapping the first trial only at its end.
        CHECK(review_json(cli, {"report", "--json", "--from", "2026-11-17", "--to",
                                "2026-11-18"})["trial"]["id"] == 1);
    }

    TEST_CASE("trial report, show and list reach every trial by its number") {
        Cli cli;
        review_two_trials(cli);
        CHECK(review_json(cli, {"trial", "report", "1", "--json"})["id"] == 1);
        CHECK(review_json(cli, {"trial", "report", "--json"})["id"] == 2);
        CHECK(review_has(cli.ok({"trial", "report", "1"}),
                         "Trial 1: standard x1 (A) vs standard x2"));
        const auto show = review_json(cli, {"trial", "show", "1", "--json"});
        CHECK(show["id"] == 1);
        CHECK(show["last_night"] == "2026-11-17");
        // A finished trial's schedule is all in the past: nothing hidden.
        CHECK(show["schedule"][15]["arm"].is_string());
        CHECK(review_has(cli.ok({"trial", "show", "1"}), "Trial 1 (finished)"));
        CHECK(cli.ok({"trial", "report", "1", "--csv"}) ==
              cli.ok({"trial", "report", "--csv", "1"}));

        const auto list = review_json(cli, {"trial", "list", "--json"});
        REQUIRE(list.size() == 2);
        CHECK(list[0]["id"] == 1);
        CHECK(list[0]["arms"] == nlohmann::json::array({"standard x1", "standard x2"}));
        CHECK(list[0]["first_night"] == "2026-11-02");
        CHECK(list[0]["last_night"] == "2026-11-17");
        CHECK(list[0]["state"] == "finished");
        CHECK(list[1]["state"] == "running");
        const auto text = cli.ok({"trial", "list"});
        CHECK(review_has(text, "1  2026-11-02 to 2026-11-17  A = standard x1, B = standard x2  "
                               "(finished)\n"));
        CHECK(review_has(text, "2  2026-11-20 to 2026-12-05  A = none, B = lavender  (running)\n"));
        CHECK(cli.ok({"__complete", "trials"}) ==
              "2\tnone vs lavender\n1\tstandard x1 vs standard x2\n");
    }

    TEST_CASE("a trial number that is malformed or unknown is refused") {
        Cli cli;
        review_two_trials(cli);
        const auto bad = cli.run({"trial", "report", "x1"});
        CHECK(bad.code == 64);
        CHECK(bad.err == "rls: ID must be a trial number (rls trial list), got 'x1'\n");
        const auto none = cli.run({"trial", "show", "3"});
        CHECK(none.code == 66);
        CHECK(none.err == "rls: there is no trial 3; rls trial list shows them\n");
        CHECK(cli.run({"trial", "show", "0"}).code == 64);
        Cli empty;
        CHECK(empty.ok({"trial", "list"}) == "No trials yet; start one with rls trial start.\n");
        CHECK(review_json(empty, {"trial", "list", "--json"}).empty());
    }

    TEST_CASE("a trial stopped before its first night shows its plan and no adherence") {
        Cli cli("2026-11-18T08:00:00Z"); // 09:00 in Berlin: tonight is the 18th
        cli.ok({"trial", "start", "none", "lavender", "no lavender", "--seed", "4"});
        cli.ok({"trial", "stop"});
        const auto text = cli.ok({"trial", "report"});
        // 8 blocks of 3 arms: 24 nights, the 18th and 23 more.
        CHECK(review_has(text, "24 nights from 2026-11-18 to\n    2026-12-11;"));
        CHECK(review_has(text, "Stopped before its first night (2026-11-18): no night was run."));
        CHECK(!review_has(text, "Adherence"));
        CHECK(!review_has(text, "%"));
        CHECK(!review_has(text, "Timeline"));
        const auto json = review_json(cli, {"trial", "report", "--json"});
        CHECK(json["planned_last_night"] == "2026-12-11");
        CHECK(json["stopped_before_first"] == true);
        CHECK(json["adherence"]["pct"].is_null());
        const auto status = cli.ok({"trial", "status"});
        CHECK(review_has(status, "Trial 1 (stopped before its first night)"));
        CHECK(review_has(status, "no night was run."));
        CHECK(!review_has(status, "adherence"));
        CHECK(review_json(cli, {"trial", "status", "--json"})["adherence_pct"].is_null());
        CHECK(review_json(cli, {"trial", "list", "--json"})[0]["state"] ==
              "stopped before its first night");
        CHECK(json["state"] == "stopped before its first night");
    }

    TEST_CASE("before a night has ended there is no adherence figure") {
        Cli cli("2026-11-18T19:00:00Z");
        cli.ok({"trial", "start", "none", "standard x1", "--seed", "4"});
        CHECK(review_has(cli.ok({"trial", "status"}), "not logged 0; no night has ended yet.\n"));
        CHECK(review_json(cli, {"trial", "status", "--json"})["adherence_pct"].is_null());
        CHECK(review_has(cli.ok({"trial", "report"}), "  Adherence: no night has ended yet.\n"));
        CHECK(review_json(cli, {"trial", "report", "--json"})["adherence"]["pct"].is_null());
        // The next evening, with the first night forgotten: 0 of 1 is 0%.
        cli.set_now("2026-11-19T19:00:00Z");
        CHECK(review_json(cli, {"trial", "status", "--json"})["adherence_pct"] == 0.0);
        // A trial stopped after some nights says where it stopped.
        cli.ok({"trial", "stop"});
        CHECK(review_has(cli.ok({"trial", "report"}),
                         "Stopped early after the night of 2026-11-18."));
    }

    TEST_CASE("with washout nights the hidden schedule gives nothing of the future away") {
        Cli cli("2026-11-18T19:00:00Z");
        cli.ok({"trial", "start", "none", "standard x2", "--seed", "5", "--washout", "1"});
        const auto shown = review_json(cli, {"trial", "show", "--json"});
        REQUIRE(shown["schedule"].size() > 16);
        CHECK(shown["schedule"][0]["arm"].is_string());
        CHECK(shown["schedule"][0]["washout"] == true); // tonight: the first period's washout
        for (std::size_t i = 1; i < shown["schedule"].size(); ++i) {
            const auto& n = shown["schedule"][i];
            CHECK(n["arm"].is_null());
            CHECK(n["washout"].is_null());
            CHECK(n["block"].is_null());
        }
        // --reveal shows them all.
        const auto revealed = review_json(cli, {"trial", "show", "--json", "--reveal"});
        CHECK(revealed["schedule"][1]["block"].is_number());
        CHECK(revealed["schedule"][1]["washout"].is_boolean());
        const auto text = cli.ok({"trial", "show"});
        CHECK(text.find("(washout)") == text.rfind("(washout)")); // tonight's only
        CHECK(review_has(text, "    2  2026-11-19  block  ?  ?\n"));
        // The analysis' timeline holds only the nights begun: tonight.
        const auto report = review_json(cli, {"trial", "report", "--json"});
        REQUIRE(report["timeline"].size() == 1);
        CHECK(report["timeline"][0]["night"] == "2026-11-18");
        const auto report_text = cli.ok({"trial", "report"});
        CHECK(!review_has(report_text, "block  2"));
    }

    TEST_CASE("five arms are refused for their number, not their names") {
        Cli cli;
        const auto r = cli.run({"trial", "start", "a", "b", "c", "d", "e"});
        CHECK(r.code == 64);
        CHECK(r.err == "rls: a trial needs 2 to 4 arms, got 5\n");
        CHECK(review_json(cli, {"trial", "list", "--json"}).empty());
    }

    TEST_CASE("the timeline's legend explains every mark it uses") {
        Cli cli("2026-11-18T19:00:00Z");
        cli.ok({"trial", "start", "none", "standard x2", "--seed", "5"});
        const auto text = cli.ok({"trial", "report"});
        CHECK(review_has(text, "A!B assigned A, did B"));
        CHECK(review_has(text, "A!x did none of the arms"));
    }
}
