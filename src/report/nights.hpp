// The report's unit of analysis: a night, with the sessions before it and
// the next morning's rating, and what the analysis asks of it.
#pragma once

#include "core/measures.hpp"
#include "core/model.hpp"
#include "core/nights.hpp"
#include "report/model.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace rls::report {

struct Night : NightEntries {
    std::vector<std::string> night_tags; // rls tag: on the night, session or not
    bool no_massage = false;             // rls skip: planned without a session
    // variant(), made once by report_nights: the comparisons ask for it per
    // night and per level, and formatting it each time was a tenth of them.
    std::string variant_label;
    // rls took: each medicine's amount that night, its doses added up.
    std::map<std::string, double> doses;
    [[nodiscard]] bool has_session() const { return !sessions.empty(); }
    // The morning's score for an outcome; a note alone is no score.
    [[nodiscard]] std::optional<double> score(Outcome o) const;
    [[nodiscard]] bool scored() const;
    // "standard x2": rotations of sessions of one routine add up; different
    // routines in one night are "mixed".
    [[nodiscard]] std::string variant() const;
    [[nodiscard]] int rotations() const;
    // Evening restlessness before the night's first massage that recorded it.
    [[nodiscard]] std::optional<double> before() const;
    [[nodiscard]] bool has_oil(const std::string& oil) const;
    // A tag of one of the night's sessions or of the night itself.
    [[nodiscard]] bool has_tag(const std::string& tag) const;
    [[nodiscard]] bool has_night_tag(const std::string& tag) const;
    [[nodiscard]] bool has_routine(const std::string& routine) const;
    // The medicine's amount that night; 0 when no dose was recorded.
    [[nodiscard]] double dose(const std::string& medicine) const;
};

// Nights first..last as core groups them (rls::nights_between).
[[nodiscard]] std::vector<Night> report_nights(Date first, Date last,
                                               const std::vector<Session>& sessions,
                                               const std::vector<Rating>& ratings,
                                               const Measures& measures = {});

} // namespace rls::report
