// rls backup and rls check.
#include "cli/app.hpp"
#include "cli/render.hpp"
#include "core/error.hpp"
#include "core/terminal_text.hpp"
#include "store/backup.hpp"
#include "store/database.hpp"
#include "store/files.hpp"
#include "store/ratings.hpp"
#include "store/sessions.hpp"
#include "store/transfer.hpp"

#include <CLI/App.hpp>
#include <filesystem>
#include <fmt/format.h>
#include <memory>

namespace rls {

namespace {

struct BackupOptions {
    std::string file;
    bool force = false;
    bool json = false;
};

void run_backup(Context& ctx, const BackupOptions& o) {
    namespace fs = std::filesystem;
    const fs::path target(o.file);
    if (fs::exists(target) && !o.force) {
        throw Error(Exit::cant_create, fmt::format("{} exists; add --force to replace it", o.file));
    }
    const auto resolved = resolve_output(target, ctx.db_path(), false);
    const auto [sessions, ratings] = backup_to(ctx.db(), resolved.path);
    if (o.json) {
        print_json(
            ctx,
            {{"file", o.file}, {"sessions", sessions}, {"ratings", ratings}, {"integrity", "ok"}});
        return;
    }
    ctx.say(fmt::format("Backed up {} sessions and {} ratings to {} (integrity ok).\n", sessions,
                        ratings, o.file));
}

// What SQLite's checks cannot see but would break other commands: values
// outside their ranges (CHECK constraints can be switched off) and text that
// is not UTF-8. Reading everything the way show and export do finds both.
void check_contents(Context& ctx, Health& h) {
    try {
        (void)export_json(ctx.db(), ctx.time().now)
            .dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::strict);
    } catch (const Error& e) {
        h.integrity = {e.what()};
    } catch (const nlohmann::json::exception&) {
        h.integrity = {"a note, name or tag is not valid UTF-8: it was changed outside rls"};
    }
}

void run_check(Context& ctx, bool json) {
    auto& db = ctx.db();
    auto health = health_of(db);
    if (health.ok()) {
        check_contents(ctx, health);
    }
    const int version = schema_version(db);
    std::int64_t sessions = -1;
    std::int64_t ratings = -1;
    if (health.ok()) {
        sessions = count_sessions(db);
        ratings = count_ratings(db);
    }
    std::error_code ec;
    const auto bytes = std::filesystem::file_size(ctx.db_path(), ec);
    if (json) {
        print_json(ctx, {{"database", ctx.db_path()},
                         {"bytes", ec ? 0 : bytes},
                         {"schema_version", version},
                         {"latest_schema_version", latest_schema_version()},
                         {"integrity", health.integrity},
                         {"foreign_key_problems", health.foreign_key_problems},
                         {"sessions", health.ok() ? nlohmann::ordered_json(sessions) : nullptr},
                         {"ratings", health.ok() ? nlohmann::ordered_json(ratings) : nullptr},
                         {"ok", health.ok()}});
    } else {
        auto& out = ctx.out();
        out << fmt::format("Database      {} ({} KiB)\n", visible(ctx.db_path()),
                           ec ? 0 : bytes / 1024);
        out << fmt::format("Schema        version {} (this rls knows up to {})\n", version,
                           latest_schema_version());
        out << fmt::format("Integrity     {}\n",
                           health.integrity.size() == 1
                               ? health.integrity.front()
                               : fmt::format("{} problems, first: {}", health.integrity.size(),
                                             health.integrity.front()));
        out << fmt::format("Foreign keys  {}\n",
                           health.foreign_key_problems == 0
                               ? std::string("ok")
                               : fmt::format("{} problems", health.foreign_key_problems));
        if (health.ok()) {
            out << fmt::format("Contents      {} sessions, {} ratings\n", sessions, ratings);
        }
    }
    if (!health.ok()) {
        throw Error(Exit::data, "the database failed its check; restore a backup (rls backup) "
                                "or export what can be read (rls export)");
    }
}

} // namespace

void register_backup(CLI::App& app, Context& ctx, Action& action) {
    {
        auto o = std::make_shared<BackupOptions>();
        auto* cmd =
            app.add_subcommand("backup", "Copy the live database safely, checked and private");
        cmd->add_option("FILE", o->file, "Where to write the copy (mode 0600)")->required();
        cmd->add_flag("-f,--force", o->force, "Replace FILE if it exists");
        cmd->add_flag("--json", o->json, "Print the result as JSON");
        cmd->callback([&ctx, &action, o] { action = [&ctx, o] { run_backup(ctx, *o); }; });
    }
    {
        auto json = std::make_shared<bool>(false);
        auto* cmd =
            app.add_subcommand("check", "Check the database: integrity, foreign keys, schema");
        cmd->add_flag("--json", *json, "Print the result as JSON");
        cmd->callback([&ctx, &action, json] { action = [&ctx, json] { run_check(ctx, *json); }; });
    }
}

} // namespace rls
