// rls rate's options, and the part of the command that records or clears the
// evening's symptom onset and spread (rate_symptoms.cpp), kept apart from
// the rating itself (cmd_rate.cpp).
#pragma once

#include "cli/app.hpp"
#include "core/measures.hpp"

#include <optional>
#include <string>
#include <vector>

namespace rls {

struct RateOptions {
    std::string night;
    std::string sleep;
    std::string restless;
    std::string into_bed;
    std::string try_sleep;
    std::string latency;
    std::string awakenings;
    std::string waso;
    std::string final_wake;
    std::string out_of_bed;
    std::string note;
    std::string onset;
    std::string spread;
    bool replace = false;
    bool update = false;
    bool remove = false;
    bool yes = false;
    std::vector<std::string> unset;
    bool json = false;
    CLI::App* cmd = nullptr;

    // Whether the option was on the command line (an empty value counts).
    [[nodiscard]] bool given(const char* name) const;
};

// --onset and --spread read for `night`; nullopt when neither was given.
[[nodiscard]] std::optional<Symptoms> read_symptoms_options(const RateOptions& o,
                                                            const TimeContext& t, Date night);
// `s` with what it leaves out taken from the night's stored symptoms.
[[nodiscard]] Symptoms merged_symptoms(SQLite::Database& db, Symptoms s);
// "symptoms from 21:30, felt in legs,arms", or the part that is known.
[[nodiscard]] std::string symptoms_summary(const Symptoms& s, const Zone& zone);
// rls rate --onset/--spread without a rating.
void save_symptoms_only(Context& ctx, const RateOptions& o, const Symptoms& s);
// Whether --unset names onset or spread; clear_night_symptoms does it.
[[nodiscard]] bool unsets_symptoms(const RateOptions& o);
void clear_night_symptoms(Context& ctx, const RateOptions& o, Date night);

} // namespace rls
