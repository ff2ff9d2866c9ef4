// Domain types: the catalog (points, oils, routines), sessions and ratings.
// Plain data; the store fills them and the command layer renders them.
#pragma once

#include "core/time.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rls {

struct Point {
    std::int64_t id = 0;
    std::string uuid;
    std::string code; // e.g. left.heart
    std::string foot; // left | right
    std::string name;
    std::string location;
    bool builtin = false;
};

struct Oil {
    std::int64_t id = 0;
    std::string uuid;
    std::string code;
    std::string name;
    bool carrier = false;
    bool builtin = false;
};

struct Routine {
    std::int64_t id = 0;
    std::string uuid;
    std::string code;
    std::string description;
    bool builtin = false;
    bool hidden = false; // removed while past sessions use it: kept for them, not offered
    std::vector<std::string> points; // point codes in order
};

struct SessionPoint {
    std::string point;
    int tenderness = 0;
};

struct SessionOil {
    std::string oil;
    std::optional<int> drops; // none for a carrier oil
};

// What a user says about a session; the store adds identity and timestamps.
struct SessionInput {
    Instant started{};
    std::string tz;
    int utc_offset_min = 0;
    Date night{};
    std::string routine = "standard";
    int rounds = 1;
    std::optional<int> duration_min;
    std::optional<int> before;
    std::optional<int> after;
    std::optional<std::string> note;
    std::vector<SessionPoint> points;
    std::vector<SessionOil> oils;
    std::vector<std::string> tags;
    bool partial = false; // the guide was quit part-way and what was done was saved
};

struct Session : SessionInput {
    std::int64_t id = 0;
    std::string uuid;
    Instant created{};
    Instant updated{};
};

// Consensus Sleep Diary entries (Carney et al. 2012). Clock times are instants.
struct SleepDiary {
    std::optional<Instant> into_bed;
    std::optional<Instant> try_sleep;
    std::optional<int> latency_min; // sleep onset latency (SOL)
    std::optional<int> awakenings;
    std::optional<int> waso_min; // wake after sleep onset
    std::optional<Instant> final_wake;
    std::optional<Instant> out_of_bed;

    [[nodiscard]] bool empty() const {
        return !into_bed && !try_sleep && !latency_min && !awakenings && !waso_min && !final_wake &&
               !out_of_bed;
    }
};

// Figures derived from a diary, each present only when its inputs are.
//   TIB = out of bed - into bed
//   TST = (final awakening - trying to sleep) - SOL - WASO
//   SE% = TST / TIB x 100
struct DiaryFigures {
    std::optional<int> tib_min;
    std::optional<int> tst_min;
    std::optional<double> efficiency_pct;
};

[[nodiscard]] DiaryFigures derive_figures(const SleepDiary& diary);

// How the fields of a diary are called where it came from ("--into-bed" on
// the command line, "ratings[2].into_bed_utc" in an import).
struct DiaryFieldNames {
    std::string_view into_bed, try_sleep, latency, waso, final_wake, out_of_bed;
};
// The diary's one rule of order, shared by rls rate and import: into bed <=
// trying to sleep <= final awakening <= out of bed, and latency plus WASO fit
// between trying to sleep and the final awakening (so TIB and TST are never
// negative). Returns the problem, naming the fields, or nothing; `show`
// renders a time for the message.
[[nodiscard]] std::optional<std::string>
diary_order_problem(const SleepDiary& diary, const DiaryFieldNames& names,
                    const std::function<std::string(Instant)>& show);

// The text form of a session's points and oils, shared by every writer:
// "left.heart=6 right.ball=4" and "lavender:3 carrier".
[[nodiscard]] std::string points_text(const std::vector<SessionPoint>& points);
[[nodiscard]] std::string oils_text(const std::vector<SessionOil>& oils);

struct RatingInput {
    Date night{};
    std::optional<int> sleep;    // 0-10, higher is better
    std::optional<int> restless; // 0-10, higher is worse
    SleepDiary diary;
    std::string tz;
    std::optional<std::string> note;
};

struct Rating : RatingInput {
    std::int64_t id = 0;
    std::string uuid;
    Instant created{};
    Instant updated{};
};

} // namespace rls
