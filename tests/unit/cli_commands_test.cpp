// Whole commands in-process (run_cli with a fixed clock, string streams and a
// temporary database): the store functions they call and the rules they share.
#include "cli_harness.hpp"
#include "store/database.hpp"
#include "store/ratings.hpp"
#include "store/sessions.hpp"

#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>

using rls::test::Cli;

TEST_SUITE("cli.commands") {
    TEST_CASE("list caps its window as the report does") {
        Cli cli;
        cli.ok({"log", "--no-input", "-q"});
        // Before the cap, this walked 2.9 million nights (seconds, hundreds of MB).
        auto r = cli.run({"list", "--from", "2026-01-01", "--to", "9999-12-31"});
        CHECK(r.code == 64);
        CHECK(r.err.find("longer than 520 weeks") != std::string::npos);
        r = cli.run({"report", "--from", "2000-01-01", "--to", "9999-12-31"});
        CHECK(r.code == 64);
        CHECK(r.err.find("longer than 520 weeks") != std::string::npos);
        r = cli.run({"list", "--weeks", "2", "--from", "2026-11-01"});
        CHECK(r.code == 64);
        CHECK(r.err.find("--weeks and --from cannot be used together") != std::string::npos);
        // The longest window still works, for both.
        CHECK(cli.run({"list", "--weeks", "520", "--json"}).code == 0);
        CHECK(cli.run({"report", "--weeks", "520", "--json"}).code == 0);
    }

    TEST_CASE("remind reads tonight's session and last night's rating through the store") {
        Cli cli("2026-11-25T19:30:00Z"); // 20:30 in Berlin
        auto out = cli.ok({"remind"});
        CHECK(out.find("rls log") != std::string::npos);
        CHECK(out.find("rls rate") != std::string::npos);
        cli.ok({"log", "--no-input", "-q"});
        cli.ok({"rate", "--sleep", "6", "-q"});
        CHECK(cli.ok({"remind"}).empty());
    }

    TEST_CASE("remind asks for the weekly IRLS on one evening a week, once it is in use") {
        // Every morning (09:00) and evening (21:30) in Berlin from Sunday
        // 2026-11-22 for three weeks: the evenings on which remind asked.
        Cli cli;
        const auto asked_on = [&cli](rls::Date from, int days) {
            std::vector<std::string> asked;
            const auto first = date::sys_days{from};
            for (int i = 0; i < days; ++i) {
                const auto day = rls::format_date(first + date::days{i});
                for (const char* at : {"T08:00:00Z", "T20:30:00Z"}) {
                    const auto now = day + at;
                    cli.set_now(now.c_str());
                    if (cli.ok({"remind"}).find("Weekly severity not recorded") !=
                        std::string::npos) {
                        asked.push_back(now);
                    }
                }
            }
            return asked;
        };
        using namespace date::literals;
        CHECK(asked_on(2026_y / 11 / 16, 7).empty()); // never used: never asked
        cli.set_now("2026-11-22T20:00:00Z");          // Sunday 21:00
        cli.ok({"irls", "--total", "12", "-q"});      // for the week of 2026-11-16
        // On Sunday evening, the day it was filled in, and on no other run.
        CHECK(asked_on(2026_y / 11 / 23, 12) == std::vector<std::string>{"2026-11-29T20:30:00Z"});
        // Entered late, on Saturday morning: that week is done, and Saturday
        // becomes the evening to ask on.
        cli.set_now("2026-12-05T07:30:00Z");
        cli.ok({"irls", "--total", "18", "-q"}); // for the week of 2026-11-30
        CHECK(asked_on(2026_y / 12 / 5, 14) == std::vector<std::string>{"2026-12-12T20:30:00Z"});
    }

    TEST_CASE("session completion lists the newest ids first, each with its night") {
        Cli cli;
        cli.ok({"log", "--at", "2026-11-22 22:00", "--no-input", "-q"});
        cli.ok({"log", "--at", "2026-11-24 22:00", "-n", "2", "--no-input", "-q"});
        cli.ok({"log", "--at", "2026-11-23 22:00", "--no-input", "-q"});
        CHECK(cli.ok({"__complete", "sessions"}) == "2\t2026-11-24 standard x2\n"
                                                    "3\t2026-11-23 standard x1\n"
                                                    "1\t2026-11-22 standard x1\n");
    }

    TEST_CASE("catalog completion offers the short names rls takes") {
        Cli cli;
        cli.ok({"list"});
        const auto points = cli.ok({"__complete", "points"});
        CHECK(points.find("left.heart\n") != std::string::npos);
        CHECK(points.find("\nheart\n") != std::string::npos);
        CHECK(points.find("\nsciatic\n") == std::string::npos); // both feet have one
        CHECK(points.find("\nfoot\n") == std::string::npos);
        CHECK(cli.ok({"__complete", "oils"}).find("\nchamomile\n") != std::string::npos);
    }

    TEST_CASE("backup writes a checked copy that opens as an rls database") {
        Cli cli;
        cli.ok({"log", "--no-input", "-q"});
        cli.ok({"rate", "--sleep", "6", "-q"});
        const auto target = cli.dir() / "copy.db";
        const auto out = cli.ok({"backup", target.string()});
        CHECK(out.find("Backed up 1 sessions and 1 ratings") != std::string::npos);
        auto copy = rls::open_database(target);
        CHECK(rls::count_sessions(*copy) == 1);
        CHECK(rls::count_ratings(*copy) == 1);
    }

    TEST_CASE("an error that is not SQLite's is not called a database error") {
        Cli cli;
        cli.ok({"log", "--no-input", "-q"});
        cli.fail_on_env("TZ");
        const auto r = cli.run({"list"});
        CHECK(r.code == 70);
        CHECK(r.err.find("database error") == std::string::npos);
        CHECK(r.message() ==
              "rls: internal error (a bug in rls; please report it): a fault planted by the "
              "test\n");
    }

    TEST_CASE("config takes a cut-off up to noon and the stored one is checked when read") {
        Cli cli;
        CHECK(cli.ok({"config", "cutoff", "12:00"}) == "cutoff = 12:00\n");
        const auto r = cli.run({"config", "cutoff", "12:01"});
        CHECK(r.code == 64);
        CHECK(r.err == "rls: cutoff must be a time HH:MM from 00:00 to 12:00, got '12:01'\n");
    }

    TEST_CASE("demo makes no night before the earliest one import accepts") {
        Cli cli;
        // 2026-11-24 minus 10,000 nights is in 1999.
        auto r = cli.run({"demo", "--nights", "10000"});
        CHECK(r.code == 64);
        CHECK(r.err.find("--nights 10000 would start before 2000-01-01; at most 9825 nights") !=
              std::string::npos);
        Cli fresh;
        CHECK(fresh.run({"demo", "--nights", "9825", "-q"}).code == 0);
        CHECK(fresh.ok({"list", "--from", "2000-01-01", "--to", "2000-01-01", "--json"})
                  .find("\"night\": \"2000-01-01\"") != std::string::npos);
    }

    TEST_CASE("a clock before the earliest night is refused, not written down") {
        Cli cli("1999-12-31T22:00:00Z");
        const auto r = cli.run({"log", "--no-input"});
        CHECK(r.code == 64);
        CHECK(r.message() ==
              "rls: the clock reads 1999-12-31T22:00:00Z, before 2000-01-01; set the system "
              "clock (or RLS_NOW) to the present\n");
        cli.set_now("2026-11-25T07:30:00Z");
        CHECK(cli.ok({"list", "--json"}).find("\"sessions\": [\n") == std::string::npos);
    }
}
