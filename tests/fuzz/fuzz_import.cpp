// libFuzzer target: rls import's reader. Any input either imports or is
// refused with rls::Error; a refused import leaves the database unchanged,
// and anything imported passes SQLite's integrity and foreign-key checks.
#include "core/error.hpp"
#include "store/database.hpp"
#include "store/sessions.hpp"
#include "store/transfer.hpp"

#include <SQLiteCpp/Transaction.h>
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(data, data + size);
    } catch (const nlohmann::json::exception&) {
        return 0; // rls import reports these as "not valid JSON"
    }
    auto db = rls::open_memory_database();
    try {
        SQLite::Transaction tx(*db, SQLite::TransactionBehavior::IMMEDIATE);
        (void)rls::import_json(*db, doc, *rls::parse_instant_utc("2026-11-25T07:30:00Z"));
        tx.commit();
    } catch (const rls::Error& e) {
        if (e.code() != rls::Exit::data && e.code() != rls::Exit::usage) {
            std::abort();
        }
        if (rls::count_sessions(*db) != 0) {
            std::abort(); // rolled back whole
        }
    }
    if (db->execAndGet("PRAGMA integrity_check").getString() != "ok" ||
        db->execAndGet("SELECT count(*) FROM pragma_foreign_key_check").getInt() != 0) {
        std::abort();
    }
    return 0;
}
