// rls config: settings kept in the database (so they travel with the data).
#include "cli/app.hpp"
#include "cli/render.hpp"
#include "core/error.hpp"
#include "core/parse.hpp"
#include "core/terminal_text.hpp"
#include "store/settings.hpp"

#include <CLI/App.hpp>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <memory>
#include <ostream>

namespace rls {

namespace {

struct ConfigOptions {
    std::string key;
    std::string value;
    bool json = false;
    CLI::Option* value_opt = nullptr;
};

void run_config(Context& ctx, const ConfigOptions& o) {
    auto& db = ctx.db();
    if (o.value_opt->count() > 0) {
        const auto value = validated_setting(o.key, o.value, o.key);
        SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
        set_setting(db, o.key, value);
        tx.commit();
        if (!o.json) {
            ctx.say(fmt::format("{} = {}\n", o.key, value));
            return;
        }
    }
    nlohmann::ordered_json j;
    bool found = false;
    for (const auto& s : known_settings()) {
        if (!o.key.empty() && o.key != s.key) {
            continue;
        }
        found = true;
        const auto value = get_setting(db, s.key).value_or(s.fallback);
        j[s.key] = value;
        if (!o.json) {
            // The help as a comment above the setting, within 80 columns.
            for (const auto& line : wrap(s.help, 78)) {
                ctx.out() << "# " << line << '\n';
            }
            ctx.out() << fmt::format("{} = {}\n", s.key, visible(value));
        }
    }
    if (!found) {
        throw usage_error(
            fmt::format("KEY must be one of: cutoff, primary; got {}", quote_value(o.key)));
    }
    if (o.json) {
        print_json(ctx, j);
    }
}

} // namespace

void register_config(CLI::App& app, Context& ctx, Action& action) {
    auto o = std::make_shared<ConfigOptions>();
    auto* cmd = app.add_subcommand("config", "Show or change settings (cutoff, primary)");
    cmd->add_option("KEY", o->key, "Setting to show or change: cutoff or primary");
    o->value_opt = cmd->add_option("VALUE", o->value, "New value, e.g. 05:00 for cutoff");
    cmd->add_flag("--json", o->json, "Print settings as JSON");
    cmd->callback([&ctx, &action, o] { action = [&ctx, o] { run_config(ctx, *o); }; });
}

} // namespace rls
