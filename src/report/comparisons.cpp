// How each comparison is estimated: the nights of the family that have a
// score, a regression of the score on the comparison plus a time trend, the
// evening's restlessness before the massage and the other factors of the
// same nights, Newey-West errors, a t posterior for the probabilities.
#include "report/comparisons.hpp"

#include "report/regression.hpp"
#include "report/stats.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <functional>
#include <map>
#include <set>

namespace rls::report {

namespace {

using Column = std::function<double(const Night&)>;

struct Covariate {
    std::string name; // as listed in adjusted_for; empty: another level, not listed
    Column value;
};

// One comparison to estimate: which nights, which column, which covariates.
struct Spec {
    std::string family;
    std::string a;
    std::string b;
    std::function<bool(const Night&)> in_family;
    std::function<bool(const Night&)> is_a; // for counting nights on each side
    Column value;                           // the compared column (last in the design)
    std::vector<Covariate> covariates;
    bool with_before = true;  // the evening's restlessness exists only with a session
    bool every_night = false; // the factor is on every night of the family
    std::function<bool(const Night&)> is_b = nullptr; // default: every night not a
};

// What the sessions in the window used, most nights first.
struct Factors {
    std::vector<std::string> variants;
    std::map<std::string, int> variant_nights;
    std::vector<std::string> routines;
    std::vector<std::string> oils;
    std::vector<std::string> tags;
    // Tags put on nights themselves (rls tag): they can be on any night, so
    // they are compared over every night and adjusted for everywhere.
    std::vector<std::string> night_tags;
    // Medicines taken in the window (rls took): a dose changed on a night
    // with or without a session is a confounder, so each one's amount per
    // night is adjusted for everywhere, as the night tags are.
    std::vector<std::string> medicines;
    std::set<int> rotations;
};

Factors factors_of(const std::vector<Night>& nights) {
    Factors f;
    std::set<std::string> routines;
    std::set<std::string> oils;
    std::set<std::string> tags;
    std::set<std::string> night_tags;
    std::set<std::string> medicines;
    for (const auto& n : nights) {
        night_tags.insert(n.night_tags.begin(), n.night_tags.end());
        for (const auto& [medicine, amount] : n.doses) {
            medicines.insert(medicine);
        }
        tags.insert(n.night_tags.begin(), n.night_tags.end());
        if (!n.has_session()) {
            continue;
        }
        ++f.variant_nights[n.variant()];
        f.rotations.insert(n.rotations());
        for (const auto* s : n.sessions) {
            routines.insert(s->routine);
            for (const auto& o : s->oils) {
                oils.insert(o.oil);
            }
            tags.insert(s->tags.begin(), s->tags.end());
        }
    }
    for (const auto& [label, count] : f.variant_nights) {
        f.variants.push_back(label);
    }
    std::stable_sort(f.variants.begin(), f.variants.end(), [&](const auto& x, const auto& y) {
        return f.variant_nights[x] > f.variant_nights[y];
    });
    f.routines.assign(routines.begin(), routines.end());
    f.oils.assign(oils.begin(), oils.end());
    f.tags.assign(tags.begin(), tags.end());
    f.night_tags.assign(night_tags.begin(), night_tags.end());
    f.medicines.assign(medicines.begin(), medicines.end());
    return f;
}

double indicator(bool b) {
    return b ? 1.0 : 0.0;
}

// Each medicine's amount per night (0 on nights without a dose). A dose
// that never changes is a constant column, left out by the fit.
void add_medicine_factors(std::vector<Covariate>& out, const Factors& f) {
    for (const auto& m : f.medicines) {
        out.push_back({"dose " + m, [m](const Night& n) { return n.dose(m); }});
    }
}

// Routines beyond the first, each oil and tag except `skip`, rotations and
// the medicines: what else differs between session nights.
std::vector<Covariate> session_factors(const Factors& f, bool with_rotations,
                                       const std::string& skip_oil, const std::string& skip_tag) {
    std::vector<Covariate> out;
    if (with_rotations) {
        out.push_back({"rotations", [](const Night& n) { return double(n.rotations()); }});
    }
    for (std::size_t i = 1; i < f.routines.size(); ++i) {
        const auto r = f.routines[i];
        out.push_back(
            {"routine " + r, [r](const Night& n) { return indicator(n.has_routine(r)); }});
    }
    for (const auto& o : f.oils) {
        if (o != skip_oil) {
            out.push_back({"oil " + o, [o](const Night& n) { return indicator(n.has_oil(o)); }});
        }
    }
    for (const auto& t : f.tags) {
        if (t != skip_tag) {
            out.push_back({"tag " + t, [t](const Night& n) { return indicator(n.has_tag(t)); }});
        }
    }
    add_medicine_factors(out, f);
    return out;
}

// Tags on the nights themselves, except `skip`, and the medicines: present
// on every night, with or without a session.
std::vector<Covariate> night_factors(const Factors& f, const std::string& skip) {
    std::vector<Covariate> out;
    for (const auto& t : f.night_tags) {
        if (t != skip) {
            out.push_back({"tag " + t, [t](const Night& n) { return indicator(n.has_tag(t)); }});
        }
    }
    add_medicine_factors(out, f);
    return out;
}

std::vector<Spec> specs_of(const std::vector<Night>& nights, const Factors& f) {
    std::vector<Spec> specs;
    const auto has_session = [](const Night& n) { return n.has_session(); };
    const bool baseline =
        std::any_of(nights.begin(), nights.end(), [](const Night& n) { return !n.has_session(); });
    if (baseline && !f.variants.empty()) {
        // A session's own factors exist only on session nights; tags on the
        // nights themselves are on every night and are adjusted for.
        specs.push_back({"session", "session", "no session", [](const Night&) { return true; },
                         has_session, [](const Night& n) { return indicator(n.has_session()); },
                         night_factors(f, ""), false, false});
    }
    // Each variant against the most used one (so the top two meet head to head).
    for (std::size_t i = 1; i < f.variants.size(); ++i) {
        Spec s{"routine", f.variants[i], f.variants[0], has_session, nullptr, nullptr,
               {},        true,          false};
        const auto level = f.variants[i];
        s.is_a = [level](const Night& n) { return n.has_session() && n.variant() == level; };
        s.value = [level](const Night& n) { return indicator(n.variant() == level); };
        const auto reference = f.variants[0];
        s.is_b = [reference](const Night& n) { return n.variant() == reference; };
        for (std::size_t j = 1; j < f.variants.size(); ++j) {
            if (j != i) {
                const auto other = f.variants[j];
                s.covariates.push_back(
                    {"", [other](const Night& n) { return indicator(n.variant() == other); }});
            }
        }
        // Rotations are part of the variant; the rest of the night is not.
        auto rest = session_factors(f, false, "", "");
        rest.erase(
            std::remove_if(rest.begin(), rest.end(),
                           [](const Covariate& c) { return c.name.starts_with("routine "); }),
            rest.end());
        s.covariates.insert(s.covariates.end(), rest.begin(), rest.end());
        specs.push_back(std::move(s));
    }
    if (f.rotations.size() >= 2) {
        const int fewest = *f.rotations.begin();
        Spec s{"rotations",
               "one more rotation",
               "one fewer",
               has_session,
               [fewest](const Night& n) { return n.has_session() && n.rotations() > fewest; },
               [](const Night& n) { return double(n.rotations()); },
               session_factors(f, false, "", ""),
               true,
               false};
        specs.push_back(std::move(s));
    }
    const auto every = [&](const std::function<bool(const Night&)>& with) {
        return std::all_of(nights.begin(), nights.end(),
                           [&](const Night& n) { return !n.has_session() || with(n); });
    };
    for (const auto& o : f.oils) {
        const auto with = [o](const Night& n) { return n.has_oil(o); };
        specs.push_back({"oil", o, "no " + o, has_session, with,
                         [with](const Night& n) { return indicator(with(n)); },
                         session_factors(f, true, o, ""), true, every(with)});
    }
    const auto all_nights = [](const Night&) { return true; };
    for (const auto& t : f.tags) {
        const auto with = [t](const Night& n) { return n.has_tag(t); };
        const bool on_nights =
            std::find(f.night_tags.begin(), f.night_tags.end(), t) != f.night_tags.end();
        if (!on_nights) {
            specs.push_back({"tag", t, "no " + t, has_session, with,
                             [with](const Night& n) { return indicator(with(n)); },
                             session_factors(f, true, "", t), true, every(with)});
            continue;
        }
        // Over every night: whether there was a session, and the other
        // night tags, are what else differs.
        auto covariates = night_factors(f, t);
        covariates.insert(covariates.begin(),
                          {"session", [](const Night& n) { return indicator(n.has_session()); }});
        const bool everywhere = std::all_of(nights.begin(), nights.end(), with);
        specs.push_back({"tag", t, "no " + t, all_nights, with,
                         [with](const Night& n) { return indicator(with(n)); },
                         std::move(covariates), false, everywhere});
    }
    return specs;
}

// Fills the estimate and its probabilities, or says why there is none.
Comparison estimate(const Spec& spec, Outcome outcome, const std::vector<Night>& nights,
                    const Options& options) {
    Comparison c;
    c.family = spec.family;
    c.outcome = outcome;
    c.a = spec.a;
    c.b = spec.b;
    std::vector<const Night*> sample;
    for (const auto& n : nights) {
        if (spec.in_family(n) && n.score(outcome)) {
            sample.push_back(&n);
            if (spec.is_a(n)) {
                ++c.n_a;
            } else if (!spec.is_b || spec.is_b(n)) {
                ++c.n_b;
            }
        }
    }
    if (spec.every_night) {
        c.note = "used every night: nothing to compare with";
        return c;
    }
    if (c.n_a < options.min_nights || c.n_b < options.min_nights) {
        c.note = fmt::format("too few rated nights: {} and {} (need {} each)", c.n_a, c.n_b,
                             options.min_nights);
        return c;
    }
    std::vector<double> y;
    for (const auto* n : sample) {
        y.push_back(*n->score(outcome));
    }
    if (std::all_of(y.begin(), y.end(), [&](double v) { return v == y.front(); })) {
        c.note = fmt::format("no variation: every night scored {}, no interval", y.front());
        return c;
    }
    stats::Design x;
    std::vector<bool> listed;
    const auto first = date::sys_days{nights.front().night};
    const auto add = [&](const std::string& name, bool list, const Column& value) {
        std::vector<double> column;
        column.reserve(sample.size());
        for (const auto* n : sample) {
            column.push_back(value(*n));
        }
        x.names.push_back(name);
        x.columns.push_back(std::move(column));
        listed.push_back(list);
    };
    add("intercept", false, [](const Night&) { return 1.0; });
    add("time trend", true, [first](const Night& n) {
        return static_cast<double>((date::sys_days{n.night} - first).count()) / 7.0;
    });
    if (spec.with_before) {
        add("restless before", true, [](const Night& n) { return n.before().value_or(0.0); });
        add("restless before", true,
            [](const Night& n) { return indicator(!n.before().has_value()); });
    }
    for (const auto& cov : spec.covariates) {
        add(cov.name, !cov.name.empty(), cov.value);
    }
    add(spec.a, false, spec.value);
    const auto fit = stats::ols_hac(x, y);
    const std::size_t last = x.columns.size() - 1;
    const auto coef = fit ? fit->coefficient(last) : std::nullopt;
    if (!coef) {
        c.note = fit ? "always together with other factors: cannot be told apart"
                     : fmt::format("too few rated nights for {} adjustments", x.columns.size());
        return c;
    }
    // Scores are whole points: a residual variance this small means the
    // factors explain every night exactly, and no noise is left to measure
    // (the interval would be zero wide and the verdict certain).
    constexpr double k_exact_fit = 1e-9;
    if (coef->df < 1 || fit->ssr / coef->df < k_exact_fit) {
        c.note = "no variation left after adjusting: no interval";
        return c;
    }
    for (const auto i : fit->kept) {
        const auto& name = x.names[i];
        if (listed[i] &&
            std::find(c.adjusted_for.begin(), c.adjusted_for.end(), name) == c.adjusted_for.end()) {
            c.adjusted_for.push_back(name);
        }
    }
    Estimate e;
    e.diff = coef->estimate;
    e.se = coef->se * stats::fixed_b_factor(fit->lags, fit->n);
    e.df = coef->df;
    e.lags = fit->lags;
    const double half = stats::t_quantile(0.975, e.df) * e.se;
    e.low = e.diff - half;
    e.high = e.diff + half;
    // Better is up for sleep, down for restlessness.
    const double sign = outcome == Outcome::sleep ? 1.0 : -1.0;
    // The posterior: flat prior, t with n - k df about the estimate, scale se.
    const stats::Coefficient toward{sign * e.diff, e.se, e.df};
    const stats::Coefficient away{-sign * e.diff, e.se, e.df};
    e.p_better = stats::t_probability_above(toward, 0.0);
    e.p_mid = stats::t_probability_above(toward, options.mid);
    e.p_worse_mid = stats::t_probability_above(away, options.mid);
    e.p_value = std::min(1.0, 2.0 * std::min(e.p_better, 1.0 - e.p_better));
    c.estimate = e;
    return c;
}

Verdict verdict_of(const Comparison& c, double p) {
    if (!c.estimate) {
        return Verdict::too_few;
    }
    if (p >= 0.05) {
        return Verdict::unclear;
    }
    return c.estimate->p_better > 0.5 ? Verdict::better : Verdict::worse;
}

// Index of the primary comparison (sleep), or none.
std::optional<std::size_t> primary_of(const std::vector<Comparison>& all, const Options& options,
                                      const std::vector<Night>& nights) {
    const auto find = [&](const char* family) -> std::optional<std::size_t> {
        for (std::size_t i = 0; i < all.size(); ++i) {
            if (all[i].family == family && all[i].outcome == Outcome::sleep) {
                return i; // the first of a family is its top two (or the slope)
            }
        }
        return std::nullopt;
    };
    if (options.primary == "session" || options.primary == "variants" ||
        options.primary == "rotations") {
        const char* family = options.primary == "variants" ? "routine" : options.primary.c_str();
        if (auto i = find(family)) {
            return i;
        }
    }
    const auto baseline = std::count_if(nights.begin(), nights.end(), [](const Night& n) {
        return !n.has_session() && n.score(Outcome::sleep);
    });
    if (baseline >= options.min_nights) {
        if (auto i = find("session")) {
            return i;
        }
    }
    if (auto i = find("routine")) {
        return i;
    }
    return find("session");
}

} // namespace

std::vector<Comparison> compare_variants(const std::vector<Night>& nights, const Options& options) {
    std::vector<Comparison> all;
    if (nights.empty()) {
        return all;
    }
    const auto f = factors_of(nights);
    for (const auto& spec : specs_of(nights, f)) {
        all.push_back(estimate(spec, Outcome::sleep, nights, options));
        all.push_back(estimate(spec, Outcome::restless, nights, options));
    }
    const auto primary = primary_of(all, options, nights);
    if (primary) {
        all[*primary].primary = true;
        all[*primary].verdict = verdict_of(
            all[*primary], all[*primary].estimate ? all[*primary].estimate->p_value : 1.0);
        std::rotate(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(*primary),
                    all.begin() + static_cast<std::ptrdiff_t>(*primary) + 1);
    }
    // Holm over every exploratory comparison that has an estimate.
    std::vector<double> p;
    std::vector<std::size_t> which;
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (!all[i].primary && all[i].estimate) {
            p.push_back(all[i].estimate->p_value);
            which.push_back(i);
        }
    }
    const auto adjusted = stats::holm(p);
    for (std::size_t j = 0; j < which.size(); ++j) {
        auto& c = all[which[j]];
        c.estimate->p_holm = adjusted[j];
        c.verdict = verdict_of(c, adjusted[j]);
    }
    return all;
}

} // namespace rls::report
