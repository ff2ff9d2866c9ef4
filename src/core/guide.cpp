// The guided session's steps, in the project's own words, and its state.
#include "core/guide.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace rls::guide {

using namespace std::chrono;

milliseconds scaled(seconds nominal, double pace) {
    return milliseconds{static_cast<long long>(
        std::llround(static_cast<double>(duration_cast<milliseconds>(nominal).count()) * pace))};
}

milliseconds hold_length(double pace) {
    return scaled(k_press, pace) * k_presses + scaled(k_release, pace) * (k_presses - 1);
}

HoldState hold_at(milliseconds elapsed, double pace) {
    const auto press = scaled(k_press, pace);
    const auto release = scaled(k_release, pace);
    HoldState s;
    auto left = elapsed;
    for (int i = 1; i <= k_presses; ++i) {
        s.press = i;
        if (left < press) {
            s.pressing = true;
            s.remaining = press - left;
            return s;
        }
        left -= press;
        if (i == k_presses) {
            break;
        }
        if (left < release) {
            s.pressing = false;
            s.remaining = release - left;
            return s;
        }
        left -= release;
    }
    s.pressing = false;
    s.remaining = milliseconds{0};
    s.done = true;
    return s;
}

namespace {

const char* const k_hold_text =
    "Press gently and hold for about ten seconds, then let go for ten. Press again a "
    "little firmer, rest, and once more a little firmer still: firm, never painful.";

} // namespace

Walk::Walk(Routine routine, std::vector<Point> catalog, std::vector<SessionOil> default_oils)
    : m_routine(std::move(routine)), m_catalog(std::move(catalog)),
      m_default_oils(std::move(default_oils)), m_oils(m_default_oils) {
    m_steps.push_back({StepKind::prepare, "Get ready",
                       "Wash your feet under warm running water with a mild soap and dry them "
                       "briskly, to get the blood moving. Sit comfortably with a glass of water "
                       "within reach, and for a few minutes let the day go: just notice what your "
                       "hands are doing.",
                       "", "", 1, 0, 0, seconds{0}});
    m_steps.push_back({StepKind::oils, "Oils",
                       "Warm a little plain carrier oil between your palms, then add two or three "
                       "drops each of tonight's essential oils (valerian, Roman chamomile, "
                       "lavender, or any of them) and rub your hands together again.",
                       "", "", 1, 0, 0, seconds{0}});
    auto first = rotation_steps(1, false);
    m_steps.insert(m_steps.end(), first.begin(), first.end());
    m_steps.push_back({StepKind::before, "Before you started",
                       "How restless were your legs this evening, before the massage?", "", "", 1,
                       0, 0, seconds{0}});
    m_steps.push_back({StepKind::after, "And now", "How restless are your legs now?", "", "", 1, 0,
                       0, seconds{0}});
}

std::vector<Step> Walk::rotation_steps(int rotation, bool left_only) const {
    std::vector<std::string> points;
    for (const auto& code : m_routine.points) {
        const auto it = std::find_if(m_catalog.begin(), m_catalog.end(),
                                     [&](const Point& p) { return p.code == code; });
        if (it != m_catalog.end() && (!left_only || it->foot == "left")) {
            points.push_back(code);
        }
    }
    std::vector<Step> steps;
    std::string foot;
    int number = 0;
    for (const auto& code : points) {
        const auto& p = *std::find_if(m_catalog.begin(), m_catalog.end(),
                                      [&](const Point& x) { return x.code == code; });
        if (p.foot != foot) {
            if (!foot.empty()) {
                steps.push_back({StepKind::rest, "Rest between feet",
                                 "Sit back for a couple of minutes. Drink some water, breathe "
                                 "slowly and enjoy the scent of the oils.",
                                 "", "", rotation, 0, 0, k_rest});
            }
            foot = p.foot;
            if (rotation == 1) {
                steps.push_back(
                    {StepKind::massage, fmt::format("Massage the {} foot", foot),
                     foot == "left"
                         ? "Spread the oil over the whole left foot (top, sole and ankle) with "
                           "long, unhurried strokes until most of it has soaked in. Do not press "
                           "hard on any one spot yet."
                         : "Warm a little more carrier oil with the same essential oils and "
                           "massage the whole right foot and ankle in the same long strokes.",
                     foot, "", rotation, 0, 0, seconds{0}});
            }
        }
        ++number;
        steps.push_back(
            {StepKind::point, p.name,
             fmt::format("Where: {}.\n{}", p.location.empty() ? p.code : p.location, k_hold_text),
             p.foot, p.code, rotation, number, static_cast<int>(points.size()), seconds{0}});
    }
    steps.push_back({StepKind::rest, "Rest",
                     "Rest for a few minutes with some water, breathing slowly, and let the calm "
                     "settle into your legs.",
                     "", "", rotation, 0, 0, k_rest});
    steps.push_back({StepKind::again, "Still restless?",
                     fmt::format("If your legs are still restless, you can go through {} once "
                                 "more.",
                                 repeat_label()),
                     "", "", rotation, 0, 0, seconds{0}});
    return steps;
}

bool Walk::repeat_left_only() const {
    if (m_planned_rotations) {
        return false; // a trial's rotations are whole ones
    }
    bool left = false;
    bool other = false;
    for (const auto& code : m_routine.points) {
        const auto it = std::find_if(m_catalog.begin(), m_catalog.end(),
                                     [&](const Point& p) { return p.code == code; });
        if (it != m_catalog.end()) {
            (it->foot == "left" ? left : other) = true;
        }
    }
    return left && other;
}

std::string Walk::repeat_label() const {
    return repeat_left_only() ? "the left-foot points" : "all the points";
}

bool Walk::wants_tenderness() const {
    const auto& s = step();
    if (s.kind != StepKind::point) {
        return false;
    }
    for (int r = 1; r < s.rotation; ++r) {
        const auto it = m_tenderness.find({r, s.point});
        if (it != m_tenderness.end() && it->second) {
            return false;
        }
    }
    return true;
}

void Walk::next() {
    if (m_index + 1 >= m_steps.size()) {
        m_finished = true;
        return;
    }
    ++m_index;
    m_furthest = std::max(m_furthest, m_index);
}

void Walk::back() {
    if (m_index > 0) {
        --m_index;
    }
}

void Walk::plan_rotations(int n) {
    m_planned_rotations = n;
    const int done = m_rotation;
    for (std::size_t i = 0; i < m_steps.size(); ++i) {
        const auto& s = m_steps[i];
        if (s.kind == StepKind::again && s.rotation < n && s.rotation < k_max_rotations &&
            (i + 1 >= m_steps.size() || m_steps[i + 1].rotation != s.rotation + 1)) {
            insert_rotation(i, s.rotation + 1);
        }
    }
    m_rotation = done; // only planned yet: walking through an "again" step reaches the next
}

void Walk::insert_rotation(std::size_t again, int rotation) {
    auto more = rotation_steps(rotation, repeat_left_only());
    m_steps.insert(m_steps.begin() + static_cast<std::ptrdiff_t>(again) + 1, more.begin(),
                   more.end());
    // The closing questions belong to the last rotation (the screen's header).
    for (auto& later : m_steps) {
        if (later.kind == StepKind::before || later.kind == StepKind::after) {
            later.rotation = std::max(later.rotation, rotation);
        }
    }
}

void Walk::another_rotation() {
    if (step().kind != StepKind::again) {
        return;
    }
    const int rotation = step().rotation + 1;
    if (rotation > k_max_rotations) {
        return;
    }
    // Only once per "again" step: going back and saying yes twice adds
    // nothing; steps a trial night planned are there already, and reached.
    if (m_index + 1 >= m_steps.size() || m_steps[m_index + 1].rotation != rotation) {
        insert_rotation(m_index, rotation);
    }
    m_rotation = std::max(m_rotation, rotation);
}

void Walk::set_oils(std::vector<SessionOil> oils) {
    m_oils = std::move(oils);
    m_oils_set = true;
}

void Walk::set_tenderness(std::optional<int> value) {
    if (step().kind == StepKind::point) {
        m_tenderness[{step().rotation, step().point}] = value;
    }
}

std::optional<int> Walk::tenderness() const {
    const auto it = m_tenderness.find({step().rotation, step().point});
    return it == m_tenderness.end() ? std::nullopt : it->second;
}

bool Walk::massage_done() const {
    for (const auto& [where, value] : m_tenderness) {
        if (value) {
            return true;
        }
    }
    for (std::size_t i = 0; i < m_furthest && i < m_steps.size(); ++i) {
        if (m_steps[i].kind == StepKind::point) {
            return true;
        }
    }
    return false;
}

SessionInput Walk::session(bool partial) const {
    SessionInput s;
    s.routine = m_routine.code;
    s.rounds = m_rotation;
    if (repeat_left_only() && m_rotation > 1) {
        s.rounds = 1;
        const int extra = m_rotation - 1;
        s.tags.push_back(extra == 1 ? std::string("left-again")
                                    : fmt::format("left-again-x{}", extra));
    }
    s.partial = partial;
    s.oils = m_oils;
    s.before = m_before;
    s.after = m_after;
    for (const auto& code : m_routine.points) {
        for (int r = 1; r <= m_rotation; ++r) {
            const auto it = m_tenderness.find({r, code});
            if (it != m_tenderness.end() && it->second) {
                s.points.push_back({code, *it->second});
                break;
            }
        }
    }
    return s;
}

} // namespace rls::guide
