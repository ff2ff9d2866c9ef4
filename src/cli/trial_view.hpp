// The read-only trial subcommands: show, tonight, status and report.
#pragma once

#include "cli/app.hpp"

namespace rls {

void register_trial_views(CLI::App& trial, Context& ctx, Action& action);

} // namespace rls
