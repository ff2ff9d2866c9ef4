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

bool Night::has_tag(const std::string& tag) const {
    return std::any_of(sessions.begin(), sessions.end(), [&](const Session* s) {
        return std::find(s->tags.begin(), s->tags.end(), tag) != s->tags.end();
    });
}

bool Night::has_routine(const std::string& routine) const {
    return std::any_of(sessions.begin(), sessions.end(),
                       [&](const Session* s) { return s->routine == routine; });
}

std::vector<Night> report_nights(Date first, Date last, const std::vector<Session>& sessions,
                                 const std::vector<Rating>& ratings) {
    std::vector<Night> nights;
    for (auto& entries : rls::nights_between(first, last, sessions, ratings)) {
        nights.push_back(Night{std::move(entries)});
    }
    return nights;
}

} // namespace rls::report
