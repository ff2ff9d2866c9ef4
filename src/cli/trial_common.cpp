// The trial running tonight, its JSON, and the deviation check log and guide share.
#include "cli/trial_common.hpp"

#include "core/error.hpp"
#include "core/limits.hpp"
#include "core/parse.hpp"
#include "core/remind.hpp"
#include "core/terminal_text.hpp"
#include "store/ratings.hpp"
#include "store/sessions.hpp"
#include "store/trials.hpp"

#include <charconv>
#include <fmt/format.h>
#include <ostream>

namespace rls {

Date trial_tonight(Context& ctx) {
    return current_night(ctx.time());
}

std::optional<Trial> running_trial(Context& ctx) {
    return active_trial(ctx.db(), trial_tonight(ctx));
}

Trial newest_trial_or_fail(Context& ctx) {
    auto t = latest_trial(ctx.db());
    if (!t) {
        throw Error(Exit::no_input, "there is no trial yet; start one with rls trial start");
    }
    return std::move(*t);
}

Trial trial_or_fail(Context& ctx, const std::string& id) {
    if (id.empty()) {
        return newest_trial_or_fail(ctx);
    }
    std::int64_t n = 0;
    const auto* end = id.data() + id.size();
    const auto [ptr, ec] = std::from_chars(id.data(), end, n);
    if (ec != std::errc() || ptr != end || n < 1) {
        throw usage_error(
            fmt::format("ID must be a trial number (rls trial list), got {}", quote_value(id)));
    }
    for (auto& t : all_trials(ctx.db())) {
        if (t.id == n) {
            return std::move(t);
        }
    }
    throw Error(Exit::no_input, fmt::format("there is no trial {}; rls trial list shows them", n));
}

report::TrialAnalysis analyse_trial_now(Context& ctx, const Trial& t) {
    auto& db = ctx.db();
    const auto& p = t.protocol;
    return report::analyse_trial(t, sessions_between(db, p.first_night, p.last_night()),
                                 ratings_between(db, p.first_night, p.last_night()),
                                 trial_tonight(ctx));
}

std::optional<report::TrialAnalysis> trial_for_report(Context& ctx, Date from, Date to) {
    const auto tonight = trial_tonight(ctx);
    // From the first evening on: a running trial leads the report even before
    // its first morning, so the plan and its fingerprint are there from the start.
    const Date reach = date::sys_days(to) + date::days(1) >= date::sys_days(tonight) ? tonight : to;
    auto trials = all_trials(ctx.db());
    for (auto t = trials.rbegin(); t != trials.rend(); ++t) {
        const auto first = t->protocol.first_night;
        // Not begun yet, stopped before its first night, or outside the window.
        if (tonight < first || t->end_night() < first || first > reach || t->end_night() < from) {
            continue;
        }
        return analyse_trial_now(ctx, *t);
    }
    return std::nullopt;
}

nlohmann::ordered_json trial_json(const Trial& t, Date tonight, bool reveal) {
    const auto& p = t.protocol;
    nlohmann::ordered_json arms = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < p.arms.size(); ++i) {
        arms.push_back({{"letter", std::string(1, arm_letter(static_cast<int>(i)))},
                        {"arm", p.arms[i].label()}});
    }
    nlohmann::ordered_json schedule = nlohmann::ordered_json::array();
    for (const auto& n : p.schedule) {
        const bool shown = reveal || n.night <= tonight;
        schedule.push_back(
            {{"night", n.seq},
             {"date", format_date(n.night)},
             // With washout nights, a night's block and whether it is a
             // washout night follow the arms drawn: hidden as the arm is.
             {"block", shown ? nlohmann::ordered_json(n.block) : nlohmann::ordered_json(nullptr)},
             {"arm", shown ? nlohmann::ordered_json(p.arms[static_cast<std::size_t>(n.arm)].label())
                           : nlohmann::ordered_json(nullptr)},
             {"washout",
              shown ? nlohmann::ordered_json(n.washout) : nlohmann::ordered_json(nullptr)}});
    }
    return {{"id", t.id},
            {"uuid", t.uuid},
            {"fingerprint", t.fingerprint},
            {"arms", arms},
            {"design", design_name(p.design)},
            {"blocks", p.blocks},
            {"washout", p.washout},
            {"outcome", outcome_name(p.outcome)},
            {"mid", p.mid},
            {"first_night", format_date(p.first_night)},
            {"last_night", format_date(p.last_night())},
            {"nights", p.schedule.size()},
            {"seed", p.seed},
            {"started_utc", format_instant_utc(t.created)},
            {"stopped_utc", t.stopped ? nlohmann::ordered_json(format_instant_utc(*t.stopped))
                                      : nlohmann::ordered_json(nullptr)},
            {"stopped_night", t.stopped_night
                                  ? nlohmann::ordered_json(format_date(*t.stopped_night))
                                  : nlohmann::ordered_json(nullptr)},
            {"schedule", schedule}};
}

std::optional<PendingMark> check_trial_session(Context& ctx, const SessionInput& session,
                                               bool confirmed) {
    const auto t = active_trial(ctx.db(), session.night);
    if (!t) {
        return std::nullopt;
    }
    return check_trial_session(ctx, session, t,
                               sessions_between(ctx.db(), session.night, session.night), confirmed);
}

std::optional<PendingMark> check_trial_session(Context& ctx, const SessionInput& session,
                                               const std::optional<Trial>& t,
                                               const std::vector<Session>& held, bool confirmed) {
    if (!t || !t->active_on(session.night)) {
        return std::nullopt;
    }
    const auto* n = t->protocol.night(session.night);
    if (n == nullptr) {
        return std::nullopt;
    }
    // The night's sessions so far and this one decide what was done.
    Session incoming;
    static_cast<SessionInput&>(incoming) = session;
    std::vector<const Session*> all;
    for (const auto& s : held) {
        all.push_back(&s);
    }
    all.push_back(&incoming);
    const auto done = arm_done(t->protocol, all, false);
    PendingMark pending{t->id,
                        {session.night, "session", done == n->arm, std::nullopt, ctx.time().now}};
    if (pending.mark.followed || (confirmed && ctx.interactive())) {
        return pending;
    }
    const auto assigned = t->protocol.arms[static_cast<std::size_t>(n->arm)].label();
    const auto what =
        fmt::format("Trial night {} of {} ({}) is assigned {}; this session is "
                    "not, and will be kept as a deviation.",
                    n->seq, t->protocol.schedule.size(), format_date(n->night), assigned);
    if (ctx.interactive()) {
        for (const auto& l : wrap(visible(what), 78)) {
            ctx.err() << l << '\n';
        }
        if (!ctx.confirm("Store it as a deviation from the trial?")) {
            throw Error(Exit::declined,
                        fmt::format("nothing was saved; tonight's arm is {}", visible(assigned)));
        }
    } else if (!ctx.quiet) {
        std::string out;
        for (const auto& l : wrap("rls: note: " + visible(what), 78)) {
            out += (out.empty() ? "" : "\n  ") + l;
        }
        ctx.err() << out << '\n';
    }
    return pending;
}

std::optional<PendingMark> check_trial_skip(Context& ctx, Date night) {
    const auto t = latest_trial(ctx.db());
    const TrialNight* n = t ? t->protocol.night(night) : nullptr;
    if (n == nullptr || night > t->end_night()) {
        return std::nullopt;
    }
    const auto& assigned = t->protocol.arms[static_cast<std::size_t>(n->arm)];
    const bool followed = assigned.kind == Arm::Kind::none;
    if (!followed) {
        const auto what = fmt::format("Trial night {} ({}) is assigned {}; no massage is a "
                                      "deviation.",
                                      n->seq, format_date(night), visible(assigned.label()));
        if (ctx.interactive()) {
            ctx.err() << what << '\n';
            if (!ctx.confirm("Store the night as a deviation?")) {
                throw Error(Exit::declined, "nothing was saved");
            }
        } else if (!ctx.quiet) {
            ctx.err() << "rls: note: " << what << '\n';
        }
    }
    return PendingMark{t->id, {night, "skip", followed, std::nullopt, ctx.time().now}};
}

std::vector<SessionOil> oils_for_arm(std::vector<SessionOil> last, const Arm& arm) {
    if (arm.kind != Arm::Kind::oil) {
        return last;
    }
    std::erase_if(last, [&](const SessionOil& x) { return x.oil == arm.oil; });
    if (arm.with) {
        last.push_back({arm.oil, k_default_drops});
    }
    return last;
}

void store_trial_mark(Context& ctx, const std::optional<PendingMark>& pending,
                      const std::string& session_uuid) {
    if (!pending) {
        return;
    }
    auto mark = pending->mark;
    mark.session_uuid = session_uuid;
    save_mark(ctx.db(), pending->trial_id, mark);
}

} // namespace rls
