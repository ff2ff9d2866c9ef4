// JSON and text rendering shared by the commands.
#include "cli/render.hpp"

#include "cli/context.hpp"
#include "core/measures_json.hpp"
#include "core/model_json.hpp"

#include <fmt/format.h>
#include <ostream>

namespace rls {

using nlohmann::ordered_json;

namespace {

// Local time of a stored instant from the offset stored with it: exact by
// construction, the same under any TZ, and no zone database to load.
std::string local_in(Instant t, int offset_min, std::string_view fmt) {
    return date::format(std::string(fmt), t + std::chrono::minutes{offset_min});
}

} // namespace

std::string session_local_time(const Session& s, std::string_view fmt) {
    return local_in(s.started, s.utc_offset_min, fmt);
}

ordered_json to_json(const Session& s) {
    ordered_json j;
    j["id"] = s.id;
    j["uuid"] = s.uuid;
    j["night"] = format_date(s.night);
    j["started"] = local_in(s.started, s.utc_offset_min, "%Y-%m-%dT%H:%M:%S") +
                   fmt::format("{}{:02}:{:02}", s.utc_offset_min < 0 ? '-' : '+',
                               std::abs(s.utc_offset_min) / 60, std::abs(s.utc_offset_min) % 60);
    j["started_utc"] = format_instant_utc(s.started);
    j["tz"] = s.tz;
    j["routine"] = s.routine;
    j["rounds"] = s.rounds;
    j["duration_min"] = nullable(s.duration_min);
    j["before"] = nullable(s.before);
    j["after"] = nullable(s.after);
    j["points"] = points_json(s.points);
    j["oils"] = oils_json(s.oils);
    j["tags"] = s.tags;
    j["note"] = nullable(s.note);
    j["partial"] = s.partial;
    j["created_utc"] = format_instant_utc(s.created);
    j["updated_utc"] = format_instant_utc(s.updated);
    return j;
}

ordered_json to_json(const Rating& r) {
    const auto figures = derive_figures(r.diary);
    ordered_json j;
    j["night"] = format_date(r.night);
    j["uuid"] = r.uuid;
    j["sleep"] = nullable(r.sleep);
    j["restless"] = nullable(r.restless);
    j["diary"] = diary_json(r.diary);
    j["diary"]["time_in_bed_min"] = nullable(figures.tib_min);
    j["diary"]["total_sleep_min"] = nullable(figures.tst_min);
    j["diary"]["efficiency_pct"] = nullable(figures.efficiency_pct);
    j["tz"] = r.tz;
    j["note"] = nullable(r.note);
    j["created_utc"] = format_instant_utc(r.created);
    j["updated_utc"] = format_instant_utc(r.updated);
    return j;
}

ordered_json to_json(const Point& p) {
    return {{"id", p.code},   {"uuid", p.uuid},      {"foot", p.foot},
            {"name", p.name}, {"where", p.location}, {"builtin", p.builtin}};
}

ordered_json to_json(const Oil& o) {
    return {{"id", o.code},
            {"uuid", o.uuid},
            {"name", o.name},
            {"carrier", o.carrier},
            {"builtin", o.builtin}};
}

ordered_json to_json(const Routine& r) {
    return {{"name", r.code},     {"uuid", r.uuid},       {"description", r.description},
            {"points", r.points}, {"builtin", r.builtin}, {"hidden", r.hidden}};
}

std::string routine_label(const Session& s) {
    return fmt::format("{} x{}{}", s.routine, s.rounds, s.partial ? " (partial)" : "");
}

std::string or_dash(const std::optional<int>& v) {
    return v ? std::to_string(*v) : "-";
}

std::string before_after(const Session& s) {
    if (!s.before && !s.after) {
        return "-";
    }
    return fmt::format("{}→{}", or_dash(s.before), or_dash(s.after));
}

std::string minutes_label(int minutes) {
    const char* sign = minutes < 0 ? "-" : "";
    const int m = std::abs(minutes);
    return fmt::format("{}{}h{:02}m", sign, m / 60, m % 60);
}

namespace {

// {"id": ..., then every field of `exported`}.
ordered_json with_id(std::int64_t id, const ordered_json& exported) {
    ordered_json j{{"id", id}};
    for (const auto& [key, value] : exported.items()) {
        j[key] = value;
    }
    return j;
}

} // namespace

ordered_json dose_json(const Dose& d) {
    return with_id(d.id, to_json(d));
}

ordered_json lab_json(const Lab& l) {
    return with_id(l.id, to_json(l));
}

std::string dose_local_time(const Dose& d, std::string_view fmt) {
    return format_local(d.taken, Zone::find(d.tz).value_or(Zone()), fmt);
}

std::string dose_amount_label(const Dose& d) {
    return fmt::format("{} {}", visible(d.medicine), amount_with_unit(d.amount, d.unit));
}

std::string dose_label(const Dose& d) {
    return fmt::format("{} at {}", dose_amount_label(d), dose_local_time(d));
}

void print_json(Context& ctx, const ordered_json& j) {
    ctx.out() << j.dump(2, ' ', false, ordered_json::error_handler_t::replace) << '\n';
}

} // namespace rls
