// JSON forms of the tracked measures, shared by the commands' --json output
// and rls export (whose import reads them back), so they never drift apart.
#pragma once

#include "core/measures.hpp"

#include <nlohmann/json.hpp>

namespace rls {

[[nodiscard]] nlohmann::ordered_json to_json(const IrlsEntry& e);
[[nodiscard]] nlohmann::ordered_json to_json(const Symptoms& s);
[[nodiscard]] nlohmann::ordered_json to_json(const Medicine& m);
[[nodiscard]] nlohmann::ordered_json to_json(const Dose& d);
[[nodiscard]] nlohmann::ordered_json to_json(const Lab& l);
// ["legs", "arms"]
[[nodiscard]] nlohmann::ordered_json spread_json(const Spread& s);

} // namespace rls
