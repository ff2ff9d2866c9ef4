// rls trial in-process: start fixes a protocol whose fingerprint no later
// command changes; tonight, skip, status and stop; log marks trial nights.
#include "cli_harness.hpp"
#include "core/sha256.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <fstream>
#include <nlohmann/json.hpp>

using rls::test::Cli;

namespace {

// 19:00 UTC is 20:00 in Berlin: the trial_evening of the night of `day`.
std::string trial_evening(int day_of_december) {
    return fmt::format("2026-12-{:02}T19:00:00Z", day_of_december);
}

nlohmann::json trial_json_of(Cli& cli, const std::vector<std::string>& args) {
    return nlohmann::json::parse(cli.ok(args));
}

} // namespace

TEST_SUITE("cli.trial") {
    TEST_CASE("start prints the fingerprint of the canonical text and tonight's arm") {
        Cli cli("2026-12-01T19:00:00Z");
        const auto out = cli.ok({"trial", "start", "standard x1", "standard x2", "--seed", "42"});
        CHECK(out.find("Trial 1 started: A = standard x1, B = standard x2.") != std::string::npos);
        CHECK(out.find("16 nights from 2026-12-01 to 2026-12-16") != std::string::npos);
        const auto canonical = cli.ok({"trial", "show", "--canonical"});
        const auto fp = rls::sha256_hex(canonical);
        CHECK(out.find("Fingerprint: " + fp) != std::string::npos);
        const auto tonight = trial_json_of(cli, {"trial", "tonight", "--json"});
        CHECK(tonight["trial_night"] == 1);
        CHECK(out.find("Tonight: " + tonight["arm"].get<std::string>() +
                       ", trial night 1 of 16.") != std::string::npos);
        // The same seed draws the same schedule in another database.
        Cli other("2026-12-01T19:00:00Z");
        other.ok({"trial", "start", "standard x1", "standard x2", "--seed", "42"});
        CHECK(other.ok({"trial", "show", "--canonical"}) == canonical);
    }

    TEST_CASE("the report leads with a trial from its first evening, not before") {
        Cli cli("2026-12-01T19:00:00Z");
        cli.ok({"trial", "start", "none", "standard x1", "--seed", "7", "--first", "tomorrow"});
        CHECK(trial_json_of(cli, {"report", "--json"})["trial"].is_null());
        cli.set_now("2026-12-02T19:00:00Z");
        const auto report = trial_json_of(cli, {"report", "--json"});
        CHECK(report["trial"]["state"] == "running");
        CHECK(report["trial"]["decision"] == "too_few");
        CHECK(cli.ok({"report"}).find("\n\nTrial 1: none (A) vs standard x1 (B) - running\n") !=
              std::string::npos);
    }

    TEST_CASE("show hides nights still to come unless --reveal") {
        Cli cli("2026-12-01T19:00:00Z");
        cli.ok({"trial", "start", "none", "standard x1", "--seed", "7"});
        const auto hidden = trial_json_of(cli, {"trial", "show", "--json"});
        CHECK(hidden["schedule"][0]["arm"].is_string());
        for (std::size_t i = 1; i < 16; ++i) {
            CHECK(hidden["schedule"][i]["arm"].is_null());
        }
        const auto text = cli.ok({"trial", "show"});
        CHECK(text.find("later nights hidden") != std::string::npos);
        const auto shown = trial_json_of(cli, {"trial", "show", "--json", "--reveal"});
        int none = 0;
        for (const auto& n : shown["schedule"]) {
            none += n["arm"] == "none" ? 1 : 0;
        }
        CHECK(none == 8);
    }

    TEST_CASE("sixteen nights of use, a stop and a skip leave the fingerprint as it was") {
        Cli cli(trial_evening(1).c_str());
        cli.ok({"trial", "start", "none", "standard x2", "--seed", "3"});
        const auto fp = trial_json_of(cli, {"trial", "show", "--json"})["fingerprint"];
        int deviations = 0;
        for (int day = 1; day <= 16; ++day) {
            cli.set_now(trial_evening(day).c_str());
            const auto arm =
                trial_json_of(cli, {"trial", "tonight", "--json"})["arm"].get<std::string>();
            if (day == 5) { // a deviation: the other arm
                const auto r = arm == "none" ? cli.run({"log", "--rounds", "2", "--no-input"})
                                             : cli.run({"trial", "skip", "--no-input"});
                CHECK(r.code == 0);
                CHECK(r.err.find("deviation") != std::string::npos);
                ++deviations;
            } else if (day == 9) {
                // forgotten
            } else if (arm == "none") {
                cli.ok({"trial", "skip"});
            } else {
                cli.ok({"log", "--rounds", "2", "--no-input", "-q"});
            }
            cli.set_now(fmt::format("2026-12-{:02}T07:00:00Z", day + 1).c_str());
            if (day != 12) {
                cli.ok({"rate", "--sleep", std::to_string(day % 7 + 2)});
            }
            CHECK(trial_json_of(cli, {"trial", "show", "--json"})["fingerprint"] == fp);
        }
        cli.set_now(trial_evening(17).c_str());
        const auto status = trial_json_of(cli, {"trial", "status", "--json"});
        CHECK(status["state"] == "finished");
        CHECK(status["followed"] == 14);
        CHECK(status["deviated"] == deviations);
        CHECK(status["forgotten"] == nlohmann::json::array({"2026-12-09"}));
        CHECK(status["unrated"] == nlohmann::json::array({"2026-12-12"}));
        CHECK(status["adherence_pct"].get<double>() == doctest::Approx(100.0 * 14 / 16));
        CHECK(trial_json_of(cli, {"trial", "show", "--json"})["fingerprint"] == fp);
        CHECK(cli.ok({"trial", "tonight"}) == "No trial is running.\n");
        // The analysis, alone and as the first section of rls report.
        const auto analysis = trial_json_of(cli, {"trial", "report", "--json"});
        CHECK(analysis["fingerprint"] == fp);
        CHECK(analysis["state"] == "finished");
        CHECK(analysis["adherence"]["followed"] == 14);
        CHECK(analysis["as_assigned"].size() == 1);
        CHECK(analysis["randomisation"]["exact"] == true);
        const auto report = trial_json_of(cli, {"report", "--json"});
        CHECK(report["trial"]["fingerprint"] == fp);
        CHECK(report["trial"]["decision"] == analysis["decision"]);
        const auto text = cli.ok({"report"});
        CHECK(text.find("Trial 1: none (A) vs standard x2 (B) - finished") < text.find("In short"));
        CHECK(cli.ok({"report", "--csv"}).find("\ntrial,as_assigned,sleep,none,standard x2,") !=
              std::string::npos);
        const auto csv = cli.ok({"trial", "report", "--csv"});
        CHECK(csv.find("trial_night,1,,5,2026-12-09,") != std::string::npos);
    }

    TEST_CASE("stop ends the trial early; a new one may start after it") {
        Cli cli(trial_evening(1).c_str());
        cli.ok({"trial", "start", "standard x1", "standard x2", "--seed", "9"});
        cli.set_now(trial_evening(4).c_str());
        const auto out = cli.ok({"trial", "stop"});
        CHECK(out.find("last night is 2026-12-03") != std::string::npos);
        CHECK(trial_json_of(cli, {"trial", "status", "--json"})["state"] ==
              "stopped early after the night of 2026-12-03");
        CHECK(cli.run({"trial", "stop"}).code == 66);
        cli.ok({"trial", "start", "standard x1", "standard x2", "--seed", "10"});
        CHECK(trial_json_of(cli, {"trial", "show", "--json"})["id"] == 2);
    }

    TEST_CASE("the first night is tomorrow when tonight is already logged") {
        Cli cli(trial_evening(1).c_str());
        cli.ok({"log", "--no-input", "-q"});
        cli.ok({"trial", "start", "standard x1", "standard x2", "--seed", "1"});
        CHECK(trial_json_of(cli, {"trial", "show", "--json"})["first_night"] == "2026-12-02");
        CHECK(cli.ok({"trial", "tonight"}) ==
              "No trial night tonight; trial 1 begins on 2026-12-02.\n");
    }

    TEST_CASE("after midnight, before the cut-off, tonight is still the trial_evening's night") {
        Cli cli(trial_evening(1).c_str());
        cli.ok({"trial", "start", "standard x1", "standard x2", "--seed", "5"});
        const auto at_eight = trial_json_of(cli, {"trial", "tonight", "--json"});
        cli.set_now("2026-12-02T01:30:00Z"); // 02:30 in Berlin
        const auto after_midnight = trial_json_of(cli, {"trial", "tonight", "--json"});
        CHECK(after_midnight["night"] == "2026-12-01");
        CHECK(after_midnight["arm"] == at_eight["arm"]);
    }

    TEST_CASE("export and import keep a trial whole: same fingerprint, twice is a no-op") {
        Cli cli(trial_evening(1).c_str());
        cli.ok({"trial", "start", "none", "standard x2", "--seed", "11"});
        for (int day = 1; day <= 4; ++day) {
            cli.set_now(trial_evening(day).c_str());
            const auto arm = trial_json_of(cli, {"trial", "tonight", "--json"})["arm"];
            cli.ok(arm == "none" ? std::vector<std::string>{"trial", "skip"}
                                 : std::vector<std::string>{"log", "-n", "2", "--no-input"});
        }
        cli.set_now(trial_evening(3).c_str());
        cli.ok({"trial", "stop"});
        const auto file = (cli.dir() / "export.json").string();
        cli.ok({"export", "-O", file});
        const auto before = trial_json_of(cli, {"trial", "show", "--json", "--reveal"});
        cli.set_now(trial_evening(5).c_str());
        const auto status = trial_json_of(cli, {"trial", "status", "--json"});

        Cli other(trial_evening(5).c_str());
        const auto first = trial_json_of(other, {"import", file, "--json"});
        CHECK(first["trials"]["added"] == 1);
        CHECK(trial_json_of(other, {"trial", "show", "--json", "--reveal"}) == before);
        CHECK(trial_json_of(other, {"trial", "status", "--json"}) == status);
        const auto bytes = other.db_bytes();
        const auto again = trial_json_of(other, {"import", file, "--json"});
        CHECK(again["trials"]["unchanged"] == 1);
        CHECK(other.db_bytes() == bytes);
        // A changed plan does not match its fingerprint: refused, nothing stored.
        auto doc = nlohmann::json::parse(rls::test::read_bytes(file));
        doc["trials"][0]["schedule"][0]["arm"] =
            1 - doc["trials"][0]["schedule"][0]["arm"].get<int>();
        const auto bad = (cli.dir() / "bad.json").string();
        { std::ofstream(bad) << doc.dump(); }
        Cli third(trial_evening(5).c_str());
        const auto r = third.run({"import", bad});
        CHECK(r.code == 65);
        CHECK(r.err.find("trials[0].schedule[0] does not match the protocol's seed") !=
              std::string::npos);
    }

    TEST_CASE("an edit that changes what a trial night did is checked as a log is") {
        Cli cli(trial_evening(1).c_str());
        cli.ok({"trial", "start", "standard x1", "standard x2", "--seed", "21"});
        const auto arm =
            trial_json_of(cli, {"trial", "tonight", "--json"})["arm"].get<std::string>();
        const auto rounds = arm.substr(arm.size() - 1);
        const std::string other = rounds == "1" ? "2" : "1";
        cli.ok({"log", "-n", rounds, "--no-input", "-q"});
        const auto followed = [&] {
            return nlohmann::json::parse(cli.ok({"export"}))["trials"][0]["marks"][0]["followed"]
                .get<bool>();
        };
        CHECK(followed());
        auto r = cli.run({"edit", "1", "--note", "calm evening", "--no-input"});
        CHECK(r.code == 0);
        CHECK(r.err.empty()); // a note does not change what was done
        r = cli.run({"edit", "1", "-n", other, "--no-input"});
        CHECK(r.code == 0);
        auto note = r.err; // one message, wrapped: lines continue two spaces in
        for (auto at = note.find("\n  "); at != std::string::npos; at = note.find("\n  ")) {
            note.replace(at, 3, " ");
        }
        CHECK(note.find("is assigned " + arm + "; this session is not") != std::string::npos);
        CHECK_FALSE(followed());
        CHECK(trial_json_of(cli, {"trial", "status", "--json"})["deviated"] == 1);
        r = cli.run({"edit", "1", "-n", rounds, "--no-input"});
        CHECK(r.code == 0);
        CHECK(r.err.empty());
        CHECK(followed());
        // Deleted, the session takes its mark along: the night is not logged.
        cli.ok({"delete", "--yes", "1"});
        CHECK(nlohmann::json::parse(cli.ok({"export"}))["trials"][0]["marks"].empty());
    }

    TEST_CASE("remind, guide and log agree on tonight's arm at every hour of the night") {
        Cli cli(trial_evening(1).c_str());
        cli.ok({"trial", "start", "standard x1", "standard x2", "--seed", "21"});
        // 18:00 on the 2nd to 05:30 on the 3rd, Berlin (UTC+1), every half hour.
        for (int step = 0; step < 24; ++step) {
            const int minutes = 17 * 60 + 30 * step; // UTC minutes from the 2nd's midnight
            const auto now = fmt::format("2026-12-{:02}T{:02}:{:02}:00Z", 2 + minutes / 1440,
                                         minutes % 1440 / 60, minutes % 60);
            cli.set_now(now.c_str());
            INFO(now);
            const auto tonight = trial_json_of(cli, {"trial", "tonight", "--json"});
            CHECK(tonight["night"] == "2026-12-02");
            const auto remind = trial_json_of(cli, {"remind", "--after", "18:00", "--json"});
            REQUIRE(remind.size() >= 1);
            INFO(remind.dump());
            INFO(tonight.dump());
            CHECK(remind[0]["message"].get<std::string>().starts_with(
                "Tonight: " + tonight["arm"].get<std::string>() + ", trial night 2 of 16"));
            // The guide refuses --no-input, so what it would follow is
            // checked through the same lookup: a log of the arm is followed.
            const auto arm = tonight["arm"].get<std::string>();
            const auto r =
                cli.run({"log", "-n", arm.substr(arm.size() - 1), "--no-input", "--at", "now"});
            CHECK(r.code == 0);
            CHECK(r.err.find("deviation") == std::string::npos);
            cli.ok({"delete", "--yes", std::to_string(step + 1)});
        }
    }
}
