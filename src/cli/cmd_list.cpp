// rls list: nights in a range, newest first, each with its sessions, rating,
// the doses taken, the evening's symptoms and the night's tags.
#include "cli/app.hpp"
#include "cli/render.hpp"
#include "cli/window_options.hpp"
#include "core/measures_json.hpp"
#include "core/nights.hpp"
#include "store/measures.hpp"
#include "store/ratings.hpp"
#include "store/sessions.hpp"

#include <CLI/App.hpp>
#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <memory>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace rls {

namespace {

constexpr int k_list_weeks = 2;

struct ListOptions {
    WindowOptions window;
    bool json = false;
};

void run_list(Context& ctx, const ListOptions& o) {
    const auto& t = ctx.time();
    // The newest night is the current one, so tonight's session shows at once.
    const auto [from, to] =
        resolve_window(o.window, t, night_of(t.now, t.zone, t.cutoff), k_list_weeks);
    auto& db = ctx.db();
    const auto sessions = sessions_between(db, from, to);
    const auto ratings = ratings_between(db, from, to);
    // Newest first, nights and the sessions within each.
    auto nights = nights_between(from, to, sessions, ratings);
    std::reverse(nights.begin(), nights.end());
    for (auto& n : nights) {
        std::reverse(n.sessions.begin(), n.sessions.end());
    }
    const auto doses = doses_between(db, from, to);
    const auto planned = no_massage_between(db, from, to);
    const auto doses_on = [&doses](Date night) {
        std::vector<const Dose*> out;
        for (const auto& d : doses) {
            if (d.night == night) {
                out.push_back(&d);
            }
        }
        return out;
    };
    const auto is_planned = [&planned](Date night) {
        return std::find(planned.begin(), planned.end(), night) != planned.end();
    };
    const auto symptoms = symptoms_between(db, from, to);
    const auto symptoms_on = [&symptoms](Date night) -> const Symptoms* {
        const auto it = std::find_if(symptoms.begin(), symptoms.end(),
                                     [night](const Symptoms& s) { return s.night == night; });
        return it == symptoms.end() ? nullptr : &*it;
    };
    const auto tags = night_tags_between(db, from, to);
    const auto tags_on = [&tags](Date night) {
        std::vector<std::string> out;
        for (const auto& tag : tags) {
            if (tag.night == night) {
                out.push_back(tag.tag);
            }
        }
        return out;
    };

    if (o.json) {
        nlohmann::ordered_json out;
        out["from"] = format_date(from);
        out["to"] = format_date(to);
        out["nights"] = nlohmann::ordered_json::array();
        for (const auto& row : nights) {
            nlohmann::ordered_json night;
            night["night"] = format_date(row.night);
            night["sessions"] = nlohmann::ordered_json::array();
            for (const auto* s : row.sessions) {
                night["sessions"].push_back(to_json(*s));
            }
            night["rating"] = row.rating != nullptr ? to_json(*row.rating) : nullptr;
            night["no_massage_planned"] = is_planned(row.night);
            night["doses"] = nlohmann::ordered_json::array();
            for (const auto* d : doses_on(row.night)) {
                night["doses"].push_back(dose_json(*d));
            }
            const auto* sy = symptoms_on(row.night);
            night["symptoms"] = sy != nullptr ? to_json(*sy) : nullptr;
            night["tags"] = tags_on(row.night);
            out["nights"].push_back(night);
        }
        print_json(ctx, out);
        return;
    }

    const Style style(ctx.color_enabled());
    auto& out = ctx.out();
    // With doses the line can pass 80 columns: wrapped, as every line is.
    for (const auto& line :
         wrap(fmt::format("Nights {} to {}, newest first: {} session{}, {} rated{}.",
                          format_date(from), format_date(to), sessions.size(),
                          sessions.size() == 1 ? "" : "s", ratings.size(),
                          doses.empty() ? ""
                                        : fmt::format(", {} dose{}", doses.size(),
                                                      doses.size() == 1 ? "" : "s")),
              80)) {
        out << line << '\n';
    }
    out << '\n';
    out << style.bold(fmt::format("{:<11} {:>5} {:<5} {:<24} {:<7} {:>5} {:>8}", "NIGHT", "ID",
                                  "TIME", "ROUTINE", "BEFORE", "SLEEP", "RESTLESS"))
        << '\n';
    const Date current = night_of(t.now, t.zone, t.cutoff);
    for (const auto& row : nights) {
        const Date night = row.night;
        // Pad plain text first, then style, so escape codes never skew columns.
        std::string rating_cols;
        if (row.rating != nullptr) {
            rating_cols = fmt::format("{:>5} {:>8}", or_dash(row.rating->sleep),
                                      or_dash(row.rating->restless));
        } else if (night < current) {
            rating_cols = style.dim(fmt::format("{:>5} {:>8}", "?", "?"));
        } else {
            rating_cols = fmt::format("{:>5} {:>8}", "-", "-");
        }
        if (row.sessions.empty()) {
            const char* none = is_planned(night) ? "no massage (planned)" : "no session";
            out << fmt::format("{:<11} {:>5} {:<5} {} {:<7} {}\n", format_date(night), "", "",
                               style.dim(fmt::format("{:<24}", none)), "", rating_cols);
        }
        bool first = true;
        for (const auto* s : row.sessions) {
            out << fmt::format("{:<11} {:>5} {:<5} {} {:<7} {}\n", first ? format_date(night) : "",
                               s->id, session_local_time(*s, "%H:%M"),
                               cell(visible(routine_label(*s)), 24), before_after(*s),
                               first ? rating_cols : "");
            first = false;
        }
        // Under its sessions, the night's doses and the symptoms' onset in
        // the order of the clock (the rest of the line is theirs), then the
        // night's tags.
        std::vector<std::pair<Instant, std::string>> timed;
        for (const auto* d : doses_on(night)) {
            timed.emplace_back(d->taken,
                               fmt::format("{:<5} {}", dose_local_time(*d),
                                           shorten("took " + dose_amount_label(*d), 80 - 24)));
        }
        const auto* sy = symptoms_on(night);
        const std::string felt =
            sy != nullptr && sy->spread ? "felt in " + spread_text(*sy->spread) : "";
        if (sy != nullptr && sy->onset) {
            const auto zone = Zone::find(sy->tz).value_or(Zone());
            timed.emplace_back(*sy->onset, fmt::format("{:<5} symptoms began{}",
                                                       format_local(*sy->onset, zone, "%H:%M"),
                                                       felt.empty() ? "" : "; " + felt));
        }
        std::stable_sort(timed.begin(), timed.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        for (const auto& [when, text] : timed) {
            out << fmt::format("{:<11} {:>5} {}\n", "", "", text);
        }
        if (sy != nullptr && !sy->onset && !felt.empty()) {
            out << fmt::format("{:<11} {:>5} {:<5} symptoms {}\n", "", "", "", felt);
        }
        if (const auto names = tags_on(night); !names.empty()) {
            out << fmt::format(
                "{:<11} {:>5} {:<5} {}\n", "", "", "",
                shorten(visible(fmt::format("tags: {}", fmt::join(names, ", "))), 80 - 24));
        }
    }
    out << '\n'
        << style.dim(
               "? = not rated yet (rls rate --night DATE). BEFORE = restlessness before→after.")
        << '\n';
}

} // namespace

void register_list(CLI::App& app, Context& ctx, Action& action) {
    auto o = std::make_shared<ListOptions>();
    auto* cmd =
        app.add_subcommand("list", "List nights with their sessions and ratings, newest first");
    add_window_options(*cmd, o->window, k_list_weeks, "tonight", "tonight");
    cmd->add_flag("--json", o->json, "Print the nights as JSON");
    cmd->callback([&ctx, &action, o] { action = [&ctx, o] { run_list(ctx, *o); }; });
}

} // namespace rls
