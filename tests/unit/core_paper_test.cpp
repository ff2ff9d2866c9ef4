// --paper's values and the paper a locale's name implies.
#include "core/error.hpp"
#include "core/paper.hpp"

#include <doctest/doctest.h>
#include <string>
#include <string_view>

using namespace rls;

TEST_SUITE("core.paper") {
    TEST_CASE("--paper takes a4 or letter in any case, nothing else") {
        CHECK(parse_paper("a4") == "A4");
        CHECK(parse_paper("A4") == "A4");
        CHECK(parse_paper("letter") == "letter");
        CHECK(parse_paper("LETTER") == "letter");
        for (const auto* bad : {"", "b5", "a4 ", "legal", "us-letter"}) {
            CAPTURE(bad);
            CHECK_THROWS_WITH_AS(
                static_cast<void>(parse_paper(bad)),
                ("--paper must be a4 or letter, got '" + std::string(bad) + "'").c_str(),
                rls::Error);
        }
    }

    TEST_CASE("the locale's paper: Letter in the Americas' Letter countries, else A4") {
        for (const auto* letter : {"en_US.UTF-8", "en_US", "es_MX.utf8", "fr_CA.UTF-8@euro",
                                   "en_PH.UTF-8", "es_CL", "es_CO.UTF-8", "es_PR"}) {
            CAPTURE(letter);
            CHECK(paper_of_locale(letter) == "letter");
        }
        for (const auto* a4 : {"de_DE.UTF-8", "de_DE.utf8@euro", "en_GB.UTF-8", "en_AU", "ja_JP",
                               "C", "C.UTF-8", "POSIX", "en", "", "en_", "en_USA"}) {
            CAPTURE(a4);
            CHECK(paper_of_locale(a4) == "A4");
        }
    }
}
