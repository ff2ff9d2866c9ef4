// JSON forms of the tracked measures.
#include "core/measures_json.hpp"

#include "core/text_formats.hpp"

namespace rls {

using nlohmann::ordered_json;

ordered_json to_json(const IrlsEntry& e) {
    ordered_json items = nullptr;
    if (e.items) {
        items = ordered_json::array();
        for (const int v : *e.items) {
            items.push_back(v);
        }
    }
    return {{"uuid", e.uuid},
            {"week", format_date(e.week)},
            {"taken", format_date(e.taken)},
            {"items", items},
            {"total", e.total},
            {"tz", e.tz},
            {"created_utc", format_instant_utc(e.created)},
            {"updated_utc", format_instant_utc(e.updated)}};
}

ordered_json spread_json(const Spread& s) {
    auto out = ordered_json::array();
    for (const auto& [on, name] :
         {std::pair{s.legs, "legs"}, std::pair{s.arms, "arms"}, std::pair{s.trunk, "trunk"}}) {
        if (on) {
            out.push_back(name);
        }
    }
    return out;
}

ordered_json to_json(const Symptoms& s) {
    return {{"uuid", s.uuid},
            {"night", format_date(s.night)},
            {"onset_utc", s.onset ? ordered_json(format_instant_utc(*s.onset)) : nullptr},
            {"spread", s.spread ? spread_json(*s.spread) : nullptr},
            {"tz", s.tz},
            {"created_utc", format_instant_utc(s.created)},
            {"updated_utc", format_instant_utc(s.updated)}};
}

ordered_json to_json(const Medicine& m) {
    return {{"uuid", m.uuid}, {"name", m.name}, {"unit", m.unit}};
}

ordered_json to_json(const Dose& d) {
    return {{"uuid", d.uuid},
            {"medicine", d.medicine},
            {"amount", d.amount},
            {"unit", d.unit},
            {"taken_utc", format_instant_utc(d.taken)},
            {"tz", d.tz},
            {"night", format_date(d.night)},
            {"created_utc", format_instant_utc(d.created)}};
}

ordered_json to_json(const Lab& l) {
    return {{"uuid", l.uuid},
            {"drawn", format_date(l.drawn)},
            {"ferritin", nullable(l.ferritin)},
            {"tsat", nullable(l.tsat)},
            {"fasting", nullable(l.fasting)},
            {"created_utc", format_instant_utc(l.created)}};
}

} // namespace rls
