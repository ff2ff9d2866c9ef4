// Never losing a finished guided session: storing it with retries while the
// database is busy, and otherwise keeping it in a private recovery file that
// a later `rls guide --recover` (or `rls import`) stores.
#pragma once

#include "cli/context.hpp"
#include "core/model.hpp"

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>

namespace rls {

// What a guided session needs to survive a failed save: the catalog as it
// was when the walk began (read while the database could still be read).
struct RecoveryFrame {
    nlohmann::ordered_json document;
};
[[nodiscard]] RecoveryFrame recovery_frame(Context& ctx);

// Stores `input`; retries while the database is busy. A routine removed
// while it was being followed comes back, hidden, for this session. If it
// still cannot be stored, writes a recovery file (mode 0600) and throws
// Error naming it.
std::int64_t store_guided_session(Context& ctx, const RecoveryFrame& frame,
                                  const SessionInput& input, const Routine& routine,
                                  const std::function<void(const std::string& uuid)>& also = {});

// A note on stderr for each recovery file left by an earlier run.
void mention_recovery_files(Context& ctx);

// Stores every recovery file beside the database and removes each one that
// was stored (rls guide --recover). Returns how many were stored.
int recover_guided_sessions(Context& ctx);

} // namespace rls
