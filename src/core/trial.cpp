// The trial protocol: arms, the seeded schedule, the canonical text.
#include "core/trial.hpp"

#include "core/error.hpp"
#include "core/sha256.hpp"

#include <algorithm>
#include <charconv>
#include <fmt/format.h>
#include <map>
#include <numeric>
#include <random>

namespace rls {

std::string Arm::label() const {
    switch (kind) {
    case Kind::none:
        return "none";
    case Kind::routine:
        return fmt::format("{} x{}", routine, rounds);
    case Kind::oil:
        return with ? oil : "no " + oil;
    }
    return "none";
}

namespace {

bool contains(const std::vector<std::string>& v, std::string_view s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && s.front() == ' ') {
        s.remove_prefix(1);
    }
    while (!s.empty() && s.back() == ' ') {
        s.remove_suffix(1);
    }
    return s;
}

} // namespace

Arm parse_arm(std::string_view text, const ArmCatalog& catalog, std::string_view field) {
    const auto t = trim(text);
    const auto bad = [&](std::string_view why) {
        return usage_error(fmt::format("{} '{}' {}", field, text, why));
    };
    Arm arm;
    if (t == "none") {
        return arm;
    }
    if (t.starts_with("no ")) {
        const auto oil = trim(t.substr(3));
        if (!contains(catalog.oils, oil)) {
            throw bad("is not a known arm: 'no' must be followed by an oil (rls catalog oils)");
        }
        arm.kind = Arm::Kind::oil;
        arm.oil = std::string(oil);
        arm.with = false;
        return arm;
    }
    auto name = t;
    int rounds = 1;
    bool explicit_rounds = false;
    if (const auto sp = t.rfind(' '); sp != std::string_view::npos) {
        const auto tail = t.substr(sp + 1);
        if (tail.size() >= 2 && (tail[0] == 'x' || tail[0] == 'X')) {
            const auto digits = tail.substr(1);
            const auto [ptr, ec] =
                std::from_chars(digits.data(), digits.data() + digits.size(), rounds);
            if (ec != std::errc() || ptr != digits.data() + digits.size() ||
                !k_rounds_range.contains(rounds)) {
                throw bad(fmt::format("has rotations outside {}", range_text(k_rounds_range)));
            }
            name = trim(t.substr(0, sp));
            explicit_rounds = true;
        }
    }
    if (contains(catalog.routines, name)) {
        arm.kind = Arm::Kind::routine;
        arm.routine = std::string(name);
        arm.rounds = rounds;
        return arm;
    }
    if (!explicit_rounds && contains(catalog.oils, name)) {
        arm.kind = Arm::Kind::oil;
        arm.oil = std::string(name);
        return arm;
    }
    throw bad("is not a known arm; arms are none, ROUTINE xN, OIL or 'no OIL'");
}

std::optional<std::string> arms_problem(const std::vector<Arm>& arms) {
    if (arms.size() < 2 || arms.size() > static_cast<std::size_t>(k_max_trial_arms)) {
        return fmt::format("a trial needs 2 to {} arms, got {}", k_max_trial_arms, arms.size());
    }
    bool routine = false;
    bool oil = false;
    std::string oil_name;
    for (std::size_t i = 0; i < arms.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
            if (arms[i] == arms[j]) {
                return fmt::format("arms {} and {} are the same ({}); nights could not tell "
                                   "them apart",
                                   arm_letter(static_cast<int>(j)), arm_letter(static_cast<int>(i)),
                                   arms[i].label());
            }
        }
        routine = routine || arms[i].kind == Arm::Kind::routine;
        if (arms[i].kind == Arm::Kind::oil) {
            if (oil && arms[i].oil != oil_name) {
                return fmt::format("arms '{}' and '{}' name different oils; a session could hold "
                                   "both: compare one oil with and without it",
                                   oil_name, arms[i].oil);
            }
            oil = true;
            oil_name = arms[i].oil;
        }
    }
    if (routine && oil) {
        return std::string("arms mix a routine and an oil; a session has both: compare "
                           "routines or one oil, not both");
    }
    return std::nullopt;
}

std::string_view design_name(TrialDesign d) {
    return d == TrialDesign::pairs ? "pairs" : "abba";
}
std::string_view outcome_name(TrialOutcome o) {
    return o == TrialOutcome::sleep ? "sleep" : "restless";
}
std::optional<TrialDesign> parse_design(std::string_view text) {
    if (text == "pairs") {
        return TrialDesign::pairs;
    }
    if (text == "abba") {
        return TrialDesign::abba;
    }
    return std::nullopt;
}
std::optional<TrialOutcome> parse_outcome(std::string_view text) {
    if (text == "sleep") {
        return TrialOutcome::sleep;
    }
    if (text == "restless") {
        return TrialOutcome::restless;
    }
    return std::nullopt;
}

const TrialNight* Protocol::night(Date d) const {
    if (schedule.empty()) {
        return nullptr;
    }
    const auto offset = (date::sys_days(d) - date::sys_days(first_night)).count();
    if (offset < 0 || offset >= static_cast<long>(schedule.size())) {
        return nullptr;
    }
    return &schedule[static_cast<std::size_t>(offset)];
}

int Protocol::analysed_nights() const {
    return static_cast<int>(std::count_if(schedule.begin(), schedule.end(),
                                          [](const TrialNight& n) { return !n.washout; }));
}

char arm_letter(int arm) {
    return static_cast<char>('A' + arm);
}

const TrialMark* Trial::mark(Date night) const {
    for (const auto& m : marks) {
        if (m.night == night) {
            return &m;
        }
    }
    return nullptr;
}

Date Trial::end_night() const {
    return stopped_night ? *stopped_night : protocol.last_night();
}

bool Trial::active_on(Date night) const {
    return !stopped && night <= protocol.last_night();
}

std::string_view night_state_name(NightState s) {
    switch (s) {
    case NightState::upcoming:
        return "upcoming";
    case NightState::open:
        return "open";
    case NightState::followed:
        return "followed";
    case NightState::deviated:
        return "deviated";
    case NightState::forgotten:
        return "forgotten";
    }
    return "upcoming";
}

std::vector<NightRecord> trial_records(const Trial& t, const std::vector<Session>& sessions,
                                       const std::vector<Rating>& ratings, Date tonight) {
    std::map<Date, std::vector<const Session*>> by_night;
    for (const auto& s : sessions) {
        by_night[s.night].push_back(&s);
    }
    std::map<Date, const Rating*> rating_of;
    for (const auto& r : ratings) {
        rating_of[r.night] = &r;
    }
    std::vector<NightRecord> out;
    for (const auto& n : t.protocol.schedule) {
        if (n.night > t.end_night()) {
            break;
        }
        NightRecord r;
        r.night = &n;
        if (const auto it = rating_of.find(n.night); it != rating_of.end()) {
            r.sleep = it->second->sleep;
            r.restless = it->second->restless;
        }
        if (n.night > tonight) {
            out.push_back(r);
            continue;
        }
        const auto* m = t.mark(n.night);
        r.skipped = m != nullptr && m->kind == "skip";
        const auto it = by_night.find(n.night);
        static const std::vector<const Session*> k_no_sessions;
        const auto& held = it == by_night.end() ? k_no_sessions : it->second;
        r.done = arm_done(t.protocol, held, r.skipped);
        if (held.empty() && !r.skipped) {
            r.state = n.night == tonight ? NightState::open : NightState::forgotten;
        } else {
            r.state = r.done == n.arm ? NightState::followed : NightState::deviated;
        }
        out.push_back(r);
    }
    return out;
}

std::string assignment_text(const Trial& t, const TrialNight& n) {
    return fmt::format("{}, trial night {} of {}{}",
                       t.protocol.arms[static_cast<std::size_t>(n.arm)].label(), n.seq,
                       t.protocol.schedule.size(), n.washout ? " (washout)" : "");
}

std::uint64_t SeededRandom::next() {
    std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

std::uint64_t SeededRandom::below(std::uint64_t n) {
    // Reject the top partial range so that every value is equally likely.
    const std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    for (;;) {
        const auto v = next();
        if (v < limit) {
            return v % n;
        }
    }
}

double SeededRandom::unit() {
    return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

std::uint64_t os_seed() {
    std::random_device rd;
    const auto hi = static_cast<std::uint64_t>(rd());
    const auto lo = static_cast<std::uint64_t>(rd());
    return ((hi << 32) | lo) & k_max_trial_seed;
}

std::vector<TrialNight> make_schedule(std::size_t arms, TrialDesign design, int blocks, int washout,
                                      Date first_night, std::uint64_t seed) {
    SeededRandom random(seed);
    std::vector<TrialNight> out;
    int previous = -1;
    const auto add = [&](int block, int arm, bool is_washout) {
        TrialNight n;
        n.seq = static_cast<int>(out.size()) + 1;
        n.night = date::sys_days(first_night) + date::days(out.size());
        n.block = block;
        n.arm = arm;
        n.washout = is_washout;
        out.push_back(n);
    };
    for (int b = 1; b <= blocks; ++b) {
        std::vector<int> order;
        if (design == TrialDesign::abba) {
            order =
                random.below(2) == 0 ? std::vector<int>{0, 1, 1, 0} : std::vector<int>{1, 0, 0, 1};
        } else {
            order.resize(arms);
            std::iota(order.begin(), order.end(), 0);
            for (std::size_t i = arms - 1; i > 0; --i) { // Fisher-Yates
                std::swap(order[i], order[random.below(i + 1)]);
            }
        }
        for (const int arm : order) {
            if (arm != previous) {
                for (int w = 0; w < washout; ++w) {
                    add(b, arm, true);
                }
            }
            add(b, arm, false);
            previous = arm;
        }
    }
    return out;
}

double allocation_count(std::size_t arms, TrialDesign design, int blocks) {
    double per_block = 2;
    if (design == TrialDesign::pairs) {
        per_block = 1;
        for (std::size_t i = 2; i <= arms; ++i) {
            per_block *= static_cast<double>(i);
        }
    }
    double total = 1;
    for (int b = 0; b < blocks; ++b) {
        total *= per_block;
    }
    return total;
}

std::string canonical_text(const Protocol& p) {
    std::string t = "rls trial protocol 1\n";
    for (std::size_t i = 0; i < p.arms.size(); ++i) {
        t += fmt::format("arm {}: {}\n", arm_letter(static_cast<int>(i)), p.arms[i].label());
    }
    t += fmt::format("design: {}\nblocks: {}\nwashout: {}\noutcome: {}\nmid: {:.2f}\n"
                     "first night: {}\nseed: {}\nschedule:\n",
                     design_name(p.design), p.blocks, p.washout, outcome_name(p.outcome), p.mid,
                     format_date(p.first_night), p.seed);
    for (const auto& n : p.schedule) {
        t += fmt::format("{} {} block {} {}{}\n", n.seq, format_date(n.night), n.block,
                         arm_letter(n.arm), n.washout ? " washout" : "");
    }
    return t;
}

std::string fingerprint(const Protocol& p) {
    return sha256_hex(canonical_text(p));
}

std::optional<int> arm_done(const Protocol& p, const std::vector<const Session*>& sessions,
                            bool skipped) {
    for (std::size_t i = 0; i < p.arms.size(); ++i) {
        const auto& a = p.arms[i];
        bool match = false;
        switch (a.kind) {
        case Arm::Kind::none:
            match = sessions.empty() && skipped;
            break;
        case Arm::Kind::routine: {
            // Two sessions in a night count together, as in the report (x1 + x1 = x2).
            int rounds = 0;
            bool same = !sessions.empty();
            for (const auto* s : sessions) {
                same = same && s->routine == a.routine;
                rounds += s->rounds;
            }
            match = same && rounds == a.rounds;
            break;
        }
        case Arm::Kind::oil: {
            bool has = false;
            for (const auto* s : sessions) {
                for (const auto& o : s->oils) {
                    has = has || o.oil == a.oil;
                }
            }
            match = !sessions.empty() && has == a.with;
            break;
        }
        }
        if (match) {
            return static_cast<int>(i);
        }
    }
    return std::nullopt;
}

} // namespace rls
