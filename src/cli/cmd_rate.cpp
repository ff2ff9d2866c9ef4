// rls rate: the morning rating of the night that just ended, with optional
// Consensus Sleep Diary entries.
#include "cli/app.hpp"
#include "cli/rate_symptoms.hpp"
#include "cli/render.hpp"
#include "core/error.hpp"
#include "core/measures.hpp"
#include "core/measures_json.hpp"
#include "core/parse.hpp"
#include "store/measures.hpp"
#include "store/ratings.hpp"

#include <CLI/App.hpp>
#include <SQLiteCpp/Transaction.h>
#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <functional>
#include <map>
#include <memory>
#include <ostream>
#include <string_view>
#include <vector>

namespace rls {

namespace {

// Diary clock times belong to the night: bed times from noon on are that
// evening, earlier ones the next morning; waking times are the next day.
Instant diary_time(const TimeContext& t, Date night, const std::string& text, const char* field,
                   bool evening_possible) {
    const auto tod = parse_time_of_day(text, field);
    const Date next{date::sys_days{night} + date::days{1}};
    const bool evening = evening_possible && tod >= std::chrono::hours{12};
    return resolve_local(evening ? night : next, tod, t.zone, field);
}

SleepDiary read_diary(const RateOptions& o, const TimeContext& t, Date night) {
    SleepDiary d;
    if (o.given("--into-bed")) {
        d.into_bed = diary_time(t, night, o.into_bed, "--into-bed", true);
    }
    if (o.given("--try-sleep")) {
        d.try_sleep = diary_time(t, night, o.try_sleep, "--try-sleep", true);
    }
    if (o.given("--latency")) {
        d.latency_min =
            parse_duration_minutes(o.latency, "--latency", k_latency_range.lo, k_latency_range.hi);
    }
    if (o.given("--awakenings")) {
        d.awakenings = parse_int(o.awakenings, "--awakenings", k_awakenings_range);
    }
    if (o.given("--waso")) {
        d.waso_min = parse_duration_minutes(o.waso, "--waso", k_waso_range.lo, k_waso_range.hi);
    }
    if (o.given("--final-wake")) {
        d.final_wake = diary_time(t, night, o.final_wake, "--final-wake", false);
    }
    if (o.given("--out-of-bed")) {
        d.out_of_bed = diary_time(t, night, o.out_of_bed, "--out-of-bed", false);
    }
    return d;
}

void check_diary_order(const SleepDiary& d, const TimeContext& t) {
    const DiaryFieldNames names{"--into-bed", "--try-sleep",  "--latency",
                                "--waso",     "--final-wake", "--out-of-bed"};
    if (const auto problem = diary_order_problem(
            d, names, [&](Instant i) { return format_local(i, t.zone, "%H:%M"); })) {
        throw usage_error(*problem);
    }
}

// The fields --unset takes, as their options are named.
constexpr std::array<std::string_view, 10> k_rating_fields{
    "sleep", "restless",   "into-bed",   "try-sleep",  "latency",
    "waso",  "awakenings", "final-wake", "out-of-bed", "note"};

// --update and --unset: the stored rating with the given fields changed and
// the unset ones cleared; every other field is kept.
RatingInput merged(const Rating& old, const RatingInput& given, const RateOptions& o) {
    RatingInput r = old;
    r.tz = given.tz;
    const auto take = [&](const char* option, auto& field, const auto& value) {
        if (o.given(option)) {
            field = value;
        }
    };
    take("--sleep", r.sleep, given.sleep);
    take("--restless", r.restless, given.restless);
    take("--into-bed", r.diary.into_bed, given.diary.into_bed);
    take("--try-sleep", r.diary.try_sleep, given.diary.try_sleep);
    take("--latency", r.diary.latency_min, given.diary.latency_min);
    take("--awakenings", r.diary.awakenings, given.diary.awakenings);
    take("--waso", r.diary.waso_min, given.diary.waso_min);
    take("--final-wake", r.diary.final_wake, given.diary.final_wake);
    take("--out-of-bed", r.diary.out_of_bed, given.diary.out_of_bed);
    take("--note", r.note, given.note);
    for (const auto& field : o.unset) {
        if (std::find(k_rating_fields.begin(), k_rating_fields.end(), field) ==
            k_rating_fields.end()) {
            throw usage_error(fmt::format("--unset takes {}, onset or spread, got {}",
                                          fmt::join(k_rating_fields, ", "), quote_value(field)));
        }
        const auto option = "--" + field;
        if (o.given(option.c_str())) {
            throw usage_error(fmt::format("{} is both given and unset; choose one", option));
        }
        const std::map<std::string_view, std::function<void()>> clear{
            {"sleep", [&] { r.sleep.reset(); }},
            {"restless", [&] { r.restless.reset(); }},
            {"into-bed", [&] { r.diary.into_bed.reset(); }},
            {"try-sleep", [&] { r.diary.try_sleep.reset(); }},
            {"latency", [&] { r.diary.latency_min.reset(); }},
            {"awakenings", [&] { r.diary.awakenings.reset(); }},
            {"waso", [&] { r.diary.waso_min.reset(); }},
            {"final-wake", [&] { r.diary.final_wake.reset(); }},
            {"out-of-bed", [&] { r.diary.out_of_bed.reset(); }},
            {"note", [&] { r.note.reset(); }}};
        clear.at(field)();
    }
    if (!r.sleep && !r.restless && r.diary.empty() && !r.note) {
        throw usage_error(fmt::format("that would leave the night of {} with an empty rating; "
                                      "use --delete",
                                      format_date(r.night)));
    }
    return r;
}

void delete_night_rating(Context& ctx, const RateOptions& o, Date night) {
    for (const char* option :
         {"--sleep", "--restless", "--into-bed", "--try-sleep", "--latency", "--awakenings",
          "--waso", "--final-wake", "--out-of-bed", "--note", "--replace", "--update", "--unset"}) {
        if (o.given(option)) {
            throw usage_error(
                fmt::format("--delete removes the whole rating; it takes no {}", option));
        }
    }
    auto& db = ctx.db();
    const auto existing = find_rating(db, night);
    if (!existing) {
        throw usage_error(
            fmt::format("the night of {} has no rating to delete", format_date(night)));
    }
    // The onset and spread were the same morning's record: they go with the
    // rating, or the watch would go on using what the user deleted.
    const auto symptoms = find_symptoms(db, night);
    const auto what =
        fmt::format("the rating of the night of {} (sleep {}, restlessness {}){}",
                    format_date(night), or_dash(existing->sleep), or_dash(existing->restless),
                    symptoms ? " and its " + symptoms_summary(*symptoms, ctx.time().zone) : "");
    if (!o.yes) {
        if (!ctx.interactive()) {
            throw usage_error(fmt::format("rate --delete removes the rating of the night of {}; "
                                          "add --yes",
                                          format_date(night)));
        }
        if (!ctx.confirm(fmt::format("Delete {}?", what))) {
            throw Error(Exit::declined, "kept the rating; nothing was changed");
        }
    }
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    (void)delete_rating(db, night);
    (void)delete_symptoms(db, night);
    tx.commit();
    if (o.json) {
        auto j = to_json(*existing);
        if (symptoms) {
            j["symptoms"] = to_json(*symptoms);
        }
        print_json(ctx, j);
        return;
    }
    ctx.say(fmt::format("Deleted {}.\n", what));
}

std::string rating_summary(const Rating& r) {
    return fmt::format("sleep {}, restlessness {}", or_dash(r.sleep), or_dash(r.restless));
}

void run_rate(Context& ctx, const RateOptions& o) {
    const auto& t = ctx.time();
    const Date latest = last_ended_night(t);
    RatingInput in;
    // By default the night that just ended; before the cut-off that night is
    // still in progress, and rating it would guess at a morning to come.
    in.night = o.given("--night") ? parse_night(o.night, t, "--night") : last_night(t);
    if (in.night > latest) {
        if (o.given("--night")) {
            throw usage_error(
                fmt::format("--night {} has not ended yet; the latest night to rate is {}",
                            format_date(in.night), format_date(latest)));
        }
        throw usage_error(fmt::format("night {} is not over until {:02}:{:02}; the latest to rate "
                                      "is {}",
                                      format_date(in.night), t.cutoff.count() / 60,
                                      t.cutoff.count() % 60, format_date(latest)));
    }
    if (o.remove) {
        delete_night_rating(ctx, o, in.night);
        return;
    }
    if (unsets_symptoms(o)) {
        clear_night_symptoms(ctx, o, in.night);
        return;
    }
    in.tz = std::string(t.zone.name());
    if (o.given("--sleep")) {
        in.sleep = parse_rating(o.sleep, "--sleep");
    }
    if (o.given("--restless")) {
        in.restless = parse_rating(o.restless, "--restless");
    }
    in.diary = read_diary(o, t, in.night);
    if (o.given("--note")) {
        auto note = parse_text(o.note, "--note", k_max_note_bytes);
        if (!note.empty()) {
            in.note = std::move(note);
        }
    }
    auto symptoms = read_symptoms_options(o, t, in.night);
    if (o.update || !o.unset.empty()) {
        if (o.replace) {
            throw usage_error("--replace and --update/--unset do opposite things; choose one");
        }
        auto& db = ctx.db();
        const auto existing = find_rating(db, in.night);
        if (!existing) {
            throw usage_error(fmt::format("the night of {} has no rating to change; rate it "
                                          "first",
                                          format_date(in.night)));
        }
        const bool nothing = !o.given("--sleep") && !o.given("--restless") && in.diary.empty() &&
                             !o.given("--note") && o.unset.empty() && !symptoms;
        if (nothing) {
            throw usage_error("--update needs a field to change, e.g. --sleep 6 or --onset 21:00");
        }
        in = merged(*existing, in, o);
    }
    check_diary_order(in.diary, t);
    const bool nothing_given = !in.sleep && !in.restless && in.diary.empty() && !in.note;
    if (nothing_given && symptoms) {
        save_symptoms_only(ctx, o, *symptoms);
        return;
    }
    if (nothing_given) {
        if (!ctx.interactive()) {
            throw usage_error(
                "rate needs --sleep or --restless (or run it on a terminal to be asked)");
        }
        ctx.err() << fmt::format("Rating the night of {}. Enter skips a question.\n",
                                 format_date(in.night));
        in.sleep = ctx.ask_rating("Sleep quality, 0-10 (10 best): ", "sleep");
        in.restless = ctx.ask_rating("Night-time restlessness, 0-10 (10 worst): ", "restless");
        if (!in.sleep && !in.restless) {
            throw Error(Exit::declined, "nothing to save");
        }
    }
    auto& db = ctx.db();
    if (const auto existing = find_rating(db, in.night);
        existing && !o.replace && !o.update && o.unset.empty()) {
        const auto question = fmt::format("The night of {} is already rated ({}). Replace it?",
                                          format_date(in.night), rating_summary(*existing));
        if (!ctx.interactive()) {
            throw usage_error(fmt::format("the night of {} is already rated; add --replace to "
                                          "overwrite it",
                                          format_date(in.night)));
        }
        if (!ctx.confirm(question)) {
            throw Error(Exit::declined, "kept the existing rating; nothing was changed");
        }
    }
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    save_rating(db, in, t.now);
    if (symptoms) {
        save_symptoms(db, merged_symptoms(db, *symptoms), t.now);
    }
    tx.commit();
    const auto stored = find_rating(db, in.night);
    if (o.json) {
        auto j = to_json(*stored);
        if (const auto sy = find_symptoms(db, in.night)) {
            j["symptoms"] = to_json(*sy);
        }
        print_json(ctx, j);
        return;
    }
    std::string line =
        fmt::format("Rated the night of {}: {}", format_date(in.night), rating_summary(*stored));
    const auto f = derive_figures(stored->diary);
    if (f.tst_min) {
        line += fmt::format("; total sleep {}", minutes_label(*f.tst_min));
    }
    if (f.efficiency_pct) {
        line += fmt::format(", efficiency {:.0f}%", *f.efficiency_pct);
    }
    if (symptoms) {
        line += "; " + symptoms_summary(merged_symptoms(db, *symptoms), t.zone);
    }
    ctx.say(line + ".\n");
}

} // namespace

void register_rate(CLI::App& app, Context& ctx, Action& action) {
    auto o = std::make_shared<RateOptions>();
    auto* cmd =
        app.add_subcommand("rate", "Rate last night's sleep and restlessness (in the morning)");
    o->cmd = cmd;
    cmd->add_option("--night", o->night,
                    "Night to rate: YYYY-MM-DD, yesterday (default: the night that just ended)")
        ->type_name("DATE");
    cmd->add_option("-s,--sleep", o->sleep, "Sleep quality 0-10 (10 best)")->type_name("N");
    cmd->add_option("-R,--restless", o->restless, "Night-time restlessness 0-10 (10 worst)")
        ->type_name("N");
    cmd->add_option("--into-bed", o->into_bed, "Sleep diary: time you got into bed, HH:MM")
        ->type_name("HH:MM");
    cmd->add_option("--try-sleep", o->try_sleep, "Sleep diary: time you tried to sleep, HH:MM")
        ->type_name("HH:MM");
    cmd->add_option("--latency", o->latency, "Sleep diary: time to fall asleep, e.g. 20m")
        ->type_name("TIME");
    cmd->add_option("--awakenings", o->awakenings, "Sleep diary: times you woke in the night")
        ->type_name("N");
    cmd->add_option("--waso", o->waso,
                    "Sleep diary: time awake in the night after first falling asleep")
        ->type_name("TIME");
    cmd->add_option("--final-wake", o->final_wake, "Sleep diary: time of final awakening, HH:MM")
        ->type_name("HH:MM");
    cmd->add_option("--out-of-bed", o->out_of_bed, "Sleep diary: time you got out of bed, HH:MM")
        ->type_name("HH:MM");
    cmd->add_option("--note", o->note, "A free-text note (up to 10000 bytes)")->type_name("TEXT");
    cmd->add_option("--onset", o->onset,
                    "When symptoms began that evening, HH:MM (before the cut-off: after midnight)")
        ->type_name("HH:MM");
    cmd->add_option("--spread", o->spread,
                    "Where they were felt: legs, arms, trunk, e.g. legs,arms")
        ->type_name("WHERE");
    cmd->add_flag("--replace", o->replace, "Replace the night's existing rating without asking");
    cmd->add_flag("--update", o->update,
                  "Change only the fields given in the night's rating; keep the others");
    cmd->add_option("--unset", o->unset,
                    "Clear one field of the night's rating (or its onset or spread), e.g. "
                    "--unset latency (repeatable)")
        ->type_name("FIELD");
    cmd->add_flag("--delete", o->remove, "Delete the night's rating (asks first)");
    cmd->add_flag("-y,--yes", o->yes, "With --delete: without asking");
    cmd->add_flag("--json", o->json, "Print the stored rating as JSON");
    cmd->callback([&ctx, &action, o] { action = [&ctx, o] { run_rate(ctx, *o); }; });
}

} // namespace rls
