// The guided session: the routine as a sequence of steps (preparation, oils,
// massage, each point with its press/rest holds, rests, another rotation,
// before/after), the hold timer as a pure function of elapsed time, and the
// walk through the steps with the answers given so far. No I/O: the command
// layer draws it and feeds it keys.
#pragma once

#include "core/model.hpp"

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace rls::guide {

enum class StepKind { prepare, oils, massage, point, rest, again, before, after };

struct Step {
    StepKind kind = StepKind::prepare;
    std::string title;
    std::string text;
    std::string foot;  // massage and point steps
    std::string point; // point steps: the point's id
    int rotation = 1;
    int point_number = 0; // 1-based within its rotation
    int point_count = 0;
    std::chrono::seconds duration{0}; // nominal length of a rest
};

// Press about ten seconds, rest about ten, three times, a little firmer each
// time; no rest after the last press.
inline constexpr int k_presses = 3;
inline constexpr std::chrono::seconds k_press{10};
inline constexpr std::chrono::seconds k_release{10};
inline constexpr std::chrono::seconds k_rest{120};
inline constexpr int k_max_rotations = 10; // as for rls log --rounds

struct HoldState {
    int press = 1;                          // 1..k_presses
    bool pressing = true;                   // false: resting between presses
    std::chrono::milliseconds remaining{0}; // in this phase, at the given pace
    bool done = false;
};

// Where the holds are after `elapsed` at `pace` (0.5 = twice as fast).
[[nodiscard]] HoldState hold_at(std::chrono::milliseconds elapsed, double pace);
[[nodiscard]] std::chrono::milliseconds hold_length(double pace);
[[nodiscard]] std::chrono::milliseconds scaled(std::chrono::seconds nominal, double pace);

class Walk {
public:
    Walk(Routine routine, std::vector<Point> catalog, std::vector<SessionOil> default_oils);

    [[nodiscard]] const Step& step() const { return m_steps[m_index]; }
    [[nodiscard]] std::size_t position() const { return m_index; } // 0-based
    [[nodiscard]] std::size_t total() const { return m_steps.size(); }
    [[nodiscard]] bool finished() const { return m_finished; }
    [[nodiscard]] int rotations() const { return m_rotation; }
    [[nodiscard]] const Routine& routine() const { return m_routine; }

    void next();
    void back();
    // At the "again" step: add one more rotation: the left-foot points when
    // the routine has both feet (as the routine article suggests), else all
    // of its points.
    void another_rotation();
    // A trial night fixes the rotations: the "again" step then adds whole
    // rotations up to `n` without asking, and offers none beyond it.
    // The planned rotations' steps are there from the start, so that "step
    // i of N" counts them all; the session's rotations still count only
    // those reached.
    void plan_rotations(int n);
    [[nodiscard]] std::optional<int> planned_rotations() const { return m_planned_rotations; }
    // What another rotation goes through, for the question: "the left-foot
    // points" or "all the points".
    [[nodiscard]] std::string repeat_label() const;
    // At a point step: whether to ask its tenderness. Later rotations ask
    // only for a point that has no answer yet, as only that one is kept.
    [[nodiscard]] bool wants_tenderness() const;

    void set_oils(std::vector<SessionOil> oils);
    [[nodiscard]] const std::vector<SessionOil>& oils() const { return m_oils; }
    [[nodiscard]] const std::vector<SessionOil>& default_oils() const { return m_default_oils; }
    void set_tenderness(std::optional<int> value);       // at a point step; nullopt = skipped
    [[nodiscard]] std::optional<int> tenderness() const; // at a point step, if answered
    void set_before(std::optional<int> v) { m_before = v; }
    void set_after(std::optional<int> v) { m_after = v; }

    // Whether any massage worth saving was done: a point gone through or a
    // tenderness given. Stopped before that (at the first point at the
    // latest), a session would count as a massage night in the report
    // although none took place, so it is not saved.
    [[nodiscard]] bool massage_done() const;

    // The session as walked so far. A point's tenderness is the first one
    // given for it (later rotations only fill in a skipped one), so that
    // sessions with one and with several rotations compare. Extra passes
    // through only the left-foot points are not whole rotations: the session
    // keeps rounds for whole ones and says the rest with a tag (left-again,
    // left-again-x2, ...), so it never looks like two full rotations.
    [[nodiscard]] SessionInput session(bool partial) const;

private:
    [[nodiscard]] std::vector<Step> rotation_steps(int rotation, bool left_only) const;
    // Adds a rotation's steps after the "again" step at index `again`.
    void insert_rotation(std::size_t again, int rotation);
    // Whether an extra rotation goes through the left-foot points only.
    [[nodiscard]] bool repeat_left_only() const;

    Routine m_routine;
    std::vector<Point> m_catalog;
    std::vector<SessionOil> m_default_oils;
    std::vector<Step> m_steps;
    std::size_t m_index = 0;
    bool m_finished = false;
    int m_rotation = 1;
    std::optional<int> m_planned_rotations;
    std::size_t m_furthest = 0;
    bool m_oils_set = false;
    std::vector<SessionOil> m_oils;
    std::map<std::pair<int, std::string>, std::optional<int>> m_tenderness;
    std::optional<int> m_before;
    std::optional<int> m_after;
};

} // namespace rls::guide
