// The report model: everything `rls report` says, computed from sessions and
// ratings without any I/O, so that each figure can be unit-tested. Renderers
// (text, JSON, CSV) only format it.
#pragma once

#include "core/model.hpp"
#include "report/stats.hpp"

#include <optional>
#include <string>
#include <vector>

namespace rls::report {

struct Options {
    Date from{};
    Date to{};
    int min_nights = 3; // fewer rated nights on either side: "too few nights", never ranked
};

// One outcome (sleep or restlessness) over a set of nights; missing ratings are left out.
struct Measure {
    int n = 0;
    std::optional<double> mean;
    std::optional<double> sd;
};

enum class Verdict { too_few, better, worse, unclear };

struct Comparison {
    Measure group;
    Measure reference;
    std::optional<stats::Interval> difference; // group - reference, 95% CI (Welch)
    Verdict verdict = Verdict::too_few;
};

struct Group {
    std::string label;     // "standard x2", "valerian", "caffeine", "after a session"
    std::string reference; // what it is compared with
    int nights = 0;        // nights in the group, rated or not
    Comparison sleep;      // higher is better
    Comparison restless;   // lower is better
    bool enough = false;
    std::optional<int> rank; // 1 = best sleep; only groups with enough nights
};

struct Coverage {
    int nights = 0;
    int nights_with_session = 0;
    int nights_rated = 0;
    double adherence_pct = 0;
    int current_streak = 0; // nights with a session up to the window's last night
    int longest_streak = 0;
    std::vector<Date> missing_ratings;
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

struct Model {
    Options options;
    Coverage coverage;
    Group sessions_vs_none;
    std::vector<Group> routines; // ranked first, then those with too few nights
    std::vector<Group> oils;
    std::vector<Group> tags;
    ImmediateEffect immediate;
    std::vector<PointTrend> points;
    Correlation tenderness_vs_restless; // a session's mean tenderness vs that night's restlessness
    std::vector<Week> weeks;
    int comparisons = 0; // groups compared with enough nights
    bool many_comparisons = false;
    std::vector<std::string> next_steps; // what to log next when data are thin
};

// `sessions` and `ratings` may hold nights outside the window; they are ignored.
[[nodiscard]] Model build(const std::vector<Session>& sessions, const std::vector<Rating>& ratings,
                          const Options& options);

// The plain-words verdict ("better sleep", "no clear difference yet", ...).
[[nodiscard]] std::string verdict_words(Verdict v, bool lower_is_better);

} // namespace rls::report
