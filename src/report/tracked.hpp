// The report's sections on what is tracked beyond the massage: weekly IRLS,
// symptom onset and spread, medicines, iron labs, and the augmentation watch
// against the user's own first four weeks. Plain fields, computed from
// rls::Measures without I/O; the text, JSON and CSV renderers (and the HTML
// report) only format them. Clock times are minutes from the local midnight
// that starts the night (21:30 -> 1290; 00:30 the next morning -> 1470).
#pragma once

#include "core/measures.hpp"

#include <optional>
#include <string>
#include <vector>

namespace rls::report {

// One weekly IRLS entry whose week overlaps the window.
struct IrlsRow {
    Date week{}; // its Monday
    int total = 0;
    std::string band;             // none, mild, moderate, severe, very severe
    std::optional<int> change;    // total minus the previous entry's (any earlier week)
    bool relevant_change = false; // |change| >= 5 (k_irls_relevant_change)
    bool has_items = false;       // the ten item scores are stored, not only the total
};

// One night's onset, for the onset chart: minutes as above, and whether
// symptoms were felt beyond the legs that night.
struct NightOnset {
    Date night{};
    int minutes = 0;
    bool beyond_legs = false;
};

// Symptom onset and spread over the window's nights.
struct OnsetSummary {
    int nights = 0;                  // nights with an onset time
    std::optional<double> mean_min;  // mean onset
    std::optional<int> earliest_min; // earliest onset
    std::optional<int> latest_min;
    int spread_nights = 0; // nights with a spread recorded
    int arms_nights = 0;   // of which reaching the arms
    int trunk_nights = 0;  // of which reaching the trunk
    // Mean onset per report week, aligned with Model::weeks; none without data.
    std::vector<std::optional<double>> weekly_mean_min;
    std::vector<NightOnset> by_night; // the nights with an onset time, in date order
};

// A night in the window whose amount differs from the medicine's previous
// night with a dose (before the window too); no `from`: its first dose ever.
// Nights without a dose are not changes: a dose may just not be logged.
struct DoseChange {
    Date night{};
    std::optional<double> from;
    double to = 0;
};

// One medicine taken in the window; a night's amount is the sum of its doses.
struct MedicineRow {
    std::string name;
    std::string unit;
    int nights = 0;                      // nights in the window with a dose
    std::optional<double> first_nightly; // on the window's first night with a dose
    std::optional<double> last_nightly;  // on its last
    std::optional<double> highest_nightly;
    std::vector<DoseChange> changes; // in date order
};

// The latest iron lab values on or before the window's last night.
struct IronValue {
    Date drawn{};
    double value = 0;
    std::optional<bool> fasting;
    bool low = false; // ferritin <= 75 ng/mL, saturation < 20% (AASM 2024)
};
struct IronSummary {
    std::optional<IronValue> ferritin; // ng/mL
    std::optional<IronValue> tsat;     // %
    bool ask_doctor = false;           // either is low: "ask your doctor about iron"
};

// A sign of augmentation seen against the first four weeks of that kind of record.
struct WatchSign {
    std::string kind; // onset, spread, dose, irls
    std::string text; // one plain sentence with the figures
};
struct AugmentationWatch {
    // Whether any kind of record has four weeks to compare with and later
    // records in the window.
    bool compared = false;
    // The kinds that were compared (onset, spread, dose, irls), in that
    // order: "nothing to point out" names only these.
    std::vector<std::string> compared_kinds;
    std::vector<WatchSign> signs;
    // Said once, when there are signs; empty otherwise. Never a diagnosis
    // and never a dose.
    std::string message;
};

struct Tracked {
    std::vector<IrlsRow> irls;
    OnsetSummary onset;
    std::vector<MedicineRow> medicines;
    IronSummary iron;
    AugmentationWatch watch;
    int planned_no_massage = 0;   // nights without a session marked with rls skip
    int unplanned_no_session = 0; // nights without a session and without the mark
    [[nodiscard]] bool any() const {
        return !irls.empty() || onset.nights > 0 || onset.spread_nights > 0 || !medicines.empty() ||
               iron.ferritin || iron.tsat || watch.compared;
    }
};

inline constexpr const char* k_watch_message =
    "These can be signs of augmentation, a worsening that some people have on "
    "RLS medicines. They are worth discussing with your doctor; this diary "
    "cannot tell whether it is augmentation.";

// Said under the iron values when either is low; never a dose.
inline constexpr const char* k_iron_message =
    "Guidelines suggest iron for RLS at these levels: ask your doctor about iron.";

// `first`..`last`: the nights counted; `week_starts`: the report's weeks.
[[nodiscard]] Tracked tracked_of(const Measures& m, Date first, Date last,
                                 const std::vector<Date>& week_starts,
                                 const std::vector<Date>& nights_without_session);

// "21:30" for 1290, "00:30" for 1470.
[[nodiscard]] std::string clock_text(double minutes);

} // namespace rls::report
