// Import: an rls export applied in the caller's transaction, catalog first,
// then sessions, ratings and settings. Every field goes through the readers
// of import_fields.hpp, which name its place and never repeat its value.
#include "core/error.hpp"
#include "core/limits.hpp"
#include "core/model.hpp"
#include "core/parse.hpp"
#include "core/zone.hpp"
#include "store/catalog.hpp"
#include "store/database.hpp"
#include "store/import_fields.hpp"
#include "store/ratings.hpp"
#include "store/sessions.hpp"
#include "store/settings.hpp"
#include "store/transfer.hpp"
#include "store/trial_transfer.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <limits>
#include <set>

namespace rls::imports {

namespace {

bool exists(SQLite::Database& db, const char* sql, const std::string& value) {
    SQLite::Statement q(db, sql);
    q.bind(1, value);
    return q.executeStep();
}

void import_points(SQLite::Database& db, const json& doc, ImportCounts& n) {
    const auto& items = array(doc, "points");
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto where = fmt::format("points[{}]", i);
        Point p;
        p.uuid = uuid(items[i], where);
        p.code = name(items[i], where, "id", true);
        p.foot = text(items[i], where, "foot", 10);
        if (p.foot != "left" && p.foot != "right") {
            bad(path(where, "foot"), "must be left or right");
        }
        p.name = label(items[i], where, "name", k_max_display_name_bytes);
        p.location = label(items[i], where, "where", k_max_description_bytes);
        if (exists(db, "SELECT 1 FROM point WHERE uuid = ?", p.uuid)) {
            ++n.unchanged;
        } else if (exists(db, "SELECT 1 FROM point WHERE code = ?", p.code)) {
            ++n.kept;
        } else {
            add_point(db, p);
            ++n.added;
        }
    }
}

void import_oils(SQLite::Database& db, const json& doc, ImportCounts& n) {
    const auto& items = array(doc, "oils");
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto where = fmt::format("oils[{}]", i);
        Oil o;
        o.uuid = uuid(items[i], where);
        o.code = name(items[i], where, "id", false);
        o.name = label(items[i], where, "name", k_max_display_name_bytes);
        const auto& carrier = member(items[i], where, "carrier");
        if (!carrier.is_boolean()) {
            bad(path(where, "carrier"), "must be true or false");
        }
        o.carrier = carrier.get<bool>();
        if (exists(db, "SELECT 1 FROM oil WHERE uuid = ?", o.uuid)) {
            ++n.unchanged;
        } else if (exists(db, "SELECT 1 FROM oil WHERE code = ?", o.code)) {
            ++n.kept;
        } else {
            add_oil(db, o);
            ++n.added;
        }
    }
}

void import_tags(SQLite::Database& db, const json& doc, ImportCounts& n) {
    const auto& items = array(doc, "tags");
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto where = fmt::format("tags[{}]", i);
        const auto id = uuid(items[i], where);
        const auto tag = name(items[i], where, "name", false);
        if (exists(db, "SELECT 1 FROM tag WHERE uuid = ?", id)) {
            ++n.unchanged;
        } else if (exists(db, "SELECT 1 FROM tag WHERE name = ?", tag)) {
            ++n.kept;
        } else {
            SQLite::Statement q(db, "INSERT INTO tag (uuid, name) VALUES (?, ?)");
            q.bind(1, id);
            q.bind(2, tag);
            q.exec();
            ++n.added;
        }
    }
}

void import_routines(SQLite::Database& db, const json& doc, ImportCounts& n) {
    const auto& items = array(doc, "routines");
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto where = fmt::format("routines[{}]", i);
        Routine r;
        r.uuid = uuid(items[i], where);
        r.code = name(items[i], where, "name", false);
        r.description = label(items[i], where, "description", k_max_description_bytes);
        r.hidden = flag(items[i], where, "hidden");
        const auto& points = member(items[i], where, "points");
        if (!points.is_array() ||
            !k_routine_points_range.contains(static_cast<long long>(points.size()))) {
            bad(path(where, "points"),
                fmt::format("must be an array of {} to {} point ids", k_routine_points_range.lo,
                            k_routine_points_range.hi));
        }
        for (std::size_t k = 0; k < points.size(); ++k) {
            const auto at = fmt::format("{}.points[{}]", where, k);
            if (!points[k].is_string() ||
                !exists(db, "SELECT 1 FROM point WHERE code = ?", points[k].get<std::string>())) {
                bad(at, "must be the id of a point in the catalog");
            }
            r.points.push_back(points[k].get<std::string>());
        }
        if (exists(db, "SELECT 1 FROM routine WHERE uuid = ?", r.uuid)) {
            ++n.unchanged;
        } else if (exists(db, "SELECT 1 FROM routine WHERE code = ?", r.code)) {
            ++n.kept;
        } else {
            add_routine(db, r);
            ++n.added;
        }
    }
}

Session read_session(SQLite::Database& db, const json& item, const std::string& where,
                     Instant now) {
    Session s;
    s.uuid = uuid(item, where);
    s.started = instant_in_range(item, where, "started_utc", now);
    const auto tz = zone(item, where, "tz", s.tz);
    s.utc_offset_min = whole(item, where, "utc_offset_min", k_utc_offset_range);
    if (s.utc_offset_min != utc_offset_minutes(s.started, tz)) {
        bad(path(where, "utc_offset_min"), "must be the offset of tz at started_utc");
    }
    s.night = night(item, where, "night");
    // The night follows from the start and a cut-off; any allowed cut-off
    // (00:00 to 12:00) may have been in force when the session was logged.
    if (s.night != night_of(s.started, tz, std::chrono::minutes{0}) &&
        s.night != night_of(s.started, tz, k_latest_cutoff)) {
        bad(path(where, "night"),
            fmt::format("must be the night of started_utc in tz: its local date, or the day "
                        "before for a session before {}",
                        format_time_of_day(k_latest_cutoff)));
    }
    s.routine = name(item, where, "routine", false);
    if (!exists(db, "SELECT 1 FROM routine WHERE code = ?", s.routine)) {
        bad(path(where, "routine"), "must be the name of a routine in the catalog");
    }
    s.rounds = whole(item, where, "rounds", k_rounds_range);
    s.duration_min = optional_int(item, where, "duration_min", k_duration_range);
    s.before = optional_int(item, where, "before", k_rating_range);
    s.after = optional_int(item, where, "after", k_rating_range);
    s.note = optional_text(item, where, "note", k_max_note_bytes);
    s.created = instant(item, where, "created_utc");
    s.updated = instant(item, where, "updated_utc");
    s.partial = flag(item, where, "partial");
    const auto& points = member(item, where, "points");
    if (!points.is_array()) {
        bad(path(where, "points"), "must be an array");
    }
    std::set<std::string> seen;
    for (std::size_t k = 0; k < points.size(); ++k) {
        const auto at = fmt::format("{}.points[{}]", where, k);
        const auto code = name(points[k], at, "point", true);
        if (!exists(db, "SELECT 1 FROM point WHERE code = ?", code) || !seen.insert(code).second) {
            bad(path(at, "point"), "must be a point in the catalog, once per session");
        }
        s.points.push_back({code, whole(points[k], at, "tenderness", k_tenderness_range)});
    }
    const auto& oils = member(item, where, "oils");
    if (!oils.is_array()) {
        bad(path(where, "oils"), "must be an array");
    }
    seen.clear();
    for (std::size_t k = 0; k < oils.size(); ++k) {
        const auto at = fmt::format("{}.oils[{}]", where, k);
        const auto code = name(oils[k], at, "oil", false);
        if (!exists(db, "SELECT 1 FROM oil WHERE code = ?", code) || !seen.insert(code).second) {
            bad(path(at, "oil"), "must be an oil in the catalog, once per session");
        }
        s.oils.push_back({code, optional_int(oils[k], at, "drops", k_drops_range)});
    }
    const auto& tags = member(item, where, "tags");
    if (!tags.is_array()) {
        bad(path(where, "tags"), "must be an array");
    }
    seen.clear();
    for (std::size_t k = 0; k < tags.size(); ++k) {
        const auto at = fmt::format("{}.tags[{}]", where, k);
        if (!tags[k].is_string()) {
            bad(at, "must be a tag name");
        }
        std::string tag;
        try {
            tag = parse_name(tags[k].get_ref<const std::string&>(), at);
        } catch (const Error& e) {
            throw Error(Exit::data, fmt::format("import: {}", e.what()));
        }
        if (seen.insert(tag).second) {
            s.tags.push_back(tag);
        }
    }
    return s;
}

Rating read_rating(const json& item, const std::string& where, Instant now) {
    Rating r;
    r.uuid = uuid(item, where);
    r.night = night(item, where, "night");
    // A night can be rated once it has begun; UTC's date is at most a day off
    // any zone's, so this never refuses a night the user could rate.
    if (r.night > local_date(now, Zone())) {
        bad(path(where, "night"), "must not be after today");
    }
    r.sleep = optional_int(item, where, "sleep", k_rating_range);
    r.restless = optional_int(item, where, "restless", k_rating_range);
    r.diary.into_bed = optional_instant(item, where, "into_bed_utc");
    r.diary.try_sleep = optional_instant(item, where, "try_sleep_utc");
    r.diary.latency_min = optional_int(item, where, "latency_min", k_latency_range);
    r.diary.awakenings = optional_int(item, where, "awakenings", k_awakenings_range);
    r.diary.waso_min = optional_int(item, where, "waso_min", k_waso_range);
    r.diary.final_wake = optional_instant(item, where, "final_wake_utc");
    r.diary.out_of_bed = optional_instant(item, where, "out_of_bed_utc");
    (void)zone(item, where, "tz", r.tz);
    const auto at = [&](const char* key) { return path(where, key); };
    const auto into_bed = at("into_bed_utc");
    const auto try_sleep = at("try_sleep_utc");
    const auto latency = at("latency_min");
    const auto waso = at("waso_min");
    const auto final_wake = at("final_wake_utc");
    const auto out_of_bed = at("out_of_bed_utc");
    if (const auto problem = diary_order_problem(
            r.diary, {into_bed, try_sleep, latency, waso, final_wake, out_of_bed},
            [](Instant t) { return format_instant_utc(t); })) {
        throw Error(Exit::data, fmt::format("import: {}", *problem));
    }
    r.note = optional_text(item, where, "note", k_max_note_bytes);
    r.created = instant(item, where, "created_utc");
    r.updated = instant(item, where, "updated_utc");
    return r;
}

} // namespace

} // namespace rls::imports

namespace rls {

ImportSummary import_json(SQLite::Database& db, const nlohmann::json& doc, Instant now) {
    using namespace imports;
    const auto& format = member(doc, "document", "format");
    if (!format.is_string() || format.get<std::string>() != k_export_format) {
        bad("format", fmt::format("must be \"{}\" (a file made by rls export)", k_export_format));
    }
    const auto& version = member(doc, "document", "schema_version");
    if (!whole_in(version, {1, std::numeric_limits<int>::max()})) {
        bad("schema_version", "must be a whole number from 1");
    }
    if (version.get<long long>() > latest_schema_version()) {
        bad("schema_version", fmt::format("{} is newer than this rls understands (up to {}); "
                                          "upgrade rls",
                                          version.get<long long>(), latest_schema_version()));
    }
    ImportSummary summary;
    import_points(db, doc, summary.points);
    import_oils(db, doc, summary.oils);
    import_tags(db, doc, summary.tags);
    import_routines(db, doc, summary.routines);
    const auto& sessions = array(doc, "sessions");
    for (std::size_t i = 0; i < sessions.size(); ++i) {
        const auto where = fmt::format("sessions[{}]", i);
        auto s = read_session(db, sessions[i], where, now);
        if (session_uuid_exists(db, s.uuid)) {
            ++summary.sessions.unchanged;
        } else {
            (void)insert_session_record(db, s);
            ++summary.sessions.added;
        }
    }
    const auto& ratings = array(doc, "ratings");
    std::set<std::string> nights;
    for (std::size_t i = 0; i < ratings.size(); ++i) {
        const auto where = fmt::format("ratings[{}]", i);
        const auto r = read_rating(ratings[i], where, now);
        if (!nights.insert(format_date(r.night)).second) {
            bad(path(where, "night"), "is rated twice in this file");
        }
        if (rating_uuid_exists(db, r.uuid)) {
            ++summary.ratings.unchanged;
        } else if (find_rating(db, r.night)) {
            ++summary.ratings.kept;
        } else {
            insert_rating_record(db, r);
            ++summary.ratings.added;
        }
    }
    import_trials(db, doc, summary.trials, now);
    import_measures(db, doc, now, summary);
    const auto& settings = member(doc, "document", "settings");
    if (!settings.is_object()) {
        bad("settings", "must be an object");
    }
    if (settings.contains("cutoff")) {
        std::string cutoff;
        try {
            cutoff = validated_setting("cutoff", text(settings, "settings", "cutoff", 5),
                                       "settings.cutoff");
        } catch (const Error& e) {
            throw Error(Exit::data, fmt::format("import: {}", e.what()));
        }
        if (!get_setting(db, "cutoff")) {
            set_setting(db, "cutoff", cutoff);
        }
    }
    return summary;
}

} // namespace rls
