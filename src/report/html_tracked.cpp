// The HTML report's tracked sections. Flags are words ("low", "+6"), not
// colours, and nothing here suggests a dose: it reports what was logged.
#include "report/html_tracked.hpp"

#include "report/html_measures.hpp"
#include "report/render_tracked.hpp"
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

// A date that does not break at its hyphens (the stylesheet keeps <time>
// whole), with its machine-readable value.
std::string date_html(Date d) {
    const auto iso = format_date(d);
    return fmt::format("<time datetime=\"{0}\">{0}</time>", iso);
}

std::string irls_row_text(const IrlsRow& r) {
    return fmt::format("{} ({}, week of {})", r.total, r.band, date_html(r.week));
}

std::string iron_row(const char* what, const IronValue& v, const char* unit,
                     const char* threshold) {
    return fmt::format("<tr class=\"lab\" data-value=\"{}\" data-low=\"{}\"><td>{}</td><td>{:g}{}"
                       "{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                       svg::exact(v.value), v.low ? "true" : "false", what, v.value, unit,
                       v.low ? " <strong>low</strong>" : "", date_html(v.drawn),
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
    return " M1, M2, ...: a medicine's amount changed (see Medicines).";
}

std::string severity_body(const Model& m) {
    const auto& rows = m.tracked.irls;
    const auto chart = severity_chart(rows, m.first_night, m.options.to);
    if (chart.empty()) {
        return {};
    }
    std::string body = "<figure>\n" + chart +
                       "<figcaption>IRLS 0-40, for the past week; ringed: a change of 5 or "
                       "more.</figcaption>\n</figure>\n";
    std::string line = fmt::format("{} weekly entr{}; latest {}", rows.size(),
                                   rows.size() == 1 ? "y" : "ies", irls_row_text(rows.back()));
    if (rows.size() > 1) {
        line += ", first " + irls_row_text(rows.front());
    }
    std::string changes;
    for (const auto& r : rows) {
        if (r.relevant_change) {
            changes += fmt::format("{}{:+} (week of {})", changes.empty() ? "" : ", ", *r.change,
                                   date_html(r.week));
        }
    }
    line += ".";
    if (const auto overall = irls_overall_text(rows); !overall.empty()) {
        line += " " + overall;
    }
    line += changes.empty() ? " No change of 5 or more from one week to the next."
                            : " Relevant changes from one week to the next: " + changes + ".";
    return body + "<p class=\"irls-summary\">" + line + "</p>\n";
}

std::string onset_body(const Model& m) {
    const auto& o = m.tracked.onset;
    if (o.nights == 0 && o.spread_nights == 0) {
        return {};
    }
    std::string body;
    std::string text;
    if (o.nights > 0) {
        body += "<figure>\n" + onset_chart(o.by_night, m.first_night, m.options.to) +
                "<figcaption>Later is lower; line: 7-night mean; triangles: arms or trunk "
                "too.</figcaption>\n"
                "</figure>\n";
        const auto& means = o.weekly_mean_min;
        const auto first_week =
            std::find_if(means.begin(), means.end(), [](const auto& w) { return w.has_value(); });
        const auto last_week =
            std::find_if(means.rbegin(), means.rend(), [](const auto& w) { return w.has_value(); });
        std::string weekly;
        if (first_week != means.end()) {
            weekly = fmt::format("; weekly mean {} in the first week, {} in the last",
                                 clock_text(**first_week), clock_text(**last_week));
        }
        text = fmt::format("Symptoms began on average at {} ({} nights; earliest {}, latest {}){}.",
                           clock_text(*o.mean_min), o.nights, clock_text(*o.earliest_min),
                           clock_text(*o.latest_min), weekly);
    }
    if (o.spread_nights > 0) {
        text += fmt::format("{}Where symptoms were felt, recorded on {} night{}: the arms on {}, "
                            "the trunk on {}.",
                            text.empty() ? "" : " ", o.spread_nights,
                            o.spread_nights == 1 ? "" : "s", o.arms_nights, o.trunk_nights);
    }
    return body + "<p class=\"onset-summary\">" + text + "</p>\n";
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
                       "<th>Last</th><th>Highest</th></tr></thead>\n<tbody>\n";
    std::string changes;
    constexpr std::size_t k_listed = 4; // per medicine
    for (const auto& r : t.medicines) {
        body +=
            fmt::format("<tr class=\"medicine\" data-name=\"{}\" data-changes=\"{}\"><td>{}"
                        "</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                        svg::escape(r.name), r.changes.size(), svg::escape(r.name), r.nights,
                        nightly_text(r.first_nightly, r.unit), nightly_text(r.last_nightly, r.unit),
                        nightly_text(r.highest_nightly, r.unit));
        for (std::size_t i = 0; i < r.changes.size() && i < k_listed; ++i) {
            const auto& c = r.changes[i];
            changes += fmt::format("{}{}{} {}: {}", changes.empty() ? "" : "; ", label_of(c.night),
                                   date_html(c.night), svg::escape(r.name),
                                   dose_change_text(c, svg::escape(r.unit)));
        }
        if (r.changes.size() > k_listed) {
            changes +=
                fmt::format("; {} {} more", svg::escape(r.name), r.changes.size() - k_listed);
        }
    }
    body += "</tbody>\n</table>\n";
    if (!changes.empty()) {
        body += "<p class=\"dose-changes\">Changes: " + changes + ".</p>\n";
    }
    body += "<p class=\"note\">Per night, as logged; a change: an amount unlike the dosed night "
            "before. rls never advises doses.</p>\n";
    return body;
}

std::string iron_body(const Model& m) {
    const auto& s = m.tracked.iron;
    if (!s.ferritin && !s.tsat) {
        return {};
    }
    std::string body = "<table>\n<thead><tr><th>Latest</th><th>Value</th><th>Drawn</th>"
                       "<th>Fasting</th><th>Low if</th></tr></thead>\n<tbody>\n";
    if (s.ferritin) {
        body += iron_row("Ferritin", *s.ferritin, " ng/mL", "&#8804; 75 ng/mL");
    }
    if (s.tsat) {
        body += iron_row("TSAT", *s.tsat, "%", "&lt; 20%");
    }
    body += "</tbody>\n</table>\n";
    if (s.ask_doctor) {
        body += fmt::format("<p class=\"flag\"><strong>{}</strong></p>\n", k_iron_message);
    }
    body += "<p class=\"note\">TSAT: transferrin saturation. Thresholds: AASM 2024 guideline "
            "for RLS; best drawn in the morning, fasting.</p>\n";
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
