// A reader of POSIX TZ strings after POSIX.1-2017 section 8.3 and the tzfile
// extensions (hours up to 167 in rule times); checked against the C library.
#include "core/posix_tz.hpp"

#include <cctype>

namespace rls {

using namespace std::chrono;

namespace {

// When daylight time starts or ends: a day of the year and a local time.
struct Rule {
    enum class Kind { julian_no_leap, zero_based, month_week_day } kind{};
    int day = 0; // J: 1..365, n: 0..365, M: weekday 0..6 (Sunday = 0)
    int month = 0;
    int week = 0; // 1..5, 5 = the last
    seconds time{hours{2}};

    [[nodiscard]] date::sys_days date_in(date::year y) const {
        const date::sys_days jan1{y / date::January / 1};
        switch (kind) {
        case Kind::julian_no_leap:
            return jan1 + date::days{day - 1 + (y.is_leap() && day >= 60 ? 1 : 0)};
        case Kind::zero_based:
            return jan1 + date::days{day};
        case Kind::month_week_day:
            break;
        }
        const auto m = date::month{static_cast<unsigned>(month)};
        const date::weekday wd{static_cast<unsigned>(day)};
        if (week == 5) {
            return date::sys_days{y / m / wd[date::last]};
        }
        return date::sys_days{y / m / wd[static_cast<unsigned>(week)]};
    }
};

class Parser {
public:
    explicit Parser(std::string_view text) : m_text(text) {}
    [[nodiscard]] bool done() const { return m_pos == m_text.size(); }
    [[nodiscard]] char peek() const { return done() ? '\0' : m_text[m_pos]; }
    bool take(char c) {
        if (peek() != c) {
            return false;
        }
        ++m_pos;
        return true;
    }

    bool name() {
        std::size_t n = 0;
        if (take('<')) {
            while (!done() && (std::isalnum(static_cast<unsigned char>(peek())) != 0 ||
                               peek() == '+' || peek() == '-')) {
                ++m_pos;
                ++n;
            }
            return take('>') && n >= 3;
        }
        while (!done() && std::isalpha(static_cast<unsigned char>(peek())) != 0) {
            ++m_pos;
            ++n;
        }
        return n >= 3;
    }

    // [+-]hh[:mm[:ss]] with hours up to `max_hours`.
    bool duration(int max_hours, seconds& out) {
        const bool negative = take('-');
        if (!negative) {
            (void)take('+');
        }
        int h = 0;
        int m = 0;
        int s = 0;
        if (!number(h, max_hours) ||
            (take(':') && (!number(m, 59) || (take(':') && !number(s, 59))))) {
            return false;
        }
        out = hours{h} + minutes{m} + seconds{s};
        if (negative) {
            out = -out;
        }
        return true;
    }

    bool rule(Rule& r) {
        if (take('J')) {
            r.kind = Rule::Kind::julian_no_leap;
            if (!number(r.day, 365) || r.day < 1) {
                return false;
            }
        } else if (take('M')) {
            r.kind = Rule::Kind::month_week_day;
            if (!number(r.month, 12) || r.month < 1 || !take('.') || !number(r.week, 5) ||
                r.week < 1 || !take('.') || !number(r.day, 6)) {
                return false;
            }
        } else {
            r.kind = Rule::Kind::zero_based;
            if (!number(r.day, 365)) {
                return false;
            }
        }
        return !take('/') || duration(167, r.time);
    }

private:
    bool number(int& out, int max) {
        std::size_t digits = 0;
        out = 0;
        while (!done() && std::isdigit(static_cast<unsigned char>(peek())) != 0 && digits < 3) {
            out = out * 10 + (peek() - '0');
            ++m_pos;
            ++digits;
        }
        return digits > 0 && out <= max;
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
};

class DaylightRules final : public Zone::Rules {
public:
    DaylightRules(seconds standard, seconds summer, Rule start, Rule end)
        : m_standard(standard), m_daylight(summer), m_start(start), m_end(end) {}

    [[nodiscard]] seconds offset(Instant t) const override {
        const auto year = date::year_month_day{floor<date::days>(t + m_standard)}.year();
        // Daylight time starts at a local standard time and ends at a local daylight time.
        const Instant start = m_start.date_in(year) + m_start.time - m_standard;
        const Instant end = m_end.date_in(year) + m_end.time - m_daylight;
        const bool summer = start < end ? (start <= t && t < end) : !(end <= t && t < start);
        return summer ? m_daylight : m_standard;
    }

private:
    seconds m_standard;
    seconds m_daylight;
    Rule m_start;
    Rule m_end;
};

} // namespace

std::shared_ptr<const Zone::Rules> parse_posix_tz(std::string_view spec) {
    Parser p(spec);
    seconds west{};
    if (!p.name() || !p.duration(24, west)) {
        return nullptr;
    }
    if (p.done()) {
        return Zone::fixed(-west);
    }
    if (!p.name()) {
        return nullptr;
    }
    seconds daylight_west = west - hours{1};
    if (p.peek() != ',' && !p.done() && !p.duration(24, daylight_west)) {
        return nullptr;
    }
    // Without rules the C library falls back to the US rules of 2007.
    Rule start{Rule::Kind::month_week_day, 0, 3, 2, hours{2}};
    Rule end{Rule::Kind::month_week_day, 0, 11, 1, hours{2}};
    if (p.take(',') && (!p.rule(start) || !p.take(',') || !p.rule(end))) {
        return nullptr;
    }
    if (!p.done()) {
        return nullptr;
    }
    return std::make_shared<DaylightRules>(-west, -daylight_west, start, end);
}

} // namespace rls
