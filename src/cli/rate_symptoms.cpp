// rls rate --onset, --spread and --unset onset|spread: the evening's symptoms,
// stored apart from the night's rating.
#include "cli/rate_symptoms.hpp"

#include "cli/render.hpp"
#include "core/error.hpp"
#include "core/measures_json.hpp"
#include "core/parse.hpp"
#include "store/measures.hpp"

#include <CLI/App.hpp>
#include <SQLiteCpp/Transaction.h>
#include <algorithm>
#include <fmt/format.h>

namespace rls {

bool RateOptions::given(const char* name) const {
    return cmd->get_option(name)->count() > 0;
}

// The evening's symptoms: an onset from the cut-off on is that evening (or
// afternoon) of the night, one before it the small hours after.
std::optional<Symptoms> read_symptoms_options(const RateOptions& o, const TimeContext& t,
                                              Date night) {
    if (!o.given("--onset") && !o.given("--spread")) {
        return std::nullopt;
    }
    Symptoms s;
    s.night = night;
    s.tz = std::string(t.zone.name());
    if (o.given("--onset")) {
        const auto tod = parse_time_of_day(o.onset, "--onset");
        const Date next{date::sys_days{night} + date::days{1}};
        s.onset = resolve_local(tod < t.cutoff ? next : night, tod, t.zone, "--onset");
        if (*s.onset > t.now) {
            throw usage_error(fmt::format("--onset {} is still to come", o.onset));
        }
    }
    if (o.given("--spread")) {
        s.spread = parse_spread(o.spread, "--spread");
    }
    return s;
}

// Onset or spread given alone keeps what else is known of the night.
Symptoms merged_symptoms(SQLite::Database& db, Symptoms s) {
    if (const auto old = find_symptoms(db, s.night)) {
        s.uuid = old->uuid;
        s.onset = s.onset ? s.onset : old->onset;
        s.spread = s.spread ? s.spread : old->spread;
    }
    return s;
}

std::string symptoms_summary(const Symptoms& s, const Zone& zone) {
    std::string out;
    if (s.onset) {
        out += "symptoms from " + format_local(*s.onset, zone, "%H:%M");
    }
    if (s.spread) {
        out += (out.empty() ? "felt in " : ", felt in ") + spread_text(*s.spread);
    }
    return out;
}

// rls rate --onset/--spread alone: the night's symptoms, without a rating.
void save_symptoms_only(Context& ctx, const RateOptions& o, const Symptoms& s) {
    auto& db = ctx.db();
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    save_symptoms(db, merged_symptoms(db, s), ctx.time().now);
    tx.commit();
    const auto stored = find_symptoms(db, s.night);
    if (o.json) {
        print_json(ctx, {{"night", format_date(s.night)}, {"symptoms", to_json(*stored)}});
        return;
    }
    ctx.say(fmt::format("Recorded the night of {}: {}.\n", format_date(s.night),
                        symptoms_summary(*stored, ctx.time().zone)));
}

// --unset onset / spread: the night's symptoms, which are kept apart from
// its rating (rls rate --onset/--spread records them without one), cleared
// on their own: a row left with neither is removed.
bool unsets_symptoms(const RateOptions& o) {
    return std::any_of(o.unset.begin(), o.unset.end(),
                       [](const std::string& f) { return f == "onset" || f == "spread"; });
}

void clear_night_symptoms(Context& ctx, const RateOptions& o, Date night) {
    for (const auto& field : o.unset) {
        if (field != "onset" && field != "spread") {
            throw usage_error(fmt::format("--unset onset and spread go without the rating's "
                                          "fields; unset {} in another rls rate",
                                          quote_value(field)));
        }
    }
    for (const char* option : {"--sleep", "--restless", "--into-bed", "--try-sleep", "--latency",
                               "--awakenings", "--waso", "--final-wake", "--out-of-bed", "--note",
                               "--onset", "--spread", "--replace", "--update"}) {
        if (o.given(option)) {
            throw usage_error(fmt::format(
                "--unset onset and spread clear the symptoms; they take no {}", option));
        }
    }
    auto& db = ctx.db();
    const auto existing = find_symptoms(db, night);
    if (!existing) {
        throw usage_error(
            fmt::format("the night of {} has no symptoms to clear", format_date(night)));
    }
    auto s = *existing;
    for (const auto& field : o.unset) {
        if (field == "onset") {
            s.onset.reset();
        } else {
            s.spread.reset();
        }
    }
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    if (s.onset || s.spread) {
        save_symptoms(db, s, ctx.time().now);
    } else {
        (void)delete_symptoms(db, night);
    }
    tx.commit();
    const auto stored = find_symptoms(db, night);
    if (o.json) {
        print_json(ctx,
                   {{"night", format_date(night)},
                    {"symptoms", stored ? to_json(*stored) : nlohmann::ordered_json(nullptr)}});
        return;
    }
    ctx.say(stored ? fmt::format("The night of {} now has {}.\n", format_date(night),
                                 symptoms_summary(*stored, ctx.time().zone))
                   : fmt::format("The night of {} has no symptoms recorded now.\n",
                                 format_date(night)));
}

} // namespace rls
