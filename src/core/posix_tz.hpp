// POSIX TZ strings (CET-1CEST,M3.5.0,M10.5.0/3) as zone rules, so that an
// entry stored under one is shown in its own local time under any TZ.
#pragma once

#include "core/zone.hpp"

#include <memory>
#include <string_view>

namespace rls {

// The rules a POSIX TZ string describes, or nullptr when `spec` is not one.
// A daylight name without rules gets the C library's default (US) rules.
[[nodiscard]] std::shared_ptr<const Zone::Rules> parse_posix_tz(std::string_view spec);

} // namespace rls
