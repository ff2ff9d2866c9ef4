// rls edit: change a stored session; only the given options change.
#include "cli/app.hpp"
#include "cli/render.hpp"
#include "cli/session_id.hpp"
#include "cli/session_options.hpp"
#include "cli/trial_common.hpp"
#include "core/error.hpp"
#include "core/match.hpp"
#include "core/parse.hpp"
#include "store/catalog.hpp"
#include "store/sessions.hpp"
#include "store/trials.hpp"

#include <CLI/App.hpp>
#include <SQLiteCpp/Transaction.h>
#include <algorithm>
#include <fmt/format.h>
#include <memory>
#include <ostream>

namespace rls {

namespace {

struct EditOptions {
    std::string id;
    SessionOptions session;
    std::vector<std::string> unset_points;
    std::vector<std::string> unset_oils;
    std::vector<std::string> unset_tags;
    bool replace = false;
};

// Adds or changes one entry of a list keyed by `key`, keeping the others.
template <typename T, typename Key>
void set_entry(std::vector<T>& list, const T& entry, Key key) {
    const auto it =
        std::find_if(list.begin(), list.end(), [&](const T& x) { return key(x) == key(entry); });
    if (it == list.end()) {
        list.push_back(entry);
    } else {
        *it = entry;
    }
}

template <typename T, typename Key>
void unset_entry(std::vector<T>& list, const std::string& code, Key key, std::string_view field) {
    const auto it =
        std::find_if(list.begin(), list.end(), [&](const T& x) { return key(x) == code; });
    if (it == list.end()) {
        throw usage_error(fmt::format("{} {}: the session has no such entry", field, code));
    }
    list.erase(it);
}

std::string point_text(const SessionPoint& p) {
    return fmt::format("{}={}", p.point, p.tenderness);
}
std::string oil_text(const SessionOil& o) {
    return o.drops ? fmt::format("{}:{}", o.oil, *o.drops) : o.oil;
}

// What differs between two lists, as "+added", "-removed", "changed (was x)".
template <typename T, typename Key, typename Text>
void list_changes(std::vector<std::string>& out, const char* what, const std::vector<T>& before,
                  const std::vector<T>& after, Key key, Text text) {
    for (const auto& a : after) {
        const auto it = std::find_if(before.begin(), before.end(),
                                     [&](const T& b) { return key(b) == key(a); });
        if (it == before.end()) {
            out.push_back(fmt::format("{} added: {}", what, text(a)));
        } else if (text(*it) != text(a)) {
            out.push_back(fmt::format("{} changed: {} (was {})", what, text(a), text(*it)));
        }
    }
    for (const auto& b : before) {
        if (std::none_of(after.begin(), after.end(),
                         [&](const T& a) { return key(a) == key(b); })) {
            out.push_back(fmt::format("{} removed: {}", what, text(b)));
        }
    }
}

std::vector<std::string> changes(const Session& before, const Session& after) {
    std::vector<std::string> out;
    const auto field = [&](const char* what, const std::string& now, const std::string& was) {
        if (was != now) {
            out.push_back(fmt::format("{}: {} (was {})", what, now, was));
        }
    };
    field("started", session_local_time(after), session_local_time(before));
    field("night", format_date(after.night), format_date(before.night));
    field("routine", routine_label(after), routine_label(before));
    field("duration", after.duration_min ? minutes_label(*after.duration_min) : "-",
          before.duration_min ? minutes_label(*before.duration_min) : "-");
    field("before", or_dash(after.before), or_dash(before.before));
    field("after", or_dash(after.after), or_dash(before.after));
    if (after.note != before.note) {
        out.push_back(after.note ? "note changed" : "note removed");
    }
    const auto point_key = [](const SessionPoint& p) { return p.point; };
    const auto oil_key = [](const SessionOil& o) { return o.oil; };
    const auto same = [](const std::string& t) { return t; };
    list_changes(out, "point", before.points, after.points, point_key, point_text);
    list_changes(out, "oil", before.oils, after.oils, oil_key, oil_text);
    list_changes(out, "tag", before.tags, after.tags, same, same);
    return out;
}

void apply_lists(Context& ctx, const EditOptions& o, SessionInput& in) {
    const auto& s = o.session;
    const auto point_key = [](const SessionPoint& p) { return p.point; };
    const auto oil_key = [](const SessionOil& x) { return x.oil; };
    if (o.replace) {
        // The explicit form: each list given replaces the stored one.
        if (!s.points.empty()) {
            in.points.clear();
        }
        if (!s.oils.empty()) {
            in.oils.clear();
        }
        if (!s.tags.empty()) {
            in.tags.clear();
        }
    }
    for (const auto& p : resolve_points(ctx, s.points, "--point")) {
        set_entry(in.points, p, point_key);
    }
    for (const auto& oil : resolve_oils(ctx, s.oils, "--oil")) {
        set_entry(in.oils, oil, oil_key);
    }
    for (const auto& t : s.tags) {
        auto name = parse_name(t, "--tag");
        if (std::find(in.tags.begin(), in.tags.end(), name) == in.tags.end()) {
            in.tags.push_back(std::move(name));
        }
    }
    const auto points = point_codes(ctx.db());
    for (const auto& typed : o.unset_points) {
        const auto code = match_id(typed, points, "--unset-point", "point (see: rls points)");
        unset_entry(in.points, code, point_key, "--unset-point");
    }
    const auto oils = codes_of(list_oils(ctx.db()));
    for (const auto& typed : o.unset_oils) {
        const auto code = match_id(typed, oils, "--unset-oil", "oil (see: rls oils)");
        unset_entry(in.oils, code, oil_key, "--unset-oil");
    }
    for (const auto& typed : o.unset_tags) {
        unset_entry(
            in.tags, parse_name(typed, "--unset-tag"), [](const std::string& t) { return t; },
            "--unset-tag");
    }
}

bool nothing_given(const EditOptions& o) {
    const auto& s = o.session;
    for (const auto* opt : {s.at_opt, s.routine_opt, s.rounds_opt, s.duration_opt, s.before_opt,
                            s.after_opt, s.note_opt}) {
        if (opt->count() > 0) {
            return false;
        }
    }
    return s.points.empty() && s.oils.empty() && s.tags.empty() && o.unset_points.empty() &&
           o.unset_oils.empty() && o.unset_tags.empty();
}

void run_edit(Context& ctx, const EditOptions& o) {
    const auto id = parse_session_id(o.id);
    if (nothing_given(o)) {
        throw usage_error(fmt::format("nothing to change in session {}: give an option such as "
                                      "-p ID=N or --unset-point ID (see rls edit --help)",
                                      id));
    }
    auto& db = ctx.db();
    const auto existing = load_session(db, id);
    SessionInput in = existing;
    auto scalars = o.session;
    scalars.points.clear();
    scalars.oils.clear();
    scalars.tags.clear();
    apply_session_options(ctx, scalars, in);
    apply_lists(ctx, o, in);
    Session proposed = existing;
    static_cast<SessionInput&>(proposed) = in;
    const auto changed = changes(existing, proposed);
    // A change to what was done on a trial night is checked as log checks
    // it: a deviation is asked about (terminal) or noted, and the mark follows.
    std::optional<PendingMark> trial_mark;
    const auto oil_names = [](const SessionInput& x) {
        std::vector<std::string> names;
        for (const auto& oil : x.oils) {
            names.push_back(oil.oil);
        }
        return names;
    };
    if (existing.routine != in.routine || existing.rounds != in.rounds ||
        oil_names(existing) != oil_names(in) || existing.night != in.night) {
        if (const auto t = active_trial(db, in.night); t && t->protocol.night(in.night)) {
            auto held = sessions_between(db, in.night, in.night);
            std::erase_if(held, [&](const Session& s) { return s.id == id; });
            trial_mark = check_trial_session(ctx, in, t, held);
        }
    }
    if (!changed.empty()) {
        SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
        update_session(db, id, in, ctx.time().now);
        store_trial_mark(ctx, trial_mark, existing.uuid);
        tx.commit();
    }
    const auto stored = find_session(db, id);
    if (o.session.json) {
        print_json(ctx, to_json(*stored));
        return;
    }
    if (changed.empty()) {
        ctx.say(fmt::format("Session {} already says that; nothing changed.\n", id));
        return;
    }
    std::string text =
        fmt::format("Updated session {}: {} at {}, night of {}.\n", id, routine_label(*stored),
                    session_local_time(*stored), format_date(stored->night));
    for (const auto& line : changed) {
        text += "  " + line + "\n";
    }
    ctx.say(text);
}

} // namespace

void register_edit(CLI::App& app, Context& ctx, Action& action) {
    auto opts = std::make_shared<EditOptions>();
    auto* cmd =
        app.add_subcommand("edit", "Change a session; -p, -o and -t add or change single entries");
    add_session_id(*cmd, opts->id);
    add_session_options(*cmd, opts->session);
    cmd->add_option("--unset-point", opts->unset_points, "Remove one point's tenderness")
        ->type_name("ID")
        ->allow_extra_args(false);
    cmd->add_option("--unset-oil", opts->unset_oils, "Remove one oil")
        ->type_name("ID")
        ->allow_extra_args(false);
    cmd->add_option("--unset-tag", opts->unset_tags, "Remove one tag")
        ->type_name("TAG")
        ->allow_extra_args(false);
    cmd->add_flag("--replace", opts->replace,
                  "Each of -p, -o, -t given replaces that whole list instead");
    cmd->callback([&ctx, &action, opts] { action = [&ctx, opts] { run_edit(ctx, *opts); }; });
}

} // namespace rls
