// Benchmark floor for `rls log`: the physical limit - the same durable
// transaction (a session with 8 points and 3 oils) through SQLiteCpp with the
// same pragmas, and the C library's local time for "now" (tzset and
// localtime_r read one zone file). rls log's time is reported as a ratio.

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <string>
#include <string_view>

int main(int argc, char** argv) {
    if (argc < 2) {
        return 64;
    }
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    tzset();
    if (localtime_r(&now, &local) == nullptr) {
        return 70;
    }
    SQLite::Database db(argv[1], SQLite::OPEN_READWRITE);
    db.setBusyTimeout(5000);
    db.exec("PRAGMA foreign_keys = ON");
    db.exec("PRAGMA journal_mode = DELETE");
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement s(db, "INSERT INTO session (uuid, started_utc, tz, utc_offset_min, night, "
                            "routine_id, rounds, before_restless, after_restless, created_utc, "
                            "updated_utc) VALUES (lower(hex(randomblob(16))), "
                            "'2026-11-25T06:30:00Z', 'Europe/Berlin', 60, '2026-11-25', "
                            "(SELECT id FROM routine WHERE code = 'standard'), 1, 6, 3, "
                            "'2026-11-25T06:30:00Z', '2026-11-25T06:30:00Z')");
    s.exec();
    const auto id = db.getLastInsertRowid();
    SQLite::Statement p(
        db, "INSERT INTO session_point VALUES (?, (SELECT id FROM point WHERE code = ?), ?)");
    for (const char* code : {"left.heart", "left.lateral", "left.knee-leg", "left.sciatic",
                             "left.foot", "right.ball", "right.sciatic", "right.foot"}) {
        p.bind(1, id);
        p.bind(2, code);
        p.bind(3, 5);
        p.exec();
        p.reset();
    }
    SQLite::Statement o(
        db, "INSERT INTO session_oil VALUES (?, (SELECT id FROM oil WHERE code = ?), 2)");
    for (const char* code : {"valerian", "lavender", "roman-chamomile"}) {
        o.bind(1, id);
        o.bind(2, code);
        o.exec();
        o.reset();
    }
    tx.commit();
    return 0;
}
