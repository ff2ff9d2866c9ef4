// Export and import of trials.
#include "store/trial_transfer.hpp"

#include "core/text_formats.hpp"
#include "core/trial.hpp"
#include "store/import_fields.hpp"
#include "store/ratings.hpp"
#include "store/sessions.hpp"
#include "store/trials.hpp"

#include <fmt/format.h>

namespace rls {

using nlohmann::json;
using nlohmann::ordered_json;

ordered_json trials_export_json(SQLite::Database& db) {
    ordered_json out = ordered_json::array();
    for (const auto& t : all_trials(db)) {
        const auto& p = t.protocol;
        ordered_json arms = ordered_json::array();
        for (const auto& a : p.arms) {
            arms.push_back(a.label());
        }
        ordered_json schedule = ordered_json::array();
        for (const auto& n : p.schedule) {
            schedule.push_back({{"night", format_date(n.night)},
                                {"block", n.block},
                                {"arm", n.arm},
                                {"washout", n.washout}});
        }
        ordered_json marks = ordered_json::array();
        for (const auto& m : t.marks) {
            marks.push_back({{"night", format_date(m.night)},
                             {"kind", m.kind},
                             {"followed", m.followed},
                             {"session_uuid", m.session_uuid ? ordered_json(*m.session_uuid)
                                                             : ordered_json(nullptr)},
                             {"recorded_utc", format_instant_utc(m.recorded)}});
        }
        out.push_back(
            {{"uuid", t.uuid},
             {"arms", arms},
             {"design", design_name(p.design)},
             {"blocks", p.blocks},
             {"washout", p.washout},
             {"outcome", outcome_name(p.outcome)},
             {"mid", p.mid},
             {"first_night", format_date(p.first_night)},
             {"seed", p.seed},
             {"fingerprint", t.fingerprint},
             {"tz", t.tz},
             {"created_utc", format_instant_utc(t.created)},
             {"stopped_utc",
              t.stopped ? ordered_json(format_instant_utc(*t.stopped)) : ordered_json(nullptr)},
             {"stopped_night", t.stopped_night ? ordered_json(format_date(*t.stopped_night))
                                               : ordered_json(nullptr)},
             {"schedule", schedule},
             {"marks", marks}});
    }
    return out;
}

namespace {

Trial read_trial(const json& j, const std::string& where, Instant now) {
    using namespace imports;
    if (!j.is_object()) {
        bad(where, "must be an object");
    }
    Trial t;
    t.uuid = uuid(j, where);
    auto& p = t.protocol;
    const auto& arms = member(j, where, "arms");
    if (!arms.is_array()) {
        bad(path(where, "arms"), "must be an array of arm names");
    }
    for (const auto& a : arms) {
        if (!a.is_string() || a.get<std::string>().size() > 2 * k_max_name_chars) {
            bad(path(where, "arms"), "must be an array of arm names");
        }
        p.arms.push_back(arm_from_label(a.get<std::string>()));
        if (p.arms.back().label() != a.get<std::string>()) {
            bad(path(where, "arms"), "holds a name that is not an arm");
        }
    }
    if (const auto problem = arms_problem(p.arms)) {
        bad(path(where, "arms"), *problem);
    }
    const auto design = parse_design(text(j, where, "design", 10));
    const auto outcome = parse_outcome(text(j, where, "outcome", 10));
    if (!design || !outcome) {
        bad(where, "design must be pairs or abba, outcome sleep or restless");
    }
    p.design = *design;
    p.outcome = *outcome;
    p.blocks = whole(j, where, "blocks", k_trial_blocks_range);
    p.washout = whole(j, where, "washout", k_trial_washout_range);
    const auto& mid = member(j, where, "mid");
    if (!mid.is_number() || mid.get<double>() < 0.1 || mid.get<double>() > 10) {
        bad(path(where, "mid"), "must be a number from 0.1 to 10");
    }
    p.mid = mid.get<double>();
    p.first_night = night(j, where, "first_night");
    const auto& seed = member(j, where, "seed");
    if (!seed.is_number_unsigned() || seed.get<std::uint64_t>() > k_max_trial_seed) {
        bad(path(where, "seed"), "must be a whole number from 0 to 2^53 - 1");
    }
    p.seed = seed.get<std::uint64_t>();
    // The schedule is what the seed draws; the file's copy must agree.
    p.schedule = make_schedule(p.arms.size(), p.design, p.blocks, p.washout, p.first_night, p.seed);
    const auto& schedule = member(j, where, "schedule");
    if (!schedule.is_array() || schedule.size() != p.schedule.size()) {
        bad(path(where, "schedule"), "does not match the protocol's seed");
    }
    for (std::size_t i = 0; i < p.schedule.size(); ++i) {
        const auto w = fmt::format("{}.schedule[{}]", where, i);
        const auto& n = p.schedule[i];
        if (night(schedule[i], w, "night") != n.night ||
            whole(schedule[i], w, "block", {1, 1000}) != n.block ||
            whole(schedule[i], w, "arm", k_trial_arm_index_range) != n.arm ||
            flag(schedule[i], w, "washout") != n.washout) {
            bad(w, "does not match the protocol's seed");
        }
    }
    t.fingerprint = text(j, where, "fingerprint", 64);
    if (t.fingerprint != fingerprint(p)) {
        bad(path(where, "fingerprint"), "does not match the protocol");
    }
    std::string tz_name;
    (void)zone(j, where, "tz", tz_name);
    t.tz = tz_name;
    t.created = instant_in_range(j, where, "created_utc", now);
    t.stopped = optional_instant(j, where, "stopped_utc");
    if (j.contains("stopped_night") && !j["stopped_night"].is_null()) {
        t.stopped_night = night(j, where, "stopped_night");
    }
    if (t.stopped.has_value() != t.stopped_night.has_value()) {
        bad(where, "stopped_utc and stopped_night go together");
    }
    const auto& marks = member(j, where, "marks");
    if (!marks.is_array()) {
        bad(path(where, "marks"), "must be an array");
    }
    for (std::size_t i = 0; i < marks.size(); ++i) {
        const auto w = fmt::format("{}.marks[{}]", where, i);
        TrialMark m;
        m.night = night(marks[i], w, "night");
        if (p.night(m.night) == nullptr) {
            bad(path(w, "night"), "is not a night of the trial");
        }
        m.kind = text(marks[i], w, "kind", 10);
        if (m.kind != "session" && m.kind != "skip") {
            bad(path(w, "kind"), "must be session or skip");
        }
        m.followed = flag(marks[i], w, "followed");
        m.session_uuid = optional_text(marks[i], w, "session_uuid", 36);
        m.recorded = instant_in_range(marks[i], w, "recorded_utc", now);
        t.marks.push_back(m);
    }
    return t;
}

} // namespace

void import_trials(SQLite::Database& db, const json& doc, ImportCounts& counts, Instant now) {
    if (!doc.contains("trials")) {
        return;
    }
    const auto& trials = imports::array(doc, "trials");
    const auto existing = all_trials(db);
    for (std::size_t i = 0; i < trials.size(); ++i) {
        const auto t = read_trial(trials[i], fmt::format("trials[{}]", i), now);
        if (trial_uuid_exists(db, t.uuid)) {
            ++counts.unchanged;
            continue;
        }
        // Trials never overlap: one that would is kept out.
        bool overlaps = false;
        for (const auto& e : existing) {
            overlaps = overlaps || (t.protocol.first_night <= e.end_night() &&
                                    e.protocol.first_night <= t.end_night());
        }
        if (overlaps) {
            ++counts.kept;
            continue;
        }
        (void)insert_trial(db, t);
        ++counts.added;
    }
}

namespace {

// "A none | B standard x2; pairs, 8 blocks, washout 0; sleep, mid 1; seed 5"
std::string trial_csv_protocol(const Protocol& p) {
    std::string arms;
    for (std::size_t i = 0; i < p.arms.size(); ++i) {
        arms += fmt::format("{}{} {}", i == 0 ? "" : " | ", arm_letter(static_cast<int>(i)),
                            p.arms[i].label());
    }
    return fmt::format("{}; {}, {} blocks, washout {}; {}, mid {:g}; seed {}", arms,
                       design_name(p.design), p.blocks, p.washout, outcome_name(p.outcome), p.mid,
                       p.seed);
}

} // namespace

std::map<std::string, std::string> trials_csv_cells(SQLite::Database& db, Date tonight) {
    std::map<std::string, std::string> out;
    for (const auto& t : all_trials(db)) {
        const auto& p = t.protocol;
        const auto protocol = csv_field(trial_csv_protocol(p), true);
        const auto records =
            trial_records(t, sessions_between(db, p.first_night, p.last_night()),
                          ratings_between(db, p.first_night, p.last_night()), tonight);
        for (const auto& r : records) {
            const auto& n = *r.night;
            if (r.state == NightState::upcoming || n.night > t.end_night()) {
                continue;
            }
            std::string done;
            if (r.done) {
                done = p.arms[static_cast<std::size_t>(*r.done)].label();
            } else if (r.skipped) {
                done = "none";
            } else if (r.state == NightState::deviated) {
                done = "other";
            }
            out[format_date(n.night)] = fmt::format(
                "{},{},{},{},{},{},{},{},{}", t.id, protocol, t.fingerprint, n.seq, n.block,
                csv_field(p.arms[static_cast<std::size_t>(n.arm)].label(), true),
                csv_field(done, true), night_state_name(r.state), n.washout ? 1 : 0);
        }
    }
    return out;
}

} // namespace rls
