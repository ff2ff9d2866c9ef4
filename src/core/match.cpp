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

// The id's later words: "left.knee-leg" -> "knee-leg", "leg".
std::vector<std::string_view> later_words(std::string_view id) {
    std::vector<std::string_view> out;
    for (std::size_t i = 0; i < id.size(); ++i) {
        if ((id[i] == '.' || id[i] == '-') && i + 1 < id.size()) {
            out.push_back(id.substr(i + 1));
        }
    }
    return out;
}

bool word_prefix(std::string_view id, std::string_view typed) {
    if (id.starts_with(typed)) {
        return true;
    }
    const auto words = later_words(id);
    return std::any_of(words.begin(), words.end(),
                       [typed](std::string_view w) { return w.starts_with(typed); });
}

} // namespace

std::vector<std::string> short_names(const std::vector<std::string>& known) {
    std::vector<std::string> out;
    for (const auto& id : known) {
        for (const auto word : later_words(id)) {
            const auto hits = std::count_if(known.begin(), known.end(), [word](const auto& other) {
                return word_prefix(other, word);
            });
            if (hits == 1 && std::find(known.begin(), known.end(), word) == known.end() &&
                std::find(out.begin(), out.end(), word) == out.end()) {
                out.emplace_back(word);
            }
        }
    }
    return out;
}

std::vector<std::string> closest(std::string_view typed, const std::vector<std::string>& known,
                                 std::size_t count) {
    std::vector<std::pair<std::size_t, std::string>> scored;
    scored.reserve(known.size());
    for (const auto& id : known) {
        auto d = edit_distance(typed, id);
        for (const auto word : later_words(id)) {
            d = std::min(d, edit_distance(typed, word));
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
        if (!typed.empty() && word_prefix(id, typed)) {
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

std::optional<std::string> match_or_new(std::string_view typed,
                                        const std::vector<std::string>& known,
                                        std::string_view field, std::string_view how_to_add,
                                        bool exact_only) {
    if (std::find(known.begin(), known.end(), typed) != known.end()) {
        return std::string(typed);
    }
    if (exact_only || typed.empty()) {
        return std::nullopt;
    }
    std::vector<std::string> hits;
    for (const auto& id : known) {
        if (word_prefix(id, typed)) {
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
    // One or two letters off: a typo of a name of five letters or more, one
    // letter off for a shorter one; short names differ by a letter on purpose
    // less often than long ones are mistyped.
    const std::size_t allowed = typed.size() >= 5 ? 2 : (typed.size() >= 3 ? 1 : 0);
    const std::string* nearest = nullptr;
    std::size_t best = allowed + 1;
    for (const auto& id : known) {
        if (const auto d = edit_distance(typed, id); d < best) {
            best = d;
            nearest = &id;
        }
    }
    if (nearest != nullptr) {
        throw usage_error(fmt::format("{} {} is new; did you mean {}? {}", field,
                                      quote_value(typed), *nearest, how_to_add));
    }
    return std::nullopt;
}

} // namespace rls
