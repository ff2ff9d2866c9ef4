// Import. Every field read from an import file is validated with a message
// that names its place in the document ("sessions[3].rounds"), and never
// repeats the value, which may be private.
#include "core/error.hpp"
#include "core/limits.hpp"
#include "core/model.hpp"
#include "core/parse.hpp"
#include "core/terminal_text.hpp"
#include "core/text_formats.hpp"
#include "core/zone.hpp"
#include "store/catalog.hpp"
#include "store/database.hpp"
#include "store/ratings.hpp"
#include "store/sessions.hpp"
#include "store/settings.hpp"
#include "store/transfer.hpp"
#include "version.hpp"

#include <SQLiteCpp/Statement.h>
#include <algorithm>
#include <fmt/format.h>
#include <limits>
#include <map>
#include <set>

namespace rls {

using nlohmann::json;
using nlohmann::ordered_json;

namespace {

// ---------------------------------------------------------------- import

[[noreturn]] void bad(const std::string& where, const std::string& what) {
    throw Error(Exit::data, fmt::format("import: {} {}", where, what));
}

const json& member(const json& obj, const std::string& where, const char* key) {
    if (!obj.is_object()) {
        bad(where, "must be an object");
    }
    const auto it = obj.find(key);
    if (it == obj.end()) {
        bad(fmt::format("{}.{}", where, key), "is missing");
    }
    return *it;
}

std::string path(const std::string& where, const char* key) {
    return fmt::format("{}.{}", where, key);
}

std::string text(const json& obj, const std::string& where, const char* key, std::size_t max) {
    const auto& v = member(obj, where, key);
    if (!v.is_string()) {
        bad(path(where, key), "must be a string");
    }
    const auto& s = v.get_ref<const std::string&>();
    try {
        return parse_text(s, path(where, key), max);
    } catch (const Error& e) {
        bad(path(where, key), fmt::format("is not acceptable text ({})", e.what()));
    }
}

// Names, places, descriptions and zones are shown on every use, in tables
// and on the guide's screen: no control characters (notes may hold any text).
std::string label(const json& obj, const std::string& where, const char* key, std::size_t max) {
    auto s = text(obj, where, key, max);
    if (has_control(s)) {
        bad(path(where, key), "must not contain control characters (tabs, line breaks, escapes)");
    }
    return s;
}

std::optional<std::string> optional_text(const json& obj, const std::string& where, const char* key,
                                         std::size_t max) {
    if (member(obj, where, key).is_null()) {
        return std::nullopt;
    }
    return text(obj, where, key, max);
}

// A JSON whole number within `range`; a huge unsigned one never wraps into it.
bool whole_in(const json& v, Range range) {
    if (v.is_number_unsigned()) {
        return v.get<std::uint64_t>() <= static_cast<std::uint64_t>(std::max(range.hi, 0)) &&
               range.contains(static_cast<long long>(v.get<std::uint64_t>()));
    }
    return v.is_number_integer() && range.contains(v.get<long long>());
}

std::optional<int> optional_int(const json& obj, const std::string& where, const char* key,
                                Range range) {
    const auto& v = member(obj, where, key);
    if (v.is_null()) {
        return std::nullopt;
    }
    if (!whole_in(v, range)) {
        bad(path(where, key),
            fmt::format("must be a whole number from {} to {} or null", range.lo, range.hi));
    }
    return static_cast<int>(v.get<long long>());
}

int whole(const json& obj, const std::string& where, const char* key, Range range) {
    const auto v = optional_int(obj, where, key, range);
    if (!v) {
        bad(path(where, key),
            fmt::format("must be a whole number from {} to {}", range.lo, range.hi));
    }
    return *v;
}

std::optional<Instant> optional_instant(const json& obj, const std::string& where,
                                        const char* key) {
    const auto& v = member(obj, where, key);
    if (v.is_null()) {
        return std::nullopt;
    }
    const auto t =
        v.is_string() ? parse_instant_utc(v.get_ref<const std::string&>()) : std::nullopt;
    if (!t) {
        bad(path(where, key), "must be a UTC time YYYY-MM-DDTHH:MM:SSZ");
    }
    return t;
}

Instant instant(const json& obj, const std::string& where, const char* key) {
    const auto t = optional_instant(obj, where, key);
    if (!t) {
        bad(path(where, key), "must be a UTC time YYYY-MM-DDTHH:MM:SSZ");
    }
    return *t;
}

Date night(const json& obj, const std::string& where, const char* key) {
    const auto& v = member(obj, where, key);
    const auto d = v.is_string() ? parse_iso_date(v.get_ref<const std::string&>()) : std::nullopt;
    if (!d || *d < k_earliest_night) {
        bad(path(where, key),
            fmt::format("must be a date YYYY-MM-DD from {} on", format_date(k_earliest_night)));
    }
    return *d;
}

// An instant from the earliest night up to `now`: the range rls log keeps to.
Instant instant_in_range(const json& obj, const std::string& where, const char* key, Instant now) {
    const auto t = instant(obj, where, key);
    if (t < date::sys_days{k_earliest_night} || t > now) {
        bad(path(where, key), fmt::format("must lie from {} up to now ({})",
                                          format_date(k_earliest_night), format_instant_utc(now)));
    }
    return t;
}

// A zone this system can interpret, as rls stores them (an IANA name or a
// POSIX TZ string), so that every export re-imports; `name` keeps it as written.
Zone zone(const json& obj, const std::string& where, const char* key, std::string& name) {
    name = label(obj, where, key, k_max_zone_name_bytes);
    if (auto found = Zone::find(name)) {
        return *found;
    }
    bad(path(where, key), "must name a time zone such as Europe/Berlin or UTC");
}

std::string uuid(const json& obj, const std::string& where) {
    const auto& v = member(obj, where, "uuid");
    const std::string s = v.is_string() ? v.get<std::string>() : std::string();
    bool ok = s.size() == 36;
    for (std::size_t i = 0; ok && i < s.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        ok = dash ? s[i] == '-' : std::isxdigit(static_cast<unsigned char>(s[i])) != 0;
    }
    if (!ok) {
        bad(path(where, "uuid"), "must be a UUID such as 6f1c2a40-3b1e-4d0a-9c51-000000000001");
    }
    std::string lowered = s;
    std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lowered;
}

std::string name(const json& obj, const std::string& where, const char* key, bool allow_dot) {
    const auto& v = member(obj, where, key);
    if (!v.is_string()) {
        bad(path(where, key), "must be a string");
    }
    try {
        return parse_name(v.get_ref<const std::string&>(), path(where, key), allow_dot);
    } catch (const Error& e) {
        throw Error(Exit::data, fmt::format("import: {}", e.what()));
    }
}

// An optional true/false member (absent in files from schema version 1).
bool flag(const json& obj, const std::string& where, const char* key) {
    const auto it = obj.find(key);
    if (it == obj.end()) {
        return false;
    }
    if (!it->is_boolean()) {
        bad(path(where, key), "must be true or false");
    }
    return it->get<bool>();
}

const json& array(const json& doc, const char* key) {
    const auto& v = member(doc, "document", key);
    if (!v.is_array()) {
        bad(key, "must be an array");
    }
    return v;
}

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

ImportSummary import_json(SQLite::Database& db, const json& doc, Instant now) {
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
