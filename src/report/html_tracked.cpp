// The HTML report's tracked sections. Flags are words ("low", "+6"), not
// colours, and nothing here suggests a dose: it reports what was logged.
#include "report/html_tracked.hpp"

#include "report/html_measures.hpp"
#include "report/svg.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace rls::report {

namespace {

std::vector<Date> change_nights(const Tracked& t) {
    std::vector<Date> nights;
    for (const auto& r : t.medicines) {
        for (const auto& c : r.changes) {
            nights.push_back(c.night);
        }
    }
    std::sort(nights.begin(), nights.end());
    nights.erase(std::unique(nights.begin(), nights.end()), nights.end());
    return nights;
}

std::string dose_change_text(const DoseChange& c, const std::string& unit) {
    return c.from ? fmt::format("{} &#8594; {} {}", amount_text(*c.from), amount_text(c.to), unit)
                  : fmt::format("started, {} {}", amount_text(c.to), unit);
}

std::string nightly_text(const std::optional<double>& v, const std::string& unit) {
    return v ? fmt::format("{} {}", amount_text(*v), svg::escape(unit)) : "&#8211;";
}

std::string irls_row_text(const IrlsRow& r) {
    return fmt::format("{} ({}, week of {})", r.total, r.band, format_date(r.week));
}

std::string iron_row(const char* what, const IronValue& v, const char* unit,
                     const char* threshold) {
    return fmt::format("<tr class=\"lab\" data-value=\"{}\" data-low=\"{}\"><td>{}</td><td>{:g}{}"
                       "{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                       svg::exact(v.value), v.low ? "true" : "false", what, v.value, unit,
                       v.low ? " <strong>low</strong>" : "", format_date(v.drawn),
                       v.fasting ? (*v.fasting ? "yes" : "no") : "not recorded", threshold);
}

} // namespace

std::vector<NightMark> dose_marks(const Tracked& t) {
    const auto nights = change_nights(t);
    std::vector<NightMark> marks;
    if (nights.size() > k_max_dose_marks) {
        return marks;
    }
    for (std::size_t i = 0; i < nights.size(); ++i) {
        marks.push_back({nights[i], fmt::format("M{}", i + 1)});
    }
    return marks;
}

std::string dose_marks_caption(const Tracked& t) {
    const auto nights = change_nights(t);
    if (nights.empty()) {
        return {};
    }
    if (nights.size() > k_max_dose_marks) {
        return fmt::format(" A medicine's nightly amount changed on {} nights, too many to mark "
                           "here: see Medicines.",
                           nights.size());
    }
    std::string out = " Dashed lines M1, M2, ...: a medicine's nightly amount changed that "
                      "evening (";
    for (std::size_t i = 0; i < nights.size(); ++i) {
        std::string what;
        for (const auto& r : t.medicines) {
            for (const auto& c : r.changes) {
                if (c.night == nights[i]) {
                    what += (what.empty() ? "" : ", ") + svg::escape(r.name) + " " +
                            dose_change_text(c, svg::escape(r.unit));
                }
            }
        }
        out += fmt::format("{}M{} {}: {}", i == 0 ? "" : "; ", i + 1, format_date(nights[i]), what);
    }
    return out + ").";
}

std::string severity_body(const Model& m) {
    const auto& rows = m.tracked.irls;
    const auto chart = severity_chart(rows, m.first_night, m.options.to);
    if (chart.empty()) {
        return {};
    }
    std::string body = "<figure>\n" + chart +
                       "<figcaption>IRLS, the International RLS Study Group rating scale: ten "
                       "items about the past week, total 0-40. Ringed and labelled: a change of "
                       "5 points or more from the previous entry, which is clinically "
                       "relevant.</figcaption>\n</figure>\n";
    std::string line = fmt::format("{} weekly entr{}; latest {}", rows.size(),
                                   rows.size() == 1 ? "y" : "ies", irls_row_text(rows.back()));
    if (rows.size() > 1) {
        line += ", first " + irls_row_text(rows.front());
    }
    std::string changes;
    for (const auto& r : rows) {
        if (r.relevant_change) {
            changes += fmt::format("{}{:+} in the week of {}", changes.empty() ? "" : ", ",
                                   *r.change, format_date(r.week));
        }
    }
    line += changes.empty() ? ". No change of 5 points or more."
                            : ". Relevant changes: " + changes + ".";
    return body + "<p class=\"irls-summary\">" + line + "</p>\n";
}

std::string onset_body(const Model& m) {
    const auto& o = m.tracked.onset;
    if (o.nights == 0 && o.spread_nights == 0) {
        return {};
    }
    std::string body;
    if (o.nights > 0) {
        body += "<figure>\n" + onset_chart(o.by_night, m.first_night, m.options.to) +
                "<figcaption>When the evening's symptoms began, night by night (later is "
                "lower); the line is a 7-night mean. Triangles: felt in the arms or trunk too. "
                "Onset moving earlier by hours is one sign of augmentation.</figcaption>\n"
                "</figure>\n";
        std::string weekly;
        for (const auto& w : o.weekly_mean_min) {
            weekly += (weekly.empty() ? "" : " ") + (w ? clock_text(*w) : std::string("&#8211;"));
        }
        body += fmt::format("<p class=\"onset-summary\">Symptoms began on average at {} ({} "
                            "nights; earliest {}, latest {}). Mean by week: {}.</p>\n",
                            clock_text(*o.mean_min), o.nights, clock_text(*o.earliest_min),
                            clock_text(*o.latest_min), weekly);
    }
    if (o.spread_nights > 0) {
        body += fmt::format("<p class=\"spread-summary\">Where symptoms were felt, recorded on {} "
                            "night{}: the arms on {}, the trunk on {}.</p>\n",
                            o.spread_nights, o.spread_nights == 1 ? "" : "s", o.arms_nights,
                            o.trunk_nights);
    }
    return body;
}

std::string medicines_body(const Model& m) {
    const auto& t = m.tracked;
    if (t.medicines.empty()) {
        return {};
    }
    const auto marks = dose_marks(t);
    const auto label_of = [&](Date night) {
        for (const auto& mk : marks) {
            if (mk.night == night) {
                return mk.label + " ";
            }
        }
        return std::string();
    };
    std::string body = "<table>\n<thead><tr><th>Medicine</th><th>Nights</th><th>First</th>"
                       "<th>Last</th><th>Highest</th><th>Changes</th></tr></thead>\n<tbody>\n";
    constexpr std::size_t k_listed = 4;
    for (const auto& r : t.medicines) {
        std::string changes;
        for (std::size_t i = 0; i < r.changes.size() && i < k_listed; ++i) {
            const auto& c = r.changes[i];
            changes += fmt::format("{}{}{}: {}", i == 0 ? "" : "; ", label_of(c.night),
                                   format_date(c.night), dose_change_text(c, svg::escape(r.unit)));
        }
        if (r.changes.size() > k_listed) {
            changes += fmt::format("; {} more", r.changes.size() - k_listed);
        }
        body += fmt::format(
            "<tr class=\"medicine\" data-name=\"{}\" data-changes=\"{}\"><td>{}"
            "</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            svg::escape(r.name), r.changes.size(), svg::escape(r.name), r.nights,
            nightly_text(r.first_nightly, r.unit), nightly_text(r.last_nightly, r.unit),
            nightly_text(r.highest_nightly, r.unit), changes.empty() ? "none" : changes);
    }
    body += "</tbody>\n</table>\n<p class=\"note\">Amount per night (the sum of the night's "
            "doses, in the unit logged), on the first and last night with a dose in this period. "
            "A change is a night whose amount differs from the night with a dose before it. As "
            "logged; this report never suggests a dose.</p>\n";
    return body;
}

std::string iron_body(const Model& m) {
    const auto& s = m.tracked.iron;
    if (!s.ferritin && !s.tsat) {
        return {};
    }
    std::string body = "<table>\n<thead><tr><th>Latest</th><th>Value</th><th>Drawn</th>"
                       "<th>Fasting</th><th>Low for RLS</th></tr></thead>\n<tbody>\n";
    if (s.ferritin) {
        body += iron_row("Ferritin", *s.ferritin, " ng/mL", "75 ng/mL or less");
    }
    if (s.tsat) {
        body += iron_row("Transferrin saturation", *s.tsat, "%", "below 20%");
    }
    body += "</tbody>\n</table>\n";
    if (s.ask_doctor) {
        body += fmt::format("<p class=\"flag\"><strong>{}</strong></p>\n", k_iron_message);
    }
    body += "<p class=\"note\">Thresholds of the AASM 2024 guideline for RLS; the values are "
            "best drawn in the morning, fasting.</p>\n";
    return body;
}

std::string watch_body(const Model& m) {
    const auto& w = m.tracked.watch;
    if (w.signs.empty()) {
        return {};
    }
    std::string body = "<ul>\n";
    for (const auto& s : w.signs) {
        body += fmt::format("<li class=\"sign\" data-kind=\"{}\">{}</li>\n", svg::escape(s.kind),
                            svg::escape(s.text));
    }
    return body + fmt::format("</ul>\n<p class=\"flag\"><strong>{}</strong></p>\n",
                              svg::escape(w.message));
}

} // namespace rls::report
