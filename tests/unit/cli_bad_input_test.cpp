// Bad input, in-process: every refused value gets one line on stderr naming
// the field and what is allowed, the documented exit code, nothing on stdout,
// and leaves the database byte for byte as it was. (Moved here from the
// end-to-end suite: none of it needs a real process.)
#include "cli_harness.hpp"
#include "core/limits.hpp"
#include "core/terminal_text.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

using rls::test::Cli;
using rls::test::CliResult;

namespace {

struct Case {
    std::vector<std::string> args;
    int code;
    std::string message;
};

const std::vector<Case>& cases() {
    static const std::vector<Case> all = {
        {{"log", "--before", "11"}, 64, "--before must be a whole number from 0 to 10, got '11'"},
        {{"log", "--after", "-1"}, 64, "--after must be a whole number from 0 to 10"},
        {{"log", "--before", "seven"}, 64, "--before must be a whole number"},
        {{"log", "--before", "7.5"}, 64, "--before must be a whole number"},
        {{"log", "--before", ""}, 64, "--before must be a whole number"},
        {{"log", "--rounds", "0"}, 64, "--rounds must be a whole number from 1 to 10, got '0'"},
        {{"log", "--rounds", "11"}, 64, "--rounds must be a whole number from 1 to 10"},
        {{"log", "--rounds", "0x10"}, 64, "--rounds must be a whole number"},
        {{"log", "--rounds", "1e99"}, 64, "--rounds must be a whole number"},
        {{"log", "-p", "heart=11"},
         64,
         "--point tenderness for heart must be a whole number from 0 to 10"},
        {{"log", "-p", "heart"}, 64, "--point must be POINT=TENDERNESS"},
        {{"log", "-p", "toe=3"}, 64, "--point 'toe' is not a known point"},
        {{"log", "-p", "sciatic=3"}, 64, "--point 'sciatic' is ambiguous"},
        {{"log", "-p", "heart=3", "-p", "left.heart=4"}, 64, "--point left.heart is given twice"},
        {{"log", "-o", "rose"}, 64, "--oil 'rose' is not a known oil"},
        {{"log", "-o", "lavender:0"},
         64,
         "--oil drops of lavender must be a whole number from 1 to 20"},
        {{"log", "-o", "lavender:99"},
         64,
         "--oil drops of lavender must be a whole number from 1 to 20"},
        {{"log", "--routine", "nonesuch"}, 64, "--routine 'nonesuch' is not a known routine"},
        {{"log", "--duration", "forever"},
         64,
         "--duration must be a duration from 1 to 360 minutes"},
        {{"log", "--duration", "0m"}, 64, "--duration must be a duration"},
        {{"log", "--duration", "7h"}, 64, "--duration must be a duration"},
        {{"log", "--at", "2026-02-29 22:00"}, 64, "--at has no such date"},
        {{"log", "--at", "24:60"}, 64, "--at must be now, 22:15, 10pm"},
        {{"log", "--at", "2026-11-26 22:00"}, 64, "--at must not be in the future"},
        {{"log", "--at", "3026-01-01T00:00Z"}, 64, "--at must not be in the future"},
        {{"log", "--at", "1999-01-01 22:00"}, 64, "--at must be in the year 2000 or later"},
        {{"log", "--at", "soon"}, 64, "--at must be now, 22:15, 10pm"},
        {{"log", "-t", "two words"}, 64, "--tag must be 1-40 characters"},
        {{"log", "--note", std::string(10001, 'x')},
         64,
         "--note must be at most 10000 bytes, got 10001 bytes"},
        {{"rate", "--sleep", "5", "--onset", "25:00"}, 64, "--onset must be a time HH:MM"},
        {{"rate", "--spread", "feet"}, 64, "--spread must be legs, arms or trunk"},
        {{"rate", "--spread", "legs,legs"}, 64, "--spread must be legs, arms or trunk"},
        {{"rate", "--spread", ""}, 64, "--spread must be legs, arms or trunk"},
        {{"irls", "1", "2", "3", "4", "0", "1", "2", "3", "4"},
         64,
         "SCORES must be the 10 item scores 0-4 in item order, got 9"},
        {{"irls", "1", "2", "3", "4", "0", "1", "2", "3", "4", "0", "1"},
         64,
         "SCORES must be the 10 item scores 0-4 in item order, got 11"},
        {{"irls", "5", "0", "0", "0", "0", "0", "0", "0", "0", "0"},
         64,
         "item 1 must be a whole number from 0 to 4, got '5'"},
        {{"irls", "0", "0", "0", "0", "0", "0", "0", "0", "0", "-1"},
         64,
         "item 10 must be a whole number from 0 to 4"},
        {{"irls", "--total", "41"}, 64, "--total must be a whole number from 0 to 40, got '41'"},
        {{"irls", "--total", "10", "--date", "2026-11-26"},
         64,
         "--date must not be in the future, got 2026-11-26"},
        {{"irls"}, 64, "irls needs the ten item scores 0-4 or --total N"},
        {{"took", "pramipexole", "0.25"}, 64, "DOSE must be an amount with a unit"},
        {{"took", "pramipexole", "mg"}, 64, "DOSE must be an amount with a unit"},
        {{"took", "pramipexole", "0mg"}, 64, "DOSE must be a number from 0.001 to 100000"},
        {{"took", "pramipexole", "1e9mg"},
         64,
         "DOSE must be a number from 0.001 to 100000 such as 0.5, got '1e9'"},
        {{"took", "pramipexole", "-1mg"}, 64, "DOSE must be a number from 0.001 to 100000"},
        {{"took", "pramipexole", "nan mg"}, 64, "DOSE must be a number from 0.001 to 100000"},
        {{"took", "pramipexole", "200000 tablets"},
         64,
         "DOSE must be a number from 0.001 to 100000"},
        {{"took", "pramipexole", "0.25mg", "--at", "2026-11-26 22:00"},
         64,
         "--at must not be in the future"},
        {{"took", "Two Words", "1mg"}, 64, "MEDICINE must be 1-40 characters"},
        {{"meds", "add", "gabapentin", "--unit", "kg"},
         64,
         "--unit must be mg, mcg, g, ml, iu or tablet, got 'kg'"},
        {{"meds", "remove", "nonesuch"}, 64, "medicine nonesuch is not in the list"},
        {{"lab", "--ferritin", "0"}, 64, "--ferritin must be a number from 1 to 20000, got '0'"},
        {{"lab", "--ferritin", "1e9"}, 64, "--ferritin must be a number from 1 to 20000"},
        {{"lab", "--ferritin", "1000000000"}, 64, "--ferritin must be a number from 1 to 20000"},
        {{"lab", "--tsat", "0"}, 64, "--tsat must be a number from 1 to 100, got '0'"},
        {{"lab", "--tsat", "101"}, 64, "--tsat must be a number from 1 to 100"},
        {{"lab", "--tsat", "20", "--date", "2026-11-26"},
         64,
         "--date must not be in the future, got 2026-11-26"},
        {{"lab", "--fasting"}, 64, "lab needs --ferritin or --tsat"},
        {{"took", "--delete", "42", "--yes"}, 66, "dose 42 does not exist (see: rls took --list)"},
        {{"took", "--delete", "1", "--list"}, 64, "--delete takes only the dose's number"},
        {{"took", "pramipexole", "--delete", "1"}, 64, "--delete takes only the dose's number"},
        {{"took", "pramipexole", "1mg", "--yes"}, 64, "--yes goes with --delete"},
        {{"lab", "--delete", "42", "--yes"}, 66, "lab 42 does not exist (see: rls lab --list)"},
        {{"lab", "--delete", "1", "--ferritin", "50"}, 64, "--delete takes no --ferritin"},
        {{"lab", "--delete", "1", "--fasting"}, 64, "--delete takes only the lab's number"},
        {{"lab", "--tsat", "30", "-y"}, 64, "--yes goes with --delete"},
        {{"irls", "--delete", "2026-11-23", "--yes"},
         66,
         "the week of 2026-11-23 has no IRLS entry (see: rls irls --list)"},
        {{"irls", "--delete", "2026-02-30"}, 64, "--delete"},
        {{"irls", "--delete", "2026-11-26", "--yes"},
         64,
         "--delete must not be in the future, got 2026-11-26"},
        {{"irls", "--delete", "today", "--total", "5"}, 64, "--delete takes no --total"},
        {{"irls", "--delete", "today", "--list"}, 64, "--delete takes only a day of the week"},
        {{"irls", "--total", "5", "--yes"}, 64, "--yes goes with --delete"},
        {{"tag"}, 64, "tag needs at least one TAG"},
        {{"tag", "Two Words"}, 64, "TAG must be 1-40 characters"},
        {{"tag", "--remove", "nosuch", "--night", "2026-11-24"},
         66,
         "the night of 2026-11-24 has no tag 'nosuch'"},
        {{"tag", "caffeine", "--night", "2026-11-27"},
         64,
         "--night 2026-11-27 has not begun yet; the latest is 2026-11-25"},
        {{"skip", "--night", "2026-11-24"}, 64, "the night of 2026-11-24 already has a session"},
        {{"rate", "--sleep", "11"}, 64, "--sleep must be a whole number from 0 to 10, got '11'"},
        {{"rate", "--restless", "NaN"}, 64, "--restless must be a whole number from 0 to 10"},
        {{"rate", "--night", "2026-11-31", "--sleep", "5"},
         64,
         "--night must be a date YYYY-MM-DD"},
        {{"rate", "--night", "2026-11-25", "--sleep", "5"},
         64,
         "--night 2026-11-25 has not ended yet"},
        {{"rate", "--sleep", "5", "--into-bed", "25:00"}, 64, "--into-bed must be a time HH:MM"},
        {{"rate", "--sleep", "5", "--latency", "lots"}, 64, "--latency must be a duration"},
        {{"rate", "--sleep", "5", "--awakenings", "-2"},
         64,
         "--awakenings must be a whole number from 0 to 100"},
        {{"rate", "--sleep", "5", "--try-sleep", "23:00", "--into-bed", "23:30"},
         64,
         "--try-sleep must not be before --into-bed"},
        {{"rate", "--sleep", "5", "--try-sleep", "23:00", "--final-wake", "01:00", "--latency",
          "90", "--waso", "60"},
         64,
         "--latency plus --waso (150 min) must not exceed"},
        {{"rate"}, 64, "rate needs --sleep or --restless"},
        {{"show", "abc"}, 64, "ID must be a whole number"},
        {{"show", "42"}, 66, "session 42 does not exist"},
        {{"edit", "42", "--before", "3"}, 66, "session 42 does not exist"},
        {{"edit", "1", "--before", "12"}, 64, "--before must be a whole number from 0 to 10"},
        {{"delete", "1"}, 64, "delete needs --yes"},
        {{"list", "--weeks", "0"}, 64, "--weeks must be a whole number from 1 to 520"},
        {{"demo", "--nights", "3"}, 64, "--nights must be a whole number from 7 to 200000"},
        {{"demo"}, 65, "demo needs an empty database"},
        {{"points", "add", "Bad Id", "--foot", "left"}, 64, "ID must be 1-40 characters"},
        {{"log", "--unknown"}, 64, "--unknown"},
    };
    return all;
}

std::string joined(const std::vector<std::string>& args) {
    return fmt::format("{}", fmt::join(args, " ")).substr(0, 120);
}

// The refusal every bad input must get: the code, one "rls: " line naming
// `names`, nothing on stdout, the database unchanged.
void check_refused(Cli& cli, std::vector<std::string> args, int code, const std::string& names,
                   const std::string& digest) {
    args.emplace_back("--no-input");
    const CliResult r = cli.run(args);
    INFO(joined(args));
    INFO(r.err);
    CHECK(r.code == code);
    CHECK(r.out.empty());
    CHECK(r.err.starts_with("rls: "));
    const auto message = r.message();
    CHECK(std::count(message.begin(), message.end(), '\n') == 1);
    CHECK(message.find(names) != std::string::npos);
    for (std::size_t start = 0; start < r.err.size();) { // every line fits 80 columns
        const auto end = r.err.find('\n', start);
        CHECK(rls::display_width(r.err.substr(start, end - start)) <= 80);
        start = end == std::string::npos ? r.err.size() : end + 1;
    }
    CHECK(cli.db_bytes() == digest);
}

} // namespace

TEST_SUITE("cli.bad_input") {
    TEST_CASE("a table of bad inputs: one line naming the field, the code, nothing written") {
        Cli cli;
        cli.ok({"log", "--at", "2026-11-24 22:00", "-p", "heart=5", "--no-input"});
        cli.ok({"rate", "--night", "2026-11-23", "--sleep", "6"});
        const auto digest = cli.db_bytes();
        for (const auto& c : cases()) {
            check_refused(cli, c.args, c.code, c.message, digest);
        }
    }

    TEST_CASE("private text never appears in errors") {
        Cli cli;
        cli.ok({"log", "--no-input"});
        const std::string secret = "my private diary words";
        auto r = cli.run({"log", "--note", secret + "\xff", "--before", "99"});
        CHECK(r.code != 0);
        CHECK(r.err.find(secret) == std::string::npos);
        std::string long_note;
        for (int i = 0; i < 1000; ++i) {
            long_note += secret;
        }
        r = cli.run({"log", "--note", long_note});
        CHECK(r.code == 64);
        CHECK(r.err.find(secret) == std::string::npos);
    }

    // Every numeric option with -1, max+1, 1e99, NaN, 0x10 and empty.
    TEST_CASE("every numeric option refuses out-of-range and malformed numbers") {
        Cli cli;
        cli.ok({"demo", "--nights", "7", "-q"});
        cli.ok({"log", "--at", "2026-11-24 22:00", "--no-input", "-q"});
        const auto digest = cli.db_bytes();
        struct Numeric {
            std::vector<std::string> prefix;
            std::string option;
            int largest;
            std::string names;
        };
        const std::vector<Numeric> numeric = {
            {{"log"}, "--rounds", rls::k_rounds_range.hi, "--rounds"},
            {{"log"}, "--before", rls::k_rating_range.hi, "--before"},
            {{"log"}, "--after", rls::k_rating_range.hi, "--after"},
            {{"log"}, "--duration", rls::k_duration_range.hi, "--duration"},
            {{"log", "-p"}, "heart=", rls::k_tenderness_range.hi, "--point"},
            {{"log", "-o"}, "lavender:", rls::k_drops_range.hi, "--oil"},
            {{"edit", "1"}, "--rounds", rls::k_rounds_range.hi, "--rounds"},
            {{"edit", "1"}, "--after", rls::k_rating_range.hi, "--after"},
            {{"rate", "--replace"}, "--sleep", rls::k_rating_range.hi, "--sleep"},
            {{"rate", "--replace"}, "--restless", rls::k_rating_range.hi, "--restless"},
            {{"rate", "--replace", "-s", "5"},
             "--awakenings",
             rls::k_awakenings_range.hi,
             "--awakenings"},
            {{"rate", "--replace", "-s", "5"}, "--latency", rls::k_latency_range.hi, "--latency"},
            {{"rate", "--replace", "-s", "5"}, "--waso", rls::k_waso_range.hi, "--waso"},
            {{"list"}, "--weeks", rls::k_window_weeks_range.hi, "--weeks"},
            {{"report"}, "--weeks", rls::k_window_weeks_range.hi, "--weeks"},
            {{"report"}, "--min-nights", rls::k_min_nights_range.hi, "--min-nights"},
            {{"demo"}, "--nights", rls::k_demo_nights_range.hi, "--nights"},
            {{"demo"}, "--seed", 999999999, "--seed"},
            {{"show"}, "", 999999999, "ID"},
            {{"delete", "--yes"}, "", 999999999, "ID"},
            {{"took", "--yes"}, "--delete", 999999999, "--delete"},
            {{"lab", "--yes"}, "--delete", 999999999, "--delete"},
            {{"guide"}, "--pace", 10, "--pace"},
            {{"trial", "start", "none", "standard"}, "--blocks", 50, "--blocks"},
            {{"trial", "start", "none", "standard"}, "--washout", 7, "--washout"},
            {{"trial", "start", "none", "standard"}, "--mid", 10, "--mid"},
        };
        int count = 0;
        for (const auto& n : numeric) {
            for (const std::string& value :
                 {std::string("-1"), std::to_string(n.largest + 1), std::string("1e99"),
                  std::string("NaN"), std::string("0x10"), std::string()}) {
                auto args = n.prefix;
                if (n.option.ends_with('=') || n.option.ends_with(':')) {
                    args.push_back(n.option + value);
                } else if (!n.option.empty()) {
                    args.push_back(n.option);
                    args.push_back(value);
                } else {
                    args.push_back(value);
                }
                check_refused(cli, args, 64, n.names, digest);
                ++count;
            }
        }
        CHECK(count >= 120);
    }

    // Every date and time option with impossible, far-future, garbage and empty values.
    TEST_CASE("every date and time option refuses impossible and malformed values") {
        Cli cli;
        cli.ok({"demo", "--nights", "7", "-q"});
        cli.ok({"log", "--at", "2026-11-24 22:00", "--no-input", "-q"});
        const auto digest = cli.db_bytes();
        const std::vector<std::string> bad_when = {
            "2025-02-29 22:00",  "2026-13-01 22:00", "24:60", "2999-01-01 22:00",
            "3000-01-01T00:00Z", "yesterday-ish",    "",      "22:30:99",
            "1999-12-31 23:00"};
        const std::vector<std::string> bad_date = {
            "2025-02-29", "2026-02-30", "2999-01-01", "next week", "", "20261124", "1999-12-31"};
        std::vector<std::string> bad_window_date = bad_date;
        bad_window_date.erase(bad_window_date.begin() + 2); // a future --from/--to is allowed
        const std::vector<std::string> bad_time = {"24:60", "25:00", "7pm", "", "12", "-1:00"};
        auto bad_cutoff = bad_time;
        bad_cutoff.emplace_back("13:00");
        bad_cutoff.emplace_back("23:59");
        struct Dates {
            std::vector<std::string> prefix;
            std::string option;
            std::vector<std::string> values;
        };
        const std::vector<Dates> dates = {
            {{"log"}, "--at", bad_when},
            {{"edit", "1"}, "--at", bad_when},
            {{"rate", "-s", "5", "--replace"}, "--night", bad_date},
            {{"list"}, "--from", bad_window_date},
            {{"report"}, "--to", bad_window_date},
            {{"rate", "-s", "5", "--replace"}, "--into-bed", bad_time},
            {{"rate", "-s", "5", "--replace"}, "--try-sleep", bad_time},
            {{"rate", "-s", "5", "--replace"}, "--final-wake", bad_time},
            {{"rate", "-s", "5", "--replace"}, "--out-of-bed", bad_time},
            {{"remind"}, "--after", bad_time},
            {{"config", "cutoff"}, "", bad_cutoff},
        };
        int count = 0;
        for (const auto& d : dates) {
            for (const auto& value : d.values) {
                auto args = d.prefix;
                if (!d.option.empty()) {
                    args.push_back(d.option);
                }
                args.push_back(value);
                check_refused(cli, args, 64, d.option.empty() ? "cutoff" : d.option, digest);
                ++count;
            }
        }
        CHECK(count >= 60);
    }

    // A trial's plan is refused whole: nothing is stored, and a running
    // trial is not touched by a second start.
    TEST_CASE("trial start: unknown arm, one arm, 0 blocks, the past, a second trial") {
        Cli cli;
        cli.ok({"log", "--at", "2026-11-24 22:00", "--no-input", "-q"});
        const auto empty = cli.db_bytes();
        const std::vector<Case> refused = {
            {{"trial", "start", "standard x1", "rose"}, 64, "arm 'rose' is not a known arm"},
            {{"trial", "start", "standard x1"}, 64, "a trial needs 2 to 4 arms, got 1"},
            {{"trial", "start", "standard", "standard x1"}, 64, "are the same"},
            {{"trial", "start", "lavender", "valerian"}, 64, "different oils"},
            {{"trial", "start", "none", "standard", "--blocks", "0"},
             64,
             "--blocks must be a whole number from 2 to 50, got '0'"},
            {{"trial", "start", "none", "standard", "--first", "2026-11-20"},
             64,
             "--first 2026-11-20 is in the past"},
            {{"trial", "start", "none", "standard", "--first", "someday"},
             64,
             "--first must be tonight, tomorrow or a date"},
            {{"trial", "start", "none", "standard", "--design", "latin"},
             64,
             "--design must be pairs or abba"},
            {{"trial", "start", "none", "standard", "standard x2", "--design", "abba"},
             64,
             "--design abba needs exactly 2 arms, got 3"},
            {{"trial", "start", "none", "standard", "--seed", ""}, 64, "--seed must be"},
            {{"trial", "start", "none", "standard", "--first", ""}, 64, "--first must be"},
            {{"trial", "start", "none", "standard", "--outcome", "mood"},
             64,
             "--outcome must be sleep or restless"},
            {{"trial", "start", "none", "standard", "--seed", "9007199254740992"},
             64,
             "--seed must be a whole number from 0 to 9007199254740991"},
            {{"trial", "show"}, 66, "there is no trial yet"},
            {{"trial", "status"}, 66, "there is no trial yet"},
            {{"trial", "stop"}, 66, "no trial is running"},
            {{"trial", "skip"}, 64, "is not a night of a trial"},
        };
        for (const auto& c : refused) {
            check_refused(cli, c.args, c.code, c.message, empty);
        }
        cli.ok({"trial", "start", "none", "standard x1", "--seed", "1"});
        const auto running = cli.db_bytes();
        check_refused(cli, {"trial", "start", "standard x1", "standard x2"}, 64,
                      "trial 1 is still running (until 2026-12-10)", running);
        check_refused(cli, {"trial", "skip", "--night", "2026-11-24"}, 64,
                      "the night of 2026-11-24 is not a night of a trial", running);
    }
}
