// Storage of weekly IRLS entries, symptom onset and spread, night tags and
// nights without a massage.
#include "store/measures.hpp"

#include "core/error.hpp"
#include "core/uuid.hpp"
#include "core/zone.hpp"
#include "store/stored.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace rls {

namespace {

constexpr const char* k_irls_select =
    "SELECT id, uuid, week, taken, items, total, tz, created_utc, updated_utc FROM irls ";

IrlsEntry read_irls(SQLite::Statement& q) {
    IrlsEntry e;
    e.id = q.getColumn(0).getInt64();
    e.uuid = q.getColumn(1).getString();
    e.week = stored_date(q.getColumn(2));
    e.taken = stored_date(q.getColumn(3));
    if (!q.getColumn(4).isNull()) {
        e.items = parse_irls_items(q.getColumn(4).getString());
        if (!e.items) {
            throw stored_error("malformed IRLS item scores");
        }
    }
    e.total = stored_ranged_int(q.getColumn(5), k_irls_total_range, "an IRLS total");
    e.tz = q.getColumn(6).getString();
    e.created = stored_instant(q.getColumn(7));
    e.updated = stored_instant(q.getColumn(8));
    return e;
}

constexpr const char* k_irls_insert =
    "INSERT INTO irls (uuid, week, taken, items, total, tz, created_utc, updated_utc) "
    "VALUES (:uuid, :week, :taken, :items, :total, :tz, :created, :updated) ";

void bind_irls(SQLite::Statement& q, const IrlsEntry& e) {
    q.bind(":week", format_date(e.week));
    q.bind(":taken", format_date(e.taken));
    e.items ? q.bind(":items", irls_items_text(*e.items)) : q.bind(":items");
    q.bind(":total", e.total);
    q.bind(":tz", e.tz);
}

} // namespace

std::optional<IrlsEntry> find_irls(SQLite::Database& db, Date week) {
    SQLite::Statement q(db, std::string(k_irls_select) + "WHERE week = ?");
    q.bind(1, format_date(week));
    return q.executeStep() ? std::optional(read_irls(q)) : std::nullopt;
}

void save_irls(SQLite::Database& db, const IrlsEntry& e, Instant now) {
    SQLite::Statement q(db, std::string(k_irls_insert) +
                                "ON CONFLICT (week) DO UPDATE SET taken = excluded.taken, "
                                "items = excluded.items, total = excluded.total, "
                                "tz = excluded.tz, updated_utc = excluded.updated_utc");
    q.bind(":uuid", e.uuid.empty() ? new_uuid() : e.uuid);
    bind_irls(q, e);
    q.bind(":created", format_instant_utc(now));
    q.bind(":updated", format_instant_utc(now));
    q.exec();
}

void insert_irls_record(SQLite::Database& db, const IrlsEntry& e) {
    SQLite::Statement q(db, k_irls_insert);
    q.bind(":uuid", e.uuid);
    bind_irls(q, e);
    q.bind(":created", format_instant_utc(e.created));
    q.bind(":updated", format_instant_utc(e.updated));
    q.exec();
}

bool delete_irls(SQLite::Database& db, Date week) {
    SQLite::Statement q(db, "DELETE FROM irls WHERE week = ?");
    q.bind(1, format_date(week));
    return q.exec() == 1;
}

bool irls_uuid_exists(SQLite::Database& db, const std::string& uuid) {
    return stored_row_exists(db, "SELECT 1 FROM irls WHERE uuid = ?", uuid);
}

std::vector<IrlsEntry> all_irls(SQLite::Database& db) {
    SQLite::Statement q(db, std::string(k_irls_select) + "ORDER BY week");
    return stored_rows(q, read_irls);
}

std::optional<IrlsEntry> latest_irls(SQLite::Database& db) {
    SQLite::Statement q(db, std::string(k_irls_select) + "ORDER BY week DESC LIMIT 1");
    return q.executeStep() ? std::optional(read_irls(q)) : std::nullopt;
}

// ---------------------------------------------------------------- symptoms

namespace {

constexpr const char* k_symptoms_select =
    "SELECT id, uuid, night, onset_utc, spread, tz, created_utc, updated_utc FROM symptom ";

Symptoms read_symptoms(SQLite::Statement& q) {
    Symptoms s;
    s.id = q.getColumn(0).getInt64();
    s.uuid = q.getColumn(1).getString();
    s.night = stored_date(q.getColumn(2));
    s.tz = q.getColumn(5).getString();
    if (!q.getColumn(3).isNull()) {
        s.onset = stored_instant(q.getColumn(3));
        // A zone this system no longer knows reads as UTC rather than failing the report.
        const auto zone = Zone::find(s.tz).value_or(Zone());
        s.onset_min = onset_minutes(s.night, *s.onset, zone);
    }
    if (!q.getColumn(4).isNull()) {
        try {
            s.spread = parse_spread(q.getColumn(4).getString(), "spread");
        } catch (const Error&) {
            throw stored_error("a malformed symptom spread");
        }
    }
    s.created = stored_instant(q.getColumn(6));
    s.updated = stored_instant(q.getColumn(7));
    return s;
}

constexpr const char* k_symptoms_insert =
    "INSERT INTO symptom (uuid, night, onset_utc, spread, tz, created_utc, updated_utc) "
    "VALUES (:uuid, :night, :onset, :spread, :tz, :created, :updated) ";

void bind_symptoms(SQLite::Statement& q, const Symptoms& s) {
    q.bind(":night", format_date(s.night));
    s.onset ? q.bind(":onset", format_instant_utc(*s.onset)) : q.bind(":onset");
    s.spread ? q.bind(":spread", spread_text(*s.spread)) : q.bind(":spread");
    q.bind(":tz", s.tz);
}

} // namespace

std::optional<Symptoms> find_symptoms(SQLite::Database& db, Date night) {
    SQLite::Statement q(db, std::string(k_symptoms_select) + "WHERE night = ?");
    q.bind(1, format_date(night));
    return q.executeStep() ? std::optional(read_symptoms(q)) : std::nullopt;
}

void save_symptoms(SQLite::Database& db, const Symptoms& s, Instant now) {
    SQLite::Statement q(db, std::string(k_symptoms_insert) +
                                "ON CONFLICT (night) DO UPDATE SET onset_utc = excluded.onset_utc, "
                                "spread = excluded.spread, tz = excluded.tz, "
                                "updated_utc = excluded.updated_utc");
    q.bind(":uuid", s.uuid.empty() ? new_uuid() : s.uuid);
    bind_symptoms(q, s);
    q.bind(":created", format_instant_utc(now));
    q.bind(":updated", format_instant_utc(now));
    q.exec();
}

bool delete_symptoms(SQLite::Database& db, Date night) {
    SQLite::Statement q(db, "DELETE FROM symptom WHERE night = ?");
    q.bind(1, format_date(night));
    return q.exec() == 1;
}

void insert_symptoms_record(SQLite::Database& db, const Symptoms& s) {
    SQLite::Statement q(db, k_symptoms_insert);
    q.bind(":uuid", s.uuid);
    bind_symptoms(q, s);
    q.bind(":created", format_instant_utc(s.created));
    q.bind(":updated", format_instant_utc(s.updated));
    q.exec();
}

bool symptoms_uuid_exists(SQLite::Database& db, const std::string& uuid) {
    return stored_row_exists(db, "SELECT 1 FROM symptom WHERE uuid = ?", uuid);
}

std::vector<Symptoms> symptoms_up_to(SQLite::Database& db, Date to) {
    SQLite::Statement q(db, std::string(k_symptoms_select) + "WHERE night <= ? ORDER BY night");
    q.bind(1, format_date(to));
    return stored_rows(q, read_symptoms);
}

std::vector<Symptoms> symptoms_between(SQLite::Database& db, Date from, Date to) {
    SQLite::Statement q(db, std::string(k_symptoms_select) +
                                "WHERE night BETWEEN ? AND ? ORDER BY night");
    q.bind(1, format_date(from));
    q.bind(2, format_date(to));
    return stored_rows(q, read_symptoms);
}

// ---------------------------------------------------------------- night tags

int add_night_tags(SQLite::Database& db, Date night, const std::vector<std::string>& tags) {
    int added = 0;
    for (const auto& t : tags) {
        SQLite::Statement make(db, "INSERT OR IGNORE INTO tag (uuid, name) VALUES (?, ?)");
        make.bind(1, new_uuid());
        make.bind(2, t);
        make.exec();
        SQLite::Statement q(db, "INSERT OR IGNORE INTO night_tag (night, tag_id) "
                                "SELECT ?, id FROM tag WHERE name = ?");
        q.bind(1, format_date(night));
        q.bind(2, t);
        added += q.exec();
    }
    return added;
}

int remove_night_tags(SQLite::Database& db, Date night, const std::vector<std::string>& tags) {
    int removed = 0;
    for (const auto& t : tags) {
        SQLite::Statement q(db, "DELETE FROM night_tag WHERE night = ? AND tag_id = "
                                "(SELECT id FROM tag WHERE name = ?)");
        q.bind(1, format_date(night));
        q.bind(2, t);
        removed += q.exec();
    }
    return removed;
}

std::vector<NightTag> night_tags_between(SQLite::Database& db, Date from, Date to) {
    SQLite::Statement q(db, "SELECT n.night, t.name FROM night_tag n JOIN tag t ON t.id = "
                            "n.tag_id WHERE n.night BETWEEN ? AND ? ORDER BY n.night, t.name");
    q.bind(1, format_date(from));
    q.bind(2, format_date(to));
    return stored_rows(q, [](SQLite::Statement& s) {
        return NightTag{stored_date(s.getColumn(0)), s.getColumn(1).getString()};
    });
}

bool mark_no_massage(SQLite::Database& db, Date night, Instant now) {
    SQLite::Statement q(db, "INSERT OR IGNORE INTO no_massage_night (night, created_utc) "
                            "VALUES (?, ?)");
    q.bind(1, format_date(night));
    q.bind(2, format_instant_utc(now));
    return q.exec() > 0;
}

bool unmark_no_massage(SQLite::Database& db, Date night) {
    SQLite::Statement q(db, "DELETE FROM no_massage_night WHERE night = ?");
    q.bind(1, format_date(night));
    return q.exec() > 0;
}

bool is_no_massage(SQLite::Database& db, Date night) {
    return stored_row_exists(db, "SELECT 1 FROM no_massage_night WHERE night = ?",
                             format_date(night));
}

std::vector<Date> no_massage_between(SQLite::Database& db, Date from, Date to) {
    SQLite::Statement q(db, "SELECT night FROM no_massage_night WHERE night BETWEEN ? AND ? "
                            "ORDER BY night");
    q.bind(1, format_date(from));
    q.bind(2, format_date(to));
    return stored_rows(q, [](SQLite::Statement& s) { return stored_date(s.getColumn(0)); });
}

std::vector<NoMassageMark> all_no_massage(SQLite::Database& db) {
    SQLite::Statement q(db, "SELECT night, created_utc FROM no_massage_night ORDER BY night");
    return stored_rows(q, [](SQLite::Statement& s) {
        return NoMassageMark{stored_date(s.getColumn(0)), stored_instant(s.getColumn(1))};
    });
}

void insert_no_massage_record(SQLite::Database& db, const NoMassageMark& mark) {
    SQLite::Statement q(db, "INSERT OR IGNORE INTO no_massage_night (night, created_utc) "
                            "VALUES (?, ?)");
    q.bind(1, format_date(mark.night));
    q.bind(2, format_instant_utc(mark.created));
    q.exec();
}

} // namespace rls
