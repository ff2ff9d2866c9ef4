// libFuzzer target: ID=TENDERNESS point specs, names and free text.
#include "core/error.hpp"
#include "core/match.hpp"
#include "core/parse.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::vector<std::string> known = {"left.heart",    "left.lateral", "left.knee-leg",
                                                   "left.sciatic",  "left.foot",    "right.ball",
                                                   "right.sciatic", "right.foot"};
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const auto spec = rls::parse_point_spec(text, "--point");
        if (spec.tenderness < 0 || spec.tenderness > 10) {
            std::abort();
        }
        (void)rls::match_id(spec.point, known, "--point", "point");
    } catch (const rls::Error&) {
    }
    try {
        (void)rls::parse_name(text, "--tag", size % 2 == 0);
    } catch (const rls::Error&) {
    }
    try {
        const auto note = rls::parse_text(text, "--note", 10000);
        if (note.find('\0') != std::string::npos) {
            std::abort();
        }
    } catch (const rls::Error&) {
    }
    return 0;
}
