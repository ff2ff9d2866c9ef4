// The tracked measures' report sections and the augmentation watch. Each
// kind of record is compared with its own first four weeks (from its first
// record), so that a measure begun later has a baseline of its own.
#include "report/tracked.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <map>
#include <numeric>

namespace rls::report {

namespace {

using date::days;
using date::sys_days;

Date plus(Date d, int n) {
    return Date{sys_days{d} + days{n}};
}

std::optional<double> mean_of(const std::vector<double>& v) {
    if (v.empty()) {
        return std::nullopt;
    }
    return std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
}

std::string duration_text(double minutes) {
    const int m = static_cast<int>(std::lround(minutes));
    return fmt::format("{}h{:02}m", m / 60, m % 60);
}

std::vector<IrlsRow> irls_rows(const std::vector<IrlsEntry>& entries, Date first, Date last) {
    std::vector<IrlsRow> rows;
    std::optional<int> previous;
    for (const auto& e : entries) {
        // A week overlaps the window when it ends on or after its first night.
        if (e.week <= last && plus(e.week, 6) >= first) {
            IrlsRow r;
            r.week = e.week;
            r.total = e.total;
            r.band = std::string(irls_band(e.total));
            r.has_items = e.items.has_value();
            if (previous) {
                r.change = e.total - *previous;
                r.relevant_change = std::abs(*r.change) >= k_irls_relevant_change;
            }
            rows.push_back(r);
        }
        previous = e.total;
    }
    return rows;
}

OnsetSummary onset_of(const std::vector<Symptoms>& symptoms, Date first, Date last,
                      const std::vector<Date>& week_starts) {
    OnsetSummary o;
    std::vector<double> all;
    std::vector<std::vector<double>> weekly(week_starts.size());
    for (const auto& s : symptoms) {
        if (s.night < first || s.night > last) {
            continue;
        }
        if (s.spread) {
            ++o.spread_nights;
            o.arms_nights += s.spread->arms ? 1 : 0;
            o.trunk_nights += s.spread->trunk ? 1 : 0;
        }
        if (!s.onset_min) {
            continue;
        }
        all.push_back(*s.onset_min);
        o.by_night.push_back({s.night, *s.onset_min, s.spread && s.spread->beyond_legs()});
        o.earliest_min = std::min(o.earliest_min.value_or(*s.onset_min), *s.onset_min);
        o.latest_min = std::max(o.latest_min.value_or(*s.onset_min), *s.onset_min);
        for (std::size_t w = week_starts.size(); w-- > 0;) {
            if (s.night >= week_starts[w]) {
                weekly[w].push_back(*s.onset_min);
                break;
            }
        }
    }
    o.nights = static_cast<int>(all.size());
    o.mean_min = mean_of(all);
    for (const auto& w : weekly) {
        o.weekly_mean_min.push_back(mean_of(w));
    }
    return o;
}

// Night -> the amount taken, per medicine, in the catalog's unit.
using Nightly = std::map<std::string, std::pair<std::string, std::map<Date, double>>>;

Nightly nightly_of(const std::vector<Dose>& doses) {
    Nightly out;
    for (const auto& d : doses) {
        auto& [unit, nights] = out[d.medicine];
        unit = d.unit;
        nights[d.night] += d.amount;
    }
    return out;
}

std::vector<MedicineRow> medicines_of(const Nightly& nightly, Date first, Date last) {
    std::vector<MedicineRow> rows;
    for (const auto& [name, entry] : nightly) {
        MedicineRow r;
        r.name = name;
        r.unit = entry.first;
        std::optional<double> previous;
        for (const auto& [night, amount] : entry.second) {
            if (night > last) {
                break;
            }
            if (night >= first) {
                ++r.nights;
                r.first_nightly = r.first_nightly.value_or(amount);
                r.last_nightly = amount;
                r.highest_nightly = std::max(r.highest_nightly.value_or(amount), amount);
                // Sums of doses: equal amounts may differ in the last bits.
                if (!previous || std::abs(amount - *previous) > 1e-9) {
                    r.changes.push_back({night, previous, amount});
                }
            }
            previous = amount;
        }
        if (r.nights > 0) {
            rows.push_back(r);
        }
    }
    return rows;
}

IronSummary iron_of(const std::vector<Lab>& labs, Date last) {
    IronSummary s;
    for (const auto& l : labs) { // oldest first: the last one seen is the latest
        if (l.drawn > last) {
            continue;
        }
        if (l.ferritin) {
            s.ferritin = IronValue{l.drawn, *l.ferritin, l.fasting, ferritin_low(*l.ferritin)};
        }
        if (l.tsat) {
            s.tsat = IronValue{l.drawn, *l.tsat, l.fasting, tsat_low(*l.tsat)};
        }
    }
    s.ask_doctor = (s.ferritin && s.ferritin->low) || (s.tsat && s.tsat->low);
    return s;
}

// Later records are those after the first four weeks, inside the window and
// within its last four weeks (what the person has now, not months ago).
bool later(Date night, Date baseline_end, Date first, Date last) {
    return night >= baseline_end && night >= first && night > plus(last, -k_watch_baseline_days);
}

constexpr int k_watch_min_nights = 3;

void watch_onset(AugmentationWatch& w, const std::vector<Symptoms>& symptoms, Date first,
                 Date last) {
    std::vector<const Symptoms*> timed;
    for (const auto& s : symptoms) {
        if (s.onset_min && s.night <= last) {
            timed.push_back(&s);
        }
    }
    if (timed.empty()) {
        return;
    }
    const Date end = plus(timed.front()->night, k_watch_baseline_days);
    std::vector<double> base;
    std::vector<double> recent;
    for (const auto* s : timed) {
        if (s->night < end) {
            base.push_back(*s->onset_min);
        } else if (later(s->night, end, first, last)) {
            recent.push_back(*s->onset_min);
        }
    }
    if (base.size() < k_watch_min_nights || recent.size() < k_watch_min_nights) {
        return;
    }
    w.compared = true;
    w.compared_kinds.emplace_back("onset");
    const double earlier = *mean_of(base) - *mean_of(recent);
    if (earlier >= k_watch_onset_earlier_min) {
        w.signs.push_back(
            {"onset", fmt::format("Symptoms began at {} on average over the last four weeks, "
                                  "{} earlier than at {} in your first four weeks.",
                                  clock_text(*mean_of(recent)), duration_text(earlier),
                                  clock_text(*mean_of(base)))});
    }
}

void watch_spread(AugmentationWatch& w, const std::vector<Symptoms>& symptoms, Date first,
                  Date last) {
    std::vector<const Symptoms*> placed;
    for (const auto& s : symptoms) {
        if (s.spread && s.night <= last) {
            placed.push_back(&s);
        }
    }
    if (placed.empty()) {
        return;
    }
    const Date end = plus(placed.front()->night, k_watch_baseline_days);
    bool before = false;
    bool any_later = false;
    int arms = 0;
    int trunk = 0;
    std::optional<Date> from;
    for (const auto* s : placed) {
        if (s->night < end) {
            before = before || s->spread->beyond_legs();
            continue;
        }
        // Dated from the first night it was seen, as a dose rise is, even
        // before the last four weeks; counted in those weeks.
        if (s->spread->beyond_legs()) {
            from = from.value_or(s->night);
        }
        if (later(s->night, end, first, last)) {
            any_later = true;
            if (s->spread->beyond_legs()) {
                arms += s->spread->arms ? 1 : 0;
                trunk += s->spread->trunk ? 1 : 0;
            }
        }
    }
    w.compared = w.compared || any_later;
    if (any_later) {
        w.compared_kinds.emplace_back("spread");
    }
    if (before || (arms == 0 && trunk == 0)) {
        return;
    }
    const int nights = std::max(arms, trunk);
    const char* where = arms > 0 && trunk > 0 ? "the arms and trunk"
                        : arms > 0            ? "the arms"
                                              : "the trunk";
    w.signs.push_back(
        {"spread", fmt::format("Symptoms reached {} on {} night{} of the last four weeks, "
                               "which they did not in your first four weeks (first on {}).",
                               where, nights, nights == 1 ? "" : "s", format_date(*from))});
}

// A dose above the first four weeks' highest is a sign when the last four
// weeks still have one; it is dated from the first night it rose, which may
// be before those weeks (a dose raised in week 8 of 12 says so).
void watch_doses(AugmentationWatch& w, const Nightly& nightly, Date first, Date last) {
    bool compared = false;
    for (const auto& [name, entry] : nightly) {
        const auto& nights = entry.second;
        const Date end = plus(nights.begin()->first, k_watch_baseline_days);
        double base = 0;
        std::optional<Date> rose;
        std::optional<double> recent_highest;
        bool any_later = false;
        for (const auto& [night, amount] : nights) {
            if (night > last) {
                break;
            }
            if (night < end) {
                base = std::max(base, amount);
                continue;
            }
            if (amount > base && !rose) {
                rose = night;
            }
            if (later(night, end, first, last)) {
                any_later = true;
                recent_highest = std::max(recent_highest.value_or(amount), amount);
            }
        }
        compared = compared || any_later;
        if (recent_highest && *recent_highest > base) {
            w.signs.push_back(
                {"dose", fmt::format("{}: up to {} {} a night, more than the {} {} of your "
                                     "first four weeks (first on {}).",
                                     name, amount_text(*recent_highest), entry.first,
                                     amount_text(base), entry.first, format_date(*rose))});
        }
    }
    if (compared) {
        w.compared = true;
        w.compared_kinds.emplace_back("dose");
    }
}

void watch_irls(AugmentationWatch& w, const std::vector<IrlsEntry>& entries, Date first,
                Date last) {
    if (entries.empty()) {
        return;
    }
    const Date end = plus(entries.front().week, k_watch_baseline_days);
    std::vector<double> base;
    const IrlsEntry* latest = nullptr;
    for (const auto& e : entries) {
        if (e.week < end) {
            base.push_back(e.total);
        } else if (e.week <= last && later(plus(e.week, 6), end, first, last)) {
            latest = &e;
        }
    }
    if (latest == nullptr) {
        return;
    }
    w.compared = true;
    w.compared_kinds.emplace_back("irls");
    const double mean = *mean_of(base);
    if (latest->total >= mean + k_irls_relevant_change) {
        w.signs.push_back({"irls", fmt::format("IRLS {} in the week of {}, {:.1f} points above "
                                               "the {:.1f} of your first four weeks.",
                                               latest->total, format_date(latest->week),
                                               latest->total - mean, mean)});
    }
}

} // namespace

std::string clock_text(double minutes) {
    const int m = static_cast<int>(std::lround(minutes));
    const int in_day = ((m % 1440) + 1440) % 1440;
    return fmt::format("{:02}:{:02}", in_day / 60, in_day % 60);
}

Tracked tracked_of(const Measures& m, Date first, Date last, const std::vector<Date>& week_starts,
                   const std::vector<Date>& nights_without_session) {
    Tracked t;
    t.irls = irls_rows(m.irls, first, last);
    t.onset = onset_of(m.symptoms, first, last, week_starts);
    const auto nightly = nightly_of(m.doses);
    t.medicines = medicines_of(nightly, first, last);
    t.iron = iron_of(m.labs, last);
    watch_onset(t.watch, m.symptoms, first, last);
    watch_spread(t.watch, m.symptoms, first, last);
    watch_doses(t.watch, nightly, first, last);
    watch_irls(t.watch, m.irls, first, last);
    if (!t.watch.signs.empty()) {
        t.watch.message = k_watch_message;
    }
    for (const auto& night : nights_without_session) {
        const bool planned =
            std::find(m.no_massage.begin(), m.no_massage.end(), night) != m.no_massage.end();
        ++(planned ? t.planned_no_massage : t.unplanned_no_session);
    }
    return t;
}

} // namespace rls::report
