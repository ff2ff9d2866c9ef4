// Benchmark floor for `rls report --weeks 4`: the report's queries over the
// same 28-night window, every row read, and no statistics or rendering. Since
// schema 5 the report also reads what is tracked beside the massage (IRLS,
// doses, labs and symptoms up to the window's end, against the first four
// weeks; night tags and planned nights in the window), so the floor does too.
#include "floor_zone.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <date/tz.h>
#include <string_view>

int main(int argc, char** argv) {
    if (argc < 4) {
        return 64;
    }
    floor_zone_lookup(argc, argv);
    SQLite::Database db(argv[1], SQLite::OPEN_READONLY);
    db.exec("PRAGMA foreign_keys = ON");
    long long sum = 0;
    const char* queries[] = {
        "SELECT s.id, s.started_utc, s.night, r.code, s.rounds, s.before_restless, "
        "s.after_restless FROM session s JOIN routine r ON r.id = s.routine_id "
        "WHERE s.night BETWEEN ?1 AND ?2",
        "SELECT c.session_id, p.code, c.tenderness FROM session_point c JOIN point p ON p.id = "
        "c.point_id JOIN session s ON s.id = c.session_id WHERE s.night BETWEEN ?1 AND ?2",
        "SELECT c.session_id, o.code, c.drops FROM session_oil c JOIN oil o ON o.id = c.oil_id "
        "JOIN session s ON s.id = c.session_id WHERE s.night BETWEEN ?1 AND ?2",
        "SELECT c.session_id, t.name FROM session_tag c JOIN tag t ON t.id = c.tag_id "
        "JOIN session s ON s.id = c.session_id WHERE s.night BETWEEN ?1 AND ?2",
        "SELECT night, sleep, restless, into_bed_utc, out_of_bed_utc FROM rating "
        "WHERE night BETWEEN ?1 AND ?2",
        "SELECT id, week, taken, items, total, tz FROM irls WHERE ?1 <= ?2 ORDER BY week",
        "SELECT d.id, m.name, m.unit, d.amount, d.taken_utc, d.night FROM dose d "
        "JOIN medicine m ON m.id = d.medicine_id WHERE d.night <= ?2 AND ?1 <= ?2 "
        "ORDER BY d.taken_utc",
        "SELECT id, drawn, ferritin, tsat, fasting FROM lab WHERE drawn <= ?2 AND ?1 <= ?2 "
        "ORDER BY drawn, id",
        "SELECT id, night, onset_utc, spread FROM symptom WHERE night <= ?2 AND ?1 <= ?2 "
        "ORDER BY night",
        "SELECT n.night, t.name FROM night_tag n JOIN tag t ON t.id = n.tag_id "
        "WHERE n.night BETWEEN ?1 AND ?2",
        "SELECT night, night FROM no_massage_night WHERE night BETWEEN ?1 AND ?2"};
    for (const char* sql : queries) {
        SQLite::Statement q(db, sql);
        q.bind(1, argv[2]);
        q.bind(2, argv[3]);
        while (q.executeStep()) {
            sum += q.getColumn(0).getInt64() +
                   static_cast<long long>(q.getColumn(1).getString().size());
        }
    }
    std::printf("%lld\n", sum);
    return 0;
}
