// What cmd_guide's loop does at each step, and what it prints after saving.
#pragma once

#include "cli/guide/ui.hpp"
#include "core/model.hpp"

#include <string>

namespace rls {

class Context;

namespace guide {

// Carries out the walk's current step; returns what to do next.
[[nodiscard]] Action step(Context& ctx, Ui& ui, Walk& walk);

// The saved session, with earlier sessions' tenderness at each point (newest
// first) for comparison.
[[nodiscard]] std::string summary(Context& ctx, const Session& saved, const Routine& routine);

} // namespace guide
} // namespace rls
