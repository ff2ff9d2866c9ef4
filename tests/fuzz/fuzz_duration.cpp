// libFuzzer target: durations (--duration, --latency, --waso) and numbers.
#include "core/error.hpp"
#include "core/parse.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const int minutes = rls::parse_duration_minutes(text, "--duration", 1, 360);
        if (minutes < 1 || minutes > 360) {
            std::abort();
        }
    } catch (const rls::Error&) {
    }
    try {
        const int n = rls::parse_int(text, "--rounds", 1, 10);
        if (n < 1 || n > 10) {
            std::abort();
        }
        const double pace = rls::parse_decimal(text, "--pace", 0.01, 10);
        if (!(pace >= 0.01 && pace <= 10)) {
            std::abort();
        }
    } catch (const rls::Error&) {
    }
    return 0;
}
