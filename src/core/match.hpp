// Matching what a user typed against known ids: exact, or an unambiguous
// prefix of the id or of one of its later words ("heart" for left.heart,
// "chamomile" for roman-chamomile). Unknown names get an error that lists the
// closest known ones.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rls {

// Returns the matching id or throws Error(usage) naming the field, the value,
// and the candidates (ambiguous) or nearest ids (unknown).
[[nodiscard]] std::string match_id(std::string_view typed, const std::vector<std::string>& known,
                                   std::string_view field, std::string_view kind);

// For names made on first use (medicines, night tags): the known name that
// `typed` means - exact, or an unambiguous prefix of it or of a later word,
// as for match_id - or nullopt for a name that is new. A new name within a
// typo of a known one ("pramipexol") throws Error(usage) with "did you mean
// pramipexole?" and `how_to_add` (how to add it on purpose), so a typo does
// not quietly split one medicine or tag into two. With `exact_only` only an
// exact match counts: the user asked for a new name on purpose.
[[nodiscard]] std::optional<std::string> match_or_new(std::string_view typed,
                                                      const std::vector<std::string>& known,
                                                      std::string_view field,
                                                      std::string_view how_to_add, bool exact_only);

// The later words of each id that name it alone, as match_id takes them:
// "heart" for left.heart, "chamomile" for roman-chamomile; not "sciatic"
// when both feet have one. In the order of `known`.
[[nodiscard]] std::vector<std::string> short_names(const std::vector<std::string>& known);

// Up to `count` known ids closest to `typed` by edit distance.
[[nodiscard]] std::vector<std::string>
closest(std::string_view typed, const std::vector<std::string>& known, std::size_t count);

} // namespace rls
