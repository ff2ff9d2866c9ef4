// Rules for the tracked measures that need no database.
#include "core/measures.hpp"

#include "core/error.hpp"
#include "core/parse.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fmt/format.h>

namespace rls {

Date week_of(Date day) {
    const date::sys_days d{day};
    const date::weekday wd{d};
    return Date{d - (wd - date::Monday)};
}

std::string_view irls_band(int total) {
    if (total <= 0) {
        return "none";
    }
    if (total <= 10) {
        return "mild";
    }
    if (total <= 20) {
        return "moderate";
    }
    if (total <= 30) {
        return "severe";
    }
    return "very severe";
}

std::string irls_items_text(const std::array<int, k_irls_items>& items) {
    std::string s;
    for (const int v : items) {
        s += static_cast<char>('0' + v);
    }
    return s;
}

std::optional<std::array<int, k_irls_items>> parse_irls_items(std::string_view s) {
    if (s.size() != k_irls_items) {
        return std::nullopt;
    }
    std::array<int, k_irls_items> items{};
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] < '0' || s[i] > '4') {
            return std::nullopt;
        }
        items[i] = s[i] - '0';
    }
    return items;
}

Spread parse_spread(std::string_view text, std::string_view field) {
    Spread s;
    bool any = false;
    std::size_t start = 0;
    const auto fail = [&] {
        throw usage_error(fmt::format("{} must be legs, arms or trunk, comma-separated; got {}",
                                      field, quote_value(text)));
    };
    while (start <= text.size()) {
        auto end = text.find(',', start);
        end = end == std::string_view::npos ? text.size() : end;
        const auto part = text.substr(start, end - start);
        bool* flag = part == "legs"    ? &s.legs
                     : part == "arms"  ? &s.arms
                     : part == "trunk" ? &s.trunk
                                       : nullptr;
        if (flag == nullptr || *flag) {
            fail();
        }
        *flag = true;
        any = true;
        start = end + 1;
    }
    if (!any) {
        fail();
    }
    return s;
}

std::string spread_text(const Spread& s) {
    std::string out;
    for (const auto& [on, name] :
         {std::pair{s.legs, "legs"}, std::pair{s.arms, "arms"}, std::pair{s.trunk, "trunk"}}) {
        if (on) {
            out += (out.empty() ? "" : ",") + std::string(name);
        }
    }
    return out;
}

int onset_minutes(Date night, Instant onset, const Zone& zone) {
    const auto local = zone.to_local(onset);
    const auto midnight = date::local_days{date::sys_days{night}.time_since_epoch()};
    return static_cast<int>(std::chrono::floor<std::chrono::minutes>(local - midnight).count());
}

namespace {

std::optional<std::string> dose_unit(std::string_view text) {
    std::string unit(text);
    for (auto& c : unit) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (unit == "tablets") {
        unit = "tablet";
    }
    for (const auto u : k_dose_units) {
        if (u == unit) {
            return unit;
        }
    }
    return std::nullopt;
}

} // namespace

std::string parse_dose_unit(std::string_view text, std::string_view field) {
    if (const auto unit = dose_unit(text)) {
        return *unit;
    }
    throw usage_error(
        fmt::format("{} must be mg, mcg, g, ml, iu or tablet, got {}", field, quote_value(text)));
}

DoseAmount parse_dose(std::string_view text, std::string_view field) {
    // The unit is what the text ends with (longest first: "mg" is not "g");
    // whatever comes before it is the amount, so "-1mg", "1e9mg" or "nanmg"
    // are told the amount's range rather than that the unit is missing.
    std::optional<std::string> unit;
    auto number = text;
    for (const std::string_view u : {"tablets", "tablet", "mcg", "mg", "ml", "iu", "g"}) {
        if (text.size() <= u.size()) {
            continue;
        }
        if (auto tail = dose_unit(text.substr(text.size() - u.size()))) {
            unit = std::move(tail);
            number = text.substr(0, text.size() - u.size());
            break;
        }
    }
    while (!number.empty() && number.back() == ' ') {
        number.remove_suffix(1);
    }
    // "mg" alone is no amount in g: an amount has a digit, or is nan or inf.
    std::string lower(number);
    for (auto& c : lower) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    const bool amount_like =
        std::any_of(lower.begin(), lower.end(),
                    [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }) ||
        lower == "nan" || lower == "inf" || lower == "-inf";
    if (!unit || !amount_like) {
        throw usage_error(fmt::format("{} must be an amount with a unit: mg, mcg, g, ml, iu, "
                                      "tablet; got {}",
                                      field, quote_value(text)));
    }
    DoseAmount d;
    d.amount = parse_decimal(number, field, k_dose_range.lo, k_dose_range.hi);
    d.unit = *unit;
    return d;
}

std::string amount_with_unit(double amount, std::string_view unit) {
    return fmt::format("{} {}{}", amount_text(amount), unit,
                       unit == "tablet" && amount != 1 ? "s" : "");
}

std::string amount_text(double amount) {
    return fmt::format("{:g}", amount);
}

} // namespace rls
