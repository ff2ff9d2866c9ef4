// The guide's steps carried out against a Ui, and the summary after saving.
#include "cli/guide/steps.hpp"

#include "cli/render.hpp"
#include "cli/session_options.hpp"
#include "core/error.hpp"
#include "store/sessions.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <sstream>

namespace rls::guide {

namespace {

std::vector<std::string> words(const std::string& text) {
    std::string spaced = text;
    std::replace(spaced.begin(), spaced.end(), ',', ' ');
    std::istringstream in(spaced);
    std::vector<std::string> out;
    std::string w;
    while (in >> w) {
        out.push_back(w);
    }
    return out;
}

} // namespace

Action step(Context& ctx, Ui& ui, Walk& walk) {
    const auto& s = walk.step();
    switch (s.kind) {
    case StepKind::prepare:
    case StepKind::massage:
        return ui.show(walk);
    case StepKind::rest:
        return ui.rest(walk);
    case StepKind::oils: {
        const auto& fallback = walk.default_oils();
        const auto question =
            fallback.empty()
                ? std::string("Oils tonight, e.g. valerian:3 lavender (Enter for none):")
                : fmt::format("Oils tonight [{}] (Enter keeps these, - for none):",
                              oils_text(fallback));
        const auto answer = ui.line(walk, question);
        if (answer.action != Action::next) {
            return answer.action;
        }
        const auto w = words(answer.text);
        try {
            if (w.empty()) {
                walk.set_oils(fallback);
            } else if (w.size() == 1 && w.front() == "-") {
                walk.set_oils({});
            } else {
                walk.set_oils(resolve_oils(ctx, w, "oil"));
            }
        } catch (const Error& e) {
            ui.message(e.what());
            return Action::skip; // ask again
        }
        return Action::next;
    }
    case StepKind::point: {
        auto a = ui.hold(walk);
        if (a == Action::skip) {
            walk.set_tenderness(std::nullopt);
            return Action::next;
        }
        if (a != Action::next) {
            return a;
        }
        if (!walk.wants_tenderness()) {
            return Action::next; // answered in an earlier rotation; only that one is kept
        }
        const auto answer = ui.number(walk, "How tender was it? 0 (not at all) to 10 (very):");
        if (answer.action == Action::next || answer.action == Action::skip) {
            walk.set_tenderness(answer.number);
            return Action::next;
        }
        return answer.action;
    }
    case StepKind::again: {
        if (s.rotation >= k_max_rotations) {
            return Action::next;
        }
        if (const auto planned = walk.planned_rotations()) {
            if (s.rotation < *planned) {
                walk.another_rotation();
            }
            return Action::next;
        }
        const auto answer =
            ui.yes_no(walk, fmt::format("Another rotation of {}?", walk.repeat_label()));
        if (answer.action == Action::next && answer.number == 1) {
            walk.another_rotation();
        }
        return answer.action == Action::skip ? Action::next : answer.action;
    }
    case StepKind::before:
    case StepKind::after: {
        const auto answer = ui.number(walk, "0 (calm) to 10 (unbearable):");
        if (answer.action == Action::next || answer.action == Action::skip) {
            (s.kind == StepKind::before ? walk.set_before(answer.number)
                                        : walk.set_after(answer.number));
            return Action::next;
        }
        return answer.action;
    }
    }
    return Action::next;
}

std::string summary(Context& ctx, const Session& saved, const Routine& routine) {
    std::string out =
        fmt::format("Saved session {}{}: {} x{} at {}, night of {}{}.\n", saved.id,
                    saved.partial ? " (partial)" : "", saved.routine, saved.rounds,
                    session_local_time(saved), format_date(saved.night),
                    saved.duration_min ? fmt::format(", {} min", *saved.duration_min) : "");
    out += fmt::format("Evening restlessness: {} before, {} after.\n", or_dash(saved.before),
                       or_dash(saved.after));
    const Date from{date::sys_days{saved.night} - date::days{120}};
    auto earlier = sessions_between(ctx.db(), from, saved.night);
    earlier.erase(std::remove_if(earlier.begin(), earlier.end(),
                                 [&](const Session& s) { return s.id == saved.id; }),
                  earlier.end());
    out += fmt::format("\n{:<16} {:>7}   {}\n", "Tenderness", "tonight", "earlier, newest first");
    for (const auto& code : routine.points) {
        std::string tonight = "-";
        for (const auto& p : saved.points) {
            if (p.point == code) {
                tonight = std::to_string(p.tenderness);
            }
        }
        std::string before;
        int shown = 0;
        for (const auto& s : earlier) {
            for (const auto& p : s.points) {
                if (p.point == code && shown < 5) {
                    before += fmt::format("{:>3}", p.tenderness);
                    ++shown;
                }
            }
        }
        out += fmt::format("{:<16} {:>7}  {}\n", code, tonight, before.empty() ? "  -" : before);
    }
    return out;
}

} // namespace rls::guide
