// Implementation of id matching and suggestions.
#include "core/match.hpp"

#include "core/error.hpp"
#include "core/parse.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>

namespace rls {

namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) {
        row[j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] =
                std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::string_view after_dot(std::string_view id) {
    const auto dot = id.find('.');
    return dot == std::string_view::npos ? std::string_view{} : id.substr(dot + 1);
}

} // namespace

std::vector<std::string> closest(std::string_view typed, const std::vector<std::string>& known,
                                 std::size_t count) {
    std::vector<std::pair<std::size_t, std::string>> scored;
    scored.reserve(known.size());
    for (const auto& id : known) {
        auto d = edit_distance(typed, id);
        if (const auto tail = after_dot(id); !tail.empty()) {
            d = std::min(d, edit_distance(typed, tail));
        }
        scored.emplace_back(d, id);
    }
    std::stable_sort(scored.begin(), scored.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });
    std::vector<std::string> out;
    for (std::size_t i = 0; i < scored.size() && i < count; ++i) {
        out.push_back(scored[i].second);
    }
    return out;
}

std::string match_id(std::string_view typed, const std::vector<std::string>& known,
                     std::string_view field, std::string_view kind) {
    if (std::find(known.begin(), known.end(), typed) != known.end()) {
        return std::string(typed);
    }
    std::vector<std::string> hits;
    for (const auto& id : known) {
        if (!typed.empty() && (id.starts_with(typed) || after_dot(id).starts_with(typed))) {
            hits.push_back(id);
        }
    }
    if (hits.size() == 1) {
        return hits.front();
    }
    if (hits.size() > 1) {
        throw usage_error(fmt::format("{} {} is ambiguous: it matches {}", field,
                                      quote_value(typed), fmt::join(hits, ", ")));
    }
    const auto near = closest(typed, known, 3);
    if (near.empty()) {
        throw usage_error(fmt::format("{} {} is not a known {}", field, quote_value(typed), kind));
    }
    throw usage_error(fmt::format("{} {} is not a known {}; closest: {}", field, quote_value(typed),
                                  kind, fmt::join(near, ", ")));
}

} // namespace rls
