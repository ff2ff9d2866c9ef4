// UUID v4 from the system's random device.
#include "core/uuid.hpp"

#include <array>
#include <fmt/format.h>
#include <random>

namespace rls {

std::string new_uuid() {
    static thread_local std::random_device device;
    std::array<unsigned, 4> words{device(), device(), device(), device()};
    std::array<unsigned char, 16> b{};
    for (std::size_t i = 0; i < 16; ++i) {
        b[i] = static_cast<unsigned char>(words[i / 4] >> (8 * (i % 4)));
    }
    b[6] = static_cast<unsigned char>((b[6] & 0x0fU) | 0x40U); // version 4
    b[8] = static_cast<unsigned char>((b[8] & 0x3fU) | 0x80U); // RFC 4122 variant
    return fmt::format("{:02x}{:02x}{:02x}{:02x}-{:02x}{:02x}-{:02x}{:02x}-{:02x}{:02x}-"
                       "{:02x}{:02x}{:02x}{:02x}{:02x}{:02x}",
                       b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11],
                       b[12], b[13], b[14], b[15]);
}

} // namespace rls
