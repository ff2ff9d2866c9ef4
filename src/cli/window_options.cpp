// Parsing the window of nights.
#include "cli/window_options.hpp"

#include "core/error.hpp"
#include "core/limits.hpp"
#include "core/parse.hpp"

#include <fmt/format.h>

namespace rls {

void add_window_options(CLI::App& cmd, WindowOptions& o, int default_weeks,
                        const std::string& weeks_end, const std::string& to_default) {
    o.weeks_opt = cmd.add_option("-w,--weeks", o.weeks,
                                 fmt::format("Weeks ending with {}, {} (default {})", weeks_end,
                                             range_text(k_window_weeks_range), default_weeks))
                      ->type_name("N");
    o.from_opt = cmd.add_option("--from", o.from, "First night, YYYY-MM-DD (instead of --weeks)")
                     ->type_name("DATE");
    o.to_opt = cmd.add_option("--to", o.to, fmt::format("Last night (default {})", to_default))
                   ->type_name("DATE");
}

Window resolve_window(const WindowOptions& o, const TimeContext& t, Date default_to,
                      int default_weeks) {
    Window w;
    w.to = o.to_opt->count() > 0 ? parse_night(o.to, t, "--to") : default_to;
    if (o.from_opt->count() > 0) {
        if (o.weeks_opt->count() > 0) {
            throw usage_error("--weeks and --from cannot be used together");
        }
        w.from = parse_night(o.from, t, "--from");
    } else {
        const int weeks = o.weeks_opt->count() > 0
                              ? parse_int(o.weeks, "--weeks", k_window_weeks_range)
                              : default_weeks;
        w.from = Date{date::sys_days{w.to} - date::days{7 * weeks - 1}};
    }
    if (w.from > w.to) {
        throw usage_error(fmt::format("--from {} must not be after --to {}", format_date(w.from),
                                      format_date(w.to)));
    }
    const int longest = k_window_weeks_range.hi;
    if (date::sys_days{w.to} - date::sys_days{w.from} >= date::days{7 * longest}) {
        throw usage_error(fmt::format("--from {} to --to {} is longer than {} weeks; choose a "
                                      "shorter window",
                                      format_date(w.from), format_date(w.to), longest));
    }
    return w;
}

} // namespace rls
