// libFuzzer target: ID[:DROPS] oil specs.
#include "core/error.hpp"
#include "core/match.hpp"
#include "core/parse.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::vector<std::string> known = {"valerian", "roman-chamomile", "lavender",
                                                   "carrier"};
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const auto spec = rls::parse_oil_spec(text, "--oil");
        if (spec.drops && (*spec.drops < 1 || *spec.drops > 20)) {
            std::abort();
        }
        (void)rls::match_id(spec.oil, known, "--oil", "oil");
    } catch (const rls::Error&) {
    }
    return 0;
}
