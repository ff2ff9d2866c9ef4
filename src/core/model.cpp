// Derived sleep-diary figures, the diary's order rule and the text forms of
// a session's points and oils.
#include "core/model.hpp"

#include <fmt/format.h>

namespace rls {

DiaryFigures derive_figures(const SleepDiary& d) {
    using std::chrono::duration_cast;
    using std::chrono::minutes;
    DiaryFigures f;
    if (d.into_bed && d.out_of_bed) {
        f.tib_min = static_cast<int>(duration_cast<minutes>(*d.out_of_bed - *d.into_bed).count());
    }
    if (d.try_sleep && d.final_wake && d.latency_min && d.waso_min) {
        const auto span = duration_cast<minutes>(*d.final_wake - *d.try_sleep).count();
        f.tst_min = static_cast<int>(span) - *d.latency_min - *d.waso_min;
    }
    if (f.tib_min && f.tst_min && *f.tib_min > 0) {
        f.efficiency_pct = 100.0 * *f.tst_min / *f.tib_min;
    }
    return f;
}

std::optional<std::string> diary_order_problem(const SleepDiary& d, const DiaryFieldNames& names,
                                               const std::function<std::string(Instant)>& show) {
    const std::pair<std::string_view, std::optional<Instant>> order[] = {
        {names.into_bed, d.into_bed},
        {names.try_sleep, d.try_sleep},
        {names.final_wake, d.final_wake},
        {names.out_of_bed, d.out_of_bed}};
    const std::pair<std::string_view, std::optional<Instant>>* previous = nullptr;
    for (const auto& entry : order) {
        if (!entry.second) {
            continue;
        }
        if (previous != nullptr && *entry.second < *previous->second) {
            return fmt::format("{} must not be before {} ({} < {})", entry.first, previous->first,
                               show(*entry.second), show(*previous->second));
        }
        previous = &entry;
    }
    if (d.try_sleep && d.final_wake) {
        const auto span =
            std::chrono::duration_cast<std::chrono::minutes>(*d.final_wake - *d.try_sleep);
        const int awake = d.latency_min.value_or(0) + d.waso_min.value_or(0);
        if (awake > span.count()) {
            return fmt::format(
                "{} plus {} ({} min) must not exceed the time from {} to {} ({} min)",
                names.latency, names.waso, awake, names.try_sleep, names.final_wake, span.count());
        }
    }
    return std::nullopt;
}

std::string points_text(const std::vector<SessionPoint>& points) {
    std::string out;
    for (const auto& p : points) {
        out += fmt::format("{}{}={}", out.empty() ? "" : " ", p.point, p.tenderness);
    }
    return out;
}

std::string oils_text(const std::vector<SessionOil>& oils) {
    std::string out;
    for (const auto& o : oils) {
        out += out.empty() ? "" : " ";
        out += o.drops ? fmt::format("{}:{}", o.oil, *o.drops) : o.oil;
    }
    return out;
}

} // namespace rls
