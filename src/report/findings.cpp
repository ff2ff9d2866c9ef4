// The opening lines: the best-supported finding with its size and
// probability, what is still unclear, and how many more nights would settle
// the primary question. Numbers come from the model; nothing is recomputed.
#include "report/findings.hpp"

#include "core/terminal_text.hpp"
#include "report/stats.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace rls::report {

namespace {

std::string signed_text(double v, int decimals) {
    const double scale = std::pow(10.0, decimals);
    const double rounded = std::round(v * scale) / scale;
    return fmt::format("{:+.{}f}", rounded == 0.0 ? 0.0 : rounded, decimals);
}

// A bound beside a verdict keeps its side of zero visible.
std::string bound_text(double v, bool decided) {
    int decimals = 1;
    while (decided && decimals < 4 && std::round(v * std::pow(10.0, decimals)) == 0.0) {
        ++decimals;
    }
    return signed_text(v, decimals);
}

std::string points(double v) {
    const double r = std::round(std::fabs(v) * 10.0) / 10.0;
    return fmt::format("{:.1f} point{}", r, r == 1.0 ? "" : "s");
}

std::string capitalised(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') {
        s[0] = static_cast<char>(s[0] - 'a' + 'A');
    }
    return s;
}

std::string effect_words(Outcome o, bool better) {
    if (o == Outcome::sleep) {
        return better ? "better sleep" : "worse sleep";
    }
    return better ? "calmer nights" : "more restless nights";
}

std::string finding(const Comparison& c, double mid) {
    const auto& e = *c.estimate;
    const bool better = c.verdict == Verdict::better;
    return fmt::format("{}: about {} {} than {}; {} likely {}, {} likely by at least {:g} point, "
                       "{} nights.",
                       capitalised(c.a), points(e.diff), effect_words(c.outcome, better), c.b,
                       percent(better ? e.p_better : 1.0 - e.p_better), better ? "better" : "worse",
                       percent(better ? e.p_mid : e.p_worse_mid), mid, c.n_a + c.n_b);
}

std::string undecided(const Comparison& c) {
    if (!c.estimate) {
        return fmt::format("{} vs {} ({}): {}.", capitalised(c.a), c.b, outcome_word(c.outcome),
                           c.note);
    }
    const auto& e = *c.estimate;
    return fmt::format("No clear difference yet: {} vs {}, {} {} [{},{}] points; {} likely {} is "
                       "better, {} nights.",
                       c.a, c.b, outcome_word(c.outcome), signed_text(e.diff, 1),
                       signed_text(e.low, 1), signed_text(e.high, 1), percent(e.p_better), c.a,
                       c.n_a + c.n_b);
}

// More rated nights of each side for 80% power against a MID-sized
// difference: the standard error shrinks with the square root of the nights.
std::string settle(const Comparison& c, double mid) {
    if (!c.estimate) {
        return {};
    }
    const auto& e = *c.estimate;
    const double target = mid / (stats::t_quantile(0.975, e.df) + stats::t_quantile(0.8, e.df));
    if (e.se <= target) {
        return {};
    }
    const double n = c.n_a + c.n_b;
    const double needed = n * (e.se / target) * (e.se / target) - n;
    const int each = static_cast<int>(std::ceil(needed / 2.0));
    return fmt::format("About {} more rated nights of each would tell a {:g}-point difference "
                       "from none.",
                       each, mid);
}

} // namespace

std::string percent(double p) {
    // 99.6% is not "100% likely": keep certainty out of the words.
    const double pct = std::clamp(p * 100.0, 1.0, 99.0);
    return fmt::format("{:.0f}%", pct);
}

std::string interval_text(const Estimate& e, Verdict v) {
    const bool decided = v == Verdict::better || v == Verdict::worse;
    return fmt::format("{} [{},{}]", signed_text(e.diff, 1), bound_text(e.low, decided),
                       bound_text(e.high, decided));
}

std::string verdict_word(Verdict v) {
    switch (v) {
    case Verdict::better:
        return "better";
    case Verdict::worse:
        return "worse";
    case Verdict::unclear:
        return "unclear";
    case Verdict::too_few:
        break;
    }
    return "too few";
}

std::string outcome_word(Outcome o) {
    return o == Outcome::sleep ? "sleep" : "restlessness";
}

std::vector<std::string> summary_lines(const Model& m, std::size_t width) {
    std::vector<std::string> sentences;
    const auto& all = m.comparisons;
    if (all.empty()) {
        sentences.emplace_back("Nothing to compare yet: log sessions with 'rls log' and rate "
                               "the mornings with 'rls rate'.");
    } else {
        // The primary first if it is decided, else the clearest exploratory one.
        const Comparison* best = nullptr;
        for (const auto& c : all) {
            if (c.verdict != Verdict::better && c.verdict != Verdict::worse) {
                continue;
            }
            const auto p = [](const Comparison& x) {
                return x.primary ? -1.0 : x.estimate->p_holm.value_or(1.0);
            };
            if (best == nullptr || p(c) < p(*best)) {
                best = &c;
            }
        }
        const Comparison& primary = all.front();
        if (best != nullptr) {
            sentences.push_back(finding(*best, m.options.mid));
        }
        if (best != &primary && primary.primary) {
            sentences.push_back(undecided(primary));
        }
        // The same count as "N comparisons were made" below the table: rows
        // with an estimate; those without one are named apart.
        const auto open = std::count_if(all.begin(), all.end(), [](const Comparison& c) {
            return c.estimate && c.verdict == Verdict::unclear;
        });
        const auto without =
            std::count_if(all.begin(), all.end(), [](const Comparison& c) { return !c.estimate; });
        sentences.push_back(
            without == 0
                ? fmt::format("Still unclear: {} of {} comparisons (the table below).", open,
                              m.comparisons_made)
                : fmt::format("Still unclear: {} of {} comparisons; {} more could not be made "
                              "(the table below).",
                              open, m.comparisons_made, without));
        if (primary.primary && primary.verdict != Verdict::better &&
            primary.verdict != Verdict::worse) {
            sentences.push_back(settle(primary, m.options.mid));
        }
    }
    std::vector<std::string> lines;
    for (const auto& s : sentences) {
        const auto wrapped = wrap(s, width);
        if (s.empty() || lines.size() + wrapped.size() > 5) {
            continue;
        }
        lines.insert(lines.end(), wrapped.begin(), wrapped.end());
    }
    return lines;
}

} // namespace rls::report
