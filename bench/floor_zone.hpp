// Shared by the floors: with --zone as the last argument, also make the one
// zone lookup that every rls command knowing "now" makes.
#pragma once

#include <chrono>
#include <cstdlib>
#include <date/tz.h>
#include <string_view>

inline void floor_zone_lookup(int argc, char** argv) {
    if (argc < 2 || std::string_view(argv[argc - 1]) != "--zone") {
        return;
    }
    const char* tz = std::getenv("TZ");
    const auto* zone = date::locate_zone(tz != nullptr ? tz : "UTC");
    (void)zone->to_local(
        std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}
