// Benchmark floor for `rls remind`: the inherent work of the question "is
// tonight logged?": find the zone in the system tz database, turn now into
// a local date, and ask SQLite once.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <date/tz.h>

int main(int argc, char** argv) {
    if (argc < 2) {
        return 64;
    }
    const char* tz = std::getenv("TZ");
    const auto* zone = date::locate_zone(tz != nullptr ? tz : "UTC");
    const auto local = zone->to_local(std::chrono::system_clock::now());
    const auto night = date::format("%Y-%m-%d", date::floor<date::days>(local));
    SQLite::Database db(argv[1], SQLite::OPEN_READONLY);
    SQLite::Statement q(db, "SELECT 1 FROM session WHERE night = ? LIMIT 1");
    q.bind(1, night);
    if (!q.executeStep()) {
        std::puts("Tonight's massage is not logged yet");
    }
    return 0;
}
