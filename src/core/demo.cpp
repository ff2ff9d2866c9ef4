// The demo generator: a small, portable PRNG (SplitMix64) so the same seed
// gives the same data with any standard library.
#include "core/demo.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace rls {

namespace {

class Random {
public:
    explicit Random(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30U)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27U)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31U);
    }
    double uniform() { return static_cast<double>(next() >> 11U) * 0x1.0p-53; }
    bool chance(double p) { return uniform() < p; }
    int between(int lo, int hi) { return lo + static_cast<int>(uniform() * (hi - lo + 1)); }
    double normal(double sd) {
        // Box-Muller; one value per call keeps the stream simple.
        const double u1 = std::max(uniform(), 1e-12);
        const double u2 = uniform();
        return sd * std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * 3.141592653589793 * u2);
    }

private:
    std::uint64_t m_state;
};

int clamp_rating(double x) {
    return std::clamp(static_cast<int>(std::lround(x)), 0, 10);
}

struct PointProfile {
    const char* code;
    double start; // typical tenderness at the start of the history
};

constexpr std::array<PointProfile, 8> k_points = {{{"left.heart", 7.5},
                                                   {"left.lateral", 5.0},
                                                   {"left.knee-leg", 5.5},
                                                   {"left.sciatic", 6.5},
                                                   {"left.foot", 4.5},
                                                   {"right.ball", 4.0},
                                                   {"right.sciatic", 5.5},
                                                   {"right.foot", 3.5}}};

} // namespace

Routine demo_left_only_routine() {
    Routine r;
    r.code = "left-only";
    r.description = "the five left-foot points only";
    r.points = {"left.heart", "left.lateral", "left.knee-leg", "left.sciatic", "left.foot"};
    return r;
}

void generate_demo(const DemoParams& p, const std::function<void(const SessionInput&)>& on_session,
                   const std::function<void(const RatingInput&)>& on_rating) {
    using namespace std::chrono;
    Random rng(p.seed);
    const auto last = date::sys_days{p.last_night};
    const auto first = last - date::days{p.nights - 1};
    for (int i = 0; i < p.nights; ++i) {
        const Date night{first + date::days{i}};
        const double progress = p.nights > 1 ? static_cast<double>(i) / (p.nights - 1) : 1.0;
        double sleep = 4.6 + rng.normal(1.1);
        double restless = 6.0 + rng.normal(1.1);

        if (rng.chance(0.78)) {
            SessionInput s;
            const double pick = rng.uniform();
            const bool left_only = pick >= 0.6;
            s.routine = left_only ? "left-only" : "standard";
            s.rounds = (pick >= 0.35 && pick < 0.6) || pick >= 0.85 ? 2 : 1;
            const minutes tod = hours{21} + minutes{rng.between(0, 150)};
            s.started = resolve_local(night, tod, p.zone, "demo");
            s.tz = std::string(p.zone.name());
            s.utc_offset_min = utc_offset_minutes(s.started, p.zone);
            s.night = night_of(s.started, p.zone, p.cutoff);
            s.duration_min = rng.between(15, 30) * s.rounds;
            const int before = clamp_rating(6.5 + rng.normal(1.2));
            s.before = before;
            s.after = clamp_rating(before - 2.5 - 0.5 * s.rounds + rng.normal(1.0));
            for (const auto& point : k_points) {
                if (left_only && std::string_view(point.code).starts_with("right.")) {
                    continue;
                }
                // Tenderness eases as the weeks go by.
                const double t = point.start - 3.0 * progress + rng.normal(0.9);
                s.points.push_back({point.code, clamp_rating(t)});
            }
            s.oils.push_back({"carrier", std::nullopt});
            const bool valerian = rng.chance(0.6);
            if (valerian) {
                s.oils.push_back({"valerian", rng.between(2, 3)});
            }
            if (rng.chance(0.5)) {
                s.oils.push_back({"roman-chamomile", rng.between(2, 3)});
            }
            if (rng.chance(0.7)) {
                s.oils.push_back({"lavender", rng.between(2, 3)});
            }
            const bool caffeine = rng.chance(0.15);
            if (caffeine) {
                s.tags.emplace_back("caffeine");
            }
            if (rng.chance(0.1)) {
                s.tags.emplace_back("late-exercise");
            }
            sleep += DemoEffects::session + (s.rounds == 2 ? DemoEffects::second_rotation : 0.0) +
                     (valerian ? DemoEffects::valerian : 0.0) +
                     (left_only ? DemoEffects::left_only : 0.0) +
                     (caffeine ? DemoEffects::caffeine : 0.0);
            restless -= 1.4 * DemoEffects::session +
                        (s.rounds == 2 ? DemoEffects::second_rotation : 0.0) +
                        (valerian ? 0.4 : 0.0) + (caffeine ? -1.0 : 0.0);
            on_session(s);
        }

        if (rng.chance(0.9)) { // about one night in ten goes unrated
            RatingInput r;
            r.night = night;
            r.tz = std::string(p.zone.name());
            r.sleep = clamp_rating(sleep);
            r.restless = clamp_rating(restless);
            if (rng.chance(0.5)) {
                const Date next{date::sys_days{night} + date::days{1}};
                const minutes bed = hours{22} + minutes{rng.between(15, 75)};
                r.diary.into_bed = resolve_local(night, bed, p.zone, "demo");
                r.diary.try_sleep = *r.diary.into_bed + minutes{rng.between(5, 20)};
                r.diary.latency_min =
                    std::clamp(35 - 2 * clamp_rating(sleep) + rng.between(0, 10), 5, 90);
                r.diary.awakenings =
                    std::clamp(4 - clamp_rating(sleep) / 3 + rng.between(0, 1), 0, 6);
                r.diary.waso_min = *r.diary.awakenings * rng.between(5, 15);
                const minutes wake = hours{6} + minutes{rng.between(0, 75)};
                r.diary.final_wake = resolve_local(next, wake, p.zone, "demo");
                r.diary.out_of_bed = *r.diary.final_wake + minutes{rng.between(5, 25)};
            }
            on_rating(r);
        }
    }
}

DemoMeasures generate_demo_measures(const DemoParams& p) {
    using namespace std::chrono;
    Random rng(p.seed ^ 0x6d65617375726573ULL); // "measures": its own stream
    const int span = std::min(p.nights, k_demo_measure_nights);
    const auto last = date::sys_days{p.last_night};
    const auto first = last - date::days{span - 1};
    const auto tz = std::string(p.zone.name());
    DemoMeasures m;
    m.medicine = {0, "", "pramipexole", "mg"};
    for (int i = 0; i < span; ++i) {
        const Date night{first + date::days{i}};
        const double progress = span > 1 ? static_cast<double>(i) / (span - 1) : 1.0;
        Dose d;
        d.medicine = m.medicine.name;
        d.unit = m.medicine.unit;
        d.amount = i < span / 2 ? 0.25 : 0.125;
        d.taken = resolve_local(night, hours{20} + minutes{rng.between(30, 60)}, p.zone, "demo");
        d.tz = tz;
        d.night = night_of(d.taken, p.zone, p.cutoff);
        m.doses.push_back(d);
        if (rng.chance(0.7)) {
            // Around 22:15, drifting later by 20 minutes over the weeks.
            const int onset = std::clamp(
                static_cast<int>(std::lround(22 * 60 + 15 + 20 * progress + rng.normal(20))),
                20 * 60, 23 * 60 + 50);
            Symptoms s;
            s.night = night;
            s.onset = resolve_local(night, minutes{onset}, p.zone, "demo");
            s.spread = Spread{true, false, false};
            s.tz = tz;
            m.symptoms.push_back(s);
        }
    }
    // One entry a week, filled in on its Sunday (or the last night).
    for (auto week = date::sys_days{week_of(Date{first})}; week <= last; week += date::days{7}) {
        const double progress =
            static_cast<double>((week - date::sys_days{week_of(Date{first})}).count()) / (span + 6);
        IrlsEntry e;
        e.week = Date{week};
        e.taken = Date{std::min(week + date::days{6}, last)};
        e.total = std::clamp(static_cast<int>(std::lround(19 - 7 * progress)) + rng.between(-1, 1),
                             k_irls_total_range.lo, k_irls_total_range.hi);
        e.tz = tz;
        m.irls.push_back(e);
    }
    Lab lab;
    lab.drawn = Date{first + date::days{span / 3}};
    lab.ferritin = 58;
    lab.tsat = 23;
    lab.fasting = true;
    m.labs.push_back(lab);
    return m;
}

} // namespace rls
