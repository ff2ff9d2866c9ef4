// The domain limits agree with the schema: every BETWEEN check in the
// migrated database is one of core/limits.hpp's ranges, and the store accepts
// each range's ends and refuses one step past them.
#include "core/limits.hpp"
#include "core/parse.hpp"
#include "store/database.hpp"
#include "store/ratings.hpp"
#include "store/sessions.hpp"
#include "test_support.hpp"

#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <doctest/doctest.h>
#include <map>
#include <regex>

using namespace rls;
using rls::test::utc;
using namespace date::literals;

namespace {

// "table.column" -> its CHECK (column BETWEEN lo AND hi), read from the schema.
std::map<std::string, std::pair<double, double>> schema_ranges(SQLite::Database& db) {
    std::map<std::string, std::pair<double, double>> out;
    SQLite::Statement q(db, "SELECT name, sql FROM sqlite_schema WHERE type = 'table'");
    const std::regex check(R"((\w+)\s+BETWEEN\s+(-?\d+(?:\.\d+)?)\s+AND\s+(-?\d+(?:\.\d+)?))",
                           std::regex::icase);
    while (q.executeStep()) {
        const auto table = q.getColumn(0).getString();
        const auto sql = q.getColumn(1).getString();
        for (auto it = std::sregex_iterator(sql.begin(), sql.end(), check);
             it != std::sregex_iterator(); ++it) {
            out[table + "." + (*it)[1].str()] = {std::stod((*it)[2].str()),
                                                 std::stod((*it)[3].str())};
        }
    }
    return out;
}

std::pair<double, double> pair_of(Range r) {
    return {r.lo, r.hi};
}

std::pair<double, double> pair_of(DecimalRange r) {
    return {r.lo, r.hi};
}

SessionInput session() {
    SessionInput s;
    s.started = utc("2026-11-24T21:30:00Z");
    s.tz = "UTC";
    s.night = 2026_y / 11 / 24;
    s.points = {{"left.heart", 5}};
    s.oils = {{"lavender", 2}};
    return s;
}

RatingInput rating() {
    RatingInput r;
    r.night = 2026_y / 11 / 24;
    r.tz = "UTC";
    return r;
}

// Inserts `s`, reporting whether the schema accepted it.
bool accepted(SQLite::Database& db, const SessionInput& s) {
    try {
        (void)insert_session(db, s, utc("2026-11-25T08:00:00Z"));
        return true;
    } catch (const SQLite::Exception&) {
        return false;
    }
}

bool accepted(SQLite::Database& db, const RatingInput& r) {
    try {
        save_rating(db, r, utc("2026-11-25T08:00:00Z"));
        return true;
    } catch (const SQLite::Exception&) {
        return false;
    }
}

} // namespace

TEST_SUITE("store.limits") {
    TEST_CASE("every range check in the schema is one of the domain limits") {
        auto db = open_memory_database();
        const std::map<std::string, std::pair<double, double>> expected = {
            {"session.rounds", pair_of(k_rounds_range)},
            {"session.duration_min", pair_of(k_duration_range)},
            {"session.before_restless", pair_of(k_rating_range)},
            {"session.after_restless", pair_of(k_rating_range)},
            {"session_point.tenderness", pair_of(k_tenderness_range)},
            {"session_oil.drops", pair_of(k_drops_range)},
            {"rating.sleep", pair_of(k_rating_range)},
            {"rating.restless", pair_of(k_rating_range)},
            {"rating.latency_min", pair_of(k_latency_range)},
            {"rating.awakenings", pair_of(k_awakenings_range)},
            {"rating.waso_min", pair_of(k_waso_range)},
            {"trial.blocks", pair_of(k_trial_blocks_range)},
            {"trial.washout", pair_of(k_trial_washout_range)},
            {"trial_night.arm", pair_of(k_trial_arm_index_range)},
            {"irls.total", pair_of(k_irls_total_range)},
            {"dose.amount", pair_of(k_dose_range)},
            {"lab.ferritin", pair_of(k_ferritin_range)},
            {"lab.tsat", pair_of(k_tsat_range)},
        };
        CHECK(schema_ranges(*db) == expected);
    }

    TEST_CASE("the store takes each session limit's ends and refuses one step past them") {
        auto db = open_memory_database();
        const auto probe = [&](Range r, auto set) {
            for (const int v : {r.lo, r.hi}) {
                auto s = session();
                set(s, v);
                CHECK_MESSAGE(accepted(*db, s), v);
            }
            for (const int v : {r.lo - 1, r.hi + 1}) {
                auto s = session();
                set(s, v);
                CHECK_MESSAGE(!accepted(*db, s), v);
            }
        };
        probe(k_rounds_range, [](SessionInput& s, int v) { s.rounds = v; });
        probe(k_duration_range, [](SessionInput& s, int v) { s.duration_min = v; });
        probe(k_rating_range, [](SessionInput& s, int v) { s.before = v; });
        probe(k_rating_range, [](SessionInput& s, int v) { s.after = v; });
        probe(k_tenderness_range, [](SessionInput& s, int v) { s.points[0].tenderness = v; });
        probe(k_drops_range, [](SessionInput& s, int v) { s.oils[0].drops = v; });
    }

    TEST_CASE("the store takes each rating limit's ends and refuses one step past them") {
        auto db = open_memory_database();
        const auto probe = [&](Range r, auto set) {
            for (const int v : {r.lo, r.hi}) {
                auto in = rating();
                set(in, v);
                CHECK_MESSAGE(accepted(*db, in), v);
            }
            for (const int v : {r.lo - 1, r.hi + 1}) {
                auto in = rating();
                set(in, v);
                CHECK_MESSAGE(!accepted(*db, in), v);
            }
        };
        probe(k_rating_range, [](RatingInput& r, int v) { r.sleep = v; });
        probe(k_rating_range, [](RatingInput& r, int v) { r.restless = v; });
        probe(k_latency_range, [](RatingInput& r, int v) { r.diary.latency_min = v; });
        probe(k_awakenings_range, [](RatingInput& r, int v) { r.diary.awakenings = v; });
        probe(k_waso_range, [](RatingInput& r, int v) { r.diary.waso_min = v; });
    }

    TEST_CASE("the command-line parsers use the same limits") {
        CHECK(parse_rating("10", "--sleep") == k_rating_range.hi);
        CHECK_THROWS((void)parse_rating("11", "--sleep"));
        CHECK(parse_point_spec("heart=10", "-p").tenderness == k_tenderness_range.hi);
        CHECK_THROWS((void)parse_point_spec("heart=11", "-p"));
        CHECK(parse_oil_spec("lavender:20", "-o").drops == k_drops_range.hi);
        CHECK_THROWS((void)parse_oil_spec("lavender:21", "-o"));
        CHECK_THROWS((void)parse_oil_spec("lavender:0", "-o"));
        CHECK(parse_session_duration("6h", "-d") == k_duration_range.hi);
        CHECK_THROWS((void)parse_session_duration("6h1m", "-d"));
        CHECK(parse_cutoff("12:00", "cutoff") == k_latest_cutoff);
        CHECK_THROWS((void)parse_cutoff("12:01", "cutoff"));
        CHECK_THROWS((void)parse_cutoff("23:59", "cutoff"));
    }
}
