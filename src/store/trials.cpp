// Trial storage: protocol, schedule and marks; the fingerprint checked on read.
#include "store/trials.hpp"

#include "core/error.hpp"

#include <SQLiteCpp/Statement.h>
#include <charconv>
#include <fmt/format.h>
#include <sstream>

namespace rls {

Arm arm_from_label(const std::string& label) {
    Arm a;
    if (label == "none") {
        return a;
    }
    if (label.starts_with("no ")) {
        a.kind = Arm::Kind::oil;
        a.oil = label.substr(3);
        a.with = false;
        return a;
    }
    if (const auto sp = label.rfind(" x"); sp != std::string::npos) {
        int rounds = 0;
        const auto* first = label.data() + sp + 2;
        const auto* last = label.data() + label.size();
        const auto [ptr, ec] = std::from_chars(first, last, rounds);
        if (ec == std::errc() && ptr == last) {
            a.kind = Arm::Kind::routine;
            a.routine = label.substr(0, sp);
            a.rounds = rounds;
            return a;
        }
    }
    a.kind = Arm::Kind::oil;
    a.oil = label;
    return a;
}

namespace {

[[noreturn]] void malformed(const char* what) {
    throw Error(Exit::data,
                fmt::format("the database holds a malformed trial {} (run: rls check)", what));
}

Date stored_date(const SQLite::Column& c) {
    const auto d = parse_iso_date(c.getString());
    if (!d) {
        malformed("night");
    }
    return *d;
}

Instant stored_instant(const SQLite::Column& c) {
    const auto t = parse_instant_utc(c.getString());
    if (!t) {
        malformed("time");
    }
    return *t;
}

std::string arms_text(const std::vector<Arm>& arms) {
    std::string out;
    for (const auto& a : arms) {
        out += (out.empty() ? "" : "\n") + a.label();
    }
    return out;
}

void load_details(SQLite::Database& db, Trial& t) {
    SQLite::Statement n(db, "SELECT seq, night, block, arm, washout FROM trial_night "
                            "WHERE trial_id = ? ORDER BY seq");
    n.bind(1, t.id);
    while (n.executeStep()) {
        TrialNight tn;
        tn.seq = n.getColumn(0).getInt();
        tn.night = stored_date(n.getColumn(1));
        tn.block = n.getColumn(2).getInt();
        tn.arm = n.getColumn(3).getInt();
        tn.washout = n.getColumn(4).getInt() != 0;
        if (tn.arm >= static_cast<int>(t.protocol.arms.size())) {
            malformed("arm");
        }
        t.protocol.schedule.push_back(tn);
    }
    if (t.protocol.schedule.empty()) {
        malformed("schedule");
    }
    SQLite::Statement m(db, "SELECT night, kind, followed, session_uuid, recorded_utc "
                            "FROM trial_mark WHERE trial_id = ? ORDER BY night");
    m.bind(1, t.id);
    while (m.executeStep()) {
        TrialMark mk;
        mk.night = stored_date(m.getColumn(0));
        mk.kind = m.getColumn(1).getString();
        mk.followed = m.getColumn(2).getInt() != 0;
        if (!m.getColumn(3).isNull()) {
            mk.session_uuid = m.getColumn(3).getString();
        }
        mk.recorded = stored_instant(m.getColumn(4));
        t.marks.push_back(mk);
    }
    if (fingerprint(t.protocol) != t.fingerprint) {
        throw Error(Exit::data, fmt::format("trial {}'s protocol no longer matches its "
                                            "fingerprint; it was changed outside rls",
                                            t.id));
    }
}

std::vector<Trial> select_trials(SQLite::Database& db, const char* where) {
    SQLite::Statement q(db, std::string("SELECT id, uuid, arms, design, blocks, washout, outcome, "
                                        "mid, first_night, seed, fingerprint, tz, created_utc, "
                                        "stopped_utc, stopped_night FROM trial ") +
                                where);
    std::vector<Trial> out;
    while (q.executeStep()) {
        Trial t;
        t.id = q.getColumn(0).getInt64();
        t.uuid = q.getColumn(1).getString();
        std::istringstream arms(q.getColumn(2).getString());
        for (std::string line; std::getline(arms, line);) {
            t.protocol.arms.push_back(arm_from_label(line));
        }
        const auto design = parse_design(q.getColumn(3).getString());
        const auto outcome = parse_outcome(q.getColumn(6).getString());
        if (!design || !outcome || t.protocol.arms.size() < 2) {
            malformed("protocol");
        }
        t.protocol.design = *design;
        t.protocol.blocks = q.getColumn(4).getInt();
        t.protocol.washout = q.getColumn(5).getInt();
        t.protocol.outcome = *outcome;
        t.protocol.mid = q.getColumn(7).getDouble();
        t.protocol.first_night = stored_date(q.getColumn(8));
        t.protocol.seed = static_cast<std::uint64_t>(q.getColumn(9).getInt64());
        t.fingerprint = q.getColumn(10).getString();
        t.tz = q.getColumn(11).getString();
        t.created = stored_instant(q.getColumn(12));
        if (!q.getColumn(13).isNull()) {
            t.stopped = stored_instant(q.getColumn(13));
        }
        if (!q.getColumn(14).isNull()) {
            t.stopped_night = stored_date(q.getColumn(14));
        }
        out.push_back(std::move(t));
    }
    for (auto& t : out) {
        load_details(db, t);
    }
    return out;
}

} // namespace

std::int64_t insert_trial(SQLite::Database& db, const Trial& t) {
    const auto& p = t.protocol;
    SQLite::Statement q(db, "INSERT INTO trial (uuid, arms, design, blocks, washout, outcome, "
                            "mid, first_night, seed, fingerprint, tz, created_utc, stopped_utc, "
                            "stopped_night) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, t.uuid);
    q.bind(2, arms_text(p.arms));
    q.bind(3, std::string(design_name(p.design)));
    q.bind(4, p.blocks);
    q.bind(5, p.washout);
    q.bind(6, std::string(outcome_name(p.outcome)));
    q.bind(7, p.mid);
    q.bind(8, format_date(p.first_night));
    q.bind(9, static_cast<std::int64_t>(p.seed));
    q.bind(10, t.fingerprint);
    q.bind(11, t.tz);
    q.bind(12, format_instant_utc(t.created));
    t.stopped ? q.bind(13, format_instant_utc(*t.stopped)) : q.bind(13);
    t.stopped_night ? q.bind(14, format_date(*t.stopped_night)) : q.bind(14);
    q.exec();
    const auto id = db.getLastInsertRowid();
    SQLite::Statement n(db, "INSERT INTO trial_night (trial_id, seq, night, block, arm, washout) "
                            "VALUES (?, ?, ?, ?, ?, ?)");
    for (const auto& tn : p.schedule) {
        n.bind(1, id);
        n.bind(2, tn.seq);
        n.bind(3, format_date(tn.night));
        n.bind(4, tn.block);
        n.bind(5, tn.arm);
        n.bind(6, tn.washout ? 1 : 0);
        n.exec();
        n.reset();
    }
    for (const auto& m : t.marks) {
        save_mark(db, id, m);
    }
    return id;
}

bool trial_uuid_exists(SQLite::Database& db, const std::string& uuid) {
    SQLite::Statement q(db, "SELECT 1 FROM trial WHERE uuid = ?");
    q.bind(1, uuid);
    return q.executeStep();
}

std::vector<Trial> all_trials(SQLite::Database& db) {
    return select_trials(db, "ORDER BY id");
}

std::optional<Trial> latest_trial(SQLite::Database& db) {
    auto v = select_trials(db, "ORDER BY id DESC LIMIT 1");
    if (v.empty()) {
        return std::nullopt;
    }
    return std::move(v.front());
}

std::optional<Trial> active_trial(SQLite::Database& db, Date night) {
    // Trials never overlap (start refuses a second), so the newest decides.
    auto t = latest_trial(db);
    if (t && t->active_on(night)) {
        return t;
    }
    return std::nullopt;
}

void stop_trial(SQLite::Database& db, std::int64_t id, Instant now, Date last_night) {
    SQLite::Statement q(db, "UPDATE trial SET stopped_utc = ?, stopped_night = ? WHERE id = ? "
                            "AND stopped_utc IS NULL");
    q.bind(1, format_instant_utc(now));
    q.bind(2, format_date(last_night));
    q.bind(3, id);
    q.exec();
}

void save_mark(SQLite::Database& db, std::int64_t trial_id, const TrialMark& m) {
    SQLite::Statement q(db, "INSERT OR REPLACE INTO trial_mark (trial_id, night, kind, followed, "
                            "session_uuid, recorded_utc) VALUES (?, ?, ?, ?, ?, ?)");
    q.bind(1, trial_id);
    q.bind(2, format_date(m.night));
    q.bind(3, m.kind);
    q.bind(4, m.followed ? 1 : 0);
    m.session_uuid ? q.bind(5, *m.session_uuid) : q.bind(5);
    q.bind(6, format_instant_utc(m.recorded));
    q.exec();
}

void remove_skip_mark(SQLite::Database& db, std::int64_t trial_id, Date night) {
    SQLite::Statement q(db, "DELETE FROM trial_mark WHERE trial_id = ? AND night = ? AND "
                            "kind = 'skip'");
    q.bind(1, trial_id);
    q.bind(2, format_date(night));
    q.exec();
}

void remove_session_marks(SQLite::Database& db, const std::string& session_uuid) {
    SQLite::Statement q(db, "DELETE FROM trial_mark WHERE kind = 'session' AND session_uuid = ?");
    q.bind(1, session_uuid);
    q.exec();
}

} // namespace rls
