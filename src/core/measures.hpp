// What people with RLS and their doctors track beyond the massage: weekly
// IRLS, the evening's symptom onset and spread, medicines and doses, iron
// labs, tags on any night and nights deliberately without a massage. Plain
// data and the rules that need no database (bands, parsing of spreads and
// doses); the store fills these, the report reads them.
#pragma once

#include "core/limits.hpp"
#include "core/time.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rls {

// One weekly IRLS entry. rls never holds the items' wording (copyrighted),
// only their scores in item order.
struct IrlsEntry {
    std::int64_t id = 0;
    std::string uuid;
    Date week{};  // the Monday of the week the entry is for
    Date taken{}; // the local date the form was filled in
    std::optional<std::array<int, k_irls_items>> items;
    int total = 0;
    std::string tz;
    Instant created{};
    Instant updated{};
};

// The Monday on or before `day`.
[[nodiscard]] Date week_of(Date day);
// "none", "mild", "moderate", "severe", "very severe" for a total 0-40.
[[nodiscard]] std::string_view irls_band(int total);
// Ten digits 0-4 as stored, and back (nothing when malformed).
[[nodiscard]] std::string irls_items_text(const std::array<int, k_irls_items>& items);
[[nodiscard]] std::optional<std::array<int, k_irls_items>> parse_irls_items(std::string_view s);

// Where symptoms were felt.
struct Spread {
    bool legs = false;
    bool arms = false;
    bool trunk = false;
    [[nodiscard]] bool beyond_legs() const { return arms || trunk; }
    bool operator==(const Spread&) const = default;
};
// "legs,arms" (any order, no repeats) -> Spread; throws usage_error naming `field`.
[[nodiscard]] Spread parse_spread(std::string_view text, std::string_view field);
// The stored form, always in the order legs, arms, trunk.
[[nodiscard]] std::string spread_text(const Spread& s);

struct Symptoms {
    std::int64_t id = 0;
    std::string uuid;
    Date night{};
    std::optional<Instant> onset;
    std::optional<Spread> spread;
    std::string tz;
    Instant created{};
    Instant updated{};
    // Local clock minutes of the onset counted from the night's midnight
    // (21:30 -> 1290, 01:00 the next morning -> 1500); filled by the store.
    std::optional<int> onset_min;
};

// The onset as minutes from the local midnight that starts `night`.
[[nodiscard]] int onset_minutes(Date night, Instant onset, const Zone& zone);

inline constexpr std::array<std::string_view, 6> k_dose_units = {"mg", "mcg", "g",
                                                                 "ml", "iu",  "tablet"};

struct Medicine {
    std::int64_t id = 0;
    std::string uuid;
    std::string name; // a name as parse_name() allows: pramipexole
    std::string unit; // one of k_dose_units
};

struct DoseAmount {
    double amount = 0;
    std::string unit;
};
// One of k_dose_units, case-insensitive ("tablets" too). Throws usage_error.
[[nodiscard]] std::string parse_dose_unit(std::string_view text, std::string_view field);
// "0.25mg", "0.25 mg", "1 tablet"; a unit is required. Throws usage_error.
[[nodiscard]] DoseAmount parse_dose(std::string_view text, std::string_view field);
// 0.25 -> "0.25", 1 -> "1": the shortest form that reads back the same.
[[nodiscard]] std::string amount_text(double amount);
// "0.25 mg", "1 tablet", "2 tablets": an amount with its unit, as said.
[[nodiscard]] std::string amount_with_unit(double amount, std::string_view unit);

struct Dose {
    std::int64_t id = 0;
    std::string uuid;
    std::string medicine;
    std::string unit;
    double amount = 0;
    Instant taken{};
    std::string tz;
    Date night{};
    Instant created{};
};

struct Lab {
    std::int64_t id = 0;
    std::string uuid;
    Date drawn{};
    std::optional<double> ferritin; // ng/mL
    std::optional<double> tsat;     // %
    std::optional<bool> fasting;
    Instant created{};
};

[[nodiscard]] inline bool ferritin_low(double v) {
    return v <= k_ferritin_iron_at_most;
}
[[nodiscard]] inline bool tsat_low(double v) {
    return v < k_tsat_iron_below;
}

struct NightTag {
    Date night{};
    std::string tag;
};

// Everything above for a span of nights, for the report and rls list.
struct Measures {
    std::vector<IrlsEntry> irls;      // oldest first
    std::vector<Symptoms> symptoms;   // oldest first
    std::vector<Dose> doses;          // oldest first
    std::vector<Lab> labs;            // oldest drawn first
    std::vector<NightTag> night_tags; // by night
    std::vector<Date> no_massage;     // nights marked with rls skip
};

} // namespace rls
