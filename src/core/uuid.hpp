// Random (version 4) UUIDs for rows that exports refer to.
#pragma once

#include <string>

namespace rls {
[[nodiscard]] std::string new_uuid();
} // namespace rls
