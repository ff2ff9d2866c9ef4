// An N-of-1 trial's protocol: the arms, the design, the seeded schedule of
// nights and the canonical text whose SHA-256 fingerprints the plan. Pure:
// the store keeps a protocol, the command layer asks it what tonight holds.
#pragma once

#include "core/model.hpp"
#include "core/time.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rls {

// One variant the trial compares: no massage, a routine with a number of
// rotations, or a massage with or without one oil.
struct Arm {
    enum class Kind { none, routine, oil };
    Kind kind = Kind::none;
    std::string routine;                     // routine arms
    int rounds = 1;                          // routine arms
    std::string oil;                         // oil arms
    bool with = true;                        // oil arms: with the oil, or without it
    [[nodiscard]] std::string label() const; // "none", "standard x2", "lavender", "no lavender"
    friend bool operator==(const Arm&, const Arm&) = default;
};

// What an arm may name.
struct ArmCatalog {
    std::vector<std::string> routines;
    std::vector<std::string> oils;
};

// "none", "ROUTINE", "ROUTINE xN", "OIL" or "no OIL"; Error(usage) naming
// `field` otherwise.
[[nodiscard]] Arm parse_arm(std::string_view text, const ArmCatalog& catalog,
                            std::string_view field);
// Arms a night's sessions could not tell apart (two routine arms that are
// the same, an oil arm beside a routine arm, two different oils): the
// problem, or nothing.
[[nodiscard]] std::optional<std::string> arms_problem(const std::vector<Arm>& arms);

enum class TrialDesign { pairs, abba };
enum class TrialOutcome { sleep, restless };
[[nodiscard]] std::string_view design_name(TrialDesign d);   // "pairs", "abba"
[[nodiscard]] std::string_view outcome_name(TrialOutcome o); // "sleep", "restless"
[[nodiscard]] std::optional<TrialDesign> parse_design(std::string_view text);
[[nodiscard]] std::optional<TrialOutcome> parse_outcome(std::string_view text);

// One night of the schedule. Washout nights follow the arm but are not analysed.
struct TrialNight {
    int seq = 0; // 1-based
    Date night{};
    int block = 0; // 1-based
    int arm = 0;   // index into the arms
    bool washout = false;
    friend bool operator==(const TrialNight&, const TrialNight&) = default;
};

inline constexpr std::uint64_t k_max_trial_seed = (std::uint64_t{1} << 53) - 1; // exact in JSON
inline constexpr int k_default_trial_blocks = 8;
inline constexpr int k_max_trial_arms = k_trial_arms_range.hi;

struct Protocol {
    std::vector<Arm> arms;
    TrialDesign design = TrialDesign::pairs;
    int blocks = k_default_trial_blocks;
    int washout = 0;
    TrialOutcome outcome = TrialOutcome::sleep;
    double mid = 1.0;
    Date first_night{};
    std::uint64_t seed = 0;
    std::vector<TrialNight> schedule;

    [[nodiscard]] Date last_night() const { return schedule.back().night; }
    // The schedule entry for a night, if the trial covers it.
    [[nodiscard]] const TrialNight* night(Date d) const;
    [[nodiscard]] int analysed_nights() const;
};

// Arm letters: A, B, C...
[[nodiscard]] char arm_letter(int arm);

// The schedule the seed draws: per block, a random order of the arms (pairs)
// or ABBA/BAAB (two arms); each period that starts with a switch of arm (the
// first one included) is preceded by `washout` nights of its arm.
[[nodiscard]] std::vector<TrialNight> make_schedule(std::size_t arms, TrialDesign design,
                                                    int blocks, int washout, Date first_night,
                                                    std::uint64_t seed);
// The analysed slots' arms, block by block, for every allocation the design
// allows: (k!)^blocks for pairs, 2^blocks for ABBA/BAAB. Number of them.
[[nodiscard]] double allocation_count(std::size_t arms, TrialDesign design, int blocks);

// The canonical text of a protocol, one fact a line; its SHA-256 is the fingerprint.
[[nodiscard]] std::string canonical_text(const Protocol& p);
[[nodiscard]] std::string fingerprint(const Protocol& p);

// The arm a night's sessions carried out, or nothing when they match no
// arm. A night without a session is the `none` arm only if it was skipped
// on purpose (`skipped`); a forgotten night is unknown.
[[nodiscard]] std::optional<int>
arm_done(const Protocol& p, const std::vector<const Session*>& sessions, bool skipped);

struct TrialMark {
    Date night{};
    std::string kind = "session"; // "session" or "skip" (a night without a massage, on purpose)
    bool followed = true;
    std::optional<std::string> session_uuid;
    Instant recorded{};
    friend bool operator==(const TrialMark&, const TrialMark&) = default;
};

struct Trial {
    std::int64_t id = 0;
    std::string uuid;
    Protocol protocol;
    std::string fingerprint;
    std::string tz;
    Instant created{};
    std::optional<Instant> stopped;
    std::optional<Date> stopped_night; // the last night counted when stopped early
    std::vector<TrialMark> marks;      // night order

    [[nodiscard]] const TrialMark* mark(Date night) const;
    // The last night the trial runs: its schedule's, or the night it was stopped.
    [[nodiscard]] Date end_night() const;
    // Running on `night`: not stopped, and the schedule has not ended.
    [[nodiscard]] bool active_on(Date night) const;
};

// What a trial night holds so far.
enum class NightState {
    upcoming,  // not yet begun
    open,      // tonight, nothing logged yet
    followed,  // the assigned arm was done
    deviated,  // something else was done
    forgotten, // ended with nothing logged (no session, no skip)
};
[[nodiscard]] std::string_view night_state_name(NightState s);

struct NightRecord {
    const TrialNight* night = nullptr;
    NightState state = NightState::upcoming;
    std::optional<int> done; // the arm done, when it is one of the arms
    bool skipped = false;    // a night without a massage, on purpose
    std::optional<int> sleep;
    std::optional<int> restless;
    [[nodiscard]] std::optional<int> score(TrialOutcome o) const {
        return o == TrialOutcome::sleep ? sleep : restless;
    }
};

// Every schedule night with what was done and rated, as of `tonight` (the
// night in progress): nights after it are upcoming. Sessions and ratings of
// other nights are ignored.
[[nodiscard]] std::vector<NightRecord> trial_records(const Trial& t,
                                                     const std::vector<Session>& sessions,
                                                     const std::vector<Rating>& ratings,
                                                     Date tonight);

// "standard x2, trial night 5 of 16" (", washout" on a washout night): the
// words rls remind, rls guide and rls trial tonight all use.
[[nodiscard]] std::string assignment_text(const Trial& t, const TrialNight& n);

// A small seeded generator (splitmix64), the same on every platform, unlike
// the standard library's distributions.
class SeededRandom {
public:
    explicit SeededRandom(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next();
    // Uniform in [0, n), without modulo bias.
    std::uint64_t below(std::uint64_t n);
    // Uniform in [0, 1).
    double unit();

private:
    std::uint64_t m_state;
};

// A seed from the operating system's entropy, 0..k_max_trial_seed.
[[nodiscard]] std::uint64_t os_seed();

} // namespace rls
