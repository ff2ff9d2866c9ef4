// rls show: one session in full, with the rating of the night after it and
// the doses taken that night.
#include "cli/app.hpp"
#include "cli/render.hpp"
#include "cli/session_id.hpp"
#include "core/error.hpp"
#include "core/parse.hpp"
#include "store/catalog.hpp"
#include "store/measures.hpp"
#include "store/ratings.hpp"
#include "store/sessions.hpp"

#include <CLI/App.hpp>
#include <algorithm>
#include <fmt/format.h>
#include <memory>
#include <ostream>

namespace rls {

namespace {

// 80 columns less the label column.
constexpr std::size_t k_value_width = 80 - 13;

struct ShowOptions {
    std::string id;
    bool json = false;
};

void run_show(Context& ctx, const ShowOptions& o) {
    auto& db = ctx.db();
    const auto s = load_session(db, parse_session_id(o.id));
    const auto rating = find_rating(db, s.night);
    const auto doses = doses_between(db, s.night, s.night);
    if (o.json) {
        auto j = to_json(s);
        j["night_rating"] = rating ? to_json(*rating) : nullptr;
        j["night_doses"] = nlohmann::ordered_json::array();
        for (const auto& d : doses) {
            j["night_doses"].push_back(dose_json(d));
        }
        print_json(ctx, j);
        return;
    }
    const Style style(ctx.color_enabled());
    auto& out = ctx.out();
    // Everything shown comes from the database: in full, wrapped to 80
    // columns, control characters made visible.
    const auto field = [&](std::string_view label, const std::string& value) {
        bool first = true;
        for (const auto& line : wrap(visible(value), k_value_width)) {
            out << fmt::format(
                "{} {}\n", first ? style.bold(fmt::format("{:<12}", label)) : pad("", 12), line);
            first = false;
        }
    };
    field("Session", fmt::format("{}", s.id));
    field("Started", fmt::format("{} ({})", session_local_time(s), s.tz));
    field("Night", format_date(s.night));
    field("Routine", routine_label(s));
    field("Duration", s.duration_min ? fmt::format("{} min", *s.duration_min) : "-");
    field("Restless", fmt::format("before {}, after {}", or_dash(s.before), or_dash(s.after)));
    if (s.points.empty()) {
        field("Points", "-");
    } else {
        const auto points = list_points(db);
        bool first = true;
        for (const auto& p : s.points) {
            std::string name;
            for (const auto& known : points) {
                if (known.code == p.point) {
                    name = known.name;
                }
            }
            const auto value = fmt::format(
                "{:<15} {:>2}  {}", p.point, p.tenderness,
                std::string(static_cast<std::size_t>(std::clamp(p.tenderness, 0, 10)), '#'));
            field(first ? "Points" : "", value);
            first = false;
        }
    }
    std::string oils;
    for (const auto& oil : s.oils) {
        oils += (oils.empty() ? "" : ", ") +
                (oil.drops ? fmt::format("{} ({} drops)", oil.oil, *oil.drops) : oil.oil);
    }
    field("Oils", oils.empty() ? "-" : oils);
    std::string tags;
    for (const auto& tag : s.tags) {
        tags += (tags.empty() ? "" : ", ") + tag;
    }
    field("Tags", tags.empty() ? "-" : tags);
    field("Note", s.note.value_or("-"));
    if (rating) {
        field("That night", fmt::format("sleep {}, restlessness {}", or_dash(rating->sleep),
                                        or_dash(rating->restless)));
    } else {
        field("That night", "not rated");
    }
    // Only for those who record doses: a diary without medicines shows none.
    for (std::size_t i = 0; i < doses.size(); ++i) {
        field(i == 0 ? "Doses" : "", dose_label(doses[i]));
    }
}

} // namespace

void register_show(CLI::App& app, Context& ctx, Action& action) {
    auto o = std::make_shared<ShowOptions>();
    auto* cmd = app.add_subcommand("show", "Show one session in full");
    add_session_id(*cmd, o->id);
    cmd->add_flag("--json", o->json, "Print the session as JSON");
    cmd->callback([&ctx, &action, o] { action = [&ctx, o] { run_show(ctx, *o); }; });
}

} // namespace rls
