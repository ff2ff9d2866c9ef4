// Storage of the medicine catalog, doses taken and iron labs, and the
// bundle of tracked measures the report reads.
#include "core/uuid.hpp"
#include "store/measures.hpp"
#include "store/stored.hpp"

#include <SQLiteCpp/Statement.h>
#include <algorithm>

namespace rls {

namespace {

bool known_unit(const std::string& unit) {
    return std::find(k_dose_units.begin(), k_dose_units.end(), unit) != k_dose_units.end();
}

Medicine read_medicine(SQLite::Statement& q) {
    Medicine m{q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
               q.getColumn(3).getString()};
    if (!known_unit(m.unit)) {
        throw stored_error("an unknown dose unit");
    }
    return m;
}

constexpr const char* k_medicine_select = "SELECT id, uuid, name, unit FROM medicine ";

constexpr const char* k_dose_select =
    "SELECT d.id, d.uuid, m.name, m.unit, d.amount, d.taken_utc, d.tz, d.night, d.created_utc "
    "FROM dose d JOIN medicine m ON m.id = d.medicine_id ";

Dose read_dose(SQLite::Statement& q) {
    Dose d;
    d.id = q.getColumn(0).getInt64();
    d.uuid = q.getColumn(1).getString();
    d.medicine = q.getColumn(2).getString();
    d.unit = q.getColumn(3).getString();
    d.amount = stored_decimal(q.getColumn(4), k_dose_range, "a dose");
    d.taken = stored_instant(q.getColumn(5));
    d.tz = q.getColumn(6).getString();
    d.night = stored_date(q.getColumn(7));
    d.created = stored_instant(q.getColumn(8));
    return d;
}

constexpr const char* k_lab_select =
    "SELECT id, uuid, drawn, ferritin, tsat, fasting, created_utc FROM lab ";

Lab read_lab(SQLite::Statement& q) {
    Lab l;
    l.id = q.getColumn(0).getInt64();
    l.uuid = q.getColumn(1).getString();
    l.drawn = stored_date(q.getColumn(2));
    if (!q.getColumn(3).isNull()) {
        l.ferritin = stored_decimal(q.getColumn(3), k_ferritin_range, "a ferritin value");
    }
    if (!q.getColumn(4).isNull()) {
        l.tsat = stored_decimal(q.getColumn(4), k_tsat_range, "a transferrin saturation");
    }
    if (!q.getColumn(5).isNull()) {
        l.fasting = q.getColumn(5).getInt() != 0;
    }
    l.created = stored_instant(q.getColumn(6));
    return l;
}

} // namespace

std::vector<Medicine> list_medicines(SQLite::Database& db) {
    SQLite::Statement q(db, std::string(k_medicine_select) + "ORDER BY name");
    return stored_rows(q, read_medicine);
}

std::optional<Medicine> find_medicine(SQLite::Database& db, const std::string& name) {
    SQLite::Statement q(db, std::string(k_medicine_select) + "WHERE name = ?");
    q.bind(1, name);
    return q.executeStep() ? std::optional(read_medicine(q)) : std::nullopt;
}

bool medicine_uuid_exists(SQLite::Database& db, const std::string& uuid) {
    return stored_row_exists(db, "SELECT 1 FROM medicine WHERE uuid = ?", uuid);
}

void add_medicine(SQLite::Database& db, const Medicine& m) {
    SQLite::Statement q(db, "INSERT INTO medicine (uuid, name, unit) VALUES (?, ?, ?)");
    q.bind(1, m.uuid.empty() ? new_uuid() : m.uuid);
    q.bind(2, m.name);
    q.bind(3, m.unit);
    q.exec();
}

int count_doses(SQLite::Database& db, const std::string& medicine) {
    SQLite::Statement q(db, "SELECT count(*) FROM dose d JOIN medicine m ON m.id = "
                            "d.medicine_id WHERE m.name = ?");
    q.bind(1, medicine);
    q.executeStep();
    return q.getColumn(0).getInt();
}

void remove_medicine(SQLite::Database& db, const std::string& name) {
    SQLite::Statement q(db, "DELETE FROM medicine WHERE name = ?");
    q.bind(1, name);
    q.exec();
}

std::int64_t insert_dose(SQLite::Database& db, const Dose& d) {
    SQLite::Statement q(db, "INSERT INTO dose (uuid, medicine_id, amount, taken_utc, tz, night, "
                            "created_utc) SELECT ?, id, ?, ?, ?, ?, ? FROM medicine "
                            "WHERE name = ?");
    q.bind(1, d.uuid.empty() ? new_uuid() : d.uuid);
    q.bind(2, d.amount);
    q.bind(3, format_instant_utc(d.taken));
    q.bind(4, d.tz);
    q.bind(5, format_date(d.night));
    q.bind(6, format_instant_utc(d.created));
    q.bind(7, d.medicine);
    if (q.exec() != 1) {
        throw stored_error("a dose of a medicine missing from the catalog");
    }
    return db.getLastInsertRowid();
}

bool dose_uuid_exists(SQLite::Database& db, const std::string& uuid) {
    return stored_row_exists(db, "SELECT 1 FROM dose WHERE uuid = ?", uuid);
}

std::vector<Dose> doses_up_to(SQLite::Database& db, Date to) {
    SQLite::Statement q(db, std::string(k_dose_select) + "WHERE d.night <= ? ORDER BY d.taken_utc");
    q.bind(1, format_date(to));
    return stored_rows(q, read_dose);
}

std::vector<Dose> doses_between(SQLite::Database& db, Date from, Date to) {
    SQLite::Statement q(db, std::string(k_dose_select) +
                                "WHERE d.night BETWEEN ? AND ? ORDER BY d.taken_utc, d.id");
    q.bind(1, format_date(from));
    q.bind(2, format_date(to));
    return stored_rows(q, read_dose);
}

std::vector<Dose> all_doses(SQLite::Database& db) {
    SQLite::Statement q(db, std::string(k_dose_select) + "ORDER BY d.taken_utc, d.id");
    return stored_rows(q, read_dose);
}

std::optional<Dose> find_dose(SQLite::Database& db, std::int64_t id) {
    SQLite::Statement q(db, std::string(k_dose_select) + "WHERE d.id = ?");
    q.bind(1, id);
    return q.executeStep() ? std::optional(read_dose(q)) : std::nullopt;
}

bool delete_dose(SQLite::Database& db, std::int64_t id) {
    SQLite::Statement q(db, "DELETE FROM dose WHERE id = ?");
    q.bind(1, id);
    return q.exec() == 1;
}

std::int64_t insert_lab(SQLite::Database& db, const Lab& l) {
    SQLite::Statement q(db, "INSERT INTO lab (uuid, drawn, ferritin, tsat, fasting, created_utc) "
                            "VALUES (?, ?, ?, ?, ?, ?)");
    q.bind(1, l.uuid.empty() ? new_uuid() : l.uuid);
    q.bind(2, format_date(l.drawn));
    l.ferritin ? q.bind(3, *l.ferritin) : q.bind(3);
    l.tsat ? q.bind(4, *l.tsat) : q.bind(4);
    l.fasting ? q.bind(5, *l.fasting ? 1 : 0) : q.bind(5);
    q.bind(6, format_instant_utc(l.created));
    q.exec();
    return db.getLastInsertRowid();
}

bool lab_uuid_exists(SQLite::Database& db, const std::string& uuid) {
    return stored_row_exists(db, "SELECT 1 FROM lab WHERE uuid = ?", uuid);
}

std::vector<Lab> labs_up_to(SQLite::Database& db, Date to) {
    SQLite::Statement q(db, std::string(k_lab_select) + "WHERE drawn <= ? ORDER BY drawn, id");
    q.bind(1, format_date(to));
    return stored_rows(q, read_lab);
}

std::optional<Lab> find_lab(SQLite::Database& db, std::int64_t id) {
    SQLite::Statement q(db, std::string(k_lab_select) + "WHERE id = ?");
    q.bind(1, id);
    return q.executeStep() ? std::optional(read_lab(q)) : std::nullopt;
}

bool delete_lab(SQLite::Database& db, std::int64_t id) {
    SQLite::Statement q(db, "DELETE FROM lab WHERE id = ?");
    q.bind(1, id);
    return q.exec() == 1;
}

Measures measures_for(SQLite::Database& db, Date from, Date to) {
    Measures m;
    for (auto& e : all_irls(db)) {
        if (e.week <= to) {
            m.irls.push_back(std::move(e));
        }
    }
    m.symptoms = symptoms_up_to(db, to);
    m.doses = doses_up_to(db, to);
    m.labs = labs_up_to(db, to);
    m.night_tags = night_tags_between(db, from, to);
    m.no_massage = no_massage_between(db, from, to);
    return m;
}

} // namespace rls
