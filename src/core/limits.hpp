// Every domain limit in one place: the ranges option parsing, import, the
// guide, the demo and the schema's CHECK constraints share (a unit test
// probes the migrated schema against these values).
#pragma once

#include <chrono>
#include <cstddef>
#include <date/date.h>
#include <string>

namespace rls {

// An inclusive range of whole numbers.
struct Range {
    int lo;
    int hi;
    [[nodiscard]] constexpr bool contains(long long v) const { return v >= lo && v <= hi; }
};

// 0-10 scales: sleep quality, night and evening restlessness.
inline constexpr Range k_rating_range{0, 10};
// Tenderness at a point, 0-10.
inline constexpr Range k_tenderness_range{0, 10};
// Rotations through a routine's points in one session.
inline constexpr Range k_rounds_range{1, 10};
// How long a session took, in minutes (up to 6 hours).
inline constexpr Range k_duration_range{1, 360};
// Drops of an essential oil; a carrier oil has none.
inline constexpr Range k_drops_range{1, 20};
inline constexpr int k_default_drops = 2;
// Consensus Sleep Diary: latency and wake after sleep onset in minutes, awakenings.
inline constexpr Range k_latency_range{0, 1440};
inline constexpr Range k_waso_range{0, 1440};
inline constexpr Range k_awakenings_range{0, 100};
// A zone's offset from UTC, in minutes.
inline constexpr Range k_utc_offset_range{-24 * 60, 24 * 60};
// Points in a routine.
inline constexpr Range k_routine_points_range{1, 40};
// How many weeks a list or report covers.
inline constexpr Range k_window_weeks_range{1, 520};
// Rated nights needed on each side of a report comparison.
inline constexpr Range k_min_nights_range{2, 100};
// IRLS: ten items scored 0-4 over the past week, total 0-40; a change of 5
// or more points is clinically relevant.
inline constexpr int k_irls_items = 10;
inline constexpr Range k_irls_item_range{0, 4};
inline constexpr Range k_irls_total_range{0, 40};
inline constexpr int k_irls_relevant_change = 5;

// A range of decimal numbers (doses, lab values), inclusive.
struct DecimalRange {
    double lo;
    double hi;
    [[nodiscard]] constexpr bool contains(double v) const { return v >= lo && v <= hi; }
};
// One dose of a medicine, in its unit.
inline constexpr DecimalRange k_dose_range{0.001, 100000};
// Iron labs: ferritin in ng/mL, transferrin saturation in %.
inline constexpr DecimalRange k_ferritin_range{1, 20000};
inline constexpr DecimalRange k_tsat_range{1, 100};
// AASM 2024 guideline: iron therapy is suggested at ferritin <= 75 ng/mL or
// transferrin saturation < 20%.
inline constexpr double k_ferritin_iron_at_most = 75;
inline constexpr double k_tsat_iron_below = 20;
// The augmentation watch compares with the user's first four weeks; onset
// this much earlier is a sign.
inline constexpr int k_watch_baseline_days = 28;
inline constexpr int k_watch_onset_earlier_min = 120;

// Nights of demo data.
inline constexpr Range k_demo_nights_range{7, 200000};

// An N-of-1 trial: its blocks, the washout nights after a switch of arm,
// and how many arms (stored as an index 0..arms-1).
inline constexpr Range k_trial_blocks_range{2, 50};
inline constexpr Range k_trial_washout_range{0, 7};
inline constexpr Range k_trial_arms_range{2, 4};
inline constexpr Range k_trial_arm_index_range{0, k_trial_arms_range.hi - 1};

// The night cut-off: sessions before it belong to the previous night. Later
// than noon would file an evening's session under the wrong night.
inline constexpr std::chrono::minutes k_default_cutoff{6 * 60};
inline constexpr std::chrono::minutes k_latest_cutoff{12 * 60};

// No entry is older than this: a clock or a date before it is a mistake.
inline constexpr date::year_month_day k_earliest_night{date::year{2000}, date::January,
                                                       date::day{1}};

// Free text and names.
inline constexpr std::size_t k_max_note_bytes = 10000;
inline constexpr std::size_t k_max_name_chars = 40;
inline constexpr std::size_t k_max_display_name_bytes = 80;
inline constexpr std::size_t k_max_description_bytes = 400;
inline constexpr std::size_t k_max_zone_name_bytes = 64;

// Decades of nightly entries export to a few MiB; a larger input is not an
// export (import /dev/zero must not read until memory runs out).
inline constexpr std::size_t k_max_import_bytes = std::size_t{64} << 20;

// "0-10", for help texts and messages.
[[nodiscard]] inline std::string range_text(Range r) {
    return std::to_string(r.lo) + "-" + std::to_string(r.hi);
}

} // namespace rls
