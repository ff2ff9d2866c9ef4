// libFuzzer target: date/time expressions (--at) and nights (--night).
// Besides not crashing, an accepted time is never in the future nor before 2000.
#include "core/error.hpp"
#include "core/parse.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const rls::TimeContext ctx{*rls::parse_instant_utc("2026-03-08T07:30:00Z"),
                                      rls::Zone::named("America/New_York"),
                                      std::chrono::minutes{360}};
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const auto t = rls::parse_when(text, ctx, "--at");
        if (t > ctx.now || t < date::sys_days{date::year{2000} / 1 / 1}) {
            std::abort();
        }
    } catch (const rls::Error& e) {
        if (e.code() != rls::Exit::usage) {
            std::abort();
        }
    }
    try {
        (void)rls::parse_night(text, ctx, "--night");
        (void)rls::parse_time_of_day(text, "--into-bed");
    } catch (const rls::Error&) {
    }
    return 0;
}
