// Sessions and ratings round-trip through SQLite.
#include "core/error.hpp"
#include "store/database.hpp"
#include "store/ratings.hpp"
#include "store/sessions.hpp"
#include "test_support.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <doctest/doctest.h>
#include <sqlite3.h>
#include <string>
#include <vector>

using namespace rls;
using rls::test::utc;
using namespace date::literals;

namespace {

SessionInput sample() {
    SessionInput s;
    s.started = utc("2026-11-24T21:30:00Z");
    s.tz = "Europe/Berlin";
    s.utc_offset_min = 60;
    s.night = 2026_y / 11 / 24;
    s.routine = "standard";
    s.rounds = 2;
    s.duration_min = 25;
    s.before = 7;
    s.after = 3;
    s.note = "line one\nline two; DROP TABLE session; --";
    s.points = {{"left.heart", 6}, {"right.ball", 2}};
    s.oils = {{"valerian", 3}, {"carrier", std::nullopt}};
    s.tags = {"caffeine"};
    return s;
}
} // namespace

TEST_SUITE("store.sessions") {
    TEST_CASE("a session is stored and read back whole") {
        auto db = open_memory_database();
        const auto id = insert_session(*db, sample(), utc("2026-11-24T22:00:00Z"));
        const auto s = find_session(*db, id);
        REQUIRE(s);
        CHECK(s->started == utc("2026-11-24T21:30:00Z"));
        CHECK(s->night == 2026_y / 11 / 24);
        CHECK(s->rounds == 2);
        CHECK(s->note == sample().note);
        REQUIRE(s->points.size() == 2);
        CHECK(s->points[0].point == "left.heart");
        CHECK(s->points[0].tenderness == 6);
        REQUIRE(s->oils.size() == 2);
        CHECK(s->oils[0].oil == "valerian");
        CHECK(s->oils[0].drops == 3);
        CHECK(s->oils[1].drops == std::nullopt);
        CHECK(s->tags == std::vector<std::string>{"caffeine"});
        CHECK(s->uuid.size() == 36);
    }

    TEST_CASE("update replaces children and delete cascades") {
        auto db = open_memory_database();
        const auto id = insert_session(*db, sample(), utc("2026-11-24T22:00:00Z"));
        auto changed = sample();
        changed.points = {{"left.foot", 1}};
        changed.tags = {};
        update_session(*db, id, changed, utc("2026-11-24T23:00:00Z"));
        const auto s = find_session(*db, id);
        REQUIRE(s->points.size() == 1);
        CHECK(s->points[0].point == "left.foot");
        CHECK(s->tags.empty());
        CHECK(s->updated == utc("2026-11-24T23:00:00Z"));
        CHECK(delete_session(*db, id));
        CHECK_FALSE(find_session(*db, id));
        CHECK(db->execAndGet("SELECT count(*) FROM session_point").getInt() == 0);
        CHECK_FALSE(delete_session(*db, id));
    }

    TEST_CASE("a deleted session's number is never given to another") {
        auto db = open_memory_database();
        const auto now = utc("2026-11-24T22:00:00Z");
        const auto first = insert_session(*db, sample(), now);
        const auto second = insert_session(*db, sample(), now);
        REQUIRE(delete_session(*db, second));
        const auto third = insert_session(*db, sample(), now);
        CHECK(third == second + 1);
        REQUIRE(delete_session(*db, third));
        REQUIRE(delete_session(*db, first));
        CHECK(insert_session(*db, sample(), now) == third + 1);
    }

    TEST_CASE("sessions in a night range come newest first") {
        auto db = open_memory_database();
        auto a = sample();
        auto b = sample();
        b.started = utc("2026-11-25T21:00:00Z");
        b.night = 2026_y / 11 / 25;
        (void)insert_session(*db, a, a.started);
        (void)insert_session(*db, b, b.started);
        const auto both = sessions_between(*db, 2026_y / 11 / 24, 2026_y / 11 / 25);
        REQUIRE(both.size() == 2);
        CHECK(both[0].night == 2026_y / 11 / 25);
        CHECK(sessions_between(*db, 2026_y / 11 / 25, 2026_y / 11 / 25).size() == 1);
        CHECK(latest_session(*db)->night == 2026_y / 11 / 25);
    }

    TEST_CASE("a rating per night and saving again replaces it but keeps its uuid") {
        auto db = open_memory_database();
        RatingInput r;
        r.night = 2026_y / 11 / 24;
        r.sleep = 6;
        r.tz = "Europe/Berlin";
        save_rating(*db, r, utc("2026-11-25T07:00:00Z"));
        const auto first = find_rating(*db, r.night);
        REQUIRE(first);
        CHECK(first->sleep == 6);
        CHECK_FALSE(first->restless);
        r.sleep = 8;
        r.restless = 1;
        save_rating(*db, r, utc("2026-11-25T08:00:00Z"));
        const auto second = find_rating(*db, r.night);
        CHECK(second->sleep == 8);
        CHECK(second->restless == 1);
        CHECK(second->uuid == first->uuid);
        CHECK(count_ratings(*db) == 1);
    }

    TEST_CASE("a check constraint failure rolls the whole transaction back") {
        auto db = open_memory_database();
        auto bad = sample();
        bad.points = {{"left.heart", 6}, {"right.ball", 11}}; // 11 violates CHECK
        {
            SQLite::Transaction tx(*db, SQLite::TransactionBehavior::IMMEDIATE);
            CHECK_THROWS((void)insert_session(*db, bad, bad.started));
        } // not committed: rolled back
        CHECK(count_sessions(*db) == 0);
    }
}

TEST_SUITE("store.plans") {
    TEST_CASE("the report's window queries search indexes, never scan the history") {
        auto db = open_memory_database();
        // A few hundred sessions so the planner has statistics-free but real tables.
        for (int i = 0; i < 300; ++i) {
            auto s = sample();
            s.started = utc("2025-01-01T21:00:00Z") + date::days{i};
            s.night = Date{date::sys_days{2025_y / 1 / 1} + date::days{i}};
            (void)insert_session(*db, s, s.started);
        }
        // Every statement the real window reads run, with its bound values,
        // as SQLite saw it: the test explains what runs, not a copy of it.
        std::vector<std::string> statements;
        const auto record = [](unsigned, void* out, void* stmt, void*) {
            if (char* sql = sqlite3_expanded_sql(static_cast<sqlite3_stmt*>(stmt))) {
                static_cast<std::vector<std::string>*>(out)->emplace_back(sql);
                sqlite3_free(sql);
            }
            return 0;
        };
        sqlite3_trace_v2(db->getHandle(), SQLITE_TRACE_STMT, record, &statements);
        (void)sessions_between(*db, 2025_y / 3 / 1, 2025_y / 3 / 28);
        (void)ratings_between(*db, 2025_y / 3 / 1, 2025_y / 3 / 28);
        sqlite3_trace_v2(db->getHandle(), 0, nullptr, nullptr);
        REQUIRE(statements.size() >= 5); // sessions, points, oils, tags, ratings
        for (const auto& sql : statements) {
            CAPTURE(sql);
            SQLite::Statement plan(*db, "EXPLAIN QUERY PLAN " + sql);
            while (plan.executeStep()) {
                const std::string step = plan.getColumn(3).getString();
                CAPTURE(step);
                CHECK_FALSE(step.starts_with("SCAN"));
            }
        }
    }
}
