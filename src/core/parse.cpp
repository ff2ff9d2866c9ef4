// Implementation of the input parsers. Every failure is one usage_error line.
#include "core/parse.hpp"

#include "core/error.hpp"
#include "core/terminal_text.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <fmt/format.h>

namespace rls {

using namespace std::chrono;

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())) != 0) {
        s.remove_prefix(1);
    }
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())) != 0) {
        s.remove_suffix(1);
    }
    return s;
}

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool all_digits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<int> to_int(std::string_view s) {
    if (!all_digits(s) || s.size() > 9) {
        return std::nullopt;
    }
    int v = 0;
    if (std::from_chars(s.data(), s.data() + s.size(), v).ec != std::errc{}) {
        return std::nullopt;
    }
    return v;
}

std::optional<minutes> time_of_day(std::string_view s) {
    const auto colon = s.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 2 || s.size() - colon - 1 != 2) {
        return std::nullopt;
    }
    const auto h = to_int(s.substr(0, colon));
    const auto m = to_int(s.substr(colon + 1));
    if (!h || !m || *h > 23 || *m > 59) {
        return std::nullopt;
    }
    return hours{*h} + minutes{*m};
}

// What people type for a time of day: 22:15, 10pm, 10:30 pm, 12am (midnight).
std::optional<minutes> clock_time(std::string_view s) {
    if (const auto t = time_of_day(s)) {
        return t;
    }
    bool pm = false;
    if (s.ends_with("pm")) {
        pm = true;
    } else if (!s.ends_with("am")) {
        return std::nullopt;
    }
    s = trim(s.substr(0, s.size() - 2));
    std::optional<int> h;
    std::optional<int> m = 0;
    if (const auto colon = s.find(':'); colon != std::string_view::npos) {
        if (s.size() - colon - 1 != 2) {
            return std::nullopt;
        }
        h = to_int(s.substr(0, colon));
        m = to_int(s.substr(colon + 1));
    } else {
        h = to_int(s);
    }
    if (!h || !m || *h < 1 || *h > 12 || *m > 59 || s.size() > 5) {
        return std::nullopt;
    }
    return hours{*h % 12 + (pm ? 12 : 0)} + minutes{*m};
}

// "30m ago", "1 hour ago", "an hour ago", "1h30m ago": how long before now.
std::optional<minutes> time_ago(std::string_view s) {
    if (!s.ends_with("ago")) {
        return std::nullopt;
    }
    std::string span(trim(s.substr(0, s.size() - 3)));
    for (const char* article : {"an ", "a "}) {
        if (span.starts_with(article)) {
            span = "1 " + span.substr(std::string_view(article).size());
        }
    }
    try {
        // Up to two weeks back: anything older is better given as a date.
        return minutes{parse_duration_minutes(span, "ago", 0, 14 * 24 * 60)};
    } catch (const Error&) {
        return std::nullopt;
    }
}

// HH:MM or HH:MM:SS
std::optional<seconds> time_with_seconds(std::string_view s) {
    if (s.size() == 8 && s[5] == ':') {
        const auto base = time_of_day(s.substr(0, 5));
        const auto sec = to_int(s.substr(6));
        if (!base || !sec || *sec > 59) {
            return std::nullopt;
        }
        return *base + seconds{*sec};
    }
    const auto base = time_of_day(s);
    if (!base) {
        return std::nullopt;
    }
    return duration_cast<seconds>(*base);
}

[[noreturn]] void when_error(std::string_view field, std::string_view text) {
    throw usage_error(fmt::format(
        "{} must be now, 22:15, 10pm, yesterday 9pm, 30m ago or YYYY-MM-DD HH:MM, got {}", field,
        quote_value(text)));
}

Instant check_not_future(Instant t, const TimeContext& ctx, std::string_view field,
                         std::string_view text) {
    if (t > ctx.now) {
        // Past midnight and before the cut-off, "today 22:00" is tonight, not
        // the evening this night began: say what to type for that one.
        const Date today = local_date(ctx.now, ctx.zone);
        const Date night = night_of(ctx.now, ctx.zone, ctx.cutoff);
        if (night != today && local_date(t, ctx.zone) == today) {
            throw usage_error(fmt::format(
                "{} {} is in the future; it is past midnight, so last evening is "
                "'yesterday {}' (the night of {})",
                field, quote_value(text), format_local(t, ctx.zone, "%H:%M"), format_date(night)));
        }
        throw usage_error(fmt::format("{} must not be in the future, got {} (now is {})", field,
                                      quote_value(text), format_local(ctx.now, ctx.zone)));
    }
    if (t < date::sys_days{k_earliest_night}) {
        throw usage_error(fmt::format("{} must be in the year {} or later, got {}", field,
                                      static_cast<int>(k_earliest_night.year()),
                                      quote_value(text)));
    }
    return t;
}

} // namespace

std::string quote_value(std::string_view text) {
    std::string shown = visible(text);
    if (display_width(shown) > 40) {
        shown = shorten(shown, 41);
        shown.erase(shown.size() - std::string_view("…").size());
        shown += "...";
    }
    return "'" + shown + "'";
}

int parse_int(std::string_view text, std::string_view field, int lo, int hi) {
    const auto value = to_int(trim(text));
    if (!value || *value < lo || *value > hi) {
        throw usage_error(fmt::format("{} must be a whole number from {} to {}, got {}", field, lo,
                                      hi, quote_value(text)));
    }
    return *value;
}

double parse_decimal(std::string_view text, std::string_view field, double lo, double hi) {
    const auto t = trim(text);
    const auto dot = t.find('.');
    const bool ok = !t.empty() && t.size() <= 12 && all_digits(t.substr(0, dot)) &&
                    (dot == std::string_view::npos || all_digits(t.substr(dot + 1)));
    double value = 0;
    if (ok) {
        std::from_chars(t.data(), t.data() + t.size(), value);
    }
    if (!ok || value < lo || value > hi) {
        // The example only when it is in the range ("from 1 to 100 such as
        // 0.5" would contradict itself).
        throw usage_error(fmt::format("{} must be a number from {} to {}{}, got {}", field, lo, hi,
                                      lo <= 0.5 && 0.5 <= hi ? " such as 0.5" : "",
                                      quote_value(text)));
    }
    return value;
}

minutes parse_time_of_day(std::string_view text, std::string_view field) {
    const auto t = time_of_day(trim(text));
    if (!t) {
        throw usage_error(fmt::format("{} must be a time HH:MM from 00:00 to 23:59, got {}", field,
                                      quote_value(text)));
    }
    return *t;
}

minutes parse_cutoff(std::string_view text, std::string_view field) {
    const auto t = time_of_day(trim(text));
    if (!t || *t > k_latest_cutoff) {
        throw usage_error(fmt::format("{} must be a time HH:MM from 00:00 to {}, got {}", field,
                                      format_time_of_day(k_latest_cutoff), quote_value(text)));
    }
    return *t;
}

std::string format_time_of_day(minutes t) {
    return fmt::format("{:02}:{:02}", t.count() / 60, t.count() % 60);
}

Instant parse_when(std::string_view text, const TimeContext& ctx, std::string_view field) {
    const std::string s = lower(trim(text));
    const Date today = local_date(ctx.now, ctx.zone);
    const auto yesterday = Date{date::sys_days{today} - date::days{1}};

    if (s == "now") {
        return ctx.now;
    }
    if (const auto ago = time_ago(s)) {
        return check_not_future(ctx.now - *ago, ctx, field, text);
    }
    if (const auto tod = clock_time(s)) {
        // A bare time that is still to come today means yesterday evening.
        auto t = resolve_local(today, *tod, ctx.zone, field);
        if (t > ctx.now) {
            t = resolve_local(yesterday, *tod, ctx.zone, field);
        }
        return check_not_future(t, ctx, field, text);
    }
    for (const auto& [word, day] : {std::pair{std::string_view{"today "}, today},
                                    std::pair{std::string_view{"yesterday "}, yesterday}}) {
        if (s.starts_with(word)) {
            const auto tod = clock_time(trim(std::string_view(s).substr(word.size())));
            if (!tod) {
                when_error(field, text);
            }
            return check_not_future(resolve_local(day, *tod, ctx.zone, field), ctx, field, text);
        }
    }
    // YYYY-MM-DD[T ]HH:MM[:SS][Z|+HH:MM|+HHMM]
    if (s.size() >= 16 && (s[10] == 't' || s[10] == ' ')) {
        const auto day = parse_iso_date(std::string_view(s).substr(0, 10));
        if (!day) {
            throw usage_error(fmt::format("{} has no such date: {}", field, quote_value(text)));
        }
        std::string_view rest = std::string_view(s).substr(11);
        std::optional<minutes> offset;
        if (!rest.empty() && rest.back() == 'z') {
            offset = minutes{0};
            rest.remove_suffix(1);
        } else if (const auto sign = rest.find_first_of("+-"); sign != std::string_view::npos) {
            std::string_view off = rest.substr(sign + 1);
            rest = rest.substr(0, sign);
            std::string compact;
            for (const char c : off) {
                if (c != ':') {
                    compact += c;
                }
            }
            const auto hh =
                compact.size() == 4 ? to_int(std::string_view(compact).substr(0, 2)) : std::nullopt;
            const auto mm =
                compact.size() == 4 ? to_int(std::string_view(compact).substr(2)) : std::nullopt;
            if (!hh || !mm || *hh > 14 || *mm > 59) {
                when_error(field, text);
            }
            const minutes magnitude = hours{*hh} + minutes{*mm};
            offset = s[11 + sign] == '-' ? -magnitude : magnitude;
        }
        const auto tod = time_with_seconds(rest);
        if (!tod) {
            when_error(field, text);
        }
        if (offset) {
            const Instant t = date::sys_days{*day} + *tod - *offset;
            return check_not_future(t, ctx, field, text);
        }
        const auto whole = floor<minutes>(*tod);
        const Instant t = resolve_local(*day, whole, ctx.zone, field) + (*tod - whole);
        return check_not_future(t, ctx, field, text);
    }
    when_error(field, text);
}

Date parse_night(std::string_view text, const TimeContext& ctx, std::string_view field) {
    const std::string s = lower(trim(text));
    const Date today = local_date(ctx.now, ctx.zone);
    Date night{};
    if (s == "today" || s == "tonight") {
        night = today;
    } else if (s == "yesterday" || s == "last") {
        night = Date{date::sys_days{today} - date::days{1}};
    } else if (const auto d = parse_iso_date(s)) {
        night = *d;
    } else {
        throw usage_error(fmt::format("{} must be a date YYYY-MM-DD, today or yesterday, got {}",
                                      field, quote_value(text)));
    }
    if (night < k_earliest_night) {
        throw usage_error(fmt::format("{} must be in the year {} or later, got {}", field,
                                      static_cast<int>(k_earliest_night.year()),
                                      quote_value(text)));
    }
    return night;
}

int parse_duration_minutes(std::string_view text, std::string_view field, int lo, int hi) {
    const std::string s = lower(trim(text));
    // Parts are capped before any arithmetic so that huge numbers cannot
    // overflow (found by fuzz_duration); anything that large is refused anyway.
    constexpr int k_cap = 100000;
    std::optional<int> total;
    if (const auto plain = to_int(s)) {
        total = plain;
    } else if (const auto colon = s.find(':'); colon != std::string::npos) {
        const auto h = to_int(std::string_view(s).substr(0, colon));
        const auto m = to_int(std::string_view(s).substr(colon + 1));
        if (h && m && *h < k_cap && *m < 60 && s.size() - colon - 1 == 2) {
            total = *h * 60 + *m;
        }
    } else {
        // <n>h, <n>m, <n>min, <n>h<n>m, with optional spaces between parts
        std::string_view rest = s;
        int sum = 0;
        bool any = false;
        bool ok = true;
        bool seen_h = false;
        bool seen_m = false;
        while (ok && !(rest = trim(rest)).empty()) {
            std::size_t n = 0;
            while (n < rest.size() && rest[n] >= '0' && rest[n] <= '9') {
                ++n;
            }
            const auto num = to_int(rest.substr(0, n));
            rest.remove_prefix(n);
            rest = trim(rest);
            if (!num || *num >= k_cap) {
                ok = false;
            } else if (!seen_h && !seen_m && (rest.starts_with("h"))) {
                rest.remove_prefix(rest.starts_with("hours")  ? 5
                                   : rest.starts_with("hour") ? 4
                                   : rest.starts_with("hrs")  ? 3
                                   : rest.starts_with("hr")   ? 2
                                                              : 1);
                sum += *num * 60;
                seen_h = true;
            } else if (!seen_m && rest.starts_with("m")) {
                rest.remove_prefix(rest.starts_with("minutes") ? 7
                                   : rest.starts_with("mins")  ? 4
                                   : rest.starts_with("min")   ? 3
                                                               : 1);
                sum += *num;
                seen_m = true;
            } else {
                ok = false;
            }
            any = true;
        }
        if (ok && any && sum < 100000) {
            total = sum;
        }
    }
    if (!total || *total < lo || *total > hi) {
        throw usage_error(fmt::format(
            "{} must be a duration from {} to {} minutes such as 25m, 1h10m or 1:10, got {}", field,
            lo, hi, quote_value(text)));
    }
    return *total;
}

PointSpec parse_point_spec(std::string_view text, std::string_view field) {
    const auto eq = text.find('=');
    if (eq == std::string_view::npos || trim(text.substr(0, eq)).empty()) {
        throw usage_error(fmt::format("{} must be POINT=TENDERNESS such as left.heart=6, got {}",
                                      field, quote_value(text)));
    }
    PointSpec spec;
    spec.point = lower(trim(text.substr(0, eq)));
    const auto value = to_int(trim(text.substr(eq + 1)));
    if (!value || !k_tenderness_range.contains(*value)) {
        throw usage_error(fmt::format(
            "{} tenderness for {} must be a whole number from {} to {}, got {}", field, spec.point,
            k_tenderness_range.lo, k_tenderness_range.hi, quote_value(text.substr(eq + 1))));
    }
    spec.tenderness = *value;
    return spec;
}

OilSpec parse_oil_spec(std::string_view text, std::string_view field) {
    const auto colon = text.find(':');
    OilSpec spec;
    spec.oil = lower(trim(text.substr(0, colon)));
    if (spec.oil.empty()) {
        throw usage_error(fmt::format("{} must be OIL or OIL:DROPS such as lavender:3, got {}",
                                      field, quote_value(text)));
    }
    if (colon != std::string_view::npos) {
        const auto drops = to_int(trim(text.substr(colon + 1)));
        if (!drops || !k_drops_range.contains(*drops)) {
            throw usage_error(fmt::format(
                "{} drops of {} must be a whole number from {} to {}, got {}", field, spec.oil,
                k_drops_range.lo, k_drops_range.hi, quote_value(text.substr(colon + 1))));
        }
        spec.drops = *drops;
    }
    return spec;
}

std::string parse_name(std::string_view text, std::string_view field, bool allow_dot) {
    const std::string s = lower(trim(text));
    bool ok = !s.empty() && s.size() <= k_max_name_chars &&
              std::isalnum(static_cast<unsigned char>(s[0])) != 0;
    int dots = 0;
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '.' && allow_dot) {
            ++dots;
        } else if (!(std::isdigit(u) != 0 || (c >= 'a' && c <= 'z') || c == '-' || c == '_')) {
            ok = false;
        }
    }
    if (!ok || dots > 1 || (!s.empty() && (s.back() == '.' || s.back() == '-'))) {
        throw usage_error(fmt::format("{} must be 1-{} characters of a-z, 0-9, '-'{}, starting "
                                      "with a letter or digit, got {}",
                                      field, k_max_name_chars, allow_dot ? " and one '.'" : "",
                                      quote_value(text)));
    }
    return s;
}

std::string parse_text(std::string_view text, std::string_view field, std::size_t max_bytes) {
    if (text.size() > max_bytes) {
        throw usage_error(fmt::format("{} must be at most {} bytes, got {} bytes", field, max_bytes,
                                      text.size()));
    }
    // Validate UTF-8 so that JSON output and exports stay well-formed.
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t len = 0;
        char32_t cp = 0;
        if (c < 0x80) {
            len = 1;
            cp = c;
        } else if ((c >> 5) == 0x6) {
            len = 2;
            cp = c & 0x1fU;
        } else if ((c >> 4) == 0xe) {
            len = 3;
            cp = c & 0x0fU;
        } else if ((c >> 3) == 0x1e) {
            len = 4;
            cp = c & 0x07U;
        }
        bool ok = len != 0 && i + len <= text.size();
        for (std::size_t k = 1; ok && k < len; ++k) {
            const auto cc = static_cast<unsigned char>(text[i + k]);
            ok = (cc >> 6) == 0x2;
            cp = (cp << 6) | (cc & 0x3fU);
        }
        const char32_t min_for_len[] = {0, 0, 0x80, 0x800, 0x10000};
        if (!ok || cp < min_for_len[len] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ||
            cp == 0) {
            throw usage_error(fmt::format(
                "{} must be UTF-8 text without NUL bytes (byte {} is not)", field, i + 1));
        }
        i += len;
    }
    return std::string(text);
}

std::string parse_label(std::string_view text, std::string_view field, std::size_t max_bytes) {
    auto s = parse_text(text, field, max_bytes);
    if (has_control(s)) {
        throw usage_error(fmt::format(
            "{} must not contain control characters (tabs, line breaks, escapes), got {}", field,
            quote_value(s)));
    }
    return s;
}

} // namespace rls
