// --paper and the locale's paper.
#include "core/paper.hpp"

#include "core/error.hpp"
#include "core/parse.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <fmt/format.h>

namespace rls {

namespace {

// ISO 3166 territories whose paper is US Letter (glibc's LC_PAPER for them).
constexpr std::array<std::string_view, 15> k_letter_territories = {
    "US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "CR", "PA", "DO", "PR", "SV", "NI", "BZ"};

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

} // namespace

std::string parse_paper(std::string_view value) {
    const auto v = lower(value);
    if (v == "a4") {
        return "A4";
    }
    if (v == "letter") {
        return "letter";
    }
    throw usage_error(fmt::format("--paper must be a4 or letter, got {}", quote_value(value)));
}

std::string paper_of_locale(std::string_view locale) {
    // language[_territory][.codeset][@modifier]
    const auto underscore = locale.find('_');
    if (underscore == std::string_view::npos) {
        return "A4";
    }
    auto territory = locale.substr(underscore + 1);
    territory = territory.substr(0, territory.find_first_of(".@"));
    return std::find(k_letter_territories.begin(), k_letter_territories.end(), territory) !=
                   k_letter_territories.end()
               ? "letter"
               : "A4";
}

} // namespace rls
