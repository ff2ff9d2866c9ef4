// The printed page's paper: what --paper takes, and what a locale's name
// implies (US Letter in the Americas' Letter countries, A4 elsewhere).
#pragma once

#include <string>
#include <string_view>

namespace rls {

// --paper's value as CSS names it: "A4" or "letter", given in any case.
// Throws Error(usage) naming the option and what it takes otherwise.
[[nodiscard]] std::string parse_paper(std::string_view value);

// The paper of a locale name such as "en_US.UTF-8" or "de_DE.utf8@euro":
// "letter" when its territory uses US Letter, else "A4" (also for "C",
// "POSIX", "en" and "").
[[nodiscard]] std::string paper_of_locale(std::string_view locale);

} // namespace rls
