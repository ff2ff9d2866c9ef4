// Rating storage.
#include "store/ratings.hpp"

#include "core/error.hpp"
#include "core/uuid.hpp"
#include "store/columns.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace rls {

namespace {

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
    r.night = columns::stored_date(q.getColumn(2));
    r.sleep = columns::optional_int(q.getColumn(3), k_rating_range, "a sleep rating");
    r.restless = columns::optional_int(q.getColumn(4), k_rating_range, "a restlessness");
    r.diary.into_bed = columns::optional_instant(q.getColumn(5));
    r.diary.try_sleep = columns::optional_instant(q.getColumn(6));
    r.diary.latency_min = columns::optional_int(q.getColumn(7), k_latency_range, "a sleep latency");
    r.diary.awakenings =
        columns::optional_int(q.getColumn(8), k_awakenings_range, "a number of awakenings");
    r.diary.waso_min = columns::optional_int(q.getColumn(9), k_waso_range, "a time awake");
    r.diary.final_wake = columns::optional_instant(q.getColumn(10));
    r.diary.out_of_bed = columns::optional_instant(q.getColumn(11));
    r.tz = q.getColumn(12).getString();
    if (!q.getColumn(13).isNull()) {
        r.note = q.getColumn(13).getString();
    }
    r.created = columns::stored_instant(q.getColumn(14));
    r.updated = columns::stored_instant(q.getColumn(15));
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

bool delete_rating(SQLite::Database& db, Date night) {
    SQLite::Statement q(db, "DELETE FROM rating WHERE night = ?");
    q.bind(1, format_date(night));
    return q.exec() > 0;
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
