// Session storage. A session's children (points, oils, tags) are loaded in
// one query each for a whole range, never one query per session.
#include "store/sessions.hpp"

#include "core/error.hpp"
#include "core/uuid.hpp"
#include "store/columns.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <functional>
#include <unordered_map>

namespace rls {

namespace {

template <class T>
void bind_optional(SQLite::Statement& q, int index, const std::optional<T>& value) {
    if (value) {
        q.bind(index, *value);
    } else {
        q.bind(index);
    }
}

// A catalog id by code, one prepared statement for every lookup (preparing
// one per point and oil was a tenth of rls log's instructions).
class IdLookup {
public:
    IdLookup(SQLite::Database& db, const char* sql, std::string_view kind)
        : m_query(db, sql), m_kind(kind) {}

    std::int64_t operator()(const std::string& code) {
        m_query.reset();
        m_query.bind(1, code);
        if (!m_query.executeStep()) {
            throw usage_error(fmt::format("{} {} is not in the catalog", m_kind, code));
        }
        return m_query.getColumn(0).getInt64();
    }

private:
    SQLite::Statement m_query;
    std::string_view m_kind;
};

std::int64_t id_of(SQLite::Database& db, const char* sql, const std::string& code,
                   std::string_view kind) {
    return IdLookup(db, sql, kind)(code);
}

std::int64_t tag_id(SQLite::Database& db, const std::string& name) {
    SQLite::Statement find(db, "SELECT id FROM tag WHERE name = ?");
    find.bind(1, name);
    if (find.executeStep()) {
        return find.getColumn(0).getInt64();
    }
    SQLite::Statement add(db, "INSERT INTO tag (uuid, name) VALUES (?, ?)");
    add.bind(1, new_uuid());
    add.bind(2, name);
    add.exec();
    return db.getLastInsertRowid();
}

void write_children(SQLite::Database& db, std::int64_t id, const SessionInput& input) {
    IdLookup point_id(db, "SELECT id FROM point WHERE code = ?", "point");
    SQLite::Statement points(db, "INSERT INTO session_point (session_id, point_id, tenderness) "
                                 "VALUES (?, ?, ?)");
    for (const auto& p : input.points) {
        points.bind(1, id);
        points.bind(2, point_id(p.point));
        points.bind(3, p.tenderness);
        points.exec();
        points.reset();
    }
    IdLookup oil_id(db, "SELECT id FROM oil WHERE code = ?", "oil");
    SQLite::Statement oils(db,
                           "INSERT INTO session_oil (session_id, oil_id, drops) VALUES (?, ?, ?)");
    for (const auto& o : input.oils) {
        oils.bind(1, id);
        oils.bind(2, oil_id(o.oil));
        bind_optional(oils, 3, o.drops);
        oils.exec();
        oils.reset();
    }
    SQLite::Statement tags(db, "INSERT INTO session_tag (session_id, tag_id) VALUES (?, ?)");
    for (const auto& t : input.tags) {
        tags.bind(1, id);
        tags.bind(2, tag_id(db, t));
        tags.exec();
        tags.reset();
    }
}

void bind_fields(SQLite::Database& db, SQLite::Statement& q, const SessionInput& in) {
    q.bind(":started", format_instant_utc(in.started));
    q.bind(":tz", in.tz);
    q.bind(":offset", in.utc_offset_min);
    q.bind(":night", format_date(in.night));
    q.bind(":routine", id_of(db, "SELECT id FROM routine WHERE code = ?", in.routine, "routine"));
    q.bind(":rounds", in.rounds);
    bind_optional(q, q.getIndex(":duration"), in.duration_min);
    bind_optional(q, q.getIndex(":before"), in.before);
    bind_optional(q, q.getIndex(":after"), in.after);
    bind_optional(q, q.getIndex(":note"), in.note);
    q.bind(":partial", in.partial ? 1 : 0);
}

constexpr const char* k_select_sessions =
    "SELECT s.id, s.uuid, s.started_utc, s.tz, s.utc_offset_min, s.night, r.code, s.rounds, "
    "s.duration_min, s.before_restless, s.after_restless, s.note, s.created_utc, s.updated_utc, "
    "s.partial FROM session s JOIN routine r ON r.id = s.routine_id ";

// A session's children, for the sessions selected by the same WHERE clause.
constexpr const char* k_select_points =
    "SELECT c.session_id, p.code, c.tenderness FROM session_point c "
    "JOIN point p ON p.id = c.point_id JOIN session s ON s.id = c.session_id ";
constexpr const char* k_select_oils =
    "SELECT c.session_id, o.code, c.drops FROM session_oil c "
    "JOIN oil o ON o.id = c.oil_id JOIN session s ON s.id = c.session_id ";
constexpr const char* k_select_tags =
    "SELECT c.session_id, t.name FROM session_tag c "
    "JOIN tag t ON t.id = c.tag_id JOIN session s ON s.id = c.session_id ";

Session read_session(SQLite::Statement& q) {
    Session s;
    s.id = q.getColumn(0).getInt64();
    s.uuid = q.getColumn(1).getString();
    s.started = columns::stored_instant(q.getColumn(2));
    s.tz = q.getColumn(3).getString();
    s.utc_offset_min = columns::stored_int(q.getColumn(4), k_utc_offset_range, "a UTC offset");
    s.night = columns::stored_date(q.getColumn(5));
    s.routine = q.getColumn(6).getString();
    s.rounds = columns::stored_int(q.getColumn(7), k_rounds_range, "rounds");
    s.duration_min = columns::optional_int(q.getColumn(8), k_duration_range, "a duration");
    s.before = columns::optional_int(q.getColumn(9), k_rating_range, "a restlessness");
    s.after = columns::optional_int(q.getColumn(10), k_rating_range, "a restlessness");
    if (!q.getColumn(11).isNull()) {
        s.note = q.getColumn(11).getString();
    }
    s.created = columns::stored_instant(q.getColumn(12));
    s.updated = columns::stored_instant(q.getColumn(13));
    s.partial = q.getColumn(14).getInt() != 0;
    return s;
}

// Binds the parameters of a WHERE clause; the same binder serves the session
// query and its children's queries, which share that clause.
using Binder = std::function<void(SQLite::Statement&)>;

// Loads points, oils and tags for the sessions selected by `where`.
void load_children(SQLite::Database& db, std::vector<Session>& sessions, const std::string& where,
                   const Binder& bind) {
    std::unordered_map<std::int64_t, Session*> by_id;
    for (auto& s : sessions) {
        by_id[s.id] = &s;
    }
    const auto run = [&](const char* sql, auto&& add) {
        SQLite::Statement q(db, std::string(sql) + where);
        bind(q);
        while (q.executeStep()) {
            if (const auto it = by_id.find(q.getColumn(0).getInt64()); it != by_id.end()) {
                add(*it->second, q);
            }
        }
    };
    run(k_select_points, [](Session& s, SQLite::Statement& q) {
        s.points.push_back(
            {q.getColumn(1).getString(),
             columns::stored_int(q.getColumn(2), k_tenderness_range, "a tenderness")});
    });
    run(k_select_oils, [](Session& s, SQLite::Statement& q) {
        s.oils.push_back(
            {q.getColumn(1).getString(),
             columns::optional_int(q.getColumn(2), k_drops_range, "a number of drops")});
    });
    run(k_select_tags,
        [](Session& s, SQLite::Statement& q) { s.tags.push_back(q.getColumn(1).getString()); });
}

std::vector<Session> select_sessions(SQLite::Database& db, const std::string& where,
                                     const Binder& bind, const std::string& order) {
    SQLite::Statement q(db, std::string(k_select_sessions) + where + order);
    bind(q);
    std::vector<Session> out;
    while (q.executeStep()) {
        out.push_back(read_session(q));
    }
    load_children(db, out, where, bind);
    return out;
}

} // namespace

namespace {

std::int64_t insert_with(SQLite::Database& db, const SessionInput& input, const std::string& uuid,
                         Instant created, Instant updated) {
    SQLite::Statement q(
        db, "INSERT INTO session (uuid, started_utc, tz, utc_offset_min, night, "
            "routine_id, rounds, duration_min, before_restless, after_restless, note, partial, "
            "created_utc, updated_utc) VALUES (:uuid, :started, :tz, :offset, :night, "
            ":routine, :rounds, :duration, :before, :after, :note, :partial, :created, "
            ":updated)");
    q.bind(":uuid", uuid);
    bind_fields(db, q, input);
    q.bind(":created", format_instant_utc(created));
    q.bind(":updated", format_instant_utc(updated));
    q.exec();
    const auto id = db.getLastInsertRowid();
    write_children(db, id, input);
    return id;
}

} // namespace

std::int64_t insert_session(SQLite::Database& db, const SessionInput& input, Instant now,
                            const std::string& uuid) {
    return insert_with(db, input, uuid.empty() ? new_uuid() : uuid, now, now);
}

std::int64_t insert_session_record(SQLite::Database& db, const Session& session) {
    return insert_with(db, session, session.uuid, session.created, session.updated);
}

bool session_uuid_exists(SQLite::Database& db, const std::string& uuid) {
    SQLite::Statement q(db, "SELECT 1 FROM session WHERE uuid = ?");
    q.bind(1, uuid);
    return q.executeStep();
}

std::vector<Session> all_sessions(SQLite::Database& db) {
    return select_sessions(
        db, "", [](SQLite::Statement&) {}, " ORDER BY s.started_utc, s.uuid");
}

void update_session(SQLite::Database& db, std::int64_t id, const SessionInput& input, Instant now) {
    SQLite::Statement q(
        db, "UPDATE session SET started_utc = :started, tz = :tz, "
            "utc_offset_min = :offset, night = :night, routine_id = :routine, "
            "rounds = :rounds, duration_min = :duration, before_restless = :before, "
            "after_restless = :after, note = :note, partial = :partial, updated_utc = :now "
            "WHERE id = :id");
    bind_fields(db, q, input);
    q.bind(":now", format_instant_utc(now));
    q.bind(":id", id);
    if (q.exec() != 1) {
        throw Error(Exit::no_input, fmt::format("session {} does not exist", id));
    }
    for (const char* table : {"session_point", "session_oil", "session_tag"}) {
        SQLite::Statement del(db, fmt::format("DELETE FROM {} WHERE session_id = ?", table));
        del.bind(1, id);
        del.exec();
    }
    write_children(db, id, input);
}

bool delete_session(SQLite::Database& db, std::int64_t id) {
    SQLite::Statement q(db, "DELETE FROM session WHERE id = ?");
    q.bind(1, id);
    return q.exec() == 1;
}

std::optional<Session> find_session(SQLite::Database& db, std::int64_t id) {
    auto found = select_sessions(
        db, "WHERE s.id = ?1", [id](SQLite::Statement& q) { q.bind(1, id); }, "");
    if (found.empty()) {
        return std::nullopt;
    }
    return std::move(found.front());
}

std::vector<Session> sessions_between(SQLite::Database& db, Date from, Date to) {
    const auto first = format_date(from);
    const auto last = format_date(to);
    return select_sessions(
        db, "WHERE s.night BETWEEN ?1 AND ?2",
        [&](SQLite::Statement& q) {
            q.bind(1, first);
            q.bind(2, last);
        },
        " ORDER BY s.started_utc DESC, s.id DESC");
}

std::optional<Session> latest_session(SQLite::Database& db) {
    SQLite::Statement q(db, "SELECT id FROM session ORDER BY started_utc DESC, id DESC LIMIT 1");
    if (!q.executeStep()) {
        return std::nullopt;
    }
    return find_session(db, q.getColumn(0).getInt64());
}

std::int64_t count_sessions(SQLite::Database& db) {
    return db.execAndGet("SELECT count(*) FROM session").getInt64();
}

bool has_session_on(SQLite::Database& db, Date night) {
    SQLite::Statement q(db, "SELECT 1 FROM session WHERE night = ? LIMIT 1");
    q.bind(1, format_date(night));
    return q.executeStep();
}

std::vector<SessionLabel> recent_session_labels(SQLite::Database& db, int limit) {
    SQLite::Statement q(db, "SELECT s.id, s.night, r.code, s.rounds FROM session s "
                            "JOIN routine r ON r.id = s.routine_id "
                            "ORDER BY s.started_utc DESC, s.id DESC LIMIT ?");
    q.bind(1, limit);
    std::vector<SessionLabel> out;
    while (q.executeStep()) {
        out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(),
                       q.getColumn(2).getString(), q.getColumn(3).getInt()});
    }
    return out;
}

} // namespace rls
