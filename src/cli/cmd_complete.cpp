// rls __complete KIND (hidden): one value per line for shell completions,
// from the user's own database. Silent when there is no database yet, and it
// never creates one.
#include "cli/app.hpp"
#include "cli/render.hpp"
#include "core/error.hpp"
#include "core/match.hpp"
#include "core/terminal_text.hpp"
#include "store/catalog.hpp"
#include "store/measures.hpp"
#include "store/sessions.hpp"
#include "store/trials.hpp"

#include <CLI/App.hpp>
#include <filesystem>
#include <memory>
#include <ostream>

namespace rls {

namespace {

void run_complete(Context& ctx, const std::string& kind) {
    if (!std::filesystem::exists(ctx.db_path())) {
        return;
    }
    auto& out = ctx.out();
    auto& db = ctx.db();
    // Every id, then the short names rls also takes for it ("heart" for
    // left.heart), so that what the README shows completes too.
    const auto ids_and_short_names = [&out](const std::vector<std::string>& ids) {
        for (const auto& id : ids) {
            out << visible(id) << '\n';
        }
        for (const auto& name : short_names(ids)) {
            out << visible(name) << '\n';
        }
    };
    if (kind == "points") {
        ids_and_short_names(point_codes(db));
    } else if (kind == "oils") {
        ids_and_short_names(codes_of(list_oils(db)));
    } else if (kind == "routines") {
        ids_and_short_names(codes_of(list_routines(db)));
    } else if (kind == "tags") {
        for (const auto& t : list_tags(db)) {
            out << visible(t) << '\n';
        }
    } else if (kind == "arms") {
        // What rls trial start takes: none, each routine at 1-3 rotations,
        // each oil with and without.
        out << "none\n";
        for (const auto& r : list_routines(db)) {
            for (int n = 1; n <= 3; ++n) {
                out << visible(r.code) << " x" << n << '\n';
            }
        }
        for (const auto& o : list_oils(db)) {
            if (!o.carrier) {
                out << visible(o.code) << "\nno " << visible(o.code) << '\n';
            }
        }
    } else if (kind == "trials") {
        // What rls trial show and report take: newest first, with the arms.
        const auto trials = all_trials(db);
        for (auto t = trials.rbegin(); t != trials.rend(); ++t) {
            std::string arms;
            for (const auto& a : t->protocol.arms) {
                arms += (arms.empty() ? "" : " vs ") + visible(a.label());
            }
            out << t->id << '\t' << arms << '\n';
        }
    } else if (kind == "medicines") {
        for (const auto& m : list_medicines(db)) {
            out << visible(m.name) << '\n';
        }
    } else if (kind == "sessions") {
        // Newest first, each with its night and routine after a tab: the
        // shells keep this order and show the rest beside the number.
        for (const auto& s : recent_session_labels(db, 50)) {
            out << s.id << '\t' << s.night << ' ' << visible(s.routine) << " x" << s.rounds << '\n';
        }
    } else if (kind == "doses") {
        // What rls took --delete takes: newest first, as sessions.
        const auto doses = all_doses(db);
        for (auto d = doses.rbegin(); d != doses.rend() && d - doses.rbegin() < 50; ++d) {
            out << d->id << '\t' << format_date(d->night) << ' ' << dose_amount_label(*d) << '\n';
        }
    } else if (kind == "labs") {
        const auto labs = labs_up_to(db, Date{date::year{9999} / 12 / 31});
        for (auto l = labs.rbegin(); l != labs.rend() && l - labs.rbegin() < 50; ++l) {
            out << l->id << '\t' << format_date(l->drawn) << '\n';
        }
    } else {
        throw usage_error("KIND must be points, oils, routines, tags, arms, trials, medicines, "
                          "sessions, doses or labs");
    }
}

} // namespace

void register_complete(CLI::App& app, Context& ctx, Action& action) {
    auto kind = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand("__complete", "Values for shell completion");
    cmd->group("");
    cmd->add_option("KIND", *kind,
                    "points, oils, routines, tags, arms, trials, medicines, sessions, doses or "
                    "labs")
        ->required();
    cmd->callback([&ctx, &action, kind] { action = [&ctx, kind] { run_complete(ctx, *kind); }; });
}

} // namespace rls
