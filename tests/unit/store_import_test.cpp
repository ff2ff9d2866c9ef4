// Import, in-process: a document rls exported imports whole, and each field
// is held to the same rule the command line applies.
#include "core/error.hpp"
#include "store/database.hpp"
#include "store/ratings.hpp"
#include "store/sessions.hpp"
#include "store/settings.hpp"
#include "store/transfer.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

using namespace rls;
using rls::test::utc;
using namespace date::literals;

namespace {

const Instant k_now = utc("2026-11-25T07:30:00Z");

// An export holding one Berlin session (22:30 local on 2026-11-24) and the
// next morning's rating with a full sleep diary.
nlohmann::json exported() {
    auto db = open_memory_database();
    SessionInput s;
    s.started = utc("2026-11-24T21:30:00Z");
    s.tz = "Europe/Berlin";
    s.utc_offset_min = 60;
    s.night = 2026_y / 11 / 24;
    s.points = {{"left.heart", 6}};
    s.oils = {{"lavender", 3}};
    (void)insert_session(*db, s, utc("2026-11-24T22:00:00Z"));
    RatingInput r;
    r.night = 2026_y / 11 / 24;
    r.tz = "Europe/Berlin";
    r.sleep = 7;
    r.diary.into_bed = utc("2026-11-24T22:00:00Z");
    r.diary.try_sleep = utc("2026-11-24T22:15:00Z");
    r.diary.latency_min = 20;
    r.diary.waso_min = 30;
    r.diary.final_wake = utc("2026-11-25T05:30:00Z");
    r.diary.out_of_bed = utc("2026-11-25T06:00:00Z");
    save_rating(*db, r, utc("2026-11-25T07:00:00Z"));
    set_setting(*db, "cutoff", "05:00");
    return nlohmann::json::parse(export_json(*db, k_now).dump());
}

// The import's error message, or "" when it succeeded.
std::string import_error(const nlohmann::json& doc) {
    auto db = open_memory_database();
    try {
        (void)import_json(*db, doc, k_now);
    } catch (const Error& e) {
        CHECK(e.code() == Exit::data);
        return e.what();
    }
    return "";
}

} // namespace

TEST_SUITE("store.import") {
    TEST_CASE("an exported document imports whole into an empty database") {
        auto db = open_memory_database();
        const auto doc = exported();
        const auto summary = import_json(*db, doc, k_now);
        CHECK(summary.sessions.added == 1);
        CHECK(summary.ratings.added == 1);
        CHECK(get_setting(*db, "cutoff") == "05:00");
        const auto s = latest_session(*db);
        REQUIRE(s);
        CHECK(s->night == 2026_y / 11 / 24);
        CHECK(s->oils[0].drops == 3);
        // A second import changes nothing.
        const auto again = import_json(*db, doc, k_now);
        CHECK(again.sessions.unchanged == 1);
        CHECK(again.ratings.unchanged == 1);
    }

    TEST_CASE("a cut-off rls config refuses is refused by import too") {
        auto doc = exported();
        doc["settings"]["cutoff"] = "23:59";
        CHECK(import_error(doc).find("settings.cutoff must be a time HH:MM from 00:00 to 12:00") !=
              std::string::npos);
    }

    TEST_CASE("tz must name a zone") {
        auto doc = exported();
        doc["sessions"][0]["tz"] = "Mars/Olympus_Mons";
        CHECK(import_error(doc).find("sessions[0].tz must name a time zone") != std::string::npos);
        doc = exported();
        doc["ratings"][0]["tz"] = "not a zone";
        CHECK(import_error(doc).find("ratings[0].tz must name a time zone") != std::string::npos);
    }

    TEST_CASE("started_utc lies between the earliest night and now") {
        for (const char* when : {"0000-01-01T00:00:00Z", "1999-12-31T21:30:00Z",
                                 "2026-11-25T07:30:01Z", "2999-01-01T21:30:00Z"}) {
            auto doc = exported();
            doc["sessions"][0]["started_utc"] = when;
            INFO(when);
            CHECK(import_error(doc).find("sessions[0].started_utc") != std::string::npos);
        }
    }

    TEST_CASE("the night agrees with started_utc, its zone and an allowed cut-off") {
        auto doc = exported();
        doc["sessions"][0]["night"] = "2026-11-20";
        CHECK(import_error(doc).find("sessions[0].night must be the night of started_utc") !=
              std::string::npos);
        // 00:30 local belongs to the previous night under any cut-off from
        // 00:31 on and to its own date under 00:00: both are accepted.
        for (const char* night : {"2026-11-24", "2026-11-25"}) {
            doc = exported();
            doc["sessions"][0]["started_utc"] = "2026-11-24T23:30:00Z";
            doc["sessions"][0]["night"] = night;
            CHECK(import_error(doc).empty());
        }
        doc = exported();
        doc["sessions"][0]["utc_offset_min"] = 120;
        CHECK(import_error(doc).find("sessions[0].utc_offset_min must be the offset of tz") !=
              std::string::npos);
    }

    TEST_CASE("a rating's night may not lie in the future") {
        auto doc = exported();
        doc["ratings"][0]["night"] = "2026-12-24";
        CHECK(import_error(doc).find("ratings[0].night must not be after today") !=
              std::string::npos);
    }

    TEST_CASE("sleep-diary times run in order, as rls rate requires") {
        auto doc = exported();
        doc["ratings"][0]["out_of_bed_utc"] = "2026-11-24T21:00:00Z";
        CHECK(import_error(doc).find(
                  "ratings[0].out_of_bed_utc must not be before ratings[0].final_wake_utc") !=
              std::string::npos);
        doc = exported();
        doc["ratings"][0]["latency_min"] = 400;
        doc["ratings"][0]["waso_min"] = 100;
        CHECK(import_error(doc).find("ratings[0].latency_min plus ratings[0].waso_min") !=
              std::string::npos);
    }

    TEST_CASE("schema_version never wraps") {
        auto doc = exported();
        doc["schema_version"] = 4294967297ULL; // 2^32 + 1, which an int reads as 1
        CHECK(import_error(doc).find("schema_version") != std::string::npos);
        doc["schema_version"] = 18446744073709551615ULL;
        CHECK(import_error(doc).find("schema_version") != std::string::npos);
        doc["schema_version"] = -1;
        CHECK(import_error(doc).find("schema_version") != std::string::npos);
    }

    TEST_CASE("numbers are held to the command line's limits") {
        auto doc = exported();
        doc["sessions"][0]["rounds"] = 11;
        CHECK(import_error(doc).find("sessions[0].rounds must be a whole number from 1 to 10") !=
              std::string::npos);
        doc = exported();
        doc["sessions"][0]["points"][0]["tenderness"] = 1000000000;
        CHECK(import_error(doc).find("tenderness must be a whole number from 0 to 10") !=
              std::string::npos);
        doc = exported();
        doc["sessions"][0]["oils"][0]["drops"] = 4294967298ULL;
        CHECK(import_error(doc).find("drops must be a whole number from 1 to 20") !=
              std::string::npos);
    }
}
