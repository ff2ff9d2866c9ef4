// Plausible sample data for newcomers and benchmarks. Deterministic for a
// seed; it streams nights through callbacks so that a 100,000-night history
// never sits in memory.
#pragma once

#include "core/measures.hpp"
#include "core/model.hpp"

#include <cstdint>
#include <functional>

namespace rls {

struct DemoParams {
    int nights = 90;
    std::uint64_t seed = 42;
    Date last_night{}; // the newest night generated
    Zone zone;         // UTC unless set
    std::chrono::minutes cutoff = k_default_cutoff;
};

// The routine the demo adds besides `standard`.
[[nodiscard]] Routine demo_left_only_routine();

// Built-in effects (what the report should reveal), in sleep-quality points:
// a session +1.0; two rotations +0.8 more; valerian +1.0; the left-only
// routine +0.3; caffeine -1.2. Restlessness moves the other way.
struct DemoEffects {
    static constexpr double session = 1.0;
    static constexpr double second_rotation = 0.8;
    static constexpr double valerian = 1.0;
    static constexpr double left_only = 0.3;
    static constexpr double caffeine = -1.2;
};

// What else the demo tracks, over its last twelve weeks (or all its nights
// when fewer): weekly IRLS easing from moderate toward mild, the evening's
// onset on most nights (legs only), pramipexole tapered from 0.25 to 0.125 mg
// halfway, and one fasting iron lab with a low ferritin. Nothing in it is a
// sign the augmentation watch points out: onset gets later, IRLS falls and
// the dose goes down. Drawn from its own stream, so the nights above do not
// change with it.
struct DemoMeasures {
    Medicine medicine;
    std::vector<IrlsEntry> irls;
    std::vector<Symptoms> symptoms;
    std::vector<Dose> doses;
    std::vector<Lab> labs;
};
inline constexpr int k_demo_measure_nights = 84;
[[nodiscard]] DemoMeasures generate_demo_measures(const DemoParams& params);

void generate_demo(const DemoParams& params,
                   const std::function<void(const SessionInput&)>& on_session,
                   const std::function<void(const RatingInput&)>& on_rating);

} // namespace rls
