// The report model: everything `rls report` says, computed from sessions and
// ratings without any I/O, so that each figure can be unit-tested. Renderers
// (text, JSON, CSV) only format it.
#pragma once

#include "core/model.hpp"
#include "report/stats.hpp"
#include "report/trial.hpp"
#include "report/tracked.hpp"

#include <optional>
#include <string>
#include <vector>

namespace rls::report {

struct Options {
    Date from{};
    Date to{};
    int min_nights = 3; // fewer rated nights on either side: "too few", no estimate
    double mid = 1.0;   // minimal important difference, in outcome points
    // Which comparison is primary: auto, session, variants or rotations.
    std::string primary = "auto";
    // The first night with any entry: nights before it are not counted at all.
    std::optional<Date> diary_start;
};

// One outcome (sleep or restlessness) over a set of nights; missing ratings are left out.
struct Measure {
    int n = 0;
    std::optional<double> mean;
    std::optional<double> sd;
};

// Nights of one variant, described without comparing: unadjusted means.
struct Group {
    std::string label; // "standard x2", "no session", "valerian", "caffeine"
    int nights = 0;    // nights in the group, rated or not
    Measure sleep;
    Measure restless;
};

enum class Verdict { too_few, better, worse, unclear };
enum class Outcome { sleep, restless };

// An adjusted difference a - b in outcome points, with what it means.
struct Estimate {
    double diff = 0;
    double low = 0; // 95% interval
    double high = 0;
    double se = 0;                // Newey-West
    double df = 0;                // residual degrees of freedom
    int lags = 0;                 // Newey-West truncation lag
    double p_better = 0;          // P(a better than b), flat prior, t posterior
    double p_mid = 0;             // P(a better than b by at least the MID)
    double p_worse_mid = 0;       // P(a worse than b by at least the MID)
    double p_value = 1;           // two-sided, difference = 0
    std::optional<double> p_holm; // exploratory comparisons only
};

// One direct comparison of two levels of a family for one outcome.
struct Comparison {
    std::string family; // session, routine, rotations, oil, tag
    Outcome outcome = Outcome::sleep;
    std::string a; // "standard x2", "lavender", "one more rotation"
    std::string b; // "standard x1", "no lavender", "one fewer"
    int n_a = 0;   // rated nights on each side
    int n_b = 0;
    std::optional<Estimate> estimate;
    std::vector<std::string> adjusted_for;
    bool primary = false;
    Verdict verdict = Verdict::too_few;
    std::string note; // why there is no estimate, when there is none
};

struct Coverage {
    int nights = 0;
    int nights_with_session = 0;
    int nights_rated = 0; // with a sleep or restlessness score
    double adherence_pct = 0;
    int current_streak = 0; // nights with a session up to the window's last night
    int longest_streak = 0;
    std::vector<Date> missing_ratings; // no rating at all
    std::vector<Date> no_score;        // a rating with a note or diary but no score
};

struct ImmediateEffect {
    int n = 0; // sessions with both before and after
    std::optional<double> before_mean;
    std::optional<double> after_mean;
    std::optional<stats::Interval> change; // after - before, paired 95% CI
};

struct PointTrend {
    std::string point;
    int n = 0;                                 // tenderness ratings in the window
    std::vector<std::optional<double>> weekly; // mean per report week
    std::optional<double> slope_per_week;      // least squares over all ratings
};

struct Correlation {
    int n = 0;
    std::optional<double> rho;
};

struct Week {
    Date start{};
    Date end{};
    int nights = 0;
    int sessions = 0;
    int rated = 0;
    Measure sleep;
    Measure restless;
    int diary_nights = 0;
    std::optional<double> total_sleep_min;
    std::optional<double> efficiency_pct;
};

// One night as the charts draw it: its scores (missing stays missing) and
// how many sessions preceded it.
struct NightPoint {
    Date night{};
    std::optional<double> sleep;
    std::optional<double> restless;
    int sessions = 0;
};

struct Model {
    Options options;
    // The trial running or just ended (set by the caller): the report's first section.
    std::optional<TrialAnalysis> trial;
    Date first_night{}; // the window's first night counted: from, or the diary's start
    Coverage coverage;
    std::vector<Group> by_session; // "session", "no session"
    std::vector<Group> routines;   // routine x rotations, most nights first
    std::vector<Group> oils;       // session nights with each oil
    std::vector<Group> tags;
    std::vector<Comparison> comparisons; // the primary first
    int comparisons_made = 0;            // with an estimate, the primary included
    ImmediateEffect immediate;
    std::vector<PointTrend> points;
    Correlation tenderness_vs_restless; // a night's mean tenderness vs its restlessness
    std::vector<Week> weeks;
    std::vector<NightPoint> nights;      // every night counted, in date order
    std::vector<std::string> next_steps; // what to log next when data are thin
    // IRLS, onset and spread, medicines, iron and the augmentation watch
    // (report/tracked.hpp); planned nights without massage.
    Tracked tracked;
};

// `sessions` and `ratings` may hold nights outside the window; they are
// ignored. `measures` holds the window's night tags and no-massage marks and
// every other tracked record up to the window's end (the watch compares with
// the first four weeks of each).
[[nodiscard]] Model build(const std::vector<Session>& sessions, const std::vector<Rating>& ratings,
                          const Options& options, const Measures& measures = {});

} // namespace rls::report
