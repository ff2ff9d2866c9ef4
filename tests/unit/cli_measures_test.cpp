// The tracked measures' commands in-process: doses, symptoms and tags listed
// per night in rls list (doses in rls show too), and doses, labs and IRLS entries recorded by
// mistake deleted again, and a night's onset or spread cleared.
#include "cli_harness.hpp"
#include "core/terminal_text.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using rls::test::Cli;

namespace {

nlohmann::json json_of(Cli& cli, const std::vector<std::string>& args) {
    return nlohmann::json::parse(cli.ok(args));
}

// The lines of `text` that contain `needle`.
std::vector<std::string> lines_with(const std::string& text, const std::string& needle) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        const auto end = text.find('\n', start);
        const auto line = text.substr(start, end - start);
        if (line.find(needle) != std::string::npos) {
            out.push_back(line);
        }
        start = end == std::string::npos ? text.size() : end + 1;
    }
    return out;
}

} // namespace

TEST_SUITE("cli.measures") {
    TEST_CASE("list and show give each night's doses, at the time taken") {
        Cli cli; // Wednesday 2026-11-25 08:30 in Berlin
        cli.ok({"log", "--at", "2026-11-24 22:00", "--no-input", "-q"});
        cli.ok({"took", "pramipexole", "0.25mg", "--at", "2026-11-24 21:00", "-q"});
        // 00:30 is still the night of the 24th; the 23rd has no session.
        cli.ok({"took", "gabapentin", "300mg", "--at", "2026-11-25 00:30", "-q"});
        cli.ok({"took", "pramipexole", "0.125 mg", "--at", "2026-11-23 21:15", "-q"});
        cli.ok({"skip", "--night", "2026-11-22", "-q"});

        const auto text = cli.ok({"list", "--from", "2026-11-22", "--to", "2026-11-24"});
        CHECK(text.find("newest first: 1 session, 0 rated, 3 doses.") != std::string::npos);
        CHECK(lines_with(text, "took") ==
              std::vector<std::string>{std::string(18, ' ') + "21:00 took pramipexole 0.25 mg",
                                       std::string(18, ' ') + "00:30 took gabapentin 300 mg",
                                       std::string(18, ' ') + "21:15 took pramipexole 0.125 mg"});
        // Under their nights: the 24th's session, then its doses; the 23rd's
        // "no session" row, then its dose.
        const auto at24 = text.find("2026-11-24");
        const auto at23 = text.find("2026-11-23");
        CHECK(at24 < text.find("0.25 mg"));
        CHECK(text.find("300 mg") < at23);
        CHECK(at23 < text.find("0.125 mg"));
        CHECK(text.find("\n2026-11-22              no massage (planned) ") != std::string::npos);
        CHECK(text.find("\n2026-11-23              no session ") != std::string::npos);

        const auto j =
            json_of(cli, {"list", "--from", "2026-11-22", "--to", "2026-11-24", "--json"});
        REQUIRE(j["nights"].size() == 3);
        const auto& n24 = j["nights"][0];
        CHECK(n24["night"] == "2026-11-24");
        CHECK(n24["no_massage_planned"] == false);
        REQUIRE(n24["doses"].size() == 2);
        CHECK(n24["doses"][0]["id"] == 1);
        CHECK(n24["doses"][0]["medicine"] == "pramipexole");
        CHECK(n24["doses"][0]["amount"] == 0.25);
        CHECK(n24["doses"][0]["unit"] == "mg");
        CHECK(n24["doses"][0]["taken_utc"] == "2026-11-24T20:00:00Z");
        CHECK(n24["doses"][1]["medicine"] == "gabapentin");
        CHECK(j["nights"][1]["doses"].size() == 1);
        CHECK(j["nights"][2]["no_massage_planned"] == true);
        CHECK(j["nights"][2]["doses"].empty());

        const auto shown = cli.ok({"show", "1"});
        CHECK(lines_with(shown, "Doses") ==
              std::vector<std::string>{"Doses        pramipexole 0.25 mg at 21:00"});
        CHECK(lines_with(shown, "gabapentin") ==
              std::vector<std::string>{std::string(13, ' ') + "gabapentin 300 mg at 00:30"});
        const auto sj = json_of(cli, {"show", "1", "--json"});
        REQUIRE(sj["night_doses"].size() == 2);
        CHECK(sj["night_doses"][1]["amount"] == 300);
        // A diary without medicines shows no dose line at all.
        Cli plain;
        plain.ok({"log", "--no-input", "-q"});
        CHECK(plain.ok({"show", "1"}).find("Doses") == std::string::npos);
        CHECK(plain.ok({"list"}).find("took") == std::string::npos);
    }

    TEST_CASE("list gives each night's symptoms and tags, onset among the doses by time") {
        Cli cli; // Wednesday 2026-11-25 08:30 in Berlin (UTC+1)
        cli.ok({"log", "--at", "2026-11-24 22:00", "--no-input", "-q"});
        cli.ok({"took", "pramipexole", "0.25mg", "--at", "2026-11-24 21:00", "-q"});
        cli.ok({"took", "gabapentin", "300mg", "--at", "2026-11-25 00:30", "-q"});
        cli.ok({"rate", "--night", "2026-11-24", "-s", "6", "--onset", "21:30", "--spread",
                "legs,arms", "-q"});
        cli.ok({"tag", "--night", "2026-11-24", "caffeine", "alcohol", "-q"});
        // Where, not when; and more tags than the line holds.
        cli.ok({"rate", "--night", "2026-11-23", "--spread", "legs", "-q"});
        cli.ok({"tag", "--night", "2026-11-23", "antihistamine", "heavy-dinner", "hot-bath",
                "late-exercise", "long-flight", "screen-time", "-q"});
        cli.ok({"rate", "--night", "2026-11-22", "--onset", "23:00", "-q"}); // when, not where

        const auto text = cli.ok({"list", "--from", "2026-11-21", "--to", "2026-11-24"});
        const std::string under(18, ' ');
        const auto n24 = text.find("\n2026-11-24");
        const auto n23 = text.find("\n2026-11-23");
        const auto n22 = text.find("\n2026-11-22");
        const auto n21 = text.find("\n2026-11-21");
        REQUIRE(n24 < n23);
        REQUIRE(n23 < n22);
        REQUIRE(n22 < n21);
        const auto after_first_line = [&text](std::size_t from, std::size_t to) {
            const auto start = text.find('\n', from + 1) + 1;
            return text.substr(start, to + 1 - start);
        };
        CHECK(after_first_line(n24, n23) == under + "21:00 took pramipexole 0.25 mg\n" + under +
                                                "21:30 symptoms began; felt in legs,arms\n" +
                                                under + "00:30 took gabapentin 300 mg\n" + under +
                                                "      tags: alcohol, caffeine\n");
        const auto night23 = after_first_line(n23, n22);
        CHECK(night23.find(under + "      symptoms felt in legs\n" + under +
                           "      tags: antihistamine, heavy-dinner, hot-bath, late-exer") == 0);
        CHECK(after_first_line(n22, n21) == under + "23:00 symptoms began\n");
        CHECK(after_first_line(n21, text.find("\n\n?")) == "");
        for (const auto& line : lines_with(text, "")) {
            CHECK(rls::display_width(line) <= 80);
        }
        CHECK(rls::display_width(lines_with(text, "tags: anti").at(0)) == 80); // shortened, "…"

        const auto j =
            json_of(cli, {"list", "--from", "2026-11-21", "--to", "2026-11-24", "--json"});
        REQUIRE(j["nights"].size() == 4);
        const auto& s24 = j["nights"][0]["symptoms"];
        CHECK(s24["onset_utc"] == "2026-11-24T20:30:00Z");
        CHECK(s24["spread"] == nlohmann::json{"legs", "arms"});
        CHECK(j["nights"][0]["tags"] == nlohmann::json{"alcohol", "caffeine"});
        CHECK(j["nights"][1]["symptoms"]["onset_utc"].is_null());
        CHECK(j["nights"][1]["symptoms"]["spread"] == nlohmann::json{"legs"});
        CHECK(j["nights"][1]["tags"].size() == 6); // in full
        CHECK(j["nights"][1]["tags"][5] == "screen-time");
        CHECK(j["nights"][2]["symptoms"]["onset_utc"] == "2026-11-22T22:00:00Z");
        CHECK(j["nights"][2]["tags"].empty());
        CHECK(j["nights"][3]["symptoms"].is_null());
        CHECK(j["nights"][3]["tags"].empty());
    }

    TEST_CASE("a dose recorded by mistake is deleted after asking, the medicine kept") {
        Cli cli;
        cli.ok({"took", "pramipexole", "0.25mg", "--at", "21:00", "-q"});
        cli.ok({"took", "pramipexole", "2.5mg", "--at", "21:05", "-q"}); // a slip of the decimal
        CHECK(lines_with(cli.ok({"took", "--list"}), "2.5 mg") ==
              std::vector<std::string>{"    2  2026-11-24  pramipexole 2.5 mg at 21:05"});
        // Shell completion offers the numbers newest first, with what they are.
        CHECK(cli.ok({"__complete", "doses"}) == "2\t2026-11-24 pramipexole 2.5 mg\n"
                                                 "1\t2026-11-24 pramipexole 0.25 mg\n");
        const auto before = cli.db_bytes();
        auto r = cli.run({"took", "--delete", "2", "--no-input"});
        CHECK(r.code == 64);
        CHECK(r.err == "rls: took --delete removes dose 2 (night of 2026-11-24); add --yes\n");
        CHECK(cli.db_bytes() == before);
        r = cli.run({"took", "--delete", "3", "--yes"});
        CHECK(r.code == 66);
        CHECK(r.message() == "rls: dose 3 does not exist (see: rls took --list)\n");
        CHECK(cli.db_bytes() == before);

        const auto j = json_of(cli, {"took", "--delete", "2", "--yes", "--json"});
        CHECK(j["deleted"]["id"] == 2);
        CHECK(j["deleted"]["amount"] == 2.5);
        const auto left = json_of(cli, {"took", "--list", "--json"});
        REQUIRE(left.size() == 1);
        CHECK(left[0]["id"] == 1);
        CHECK(json_of(cli, {"meds", "--json"}).size() == 1);
        CHECK(cli.ok({"took", "--delete", "1", "-y"}) ==
              "Deleted dose 1 (pramipexole 0.25 mg at 21:00, night of 2026-11-24).\n");
        CHECK(json_of(cli, {"took", "--list", "--json"}).empty());
    }

    TEST_CASE("an iron lab recorded by mistake is deleted after asking") {
        Cli cli;
        cli.ok({"lab", "--ferritin", "45", "--tsat", "18", "--date", "2026-11-20", "-q"});
        cli.ok({"lab", "--ferritin", "450", "--date", "2026-11-21", "-q"}); // one zero too many
        CHECK(cli.ok({"lab", "--list"}) ==
              "    1  2026-11-20, ferritin 45 ng/mL (low), saturation 18% (low)\n"
              "    2  2026-11-21, ferritin 450 ng/mL\n");
        CHECK(cli.ok({"__complete", "labs"}) == "2\t2026-11-21\n1\t2026-11-20\n");
        const auto before = cli.db_bytes();
        auto r = cli.run({"lab", "--delete", "2", "--no-input"});
        CHECK(r.code == 64);
        CHECK(r.err == "rls: lab --delete removes lab 2 (drawn 2026-11-21); add --yes\n");
        CHECK(cli.db_bytes() == before);
        const auto j = json_of(cli, {"lab", "--delete", "2", "--yes", "--json"});
        CHECK(j["deleted"]["id"] == 2);
        CHECK(j["deleted"]["ferritin"] == 450);
        const auto left = json_of(cli, {"lab", "--list", "--json"});
        REQUIRE(left.size() == 1);
        CHECK(left[0]["id"] == 1);
        // The report's latest ferritin is the one left.
        const auto report = json_of(cli, {"report", "--json"});
        CHECK(report["tracked"]["iron"]["ferritin"]["value"] == 45);
        CHECK(report["tracked"]["iron"]["ferritin"]["drawn"] == "2026-11-20");
    }

    TEST_CASE("an IRLS entry made for the wrong week is deleted after asking") {
        Cli cli;                                                         // Wednesday 2026-11-25
        cli.ok({"irls", "--total", "14", "--date", "2026-11-15", "-q"}); // meant the 22nd
        cli.ok({"irls", "--total", "16", "-q"});
        const auto before = cli.db_bytes();
        auto r = cli.run({"irls", "--delete", "2026-11-12", "--no-input"});
        CHECK(r.code == 64);
        CHECK(r.err ==
              "rls: irls --delete removes the entry of the week of 2026-11-09; add --yes\n");
        r = cli.run({"irls", "--delete", "2026-11-16", "--yes"});
        CHECK(r.code == 66);
        CHECK(r.message() ==
              "rls: the week of 2026-11-16 has no IRLS entry (see: rls irls --list)\n");
        CHECK(cli.db_bytes() == before);
        const auto j = json_of(cli, {"irls", "--delete", "2026-11-09", "--yes", "--json"});
        CHECK(j["deleted"]["week"] == "2026-11-09");
        CHECK(j["deleted"]["total"] == 14);
        CHECK(j["deleted"]["band"] == "moderate");
        const auto left = json_of(cli, {"irls", "--list", "--json"});
        REQUIRE(left.size() == 1);
        CHECK(left[0]["week"] == "2026-11-23");
        CHECK(cli.ok({"irls", "--delete", "today", "-y"}) ==
              "Deleted the IRLS entry for the week of 2026-11-23 (total 16).\n");
        CHECK(json_of(cli, {"irls", "--list", "--json"}).empty());
    }

    TEST_CASE("a night's onset or spread is cleared with --unset, the rating kept") {
        Cli cli; // Wednesday 2026-11-25 08:30
        cli.ok({"rate", "--night", "2026-11-24", "-s", "6", "--onset", "21:30", "--spread",
                "legs,arms", "-q"});
        cli.ok({"rate", "--night", "2026-11-23", "--onset", "20:00", "-q"}); // the wrong night
        auto j = json_of(cli, {"rate", "--night", "2026-11-24", "--unset", "spread", "--json"});
        CHECK(j["symptoms"]["onset_utc"] == "2026-11-24T20:30:00Z");
        CHECK(j["symptoms"]["spread"].is_null());
        CHECK(cli.ok({"rate", "--night", "2026-11-23", "--unset", "onset"}) ==
              "The night of 2026-11-23 has no symptoms recorded now.\n");
        const auto report = json_of(cli, {"report", "--json"});
        CHECK(report["tracked"]["onset"]["nights"] == 1);
        CHECK(report["tracked"]["onset"]["spread_nights"] == 0);
        const auto listed = json_of(cli, {"list", "--json"});
        for (const auto& n : listed["nights"]) {
            if (n["night"] == "2026-11-24") {
                CHECK(n["rating"]["sleep"] == 6); // the rating is untouched
            }
        }
        const auto before = cli.db_bytes();
        auto r = cli.run({"rate", "--night", "2026-11-23", "--unset", "onset"});
        CHECK(r.code == 64);
        CHECK(r.message() == "rls: the night of 2026-11-23 has no symptoms to clear\n");
        r = cli.run({"rate", "--night", "2026-11-24", "--unset", "onset", "--unset", "sleep"});
        CHECK(r.code == 64);
        CHECK(r.message().find("unset 'sleep' in another rls rate") != std::string::npos);
        r = cli.run({"rate", "--night", "2026-11-24", "--unset", "onset", "--onset", "21:00"});
        CHECK(r.code == 64);
        CHECK(r.message().find("they take no --onset") != std::string::npos);
        r = cli.run({"rate", "--night", "2026-11-24", "--unset", "bedtime"});
        CHECK(r.message().find("note, onset or spread, got 'bedtime'") != std::string::npos);
        CHECK(cli.db_bytes() == before);
    }

    TEST_CASE("a medicine or tag name matches the list; a near miss is refused") {
        Cli cli; // Wednesday 2026-11-25 08:30 in Berlin
        cli.ok({"took", "pramipexole", "0.125mg", "--at", "2026-11-24 21:00", "-q"});
        const auto before = cli.db_bytes();
        // A typo would make a second medicine and hide the dose rise.
        auto r = cli.run({"took", "pramipaxole", "0.5mg", "--at", "2026-11-24 21:30"});
        CHECK(r.code == 64);
        CHECK(r.err ==
              "rls: MEDICINE 'pramipaxole' is new; did you mean pramipexole? (--new adds it)\n");
        CHECK(cli.db_bytes() == before);
        // A prefix is the medicine in the list, in its unit.
        CHECK(cli.ok({"took", "pramipexol", "0.5mg", "--at", "2026-11-24 21:30"})
                  .find("Took pramipexole 0.5 mg at 21:30") != std::string::npos);
        CHECK(cli.ok({"took", "prami", "0.25mg", "--at", "2026-11-24 21:40"})
                  .find("Took pramipexole 0.25 mg at 21:40") != std::string::npos);
        // A name unlike any other is added as before; --new adds a near one.
        cli.ok({"took", "gabapentin", "300mg", "--at", "2026-11-24 22:00", "-q"});
        cli.ok({"took", "pramipaxole", "1tablet", "--new", "--at", "2026-11-24 22:00", "-q"});
        CHECK(cli.ok({"meds"}) == "gabapentin               mg\n"
                                  "pramipaxole              tablet\n"
                                  "pramipexole              mg\n");

        cli.ok({"tag", "caffeine", "late-exercise", "--night", "2026-11-23", "-q"});
        CHECK(cli.ok({"tag", "caf", "exercise", "--night", "2026-11-24"}) ==
              "The night of 2026-11-24 now has the tags: caffeine late-exercise.\n");
        const auto tagged = cli.db_bytes();
        r = cli.run({"tag", "cafeine", "--night", "2026-11-24"});
        CHECK(r.code == 64);
        CHECK(r.err == "rls: TAG 'cafeine' is new; did you mean caffeine? (--new adds it)\n");
        cli.ok({"tag", "late-meal", "-q"});
        r = cli.run({"tag", "late", "--night", "2026-11-24"});
        CHECK(r.err == "rls: TAG 'late' is ambiguous: it matches late-exercise, late-meal\n");
        CHECK(cli.ok({"tag", "alcohol", "--night", "2026-11-24"}) ==
              "The night of 2026-11-24 now has the tags: alcohol caffeine late-exercise.\n");
        CHECK(cli.db_bytes() != tagged);
    }

    TEST_CASE("the tracked measures' errors and IRLS rows fit one line of 80 columns") {
        Cli cli; // Wednesday 2026-11-25 08:30 in Berlin
        cli.ok({"log", "--at", "2026-11-24 22:00", "--no-input", "-q"});
        cli.ok({"took", "pramipexole", "0.25mg", "--at", "2026-11-24 21:00", "-q"});
        cli.ok({"lab", "--ferritin", "50", "--tsat", "18", "--date", "2026-11-20", "-q"});
        cli.ok({"irls", "--total", "12", "--date", "2026-11-16", "-q"});
        cli.ok({"irls", "--total", "25", "-q"});
        const std::vector<std::vector<std::string>> bad{
            {"took", "pramipexole", "0.25"},
            {"took", "--delete", "1", "--no-input"},
            {"irls", "--no-input"},
            {"irls", "--total", "5"},
            {"irls", "--delete", "2026-11-23", "--no-input"},
            {"lab", "--delete", "1", "--no-input"},
            {"skip", "--night", "2026-11-24"},
            {"rate", "--night", "2026-11-24", "--spread", "feet"},
        };
        for (const auto& args : bad) {
            const auto r = cli.run(args);
            INFO(args[0], " ", args[1], ": ", r.err);
            CHECK(r.code == 64);
            CHECK(r.err.find('\n') == r.err.size() - 1);
            CHECK(r.err.size() <= 81);
        }
        // "+13 since 2026-11-16 (relevant)": the list's rows fit too.
        const auto list = cli.ok({"irls", "--list"});
        CHECK(
            list.find("week of 2026-11-23: total 25 (severe), +13 since 2026-11-16 (relevant)\n") !=
            std::string::npos);
    }

    TEST_CASE("help reads DOSE ..., tablets are plural, and meds add points to its own help") {
        Cli cli; // Wednesday 2026-11-25 08:30 in Berlin
        const auto took = cli.ok({"took", "--help"});
        CHECK(took.find("  DOSE ...  ") != std::string::npos);
        CHECK(took.find("DOSE DOSE") == std::string::npos);
        const auto irls = cli.ok({"irls", "--help"});
        CHECK(irls.find("  SCORES ...  ") != std::string::npos);
        CHECK(irls.find("SCORE... ...") == std::string::npos);
        CHECK(cli.ok({"tag", "--help"}).find("  TAG ...  ") != std::string::npos);

        CHECK(cli.ok({"took", "iron", "2", "tablets", "--at", "2026-11-24 21:00"})
                  .find("Took iron 2 tablets at 21:00") != std::string::npos);
        CHECK(cli.ok({"took", "--list"}) == "    1  2026-11-24  iron 2 tablets at 21:00\n");
        CHECK(cli.ok({"took", "iron", "1tablet", "--at", "2026-11-24 22:00"})
                  .find("Took iron 1 tablet at 22:00") != std::string::npos);

        const auto r = cli.run({"meds", "add", "x"});
        CHECK(r.code == 64);
        CHECK(r.err == "rls: --unit is required (see rls meds add --help)\n");
        CHECK(cli.run({"took", "--frobnicate"}).err.find("(see rls took --help)") !=
              std::string::npos);
    }
}
