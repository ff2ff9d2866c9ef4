// Export: the whole database as one lossless JSON document, and a CSV.
#include "core/error.hpp"
#include "core/model.hpp"
#include "core/model_json.hpp"
#include "core/parse.hpp"
#include "store/catalog.hpp"
#include "store/database.hpp"
#include "store/ratings.hpp"
#include "store/sessions.hpp"
#include "store/settings.hpp"
#include "store/transfer.hpp"
#include "store/trial_transfer.hpp"
#include "version.hpp"

#include <SQLiteCpp/Statement.h>
#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <set>

namespace rls {

using nlohmann::json;
using nlohmann::ordered_json;

namespace {

// ---------------------------------------------------------------- export

ordered_json session_json(const Session& s) {
    return {{"uuid", s.uuid},
            {"started_utc", format_instant_utc(s.started)},
            {"tz", s.tz},
            {"utc_offset_min", s.utc_offset_min},
            {"night", format_date(s.night)},
            {"routine", s.routine},
            {"rounds", s.rounds},
            {"duration_min", nullable(s.duration_min)},
            {"before", nullable(s.before)},
            {"after", nullable(s.after)},
            {"points", points_json(s.points)},
            {"oils", oils_json(s.oils)},
            {"tags", s.tags},
            {"note", nullable(s.note)},
            {"partial", s.partial},
            {"created_utc", format_instant_utc(s.created)},
            {"updated_utc", format_instant_utc(s.updated)}};
}

// The export keeps the diary's fields flat in the rating (rls-export/1).
ordered_json rating_json(const Rating& r) {
    ordered_json j = {{"uuid", r.uuid},
                      {"night", format_date(r.night)},
                      {"sleep", nullable(r.sleep)},
                      {"restless", nullable(r.restless)}};
    j.update(diary_json(r.diary));
    j["tz"] = r.tz;
    j["note"] = nullable(r.note);
    j["created_utc"] = format_instant_utc(r.created);
    j["updated_utc"] = format_instant_utc(r.updated);
    return j;
}

struct Tag {
    std::string uuid;
    std::string name;
};

std::vector<Tag> tags_with_uuids(SQLite::Database& db) {
    SQLite::Statement q(db, "SELECT uuid, name FROM tag ORDER BY name");
    std::vector<Tag> out;
    while (q.executeStep()) {
        out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString()});
    }
    return out;
}

// ---------------------------------------------------------------- CSV

std::string csv_cell(const std::string& s) {
    return csv_field(s, true);
}

std::string opt(const std::optional<int>& v) {
    return v ? std::to_string(*v) : std::string();
}

} // namespace

ordered_json export_catalog_json(SQLite::Database& db, Instant now) {
    ordered_json doc;
    doc["format"] = k_export_format;
    doc["schema_version"] = schema_version(db);
    doc["rls_version"] = k_version;
    doc["exported_utc"] = format_instant_utc(now);
    ordered_json settings = ordered_json::object();
    if (const auto cutoff = get_setting(db, "cutoff")) {
        settings["cutoff"] = *cutoff;
    }
    doc["settings"] = settings;
    doc["points"] = ordered_json::array();
    for (const auto& p : list_points(db)) {
        doc["points"].push_back({{"uuid", p.uuid},
                                 {"id", p.code},
                                 {"foot", p.foot},
                                 {"name", p.name},
                                 {"where", p.location},
                                 {"builtin", p.builtin}});
    }
    doc["oils"] = ordered_json::array();
    for (const auto& o : list_oils(db)) {
        doc["oils"].push_back({{"uuid", o.uuid},
                               {"id", o.code},
                               {"name", o.name},
                               {"carrier", o.carrier},
                               {"builtin", o.builtin}});
    }
    doc["routines"] = ordered_json::array();
    for (const auto& r : list_routines(db, true)) {
        doc["routines"].push_back({{"uuid", r.uuid},
                                   {"name", r.code},
                                   {"description", r.description},
                                   {"points", r.points},
                                   {"builtin", r.builtin},
                                   {"hidden", r.hidden}});
    }
    doc["tags"] = ordered_json::array();
    for (const auto& t : tags_with_uuids(db)) {
        doc["tags"].push_back({{"uuid", t.uuid}, {"name", t.name}});
    }
    doc["sessions"] = ordered_json::array();
    doc["ratings"] = ordered_json::array();
    return doc;
}

ordered_json session_export_json(const Session& session) {
    return session_json(session);
}

ordered_json export_json(SQLite::Database& db, Instant now) {
    auto doc = export_catalog_json(db, now);
    for (const auto& s : all_sessions(db)) {
        doc["sessions"].push_back(session_json(s));
    }
    for (const auto& r : all_ratings(db)) {
        doc["ratings"].push_back(rating_json(r));
    }
    doc["trials"] = trials_export_json(db);
    export_measures(db, doc);
    return doc;
}

std::string export_csv(SQLite::Database& db, Date tonight) {
    std::string out =
        "night,session_uuid,started_utc,tz,routine,rounds,duration_min,before,after,"
        "points,oils,tags,session_note,sleep,restless,time_in_bed_min,"
        "total_sleep_min,efficiency_pct,latency_min,awakenings,waso_min,rating_note," +
        std::string(k_measures_csv_header) + "," + k_trials_csv_header + "\r\n";
    const auto measures = measures_csv_cells(db);
    const auto trials = trials_csv_cells(db, tonight);
    const auto sessions = all_sessions(db);
    const auto ratings = all_ratings(db);
    std::map<std::string, const Rating*> rating_by_night;
    for (const auto& r : ratings) {
        rating_by_night[format_date(r.night)] = &r;
    }
    // The night's tracked measures, then its trial night, end every row of the night.
    const auto measure_cells = [&](const std::string& night) {
        const auto it = measures.find(night);
        const auto trial = trials.find(night);
        return (it == measures.end() ? std::string(k_measures_csv_empty) : it->second) + "," +
               (trial == trials.end() ? std::string(k_trials_csv_empty) : trial->second);
    };
    const auto rating_cells = [&](const Rating* r, const std::string& night) {
        if (r == nullptr) {
            return ",,,,,,,,," + measure_cells(night);
        }
        const auto f = derive_figures(r->diary);
        return fmt::format(
            "{},{},{},{},{},{},{},{},{},{}", opt(r->sleep), opt(r->restless), opt(f.tib_min),
            opt(f.tst_min), f.efficiency_pct ? fmt::format("{:.1f}", *f.efficiency_pct) : "",
            opt(r->diary.latency_min), opt(r->diary.awakenings), opt(r->diary.waso_min),
            csv_cell(r->note.value_or("")), measure_cells(night));
    };
    // Rows in night order; a night's rating repeats on each of its sessions.
    std::map<std::string, std::vector<std::string>> rows;
    std::set<std::string> nights_with_session;
    for (const auto& s : sessions) {
        const auto night = format_date(s.night);
        nights_with_session.insert(night);
        const auto points = points_text(s.points);
        const auto oils = oils_text(s.oils);
        std::string tags;
        for (const auto& t : s.tags) {
            tags += (tags.empty() ? "" : " ") + t;
        }
        const auto it = rating_by_night.find(night);
        rows[night].push_back(fmt::format(
            "{},{},{},{},{},{},{},{},{},{},{},{},{},{}\r\n", night, s.uuid,
            format_instant_utc(s.started), csv_cell(s.tz), csv_cell(s.routine), s.rounds,
            opt(s.duration_min), opt(s.before), opt(s.after), csv_cell(points), csv_cell(oils),
            csv_cell(tags), csv_cell(s.note.value_or("")),
            rating_cells(it == rating_by_night.end() ? nullptr : it->second, night)));
    }
    for (const auto& [night, r] : rating_by_night) {
        if (nights_with_session.count(night) == 0) {
            rows[night].push_back(
                fmt::format("{},,,,,,,,,,,,,{}\r\n", night, rating_cells(r, night)));
        }
    }
    // Nights with only measures or a trial night (a skip, a forgotten night).
    std::set<std::string> other_nights;
    for (const auto& [night, cells] : measures) {
        other_nights.insert(night);
    }
    for (const auto& [night, cells] : trials) {
        other_nights.insert(night);
    }
    for (const auto& night : other_nights) {
        if (rows.count(night) == 0) {
            rows[night].push_back(
                fmt::format("{},,,,,,,,,,,,,{}\r\n", night, rating_cells(nullptr, night)));
        }
    }
    for (const auto& [night, lines] : rows) {
        for (const auto& line : lines) {
            out += line;
        }
    }
    return out;
}

} // namespace rls
