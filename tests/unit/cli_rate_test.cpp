// rls rate on a night already rated: field by field (--update, --unset) and
// --delete, with the other fields kept and refusals that change nothing.
#include "cli_harness.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using rls::test::Cli;

namespace {

nlohmann::json rated(Cli& cli, const std::vector<std::string>& args) {
    auto all = args;
    all.emplace_back("--json");
    return nlohmann::json::parse(cli.ok(all));
}

// Now is 2026-11-25 08:30 in Berlin: the night of 2026-11-24 has ended.
const std::vector<std::string> k_full{
    "rate", "--night",    "2026-11-24", "-s",           "6",    "-R",
    "3",    "--into-bed", "22:30",      "--latency",    "20m",  "--awakenings",
    "2",    "--note",     "woke at 3",  "--out-of-bed", "07:00"};

} // namespace

TEST_SUITE("cli.rate") {
    TEST_CASE("--update changes the given fields and keeps every other") {
        Cli cli;
        const auto before = rated(cli, k_full);
        const auto after =
            rated(cli, {"rate", "--night", "2026-11-24", "--update", "-s", "8", "--waso", "15m"});
        CHECK(after["sleep"] == 8);
        CHECK(after["restless"] == 3);
        CHECK(after["note"] == "woke at 3");
        CHECK(after["diary"]["latency_min"] == 20);
        CHECK(after["diary"]["waso_min"] == 15);
        CHECK(after["diary"]["into_bed_utc"] == "2026-11-24T21:30:00Z");
        CHECK(after["diary"]["out_of_bed_utc"] == "2026-11-25T06:00:00Z");
        CHECK(after["uuid"] == before["uuid"]);
        // Without --update the old whole-rating rule holds: refused without --replace.
        const auto r = cli.run({"rate", "--night", "2026-11-24", "-s", "2", "--no-input"});
        CHECK(r.code == 64);
        CHECK(r.message().find("--replace") != std::string::npos);
    }

    TEST_CASE("--unset clears single fields; the last one goes with --delete") {
        Cli cli;
        (void)rated(cli, k_full);
        const auto after = rated(cli, {"rate", "--night", "2026-11-24", "--unset", "latency",
                                       "--unset", "note", "--unset", "restless"});
        CHECK(after["sleep"] == 6);
        CHECK(after["restless"].is_null());
        CHECK(after["note"].is_null());
        CHECK(after["diary"]["latency_min"].is_null());
        CHECK(after["diary"]["awakenings"] == 2);
        const auto digest = cli.db_bytes();
        auto r = cli.run({"rate", "--night", "2026-11-24", "--unset", "bedtime"});
        CHECK(r.code == 64);
        CHECK(r.message().find("--unset takes sleep, restless") != std::string::npos);
        r = cli.run({"rate", "--night", "2026-11-24", "--unset", "sleep", "-s", "4"});
        CHECK(r.code == 64);
        CHECK(r.message().find("--sleep is both given and unset") != std::string::npos);
        r = cli.run({"rate", "--night", "2026-11-24", "--unset", "sleep", "--unset", "into-bed",
                     "--unset", "awakenings", "--unset", "out-of-bed"});
        CHECK(r.code == 64);
        CHECK(r.message().find("--delete") != std::string::npos);
        // A change that would put the diary out of order is refused as a whole.
        // (into bed at 08:00 is the next morning, after getting up at 07:00)
        r = cli.run({"rate", "--night", "2026-11-24", "--update", "--into-bed", "08:00"});
        CHECK(r.code == 64);
        CHECK(cli.db_bytes() == digest);
    }

    TEST_CASE("--delete removes the night's rating, asking first") {
        Cli cli;
        (void)rated(cli, k_full);
        auto r = cli.run({"rate", "--night", "2026-11-24", "--delete", "--no-input"});
        CHECK(r.code == 64);
        CHECK(r.message().find("add --yes") != std::string::npos);
        r = cli.run({"rate", "--night", "2026-11-24", "--delete", "--yes", "-s", "3"});
        CHECK(r.code == 64);
        r = cli.run({"rate", "--night", "2026-11-24", "--delete", "--yes"});
        CHECK(r.code == 0);
        CHECK(r.out ==
              "Deleted the rating of the night of 2026-11-24 (sleep 6, restlessness 3).\n");
        const auto list = nlohmann::json::parse(cli.ok({"list", "--json"}));
        for (const auto& night : list["nights"]) {
            CHECK(night["rating"].is_null());
        }
        r = cli.run({"rate", "--night", "2026-11-24", "--delete", "--yes"});
        CHECK(r.code == 64);
        CHECK(r.message().find("has no rating to delete") != std::string::npos);
        r = cli.run({"rate", "--night", "2026-11-24", "--update", "-s", "5"});
        CHECK(r.code == 64);
        CHECK(r.message().find("has no rating to change") != std::string::npos);
        // And the night can be rated afresh.
        CHECK(rated(cli, {"rate", "--night", "2026-11-24", "-s", "5"})["sleep"] == 5);
    }

    TEST_CASE("--delete takes the night's onset and spread too; --update takes them") {
        Cli cli; // Wednesday 2026-11-25 08:30 in Berlin
        cli.ok({"rate", "--night", "2026-11-24", "-s", "6", "-R", "3", "-q"});
        // --onset and --spread are fields --update changes, keeping the scores.
        auto r = cli.run({"rate", "--night", "2026-11-24", "--update", "--onset", "21:00",
                          "--spread", "legs,arms", "--json"});
        REQUIRE(r.code == 0);
        auto j = nlohmann::json::parse(r.out);
        CHECK(j["sleep"] == 6);
        CHECK(j["restless"] == 3);
        CHECK(j["symptoms"]["onset_utc"] == "2026-11-24T20:00:00Z");
        r = cli.run({"rate", "--night", "2026-11-24", "--delete", "--no-input"});
        CHECK(r.err == "rls: rate --delete removes the rating of the night of 2026-11-24; add "
                       "--yes\n");
        CHECK(cli.ok({"rate", "--night", "2026-11-24", "--delete", "--yes"}) ==
              "Deleted the rating of the night of 2026-11-24 (sleep 6, restlessness 3) and\n"
              "  its symptoms from 21:00, felt in legs,arms.\n");
        const auto list = nlohmann::json::parse(
            cli.ok({"list", "--from", "2026-11-24", "--to", "2026-11-24", "--json"}));
        REQUIRE(list["nights"].size() == 1);
        CHECK(list["nights"][0]["rating"].is_null());
        CHECK(list["nights"][0]["symptoms"].is_null());
    }
}
