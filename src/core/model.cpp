// Derived sleep-diary figures.
#include "core/model.hpp"

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

} // namespace rls
