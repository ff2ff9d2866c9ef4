// The tracked measures in the store: round trips, the schema's limits at
// their ends, and an export that imports whole, twice without change.
#include "core/error.hpp"
#include "core/measures.hpp"
#include "store/database.hpp"
#include "store/measures.hpp"
#include "store/transfer.hpp"
#include "test_support.hpp"

#include <SQLiteCpp/Exception.h>
#include <doctest/doctest.h>

using namespace rls;
using rls::test::utc;
using namespace date::literals;

namespace {

const Instant k_now = utc("2026-11-25T07:30:00Z");

// A diary with one of everything, in Berlin.
void fill(SQLite::Database& db) {
    IrlsEntry e;
    e.taken = 2026_y / 11 / 24;
    e.week = week_of(e.taken);
    e.items = std::array<int, k_irls_items>{1, 2, 3, 4, 0, 1, 2, 3, 4, 0};
    e.total = 20;
    e.tz = "Europe/Berlin";
    save_irls(db, e, k_now);
    Symptoms s;
    s.night = 2026_y / 11 / 23;
    s.onset = utc("2026-11-23T20:30:00Z");
    s.spread = Spread{true, true, false};
    s.tz = "Europe/Berlin";
    save_symptoms(db, s, k_now);
    add_medicine(db, {0, "", "pramipexole", "mg"});
    Dose d;
    d.medicine = "pramipexole";
    d.unit = "mg";
    d.amount = 0.125;
    d.taken = utc("2026-11-23T20:00:00Z");
    d.tz = "Europe/Berlin";
    d.night = 2026_y / 11 / 23;
    d.created = k_now;
    (void)insert_dose(db, d);
    Lab l;
    l.drawn = 2026_y / 11 / 20;
    l.ferritin = 75;
    l.tsat = 19.5;
    l.fasting = true;
    l.created = k_now;
    (void)insert_lab(db, l);
    (void)add_night_tags(db, 2026_y / 11 / 22, {"caffeine", "alcohol"});
    (void)mark_no_massage(db, 2026_y / 11 / 22, k_now);
}

template <class F>
bool accepted(F&& insert) {
    try {
        insert();
        return true;
    } catch (const SQLite::Exception&) {
        return false;
    }
}

} // namespace

TEST_SUITE("store.measures") {
    TEST_CASE("each kind reads back as written") {
        auto db = open_memory_database();
        fill(*db);
        const auto m = measures_for(*db, 2026_y / 11 / 1, 2026_y / 11 / 24);
        REQUIRE(m.irls.size() == 1);
        CHECK(m.irls[0].week == 2026_y / 11 / 23); // the Monday
        CHECK(m.irls[0].total == 20);
        CHECK((*m.irls[0].items)[3] == 4);
        REQUIRE(m.symptoms.size() == 1);
        CHECK(m.symptoms[0].onset_min == 21 * 60 + 30); // 21:30 in Berlin
        CHECK(m.symptoms[0].spread->arms);
        REQUIRE(m.doses.size() == 1);
        CHECK(m.doses[0].amount == 0.125);
        REQUIRE(m.labs.size() == 1);
        CHECK(*m.labs[0].tsat == 19.5);
        CHECK(*m.labs[0].fasting);
        CHECK(m.night_tags.size() == 2);
        CHECK(m.no_massage == std::vector<Date>{2026_y / 11 / 22});
        CHECK(remove_night_tags(*db, 2026_y / 11 / 22, {"alcohol", "nonesuch"}) == 1);
        CHECK(add_night_tags(*db, 2026_y / 11 / 22, {"caffeine"}) == 0);
    }

    TEST_CASE("the schema takes each measure limit's ends and refuses past them") {
        auto db = open_memory_database();
        add_medicine(*db, {0, "", "iron", "mg"});
        for (const int total : {0, 40, -1, 41}) {
            IrlsEntry e;
            e.taken = 2026_y / 11 / 24;
            e.week = Date{date::sys_days{e.taken} + date::days{7 * total + 100}};
            e.total = total;
            e.tz = "UTC";
            CHECK_MESSAGE(accepted([&] { save_irls(*db, e, k_now); }) ==
                              k_irls_total_range.contains(total),
                          total);
        }
        for (const double amount : {k_dose_range.lo, k_dose_range.hi, 0.0009, 100000.5}) {
            Dose d{0, "", "iron", "mg", amount, k_now, "UTC", 2026_y / 11 / 24, k_now};
            CHECK_MESSAGE(accepted([&] { (void)insert_dose(*db, d); }) ==
                              k_dose_range.contains(amount),
                          amount);
        }
        for (const double v : {1.0, 20000.0, 0.5, 20001.0}) {
            Lab l;
            l.drawn = 2026_y / 11 / 20;
            l.ferritin = v;
            l.created = k_now;
            CHECK_MESSAGE(
                accepted([&] { (void)insert_lab(*db, l); }) == k_ferritin_range.contains(v), v);
        }
        for (const double v : {1.0, 100.0, 0.0, 100.5}) {
            Lab l;
            l.drawn = 2026_y / 11 / 20;
            l.tsat = v;
            l.created = k_now;
            CHECK_MESSAGE(accepted([&] { (void)insert_lab(*db, l); }) == k_tsat_range.contains(v),
                          v);
        }
    }

    TEST_CASE("an export imports whole into an empty diary, and again changes nothing") {
        auto from = open_memory_database();
        fill(*from);
        const auto doc = nlohmann::json::parse(export_json(*from, k_now).dump());
        auto to = open_memory_database();
        const auto first = import_json(*to, doc, k_now);
        CHECK(first.irls.added == 1);
        CHECK(first.symptoms.added == 1);
        CHECK(first.medicines.added == 1);
        CHECK(first.doses.added == 1);
        CHECK(first.labs.added == 1);
        CHECK(first.night_tags.added == 2);
        CHECK(first.no_massage.added == 1);
        const auto second = import_json(*to, doc, k_now);
        CHECK(second.irls.added + second.symptoms.added + second.doses.added + second.labs.added +
                  second.night_tags.added + second.no_massage.added ==
              0);
        CHECK(second.doses.unchanged == 1);
        // Lossless: the second database exports the same measures.
        auto again = nlohmann::json::parse(export_json(*to, k_now).dump());
        for (const char* key : {"medicines", "doses", "irls", "symptoms", "labs", "night_tags",
                                "no_massage_nights"}) {
            CHECK_MESSAGE(again[key] == doc[key], key);
        }
    }

    TEST_CASE("an import without the measures' sections (schema 3 files) still reads") {
        auto from = open_memory_database();
        auto doc = nlohmann::json::parse(export_json(*from, k_now).dump());
        for (const char* key : {"medicines", "doses", "irls", "symptoms", "labs", "night_tags",
                                "no_massage_nights"}) {
            doc.erase(key);
        }
        doc["schema_version"] = 3;
        auto to = open_memory_database();
        CHECK_NOTHROW((void)import_json(*to, doc, k_now));
    }

    TEST_CASE("bad measures in an import name their place") {
        auto from = open_memory_database();
        fill(*from);
        const auto doc = nlohmann::json::parse(export_json(*from, k_now).dump());
        const auto refused = [&](const char* section, const char* key, nlohmann::json value,
                                 const char* message) {
            auto bad = doc;
            bad[section][0][key] = std::move(value);
            auto to = open_memory_database();
            try {
                (void)import_json(*to, bad, k_now);
                FAIL("imported: ", section, ".", key);
            } catch (const Error& e) {
                CHECK_MESSAGE(std::string(e.what()).find(message) != std::string::npos, e.what());
            }
        };
        refused("irls", "total", 41, "irls[0].total must be a whole number from 0 to 40");
        refused("irls", "total", 19, "irls[0].total must be the sum of the item scores");
        refused("irls", "items", nlohmann::json::array({1, 2, 3}), "irls[0].items must be");
        refused("irls", "week", "2026-11-24", "irls[0].week must be the Monday");
        refused("doses", "amount", 0, "doses[0].amount must be a number from 0.001 to 100000");
        refused("doses", "amount", 1e9, "doses[0].amount must be a number");
        refused("doses", "unit", "kg", "doses[0].unit must be mg, mcg");
        refused("doses", "medicine", "nonesuch", "doses[0].medicine must be a medicine");
        refused("labs", "ferritin", 0, "labs[0].ferritin must be a number from 1 to 20000");
        refused("labs", "tsat", 1e9, "labs[0].tsat must be a number from 1 to 100");
        refused("labs", "drawn", "2027-01-01", "labs[0].drawn must not be in the future");
        refused("symptoms", "spread", nlohmann::json::array({"feet"}),
                "symptoms[0].spread must be null or a list of legs, arms, trunk");
        refused("night_tags", "tag", "Two Words", "night_tags[0].tag must be 1-40 characters");
    }
}
