// Catalog queries and inserts.
#include "store/catalog.hpp"

#include "core/error.hpp"
#include "core/uuid.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace rls {

namespace {

bool code_exists(SQLite::Database& db, const char* table, const std::string& code) {
    SQLite::Statement q(db, fmt::format("SELECT 1 FROM {} WHERE code = ?", table));
    q.bind(1, code);
    return q.executeStep();
}

template <class T>
std::vector<std::string> codes(const std::vector<T>& items) {
    std::vector<std::string> out;
    out.reserve(items.size());
    for (const auto& item : items) {
        out.push_back(item.code);
    }
    return out;
}

} // namespace

std::vector<std::string> codes_of(const std::vector<Point>& points) {
    return codes(points);
}
std::vector<std::string> codes_of(const std::vector<Oil>& oils) {
    return codes(oils);
}
std::vector<std::string> codes_of(const std::vector<Routine>& routines) {
    return codes(routines);
}

std::vector<Point> list_points(SQLite::Database& db) {
    SQLite::Statement q(db, "SELECT id, uuid, code, foot, name, location, builtin FROM point "
                            "ORDER BY builtin DESC, id");
    std::vector<Point> out;
    while (q.executeStep()) {
        out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(),
                       q.getColumn(2).getString(), q.getColumn(3).getString(),
                       q.getColumn(4).getString(), q.getColumn(5).getString(),
                       q.getColumn(6).getInt() != 0});
    }
    return out;
}

std::vector<std::string> point_codes(SQLite::Database& db) {
    SQLite::Statement q(db, "SELECT code FROM point ORDER BY builtin DESC, id");
    std::vector<std::string> out;
    while (q.executeStep()) {
        out.push_back(q.getColumn(0).getString());
    }
    return out;
}

std::vector<Oil> list_oils(SQLite::Database& db) {
    SQLite::Statement q(db, "SELECT id, uuid, code, name, carrier, builtin FROM oil "
                            "ORDER BY builtin DESC, id");
    std::vector<Oil> out;
    while (q.executeStep()) {
        out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(),
                       q.getColumn(2).getString(), q.getColumn(3).getString(),
                       q.getColumn(4).getInt() != 0, q.getColumn(5).getInt() != 0});
    }
    return out;
}

std::vector<Routine> list_routines(SQLite::Database& db, bool include_hidden) {
    SQLite::Statement q(db, "SELECT r.id, r.uuid, r.code, r.description, r.builtin, r.hidden, "
                            "p.code FROM routine r "
                            "JOIN routine_point rp ON rp.routine_id = r.id "
                            "JOIN point p ON p.id = rp.point_id "
                            "WHERE r.hidden = 0 OR ?1 "
                            "ORDER BY r.builtin DESC, r.id, rp.position");
    q.bind(1, include_hidden ? 1 : 0);
    std::vector<Routine> out;
    while (q.executeStep()) {
        const auto id = q.getColumn(0).getInt64();
        if (out.empty() || out.back().id != id) {
            Routine r;
            r.id = id;
            r.uuid = q.getColumn(1).getString();
            r.code = q.getColumn(2).getString();
            r.description = q.getColumn(3).getString();
            r.builtin = q.getColumn(4).getInt() != 0;
            r.hidden = q.getColumn(5).getInt() != 0;
            out.push_back(std::move(r));
        }
        out.back().points.push_back(q.getColumn(6).getString());
    }
    return out;
}

std::vector<std::string> list_tags(SQLite::Database& db) {
    SQLite::Statement q(db, "SELECT name FROM tag ORDER BY name");
    std::vector<std::string> out;
    while (q.executeStep()) {
        out.push_back(q.getColumn(0).getString());
    }
    return out;
}

void add_point(SQLite::Database& db, const Point& point) {
    if (code_exists(db, "point", point.code)) {
        throw usage_error(fmt::format("point {} already exists", point.code));
    }
    SQLite::Statement q(db, "INSERT INTO point (uuid, code, foot, name, location) "
                            "VALUES (?, ?, ?, ?, ?)");
    q.bind(1, point.uuid.empty() ? new_uuid() : point.uuid);
    q.bind(2, point.code);
    q.bind(3, point.foot);
    q.bind(4, point.name);
    q.bind(5, point.location);
    q.exec();
}

void add_oil(SQLite::Database& db, const Oil& oil) {
    if (code_exists(db, "oil", oil.code)) {
        throw usage_error(fmt::format("oil {} already exists", oil.code));
    }
    SQLite::Statement q(db, "INSERT INTO oil (uuid, code, name, carrier) VALUES (?, ?, ?, ?)");
    q.bind(1, oil.uuid.empty() ? new_uuid() : oil.uuid);
    q.bind(2, oil.code);
    q.bind(3, oil.name);
    q.bind(4, oil.carrier ? 1 : 0);
    q.exec();
}

namespace {

std::int64_t routine_id(SQLite::Database& db, const std::string& code) {
    SQLite::Statement q(db, "SELECT id FROM routine WHERE code = ?");
    q.bind(1, code);
    if (!q.executeStep()) {
        throw usage_error(fmt::format("routine {} does not exist (see: rls routines --all)", code));
    }
    return q.getColumn(0).getInt64();
}

void write_routine_points(SQLite::Database& db, std::int64_t id,
                          const std::vector<std::string>& points) {
    SQLite::Statement clear(db, "DELETE FROM routine_point WHERE routine_id = ?");
    clear.bind(1, id);
    clear.exec();
    SQLite::Statement p(db, "INSERT INTO routine_point (routine_id, position, point_id) "
                            "SELECT ?, ?, id FROM point WHERE code = ?");
    int position = 0;
    for (const auto& code : points) {
        p.bind(1, id);
        p.bind(2, ++position);
        p.bind(3, code);
        if (p.exec() != 1) {
            throw usage_error(fmt::format("routine point {} is not a known point", code));
        }
        p.reset();
    }
}

} // namespace

void add_routine(SQLite::Database& db, const Routine& routine) {
    if (code_exists(db, "routine", routine.code)) {
        throw usage_error(fmt::format("routine {} already exists", routine.code));
    }
    SQLite::Statement q(db, "INSERT INTO routine (uuid, code, description, hidden) "
                            "VALUES (?, ?, ?, ?)");
    q.bind(1, routine.uuid.empty() ? new_uuid() : routine.uuid);
    q.bind(2, routine.code);
    q.bind(3, routine.description);
    q.bind(4, routine.hidden ? 1 : 0);
    q.exec();
    write_routine_points(db, db.getLastInsertRowid(), routine.points);
}

void update_routine(SQLite::Database& db, const Routine& routine) {
    const auto id = routine_id(db, routine.code);
    SQLite::Statement q(db, "UPDATE routine SET description = ? WHERE id = ?");
    q.bind(1, routine.description);
    q.bind(2, id);
    q.exec();
    write_routine_points(db, id, routine.points);
}

void restore_routine(SQLite::Database& db, const std::string& code) {
    SQLite::Statement q(db, "UPDATE routine SET hidden = 0 WHERE id = ?");
    q.bind(1, routine_id(db, code));
    q.exec();
}

bool remove_routine(SQLite::Database& db, const std::string& code) {
    const auto id = routine_id(db, code);
    SQLite::Statement used(db, "SELECT 1 FROM session WHERE routine_id = ? LIMIT 1");
    used.bind(1, id);
    if (used.executeStep()) {
        SQLite::Statement hide(db, "UPDATE routine SET hidden = 1 WHERE id = ?");
        hide.bind(1, id);
        hide.exec();
        return true;
    }
    SQLite::Statement del(db, "DELETE FROM routine WHERE id = ?");
    del.bind(1, id);
    del.exec();
    return false;
}

} // namespace rls
