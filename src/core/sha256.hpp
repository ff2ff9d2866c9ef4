// SHA-256 (FIPS 180-4), small and dependency-free: it fingerprints a trial's
// protocol so that a later change to the plan shows.
#pragma once

#include <string>
#include <string_view>

namespace rls {

// The digest of `data` as 64 lowercase hex digits.
[[nodiscard]] std::string sha256_hex(std::string_view data);

} // namespace rls
