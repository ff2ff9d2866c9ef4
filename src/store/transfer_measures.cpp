// Export and import of the tracked measures: weekly IRLS, symptoms, night
// tags, nights without a massage, medicines, doses and iron labs. Identity is
// the UUID (night and tag for a night tag, the night for a mark), so that
// importing the same file twice changes nothing.
#include "core/error.hpp"
#include "core/measures_json.hpp"
#include "core/parse.hpp"
#include "core/text_formats.hpp"
#include "store/import_fields.hpp"
#include "store/measures.hpp"
#include "store/transfer.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <set>

namespace rls {

using nlohmann::json;
using nlohmann::ordered_json;
using namespace imports;

void export_measures(SQLite::Database& db, ordered_json& doc) {
    const auto list = [](const auto& items) {
        auto out = ordered_json::array();
        for (const auto& x : items) {
            out.push_back(to_json(x));
        }
        return out;
    };
    doc["medicines"] = list(list_medicines(db));
    doc["doses"] = list(all_doses(db));
    doc["irls"] = list(all_irls(db));
    doc["symptoms"] =
        list(symptoms_up_to(db, Date{date::year{9999}, date::December, date::day{31}}));
    doc["labs"] = list(labs_up_to(db, Date{date::year{9999}, date::December, date::day{31}}));
    doc["night_tags"] = ordered_json::array();
    for (const auto& t : night_tags_between(
             db, k_earliest_night, Date{date::year{9999}, date::December, date::day{31}})) {
        doc["night_tags"].push_back({{"night", format_date(t.night)}, {"tag", t.tag}});
    }
    doc["no_massage_nights"] = ordered_json::array();
    for (const auto& m : all_no_massage(db)) {
        doc["no_massage_nights"].push_back(
            {{"night", format_date(m.night)}, {"created_utc", format_instant_utc(m.created)}});
    }
}

namespace {

// A section absent from files made before schema 4 reads as empty.
const json& optional_array(const json& doc, const char* key) {
    static const json empty = json::array();
    if (!doc.contains(key)) {
        return empty;
    }
    return array(doc, key);
}

double decimal(const json& obj, const std::string& where, const char* key, DecimalRange r,
               bool nullable, bool& present) {
    const auto& v = member(obj, where, key);
    present = !v.is_null();
    if (v.is_null() && nullable) {
        return 0;
    }
    if (!v.is_number() || !r.contains(v.get<double>())) {
        bad(path(where, key), fmt::format("must be a number from {:g} to {:g}{}", r.lo, r.hi,
                                          nullable ? " or null" : ""));
    }
    return v.get<double>();
}

std::optional<double> optional_decimal(const json& obj, const std::string& where, const char* key,
                                       DecimalRange r) {
    bool present = false;
    const double v = decimal(obj, where, key, r, true, present);
    return present ? std::optional(v) : std::nullopt;
}

// Nothing may lie after today: UTC's date is at most a day off any zone's.
Date past_night(const json& obj, const std::string& where, const char* key, Instant now) {
    const auto d = night(obj, where, key);
    if (d > Date{date::sys_days{local_date(now, Zone())} + date::days{1}}) {
        bad(path(where, key), "must not be in the future");
    }
    return d;
}

std::string unit_of(const json& obj, const std::string& where) {
    const auto u = text(obj, where, "unit", 10);
    for (const auto known : k_dose_units) {
        if (u == known) {
            return u;
        }
    }
    bad(path(where, "unit"), "must be mg, mcg, g, ml, iu or tablet");
}

void import_medicines(SQLite::Database& db, const json& doc, ImportCounts& n) {
    const auto& items = optional_array(doc, "medicines");
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto where = fmt::format("medicines[{}]", i);
        Medicine m;
        m.uuid = uuid(items[i], where);
        m.name = name(items[i], where, "name", false);
        m.unit = unit_of(items[i], where);
        if (medicine_uuid_exists(db, m.uuid)) {
            ++n.unchanged;
        } else if (find_medicine(db, m.name)) {
            ++n.kept;
        } else {
            add_medicine(db, m);
            ++n.added;
        }
    }
}

void import_doses(SQLite::Database& db, const json& doc, Instant now, ImportCounts& n) {
    const auto& items = optional_array(doc, "doses");
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto where = fmt::format("doses[{}]", i);
        Dose d;
        d.uuid = uuid(items[i], where);
        d.medicine = name(items[i], where, "medicine", false);
        const auto medicine = find_medicine(db, d.medicine);
        if (!medicine) {
            bad(path(where, "medicine"), "must be a medicine in the file or the database");
        }
        d.unit = unit_of(items[i], where);
        if (d.unit != medicine->unit) {
            bad(path(where, "unit"), "must be the medicine's unit");
        }
        bool present = false;
        d.amount = decimal(items[i], where, "amount", k_dose_range, false, present);
        d.taken = instant_in_range(items[i], where, "taken_utc", now);
        const auto tz = zone(items[i], where, "tz", d.tz);
        d.night = night(items[i], where, "night");
        if (d.night != night_of(d.taken, tz, std::chrono::minutes{0}) &&
            d.night != night_of(d.taken, tz, k_latest_cutoff)) {
            bad(path(where, "night"), "must be the night of taken_utc in tz");
        }
        d.created = instant(items[i], where, "created_utc");
        if (dose_uuid_exists(db, d.uuid)) {
            ++n.unchanged;
        } else {
            (void)insert_dose(db, d);
            ++n.added;
        }
    }
}

void import_irls(SQLite::Database& db, const json& doc, Instant now, ImportCounts& n) {
    const auto& items = optional_array(doc, "irls");
    std::set<std::string> weeks;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto where = fmt::format("irls[{}]", i);
        IrlsEntry e;
        e.uuid = uuid(items[i], where);
        e.taken = past_night(items[i], where, "taken", now);
        e.week = night(items[i], where, "week");
        if (e.week != week_of(e.taken)) {
            bad(path(where, "week"), "must be the Monday of the week of taken");
        }
        if (!weeks.insert(format_date(e.week)).second) {
            bad(path(where, "week"), "has two entries in this file");
        }
        e.total = whole(items[i], where, "total", k_irls_total_range);
        const auto& scores = member(items[i], where, "items");
        if (!scores.is_null()) {
            if (!scores.is_array() || scores.size() != k_irls_items) {
                bad(path(where, "items"), "must be null or the 10 item scores 0-4");
            }
            std::array<int, k_irls_items> values{};
            int sum = 0;
            for (std::size_t k = 0; k < values.size(); ++k) {
                if (!whole_in(scores[k], k_irls_item_range)) {
                    bad(fmt::format("{}.items[{}]", where, k),
                        "must be a whole number from 0 to 4");
                }
                values[k] = scores[k].get<int>();
                sum += values[k];
            }
            if (sum != e.total) {
                bad(path(where, "total"), "must be the sum of the item scores");
            }
            e.items = values;
        }
        (void)zone(items[i], where, "tz", e.tz);
        e.created = instant(items[i], where, "created_utc");
        e.updated = instant(items[i], where, "updated_utc");
        if (irls_uuid_exists(db, e.uuid)) {
            ++n.unchanged;
        } else if (find_irls(db, e.week)) {
            ++n.kept;
        } else {
            insert_irls_record(db, e);
            ++n.added;
        }
    }
}

void import_symptoms(SQLite::Database& db, const json& doc, Instant now, ImportCounts& n) {
    const auto& items = optional_array(doc, "symptoms");
    std::set<std::string> nights;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto where = fmt::format("symptoms[{}]", i);
        Symptoms s;
        s.uuid = uuid(items[i], where);
        s.night = past_night(items[i], where, "night", now);
        if (!nights.insert(format_date(s.night)).second) {
            bad(path(where, "night"), "has two entries in this file");
        }
        s.onset = optional_instant(items[i], where, "onset_utc");
        if (s.onset && (*s.onset > now || *s.onset < date::sys_days{s.night} - date::days{1} ||
                        *s.onset > date::sys_days{s.night} + date::days{2})) {
            bad(path(where, "onset_utc"), "must lie within a day of the night and not after now");
        }
        const auto& spread = member(items[i], where, "spread");
        if (!spread.is_null()) {
            std::string parts;
            if (spread.is_array()) {
                for (const auto& p : spread) {
                    parts += (parts.empty() ? "" : ",") +
                             (p.is_string() ? p.get<std::string>() : std::string("?"));
                }
            }
            try {
                s.spread = parse_spread(parts, path(where, "spread"));
            } catch (const Error&) {
                bad(path(where, "spread"), "must be null or a list of legs, arms, trunk");
            }
        }
        if (!s.onset && !s.spread) {
            bad(where, "must have onset_utc or spread");
        }
        (void)zone(items[i], where, "tz", s.tz);
        s.created = instant(items[i], where, "created_utc");
        s.updated = instant(items[i], where, "updated_utc");
        if (symptoms_uuid_exists(db, s.uuid)) {
            ++n.unchanged;
        } else if (find_symptoms(db, s.night)) {
            ++n.kept;
        } else {
            insert_symptoms_record(db, s);
            ++n.added;
        }
    }
}

void import_labs(SQLite::Database& db, const json& doc, Instant now, ImportCounts& n) {
    const auto& items = optional_array(doc, "labs");
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto where = fmt::format("labs[{}]", i);
        Lab l;
        l.uuid = uuid(items[i], where);
        l.drawn = past_night(items[i], where, "drawn", now);
        l.ferritin = optional_decimal(items[i], where, "ferritin", k_ferritin_range);
        l.tsat = optional_decimal(items[i], where, "tsat", k_tsat_range);
        if (!l.ferritin && !l.tsat) {
            bad(where, "must have ferritin or tsat");
        }
        const auto& fasting = member(items[i], where, "fasting");
        if (!fasting.is_null() && !fasting.is_boolean()) {
            bad(path(where, "fasting"), "must be true, false or null");
        }
        if (fasting.is_boolean()) {
            l.fasting = fasting.get<bool>();
        }
        l.created = instant(items[i], where, "created_utc");
        if (lab_uuid_exists(db, l.uuid)) {
            ++n.unchanged;
        } else {
            (void)insert_lab(db, l);
            ++n.added;
        }
    }
}

void import_night_marks(SQLite::Database& db, const json& doc, Instant now, ImportSummary& s) {
    const auto& tags = optional_array(doc, "night_tags");
    for (std::size_t i = 0; i < tags.size(); ++i) {
        const auto where = fmt::format("night_tags[{}]", i);
        const auto d = past_night(tags[i], where, "night", now);
        const auto tag = name(tags[i], where, "tag", false);
        if (add_night_tags(db, d, {tag}) > 0) {
            ++s.night_tags.added;
        } else {
            ++s.night_tags.unchanged;
        }
    }
    const auto& marks = optional_array(doc, "no_massage_nights");
    for (std::size_t i = 0; i < marks.size(); ++i) {
        const auto where = fmt::format("no_massage_nights[{}]", i);
        const NoMassageMark m{past_night(marks[i], where, "night", now),
                              instant(marks[i], where, "created_utc")};
        if (is_no_massage(db, m.night)) {
            ++s.no_massage.unchanged;
        } else {
            insert_no_massage_record(db, m);
            ++s.no_massage.added;
        }
    }
}

} // namespace

void import_measures(SQLite::Database& db, const json& doc, Instant now, ImportSummary& summary) {
    import_medicines(db, doc, summary.medicines);
    import_doses(db, doc, now, summary.doses);
    import_irls(db, doc, now, summary.irls);
    import_symptoms(db, doc, now, summary.symptoms);
    import_labs(db, doc, now, summary.labs);
    import_night_marks(db, doc, now, summary);
}

} // namespace rls

namespace rls {

std::map<std::string, std::string> measures_csv_cells(SQLite::Database& db) {
    constexpr std::size_t k_columns = 8;
    std::map<std::string, std::array<std::string, k_columns>> cells;
    const Date last{date::year{9999}, date::December, date::day{31}};
    const auto append = [](std::string& cell, const std::string& text) {
        cell += (cell.empty() ? "" : "; ") + text;
    };
    for (const auto& s : symptoms_up_to(db, last)) {
        auto& c = cells[format_date(s.night)];
        if (s.onset) {
            c[0] = format_local(*s.onset, Zone::find(s.tz).value_or(Zone()), "%H:%M");
        }
        if (s.spread) {
            c[1] = spread_text(*s.spread);
        }
    }
    for (const auto& t : night_tags_between(db, k_earliest_night, last)) {
        auto& c = cells[format_date(t.night)][2];
        c += (c.empty() ? "" : " ") + t.tag;
    }
    for (const auto& m : all_no_massage(db)) {
        cells[format_date(m.night)][3] = "true";
    }
    for (const auto& d : all_doses(db)) {
        append(cells[format_date(d.night)][4],
               fmt::format("{} {}{} {}", d.medicine, amount_text(d.amount), d.unit,
                           format_local(d.taken, Zone::find(d.tz).value_or(Zone()), "%H:%M")));
    }
    for (const auto& e : all_irls(db)) {
        cells[format_date(e.taken)][5] = std::to_string(e.total);
    }
    for (const auto& l : labs_up_to(db, last)) {
        auto& c = cells[format_date(l.drawn)];
        if (l.ferritin) {
            c[6] = fmt::format("{:g}", *l.ferritin);
        }
        if (l.tsat) {
            c[7] = fmt::format("{:g}", *l.tsat);
        }
    }
    std::map<std::string, std::string> out;
    for (const auto& [night, c] : cells) {
        std::string row;
        for (std::size_t i = 0; i < k_columns; ++i) {
            row += (i == 0 ? "" : ",") + csv_field(c[i], true);
        }
        out[night] = row;
    }
    return out;
}

} // namespace rls
