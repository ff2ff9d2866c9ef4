// Benchmark floor for `rls report --weeks 4`: the report's queries over the
// same 28-night window, every row read, and no statistics or rendering.
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
        "WHERE night BETWEEN ?1 AND ?2"};
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
