// Nights as the report asks of them: scores, variant, rotations, factors.
#include "report/nights.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace rls::report {

std::optional<double> Night::score(Outcome o) const {
    if (rating == nullptr) {
        return std::nullopt;
    }
    const auto& v = o == Outcome::sleep ? rating->sleep : rating->restless;
    return v ? std::optional<double>(*v) : std::nullopt;
}

bool Night::scored() const {
    return score(Outcome::sleep) || score(Outcome::restless);
}

std::string Night::variant() const {
    if (!variant_label.empty()) {
        return variant_label;
    }
    if (sessions.empty()) {
        return "";
    }
    const std::string& routine = sessions.front()->routine;
    for (const auto* s : sessions) {
        if (s->routine != routine) {
            return "mixed";
        }
    }
    return fmt::format("{} x{}", routine, rotations());
}

int Night::rotations() const {
    int rounds = 0;
    for (const auto* s : sessions) {
        rounds += s->rounds;
    }
    return rounds;
}

std::optional<double> Night::before() const {
    for (const auto* s : sessions) {
        if (s->before) {
            return *s->before;
        }
    }
    return std::nullopt;
}

bool Night::has_oil(const std::string& oil) const {
    return std::any_of(sessions.begin(), sessions.end(), [&](const Session* s) {
        return std::any_of(s->oils.begin(), s->oils.end(),
                           [&](const auto& o) { return o.oil == oil; });
    });
}

bool Night::has_night_tag(const std::string& tag) const {
    return std::find(night_tags.begin(), night_tags.end(), tag) != night_tags.end();
}

bool Night::has_tag(const std::string& tag) const {
    return has_night_tag(tag) ||
           std::any_of(sessions.begin(), sessions.end(), [&](const Session* s) {
               return std::find(s->tags.begin(), s->tags.end(), tag) != s->tags.end();
           });
}

bool Night::has_routine(const std::string& routine) const {
    return std::any_of(sessions.begin(), sessions.end(),
                       [&](const Session* s) { return s->routine == routine; });
}

double Night::dose(const std::string& medicine) const {
    const auto it = doses.find(medicine);
    return it == doses.end() ? 0.0 : it->second;
}

std::vector<Night> report_nights(Date first, Date last, const std::vector<Session>& sessions,
                                 const std::vector<Rating>& ratings, const Measures& measures) {
    std::vector<Night> nights;
    for (auto& entries : rls::nights_between(first, last, sessions, ratings)) {
        nights.push_back(Night{std::move(entries), {}, false, {}, {}});
        if (nights.back().has_session()) {
            nights.back().variant_label = nights.back().variant();
        }
    }
    // Nights are consecutive from `first`: index by days.
    const auto at = [&](Date d) -> Night* {
        const auto i = (date::sys_days{d} - date::sys_days{first}).count();
        return d < first || d > last ? nullptr : &nights[static_cast<std::size_t>(i)];
    };
    for (const auto& t : measures.night_tags) {
        if (auto* n = at(t.night)) {
            n->night_tags.push_back(t.tag);
        }
    }
    for (const auto& d : measures.no_massage) {
        if (auto* n = at(d)) {
            n->no_massage = true;
        }
    }
    for (const auto& d : measures.doses) {
        if (auto* n = at(d.night)) {
            n->doses[d.medicine] += d.amount;
        }
    }
    return nights;
}

} // namespace rls::report
