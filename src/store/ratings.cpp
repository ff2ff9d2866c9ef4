// Rating storage.
#include "store/ratings.hpp"

#include "core/error.hpp"
#include "core/uuid.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace rls {

namespace {

// A stored number outside its range was written past rls (the CHECK
// constraints can be switched off): refuse it rather than let a renderer
// draw a billion-wide bar.
int stored_int(const SQLite::Column& c, int lo, int hi, const char* field) {
    const auto v = c.getInt64();
    if (v < lo || v > hi) {
        throw Error(Exit::data, fmt::format("the database holds {} {}, outside {}..{}; it was "
                                            "changed outside rls (run: rls check)",
                                            field, v, lo, hi));
    }
    return static_cast<int>(v);
}

std::optional<int> optional_int(const SQLite::Column& c, int lo, int hi, const char* field) {
    return c.isNull() ? std::nullopt : std::optional<int>(stored_int(c, lo, hi, field));
}

std::optional<Instant> optional_instant(const SQLite::Column& c) {
    if (c.isNull()) {
        return std::nullopt;
    }
    const auto t = parse_instant_utc(c.getString());
    if (!t) {
        throw Error(Exit::data, "the database holds a malformed time (run: rls check)");
    }
    return t;
}

void bind(SQLite::Statement& q, const char* name, const std::optional<int>& v) {
    v ? q.bind(name, *v) : q.bind(name);
}

void bind(SQLite::Statement& q, const char* name, const std::optional<Instant>& v) {
    v ? q.bind(name, format_instant_utc(*v)) : q.bind(name);
}

constexpr const char* k_select =
    "SELECT id, uuid, night, sleep, restless, into_bed_utc, try_sleep_utc, latency_min, "
    "awakenings, waso_min, final_wake_utc, out_of_bed_utc, tz, note, created_utc, updated_utc "
    "FROM rating ";

Rating read_rating(SQLite::Statement& q) {
    Rating r;
    r.id = q.getColumn(0).getInt64();
    r.uuid = q.getColumn(1).getString();
    const auto night = parse_iso_date(q.getColumn(2).getString());
    if (!night) {
        throw Error(Exit::data, "the database holds a malformed night (run: rls check)");
    }
    r.night = *night;
    r.sleep = optional_int(q.getColumn(3), 0, 10, "a sleep rating");
    r.restless = optional_int(q.getColumn(4), 0, 10, "a restlessness");
    r.diary.into_bed = optional_instant(q.getColumn(5));
    r.diary.try_sleep = optional_instant(q.getColumn(6));
    r.diary.latency_min = optional_int(q.getColumn(7), 0, 1440, "a sleep latency");
    r.diary.awakenings = optional_int(q.getColumn(8), 0, 100, "a number of awakenings");
    r.diary.waso_min = optional_int(q.getColumn(9), 0, 1440, "a time awake");
    r.diary.final_wake = optional_instant(q.getColumn(10));
    r.diary.out_of_bed = optional_instant(q.getColumn(11));
    r.tz = q.getColumn(12).getString();
    if (!q.getColumn(13).isNull()) {
        r.note = q.getColumn(13).getString();
    }
    r.created = *optional_instant(q.getColumn(14));
    r.updated = *optional_instant(q.getColumn(15));
    return r;
}

} // namespace

std::optional<Rating> find_rating(SQLite::Database& db, Date night) {
    SQLite::Statement q(db, std::string(k_select) + "WHERE night = ?");
    q.bind(1, format_date(night));
    if (!q.executeStep()) {
        return std::nullopt;
    }
    return read_rating(q);
}

namespace {

constexpr const char* k_insert =
    "INSERT INTO rating (uuid, night, sleep, restless, into_bed_utc, try_sleep_utc, "
    "latency_min, awakenings, waso_min, final_wake_utc, out_of_bed_utc, tz, note, "
    "created_utc, updated_utc) VALUES (:uuid, :night, :sleep, :restless, :into_bed, "
    ":try_sleep, :latency, :awakenings, :waso, :final_wake, :out_of_bed, :tz, :note, "
    ":created, :updated) ";

void bind_input(SQLite::Statement& q, const RatingInput& in) {
    q.bind(":night", format_date(in.night));
    bind(q, ":sleep", in.sleep);
    bind(q, ":restless", in.restless);
    bind(q, ":into_bed", in.diary.into_bed);
    bind(q, ":try_sleep", in.diary.try_sleep);
    bind(q, ":latency", in.diary.latency_min);
    bind(q, ":awakenings", in.diary.awakenings);
    bind(q, ":waso", in.diary.waso_min);
    bind(q, ":final_wake", in.diary.final_wake);
    bind(q, ":out_of_bed", in.diary.out_of_bed);
    q.bind(":tz", in.tz);
    in.note ? q.bind(":note", *in.note) : q.bind(":note");
}

} // namespace

void insert_rating_record(SQLite::Database& db, const Rating& rating) {
    SQLite::Statement q(db, k_insert);
    q.bind(":uuid", rating.uuid);
    bind_input(q, rating);
    q.bind(":created", format_instant_utc(rating.created));
    q.bind(":updated", format_instant_utc(rating.updated));
    q.exec();
}

bool rating_uuid_exists(SQLite::Database& db, const std::string& uuid) {
    SQLite::Statement q(db, "SELECT 1 FROM rating WHERE uuid = ?");
    q.bind(1, uuid);
    return q.executeStep();
}

std::vector<Rating> all_ratings(SQLite::Database& db) {
    SQLite::Statement q(db, std::string(k_select) + "ORDER BY night");
    std::vector<Rating> out;
    while (q.executeStep()) {
        out.push_back(read_rating(q));
    }
    return out;
}

void save_rating(SQLite::Database& db, const RatingInput& in, Instant now,
                 const std::string& uuid) {
    SQLite::Statement q(
        db,
        std::string(k_insert) +
            "ON CONFLICT (night) DO UPDATE SET sleep = excluded.sleep, "
            "restless = excluded.restless, into_bed_utc = excluded.into_bed_utc, "
            "try_sleep_utc = excluded.try_sleep_utc, latency_min = excluded.latency_min, "
            "awakenings = excluded.awakenings, waso_min = excluded.waso_min, "
            "final_wake_utc = excluded.final_wake_utc, out_of_bed_utc = excluded.out_of_bed_utc, "
            "tz = excluded.tz, note = excluded.note, updated_utc = excluded.updated_utc");
    q.bind(":uuid", uuid.empty() ? new_uuid() : uuid);
    bind_input(q, in);
    q.bind(":created", format_instant_utc(now));
    q.bind(":updated", format_instant_utc(now));
    q.exec();
}

std::vector<Rating> ratings_between(SQLite::Database& db, Date from, Date to) {
    SQLite::Statement q(db,
                        std::string(k_select) + "WHERE night BETWEEN ? AND ? ORDER BY night DESC");
    q.bind(1, format_date(from));
    q.bind(2, format_date(to));
    std::vector<Rating> out;
    while (q.executeStep()) {
        out.push_back(read_rating(q));
    }
    return out;
}

std::int64_t count_ratings(SQLite::Database& db) {
    return db.execAndGet("SELECT count(*) FROM rating").getInt64();
}

bool has_rating_on(SQLite::Database& db, Date night) {
    SQLite::Statement q(db, "SELECT 1 FROM rating WHERE night = ?");
    q.bind(1, format_date(night));
    return q.executeStep();
}

std::optional<Date> first_entry_night(SQLite::Database& db) {
    // Each min() is one step down its night index.
    SQLite::Statement q(db, "SELECT min(night) FROM (SELECT min(night) AS night FROM session "
                            "UNION ALL SELECT min(night) FROM rating)");
    if (!q.executeStep() || q.getColumn(0).isNull()) {
        return std::nullopt;
    }
    return parse_iso_date(q.getColumn(0).getString());
}

} // namespace rls
