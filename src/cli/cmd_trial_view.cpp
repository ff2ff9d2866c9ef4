// rls trial show | tonight | status | report | list: the protocol (the future
// kept hidden), tonight's arm, progress and adherence, the planned analysis
// and every trial so far.
#include "cli/render.hpp"
#include "cli/trial_common.hpp"
#include "cli/trial_view.hpp"
#include "core/error.hpp"
#include "core/terminal_text.hpp"
#include "report/trial_render.hpp"
#include "store/ratings.hpp"
#include "store/sessions.hpp"
#include "store/trials.hpp"

#include <CLI/App.hpp>
#include <fmt/format.h>
#include <memory>
#include <ostream>

namespace rls {

namespace {

std::string arm_list(const Protocol& p) {
    std::string out;
    for (std::size_t i = 0; i < p.arms.size(); ++i) {
        out += fmt::format("{}{} = {}", i == 0 ? "" : ", ", arm_letter(static_cast<int>(i)),
                           visible(p.arms[i].label()));
    }
    return out;
}

std::string trial_state(const Trial& t, Date tonight) {
    if (t.stopped && t.end_night() < t.protocol.first_night) {
        return "stopped before its first night";
    }
    if (t.stopped) {
        return fmt::format("stopped early after the night of {}", format_date(t.end_night()));
    }
    if (tonight < t.protocol.first_night) {
        return fmt::format("planned, first night {}", format_date(t.protocol.first_night));
    }
    return tonight > t.protocol.last_night() ? "finished" : "running";
}

struct ShowOptions {
    std::string id;
    bool reveal = false;
    bool canonical = false;
    bool json = false;
};

void run_show(Context& ctx, const ShowOptions& o) {
    const auto t = trial_or_fail(ctx, o.id);
    const auto tonight = trial_tonight(ctx);
    if (o.canonical) { // exactly the text the fingerprint is taken of
        ctx.out() << canonical_text(t.protocol);
        return;
    }
    if (o.json) {
        print_json(ctx, trial_json(t, tonight, o.reveal));
        return;
    }
    const auto& p = t.protocol;
    auto& out = ctx.out();
    out << fmt::format("Trial {} ({})\n", t.id, trial_state(t, tonight));
    for (const auto& l : wrap("Arms: " + arm_list(p), 80)) {
        out << l << '\n';
    }
    out << fmt::format("Design: {}, {} blocks, {} nights, washout {} night{}\n",
                       p.design == TrialDesign::pairs ? "randomised pairs (AB/BA)"
                                                      : "ABBA/BAAB blocks",
                       p.blocks, p.schedule.size(), p.washout, p.washout == 1 ? "" : "s");
    out << fmt::format("Outcome: {}; a difference that matters: {:g} point{}\n",
                       p.outcome == TrialOutcome::sleep ? "sleep quality (higher is better)"
                                                        : "night restlessness (lower is better)",
                       p.mid, p.mid == 1.0 ? "" : "s");
    out << fmt::format("Nights: {} to {}; seed {}\n", format_date(p.first_night),
                       format_date(p.last_night()), p.seed);
    out << fmt::format("Planned: {} {}\n", format_instant_utc(t.created), visible(t.tz));
    out << fmt::format("Fingerprint: {}\n", t.fingerprint);
    const bool hidden = !o.reveal && tonight < p.last_night();
    out << (hidden ? "Schedule (later nights hidden until they come; --reveal shows them):\n"
                   : "Schedule:\n");
    for (const auto& n : p.schedule) {
        const bool shown = o.reveal || n.night <= tonight;
        if (!shown) { // with washout nights the block, too, follows the arms drawn
            out << fmt::format("  {:>3}  {}  block  ?  ?\n", n.seq, format_date(n.night));
            continue;
        }
        out << fmt::format(
            "  {:>3}  {}  block {:>2}  {}{}\n", n.seq, format_date(n.night), n.block,
            shown ? fmt::format("{} {}", arm_letter(n.arm),
                                visible(p.arms[static_cast<std::size_t>(n.arm)].label()))
                  : std::string("?"),
            shown && n.washout ? " (washout)" : "");
    }
}

struct TonightOptions {
    bool json = false;
};

void run_tonight(Context& ctx, const TonightOptions& o) {
    const auto tonight = trial_tonight(ctx);
    const auto t = latest_trial(ctx.db());
    const TrialNight* n = nullptr;
    if (t && !t->stopped && t->active_on(tonight)) {
        n = t->protocol.night(tonight);
    }
    if (o.json) {
        if (n == nullptr) {
            print_json(ctx, {{"night", format_date(tonight)}, {"trial", nullptr}});
            return;
        }
        const auto& arm = t->protocol.arms[static_cast<std::size_t>(n->arm)];
        print_json(ctx, {{"night", format_date(tonight)},
                         {"trial", t->id},
                         {"trial_night", n->seq},
                         {"nights", t->protocol.schedule.size()},
                         {"block", n->block},
                         {"arm", arm.label()},
                         {"letter", std::string(1, arm_letter(n->arm))},
                         {"washout", n->washout},
                         {"massage", arm.kind != Arm::Kind::none}});
        return;
    }
    if (n == nullptr) {
        if (t && !t->stopped && tonight < t->protocol.first_night) {
            ctx.out() << fmt::format("No trial night tonight; trial {} begins on {}.\n", t->id,
                                     format_date(t->protocol.first_night));
        } else {
            ctx.out() << "No trial is running.\n";
        }
        return;
    }
    ctx.out() << fmt::format("Tonight ({}): {}.\n", format_date(tonight),
                             visible(assignment_text(*t, *n)));
}

struct StatusOptions {
    bool json = false;
};

void run_status(Context& ctx, const StatusOptions& o) {
    const auto t = newest_trial_or_fail(ctx);
    const auto tonight = trial_tonight(ctx);
    auto& db = ctx.db();
    const auto& p = t.protocol;
    const auto sessions = sessions_between(db, p.first_night, p.last_night());
    const auto ratings = ratings_between(db, p.first_night, p.last_night());
    const auto records = trial_records(t, sessions, ratings, tonight);
    int followed = 0;
    int deviated = 0;
    int skipped = 0;
    int begun = 0;
    int rated = 0;
    int ended = 0;
    std::vector<std::string> forgotten;
    std::vector<std::string> unrated;
    const Date last_ended = date::sys_days(tonight) - date::days(1);
    for (const auto& r : records) {
        if (r.state == NightState::upcoming) {
            continue;
        }
        ++begun;
        followed += r.state == NightState::followed ? 1 : 0;
        deviated += r.state == NightState::deviated ? 1 : 0;
        skipped += r.skipped ? 1 : 0;
        if (r.state == NightState::forgotten) {
            forgotten.push_back(format_date(r.night->night));
        }
        if (r.night->night <= last_ended) {
            ++ended;
            if (r.score(p.outcome)) {
                ++rated;
            } else {
                unrated.push_back(format_date(r.night->night));
            }
        }
    }
    const int logged = followed + deviated;
    // Nothing logged and no night ended yet: no adherence to speak of.
    std::optional<double> adherence;
    if (logged + static_cast<int>(forgotten.size()) > 0) {
        adherence = 100.0 * followed / (logged + static_cast<double>(forgotten.size()));
    }
    const auto* now_night = p.night(tonight);
    if (o.json) {
        print_json(ctx, {{"trial", t.id},
                         {"state", trial_state(t, tonight)},
                         {"fingerprint", t.fingerprint},
                         {"nights", p.schedule.size()},
                         {"tonight", now_night != nullptr && t.active_on(tonight)
                                         ? nlohmann::ordered_json(now_night->seq)
                                         : nlohmann::ordered_json(nullptr)},
                         {"begun", begun},
                         {"followed", followed},
                         {"deviated", deviated},
                         {"skipped", skipped},
                         {"forgotten", forgotten},
                         {"adherence_pct", adherence ? nlohmann::ordered_json(*adherence)
                                                     : nlohmann::ordered_json(nullptr)},
                         {"ended", ended},
                         {"rated", rated},
                         {"unrated", unrated}});
        return;
    }
    auto& out = ctx.out();
    out << fmt::format("Trial {} ({}): {}\n", t.id, trial_state(t, tonight), arm_list(p));
    if (now_night != nullptr && t.active_on(tonight)) {
        out << fmt::format("Tonight: {}.\n", visible(assignment_text(t, *now_night)));
    }
    out << fmt::format(
        "Nights so far: {} of {}; followed {}, deviated {}, not logged {}; {}.\n", begun,
        t.stopped ? t.protocol.analysed_nights() : static_cast<int>(p.schedule.size()), followed,
        deviated, forgotten.size(),
        adherence                                    ? fmt::format("adherence {:.0f}%", *adherence)
        : t.stopped && t.end_night() < p.first_night ? "no night was run"
                                                     : "no night has ended yet");
    out << fmt::format("Rated ({}): {} of {} ended nights.\n", outcome_name(p.outcome), rated,
                       ended);
    const auto list = [&](const char* lead, const std::vector<std::string>& nights) {
        if (nights.empty()) {
            return;
        }
        std::string text = lead;
        for (std::size_t i = 0; i < nights.size(); ++i) {
            text += (i == 0 ? " " : ", ") + nights[i];
        }
        for (const auto& l : wrap(text, 80)) {
            out << l << '\n';
        }
    };
    list("Not logged (log it, or rls trial skip --night):", forgotten);
    list("Not rated (rls rate --night):", unrated);
    out << fmt::format("Fingerprint: {}\n", t.fingerprint);
}

struct ReportOptions {
    std::string id;
    bool json = false;
    bool csv = false;
};

void run_report(Context& ctx, const ReportOptions& o) {
    if (o.json && o.csv) {
        throw usage_error("--json and --csv cannot be used together");
    }
    const auto t = trial_or_fail(ctx, o.id);
    const auto a = analyse_trial_now(ctx, t);
    if (o.json) {
        print_json(ctx, report::render_trial_json(a));
    } else if (o.csv) {
        ctx.out() << report::render_trial_csv(a);
    } else {
        ctx.out() << report::render_trial_text(a, ctx.color_enabled());
    }
}

struct ListOptions {
    bool json = false;
};

void run_list(Context& ctx, const ListOptions& o) {
    const auto trials = all_trials(ctx.db());
    const auto tonight = trial_tonight(ctx);
    if (o.json) {
        auto rows = nlohmann::ordered_json::array();
        for (const auto& t : trials) {
            auto arms = nlohmann::ordered_json::array();
            for (const auto& a : t.protocol.arms) {
                arms.push_back(a.label());
            }
            rows.push_back({{"id", t.id},
                            {"arms", arms},
                            {"first_night", format_date(t.protocol.first_night)},
                            {"last_night", format_date(t.protocol.last_night())},
                            {"end_night", format_date(t.end_night())},
                            {"state", trial_state(t, tonight)},
                            {"fingerprint", t.fingerprint}});
        }
        print_json(ctx, rows);
        return;
    }
    if (trials.empty()) {
        ctx.out() << "No trials yet; start one with rls trial start.\n";
        return;
    }
    auto& out = ctx.out();
    for (const auto& t : trials) {
        const auto& p = t.protocol;
        const auto lines =
            wrap(fmt::format("{}  {} to {}  {}  ({})", t.id, format_date(p.first_night),
                             format_date(p.last_night()), arm_list(p), trial_state(t, tonight)),
                 76);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            out << (i == 0 ? "" : "    ") << lines[i] << '\n';
        }
    }
}

} // namespace

void register_trial_views(CLI::App& trial, Context& ctx, Action& action) {
    auto so = std::make_shared<ShowOptions>();
    auto* show = trial.add_subcommand("show", "Print the trial's protocol and fingerprint");
    show->add_option("ID", so->id, "The trial's number (default: the newest)")->type_name("ID");
    show->add_flag("--reveal", so->reveal, "Show the arms of nights still to come");
    show->add_flag("--canonical", so->canonical,
                   "Print the exact text the fingerprint is the SHA-256 of (reveals all)");
    show->add_flag("--json", so->json, "Print the protocol as JSON");
    show->callback([&ctx, &action, so] { action = [&ctx, so] { run_show(ctx, *so); }; });

    auto to = std::make_shared<TonightOptions>();
    auto* tonight = trial.add_subcommand("tonight", "Say tonight's arm in one line");
    tonight->add_flag("--json", to->json, "Print tonight's assignment as JSON");
    tonight->callback([&ctx, &action, to] { action = [&ctx, to] { run_tonight(ctx, *to); }; });

    auto st = std::make_shared<StatusOptions>();
    auto* status = trial.add_subcommand("status", "Progress, adherence and missing nights");
    status->add_flag("--json", st->json, "Print the progress as JSON");
    status->callback([&ctx, &action, st] { action = [&ctx, st] { run_status(ctx, *st); }; });

    auto ro = std::make_shared<ReportOptions>();
    auto* report = trial.add_subcommand("report", "The analysis as planned, with a decision");
    report->add_option("ID", ro->id, "The trial's number (default: the newest)")->type_name("ID");
    report->add_flag("--json", ro->json, "Print the analysis as JSON");
    report->add_flag("--csv", ro->csv, "Print the comparisons and nights as CSV");
    report->callback([&ctx, &action, ro] { action = [&ctx, ro] { run_report(ctx, *ro); }; });

    auto lo = std::make_shared<ListOptions>();
    auto* list = trial.add_subcommand("list", "Every trial: number, nights, arms and state");
    list->add_flag("--json", lo->json, "Print the trials as JSON");
    list->callback([&ctx, &action, lo] { action = [&ctx, lo] { run_list(ctx, *lo); }; });
}

} // namespace rls
