// Guided sessions that could not be stored are kept, never lost.
#include "cli/recovery.hpp"

#include "core/error.hpp"
#include "core/uuid.hpp"
#include "store/catalog.hpp"
#include "store/database.hpp"
#include "store/files.hpp"
#include "store/sessions.hpp"
#include "store/transfer.hpp"

#include <SQLiteCpp/Transaction.h>
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <dirent.h>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <ostream>
#include <sstream>
#include <string_view>
#include <sys/stat.h>
#include <unistd.h>

namespace rls {

namespace fs = std::filesystem;

namespace {

// Each attempt waits out SQLite's busy timeout (5 s), so three attempts give
// another rls 15 s to finish before the session goes to a recovery file.
constexpr int k_save_attempts = 3;

fs::path db_dir(const Context& ctx) {
    const fs::path db(ctx.db_path());
    return db.has_parent_path() ? db.parent_path() : fs::path(".");
}

std::string recovery_prefix(const Context& ctx) {
    return fs::path(ctx.db_path()).filename().string() + ".unsaved-";
}

fs::path temp_dir() {
    const char* tmpdir = std::getenv("TMPDIR");
    return tmpdir != nullptr && *tmpdir == '/' ? fs::path(tmpdir) : fs::path("/tmp");
}

// In the shared temp dir, a recovery file names its database by a hash of
// the database's path, so that the next run on that database finds it.
std::string temp_prefix(const Context& ctx) {
    std::error_code ec;
    auto path = fs::weakly_canonical(fs::absolute(ctx.db_path(), ec), ec).string();
    std::uint64_t h = 14695981039346656037ULL; // FNV-1a
    for (const unsigned char c : path) {
        h = (h ^ c) * 1099511628211ULL;
    }
    return fmt::format("rls-unsaved-{:016x}-", h);
}

// Only files this user wrote and nobody else can change: anyone can put a
// file in /tmp, and a recovery file's sessions are stored without a question.
bool is_own_private_file(const fs::path& file) {
    struct stat st {};
    return ::lstat(file.c_str(), &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == ::geteuid() &&
           (st.st_mode & 077) == 0;
}

std::vector<fs::path> recovery_files(const Context& ctx) {
    std::vector<fs::path> out;
    // Every command looks, and the temp dir may hold thousands of files:
    // names are compared as they come, a path is made only for a match.
    const auto scan = [&out](const fs::path& dir, const std::string& prefix) {
        DIR* d = ::opendir(dir.c_str());
        if (d == nullptr) {
            return;
        }
        while (const dirent* entry = ::readdir(d)) {
            const std::string_view name(entry->d_name);
            if (name.starts_with(prefix) && name.ends_with(".json")) {
                auto file = dir / name;
                if (is_own_private_file(file)) {
                    out.push_back(std::move(file));
                }
            }
        }
        ::closedir(d);
    };
    scan(db_dir(ctx), recovery_prefix(ctx));
    scan(temp_dir(), temp_prefix(ctx));
    std::sort(out.begin(), out.end());
    return out;
}

std::string reason_of(const std::exception& e) {
    if (dynamic_cast<const Error*>(&e) != nullptr) {
        return e.what();
    }
    try {
        rethrow_sqlite(e, "cannot store it");
    } catch (const Error& mapped) {
        return mapped.what();
    }
}

Exit code_of(const std::exception& e) {
    if (const auto* err = dynamic_cast<const Error*>(&e)) {
        return err->code();
    }
    try {
        rethrow_sqlite(e, "");
    } catch (const Error& mapped) {
        return mapped.code();
    }
}

// Beside the database first (where the next run looks), else the temp dir.
std::optional<fs::path> keep(const Context& ctx, const std::string& uuid,
                             const std::string& content) {
    const std::vector<fs::path> places = {
        db_dir(ctx) / (recovery_prefix(ctx) + uuid.substr(0, 8) + ".json"),
        temp_dir() / (temp_prefix(ctx) + uuid.substr(0, 8) + ".json")};
    for (const auto& place : places) {
        try {
            write_file_atomically(place, content);
            return place;
        } catch (const Error&) {
            continue;
        }
    }
    return std::nullopt;
}

} // namespace

RecoveryFrame recovery_frame(Context& ctx) {
    return {export_catalog_json(ctx.db(), ctx.time().now)};
}

std::int64_t store_guided_session(Context& ctx, const RecoveryFrame& frame,
                                  const SessionInput& input, const Routine& routine,
                                  const std::function<void(const std::string& uuid)>& also) {
    const auto now = ctx.time().now;
    const auto uuid = new_uuid();
    for (int attempt = 1;; ++attempt) {
        try {
            auto& db = ctx.db();
            SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
            // Removed (by another rls) while the massage went on: what was
            // done is still what was done. Back as removed routines are,
            // hidden but kept for its sessions.
            const auto routines = list_routines(db, true);
            if (std::none_of(routines.begin(), routines.end(),
                             [&](const Routine& r) { return r.code == routine.code; })) {
                Routine kept = routine;
                kept.hidden = true;
                add_routine(db, kept);
            }
            const auto id = insert_session(db, input, now, uuid);
            if (also) {
                also(uuid); // in the same transaction (a trial night's mark)
            }
            tx.commit();
            return id;
        } catch (const std::exception& e) {
            if (is_busy(e) && attempt < k_save_attempts) {
                ctx.err() << "rls: the database is busy (another rls is writing); trying again\n"
                          << std::flush;
                continue;
            }
            // The same UUID goes into the file, so storing it later is
            // harmless even if this save did in fact commit.
            Session s;
            static_cast<SessionInput&>(s) = input;
            s.uuid = uuid;
            s.created = now;
            s.updated = now;
            auto doc = frame.document;
            doc["sessions"].push_back(session_export_json(s));
            const auto content = doc.dump(2) + "\n";
            const auto kept = keep(ctx, uuid, content);
            if (!kept) {
                // No file could be written (a full disk): standard error is
                // the last place it can go, terminal or not.
                ctx.err() << content;
                throw Error(code_of(e),
                            fmt::format("the guided session could not be stored ({}) nor kept "
                                        "in a file; it is printed above: save it and run rls "
                                        "import FILE",
                                        reason_of(e)));
            }
            throw Error(code_of(e),
                        fmt::format("the guided session could not be stored ({}); it is kept in "
                                    "{}: store it with rls guide --recover",
                                    reason_of(e), kept->string()));
        }
    }
}

void mention_recovery_files(Context& ctx) {
    for (const auto& file : recovery_files(ctx)) {
        ctx.warn(fmt::format("a guided session that could not be stored is kept in {}; store it "
                             "with rls guide --recover",
                             file.string()));
    }
}

int recover_guided_sessions(Context& ctx) {
    int stored = 0;
    for (const auto& file : recovery_files(ctx)) {
        std::ifstream in(file, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        nlohmann::json doc;
        try {
            doc = nlohmann::json::parse(text.str());
        } catch (const nlohmann::json::exception&) {
            throw Error(Exit::data, fmt::format("{} is not a readable recovery file; it was left "
                                                "in place",
                                                file.string()));
        }
        auto& db = ctx.db();
        SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
        const auto summary = import_json(db, doc, ctx.time().now);
        tx.commit();
        fs::remove(file);
        ++stored;
        ctx.say(fmt::format("Stored the guided session kept in {}{}.\n", file.string(),
                            summary.sessions.added == 0 ? " (it was already stored)" : ""));
    }
    if (stored == 0) {
        ctx.say("No guided session is waiting to be stored.\n");
    }
    return stored;
}

} // namespace rls
