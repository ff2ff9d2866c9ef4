// Validation and resolution of session flags; nothing here writes.
#include "cli/session_options.hpp"

#include "core/error.hpp"
#include "core/match.hpp"
#include "core/parse.hpp"
#include "store/catalog.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace rls {

void add_session_options(CLI::App& cmd, SessionOptions& o) {
    o.at_opt = cmd.add_option("--at", o.at,
                              "When the massage started: now, 22:30, 10pm, 'yesterday 9pm', "
                              "'30m ago', '2026-11-24 22:30' or ISO 8601 (default now)")
                   ->type_name("WHEN");
    o.routine_opt = cmd.add_option("-r,--routine", o.routine, "Routine followed (default standard)")
                        ->type_name("NAME");
    o.rounds_opt =
        cmd.add_option("-n,--rounds", o.rounds,
                       fmt::format("Rotations through the routine's points, {} (default 1)",
                                   range_text(k_rounds_range)))
            ->type_name("N");
    cmd.add_option(
           "-p,--point", o.points,
           fmt::format("Tenderness {} at a point, e.g. left.heart=6 or heart=6 (repeatable)",
                       range_text(k_tenderness_range)))
        ->type_name("ID=N")
        ->allow_extra_args(false);
    cmd.add_option("-o,--oil", o.oils,
                   fmt::format("Oil used, with drops {} (default {}; none for a carrier), e.g. "
                               "lavender:3 (repeatable)",
                               range_text(k_drops_range), k_default_drops))
        ->type_name("ID[:DROPS]")
        ->allow_extra_args(false);
    o.duration_opt = cmd.add_option("-d,--duration", o.duration,
                                    "How long it took: 25m, 1h10m or 1:10 (1 minute to 6 hours)")
                         ->type_name("TIME");
    o.before_opt = cmd.add_option("-b,--before", o.before,
                                  "Evening restlessness before the massage, 0-10 (10 worst)")
                       ->type_name("N");
    o.after_opt = cmd.add_option("-a,--after", o.after,
                                 "Evening restlessness after the massage, 0-10 (10 worst)")
                      ->type_name("N");
    cmd.add_option("-t,--tag", o.tags, "A tag such as caffeine or late-exercise (repeatable)")
        ->type_name("TAG")
        ->allow_extra_args(false);
    o.note_opt =
        cmd.add_option("--note", o.note, "A free-text note (up to 10000 bytes)")->type_name("TEXT");
    cmd.add_flag("--json", o.json, "Print the stored session as JSON");
}

void set_start(Context& ctx, SessionInput& input, Instant started) {
    const auto& t = ctx.time();
    input.started = started;
    input.tz = std::string(t.zone.name());
    input.utc_offset_min = utc_offset_minutes(started, t.zone);
    input.night = night_of(started, t.zone, t.cutoff);
}

std::string resolve_routine(Context& ctx, const std::string& typed, std::string_view field) {
    const auto all = list_routines(ctx.db(), true);
    std::vector<std::string> offered;
    for (const auto& r : all) {
        if (!r.hidden) {
            offered.push_back(r.code);
        }
    }
    try {
        return match_id(typed, offered, field, "routine (see: rls routines)");
    } catch (const Error&) {
        for (const auto& r : all) {
            if (r.hidden && r.code == typed) {
                throw usage_error(fmt::format("{} {} was removed; bring it back with: rls "
                                              "routines restore {}",
                                              field, r.code, r.code));
            }
        }
        throw;
    }
}

std::vector<SessionPoint> resolve_points(Context& ctx, const std::vector<std::string>& specs,
                                         std::string_view field) {
    const auto known = point_codes(ctx.db());
    std::vector<SessionPoint> out;
    for (const auto& text : specs) {
        auto spec = parse_point_spec(text, field);
        const auto code = match_id(spec.point, known, field, "point (see: rls points)");
        if (std::any_of(out.begin(), out.end(), [&](const auto& p) { return p.point == code; })) {
            throw usage_error(fmt::format("{} {} is given twice", field, code));
        }
        out.push_back({code, spec.tenderness});
    }
    return out;
}

std::vector<SessionOil> resolve_oils(Context& ctx, const std::vector<std::string>& specs,
                                     std::string_view field) {
    const auto oils = list_oils(ctx.db());
    const auto known = codes_of(oils);
    std::vector<SessionOil> out;
    for (const auto& text : specs) {
        auto spec = parse_oil_spec(text, field);
        const auto code = match_id(spec.oil, known, field, "oil (see: rls oils)");
        if (std::any_of(out.begin(), out.end(), [&](const auto& o) { return o.oil == code; })) {
            throw usage_error(fmt::format("{} {} is given twice", field, code));
        }
        const auto& oil =
            *std::find_if(oils.begin(), oils.end(), [&](const auto& o) { return o.code == code; });
        auto drops = spec.drops;
        if (!drops && !oil.carrier) {
            drops = k_default_drops;
        }
        out.push_back({code, drops});
    }
    return out;
}

void apply_session_options(Context& ctx, const SessionOptions& o, SessionInput& input) {
    if (o.at_opt->count() > 0) {
        set_start(ctx, input, parse_when(o.at, ctx.time(), "--at"));
    }
    if (o.routine_opt->count() > 0) {
        input.routine = resolve_routine(ctx, o.routine, "--routine");
    }
    if (o.rounds_opt->count() > 0) {
        input.rounds = parse_int(o.rounds, "--rounds", k_rounds_range);
    }
    if (o.duration_opt->count() > 0) {
        input.duration_min = parse_session_duration(o.duration, "--duration");
    }
    if (o.before_opt->count() > 0) {
        input.before = parse_rating(o.before, "--before");
    }
    if (o.after_opt->count() > 0) {
        input.after = parse_rating(o.after, "--after");
    }
    if (o.note_opt->count() > 0) {
        auto note = parse_text(o.note, "--note", k_max_note_bytes);
        input.note = note.empty() ? std::nullopt : std::optional<std::string>(std::move(note));
    }
    if (!o.points.empty()) {
        input.points = resolve_points(ctx, o.points, "--point");
    }
    if (!o.oils.empty()) {
        input.oils = resolve_oils(ctx, o.oils, "--oil");
    }
    if (!o.tags.empty()) {
        input.tags.clear();
        for (const auto& t : o.tags) {
            auto name = parse_name(t, "--tag");
            if (std::find(input.tags.begin(), input.tags.end(), name) == input.tags.end()) {
                input.tags.push_back(std::move(name));
            }
        }
    }
}

} // namespace rls
