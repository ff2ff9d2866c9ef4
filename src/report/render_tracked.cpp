// The tracked measures in the report's text, JSON and CSV.
#include "report/render_tracked.hpp"

#include "core/limits.hpp"
#include "core/text_formats.hpp"
#include "core/time.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <fmt/format.h>

namespace rls::report {

using nlohmann::ordered_json;

namespace {

std::string indented(std::string_view text, std::string_view lead = "  ") {
    std::string out;
    bool first = true;
    for (const auto& line : wrap(text, 80 - lead.size())) {
        out += (first ? std::string(lead) : std::string(lead.size(), ' ')) + line + "\n";
        first = false;
    }
    return out;
}

std::string amount(const std::optional<double>& v, const std::string& unit) {
    return v ? amount_with_unit(*v, unit) : "-";
}

std::string irls_text(const Tracked& t, const Style& p) {
    std::string out = "\n" + p.bold("Severity (IRLS)") +
                      p.dim(" (weekly, 0-40; a change of 5 or more is relevant)") + "\n";
    out +=
        p.dim(fmt::format("  {:<10} {:>5}  {:<12} {:>6}\n", "week of", "total", "band", "change"));
    for (const auto& r : t.irls) {
        out += fmt::format("  {:<10} {:>5}  {:<12} {:>6}{}\n", format_date(r.week), r.total, r.band,
                           r.change ? fmt::format("{:+}", *r.change) : "",
                           r.relevant_change ? "  relevant" : "");
    }
    if (const auto overall = irls_overall_text(t.irls); !overall.empty()) {
        out += indented(overall);
    }
    return out;
}

std::string onset_text(const OnsetSummary& o, const Style& p) {
    std::string out = "\n" + p.bold("Symptom onset and spread") + "\n";
    if (o.nights > 0) {
        out += indented(fmt::format("Symptoms began on average at {} ({} nights; earliest {}, "
                                    "latest {}).",
                                    clock_text(*o.mean_min), o.nights, clock_text(*o.earliest_min),
                                    clock_text(*o.latest_min)));
        std::string weekly;
        for (const auto& w : o.weekly_mean_min) {
            weekly += (weekly.empty() ? "" : " ") + (w ? clock_text(*w) : std::string("-"));
        }
        out += indented("By week: " + weekly, "  ");
    }
    if (o.spread_nights > 0) {
        out += indented(fmt::format("Where, on {} nights: arms on {}, trunk on {}.",
                                    o.spread_nights, o.arms_nights, o.trunk_nights));
    }
    return out;
}

// A medicine taken as needed can change amount every night: the text keeps
// the latest changes, the JSON and the HTML table have them all.
constexpr std::size_t k_max_text_changes = 8;

std::string change_line(const std::string& name, const DoseChange& c, const std::string& unit) {
    if (!c.from) {
        return fmt::format("    {} started at {} {} on {}\n", name, amount_text(c.to), unit,
                           format_date(c.night));
    }
    return fmt::format("    {} {} → {} {} from {}\n", name, amount_text(*c.from), amount_text(c.to),
                       unit, format_date(c.night));
}

std::string medicines_text(const std::vector<MedicineRow>& rows, const Style& p) {
    std::string out = "\n" + p.bold("Medicines") + p.dim(" (amount per night)") + "\n";
    for (const auto& r : rows) {
        out += fmt::format("  {} {:>3} night{}  first {}, last {}, highest {}\n",
                           cell(visible(r.name), 16), r.nights, r.nights == 1 ? " " : "s",
                           amount(r.first_nightly, r.unit), amount(r.last_nightly, r.unit),
                           amount(r.highest_nightly, r.unit));
        const auto name = shorten(visible(r.name), 24);
        const auto shown = std::min(r.changes.size(), k_max_text_changes);
        if (shown < r.changes.size()) {
            out += p.dim(fmt::format("    {} earlier change{} of {} in --json\n",
                                     r.changes.size() - shown,
                                     r.changes.size() - shown == 1 ? "" : "s", name));
        }
        for (auto it = r.changes.end() - static_cast<std::ptrdiff_t>(shown); it != r.changes.end();
             ++it) {
            out += change_line(name, *it, r.unit);
        }
    }
    return out;
}

std::string iron_line(const char* what, const IronValue& v, const char* unit,
                      const char* threshold) {
    return fmt::format("{} {:g}{}, drawn {}{}{}.", what, v.value, unit, format_date(v.drawn),
                       v.fasting ? (*v.fasting ? " fasting" : " not fasting") : "",
                       v.low ? fmt::format(": low for RLS ({})", threshold) : "");
}

std::string iron_text(const IronSummary& s, const Style& p) {
    std::string out = "\n" + p.bold("Iron") + p.dim(" (latest values)") + "\n";
    if (s.ferritin) {
        out += indented(iron_line("Ferritin", *s.ferritin, " ng/mL", "75 or less"));
    }
    if (s.tsat) {
        out += indented(iron_line("Transferrin saturation", *s.tsat, "%", "below 20%"));
    }
    if (s.ask_doctor) {
        out += indented(k_iron_message);
    }
    return out;
}

// What the watch found absent, for only the kinds it compared, as it
// checks them: a dose can fall, and symptoms start later, without a sign.
std::string unchanged_text(const std::vector<std::string>& kinds) {
    std::string parts;
    for (const auto& k : kinds) {
        parts += parts.empty() ? "" : "; ";
        if (k == "onset") {
            parts +=
                fmt::format("onset not {} hours or more earlier", k_watch_onset_earlier_min / 60);
        } else if (k == "spread") {
            parts += "no new spread to the arms or trunk";
        } else if (k == "dose") {
            parts += "no higher dose";
        } else {
            parts += fmt::format("IRLS not {} points or more higher", k_irls_relevant_change);
        }
    }
    return fmt::format("Nothing to point out against the first four weeks of each record: {}.",
                       parts);
}

std::string watch_text(const AugmentationWatch& w, const Style& p) {
    std::string out = "\n" + p.bold("Watch") + p.dim(" (against your first four weeks)") + "\n";
    if (!w.compared) {
        out += indented("Needs four weeks of onset times, doses or IRLS entries, and later "
                        "ones, to compare.");
        return out;
    }
    if (w.signs.empty()) {
        out += indented(unchanged_text(w.compared_kinds));
        return out;
    }
    for (const auto& s : w.signs) {
        out += indented(s.text, "  - ");
    }
    out += indented(w.message);
    return out;
}

ordered_json iron_json(const std::optional<IronValue>& v) {
    if (!v) {
        return nullptr;
    }
    return {{"drawn", format_date(v->drawn)},
            {"value", v->value},
            {"fasting", nullable(v->fasting)},
            {"low", v->low}};
}

} // namespace

std::string irls_overall_text(const std::vector<IrlsRow>& rows) {
    if (rows.size() < 2) {
        return {};
    }
    const int change = rows.back().total - rows.front().total;
    return fmt::format("From the first entry to the latest: {:+} point{}{}.", change,
                       std::abs(change) == 1 ? "" : "s",
                       std::abs(change) >= k_irls_relevant_change
                           ? fmt::format(", a relevant change ({} or more)", k_irls_relevant_change)
                           : "");
}

std::string watch_quiet_text(const AugmentationWatch& w) {
    return w.compared && w.signs.empty() ? unchanged_text(w.compared_kinds) : std::string();
}

std::string planned_text(const Tracked& t) {
    if (t.planned_no_massage == 0) {
        return {};
    }
    return fmt::format("Nights without a session: {} planned (rls skip), {} not marked.",
                       t.planned_no_massage, t.unplanned_no_session);
}

std::string tracked_text(const Tracked& t, const Style& p) {
    std::string out;
    if (!t.irls.empty()) {
        out += irls_text(t, p);
    }
    if (t.onset.nights > 0 || t.onset.spread_nights > 0) {
        out += onset_text(t.onset, p);
    }
    if (!t.medicines.empty()) {
        out += medicines_text(t.medicines, p);
    }
    if (t.iron.ferritin || t.iron.tsat) {
        out += iron_text(t.iron, p);
    }
    if (t.watch.compared || !t.irls.empty() || t.onset.nights > 0 || !t.medicines.empty()) {
        out += watch_text(t.watch, p);
    }
    return out;
}

ordered_json tracked_json(const Tracked& t) {
    ordered_json irls = ordered_json::array();
    for (const auto& r : t.irls) {
        irls.push_back({{"week", format_date(r.week)},
                        {"total", r.total},
                        {"band", r.band},
                        {"change", nullable(r.change)},
                        {"relevant_change", r.relevant_change},
                        {"has_items", r.has_items}});
    }
    const auto& o = t.onset;
    ordered_json weekly = ordered_json::array();
    for (const auto& w : o.weekly_mean_min) {
        weekly.push_back(nullable(w));
    }
    ordered_json medicines = ordered_json::array();
    for (const auto& r : t.medicines) {
        ordered_json changes = ordered_json::array();
        for (const auto& c : r.changes) {
            changes.push_back(
                {{"night", format_date(c.night)}, {"from", nullable(c.from)}, {"to", c.to}});
        }
        medicines.push_back({{"name", r.name},
                             {"unit", r.unit},
                             {"nights", r.nights},
                             {"first_nightly", nullable(r.first_nightly)},
                             {"last_nightly", nullable(r.last_nightly)},
                             {"highest_nightly", nullable(r.highest_nightly)},
                             {"changes", changes}});
    }
    ordered_json signs = ordered_json::array();
    for (const auto& s : t.watch.signs) {
        signs.push_back({{"kind", s.kind}, {"text", s.text}});
    }
    return {{"irls", irls},
            {"onset",
             {{"nights", o.nights},
              {"mean_min", nullable(o.mean_min)},
              {"earliest_min", nullable(o.earliest_min)},
              {"latest_min", nullable(o.latest_min)},
              {"spread_nights", o.spread_nights},
              {"arms_nights", o.arms_nights},
              {"trunk_nights", o.trunk_nights},
              {"weekly_mean_min", weekly}}},
            {"medicines", medicines},
            {"iron",
             {{"ferritin", iron_json(t.iron.ferritin)},
              {"tsat", iron_json(t.iron.tsat)},
              {"ask_doctor", t.iron.ask_doctor}}},
            {"augmentation_watch",
             {{"compared", t.watch.compared},
              {"signs", signs},
              {"message",
               t.watch.message.empty() ? ordered_json(nullptr) : ordered_json(t.watch.message)}}},
            {"no_session_nights",
             {{"planned", t.planned_no_massage}, {"not_marked", t.unplanned_no_session}}}};
}

std::string tracked_csv(const Tracked& t) {
    // The report's 24 columns (section and family; label is the 17th), then
    // value, unit and flag.
    const auto row = [](const char* section, const std::string& family, const std::string& label,
                        const std::string& value, const std::string& unit,
                        const std::string& flag) {
        std::string out = fmt::format("{},{}", section, csv_field(family));
        for (int column = 3; column < 17; ++column) {
            out += ",";
        }
        out += "," + csv_field(label);
        for (int column = 18; column <= 24; ++column) {
            out += ",";
        }
        return out + fmt::format(",{},{},{}\r\n", csv_field(value), unit, csv_field(flag));
    };
    std::string out;
    for (const auto& r : t.irls) {
        out += row("irls", "", format_date(r.week), std::to_string(r.total), "points",
                   r.band + (r.relevant_change ? "; relevant change" : ""));
    }
    if (t.onset.mean_min) {
        out += row("onset", "mean", "", clock_text(*t.onset.mean_min), "local time", "");
    }
    for (const auto& m : t.medicines) {
        out += row("medicine", m.name, "last night", amount_text(*m.last_nightly), m.unit, "");
    }
    if (t.iron.ferritin) {
        out += row("iron", "ferritin", format_date(t.iron.ferritin->drawn),
                   fmt::format("{:g}", t.iron.ferritin->value), "ng/mL",
                   t.iron.ferritin->low ? "low" : "");
    }
    if (t.iron.tsat) {
        out += row("iron", "tsat", format_date(t.iron.tsat->drawn),
                   fmt::format("{:g}", t.iron.tsat->value), "%", t.iron.tsat->low ? "low" : "");
    }
    for (const auto& s : t.watch.signs) {
        out += row("watch", s.kind, "", s.text, "", "sign");
    }
    return out;
}

} // namespace rls::report
