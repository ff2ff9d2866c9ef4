// Setting storage and validation.
#include "store/settings.hpp"

#include "core/error.hpp"
#include "core/limits.hpp"
#include "core/parse.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace rls {

namespace {

constexpr SettingInfo k_settings[] = {
    {"cutoff", "06:00",
     "sessions logged before this local time belong to the previous night (00:00-12:00)"},
    {"primary", "auto", "the report's primary comparison: auto, session, variants or rotations"},
};

} // namespace

std::span<const SettingInfo> known_settings() {
    return k_settings;
}

std::string validated_setting(const std::string& key, const std::string& value,
                              std::string_view field) {
    if (key == "cutoff") {
        return format_time_of_day(parse_cutoff(value, field));
    }
    if (key == "primary") {
        if (value != "auto" && value != "session" && value != "variants" && value != "rotations") {
            throw usage_error(fmt::format("{} must be auto, session, variants or rotations, got {}",
                                          field, quote_value(value)));
        }
        return value;
    }
    throw usage_error(fmt::format("KEY must be one of: cutoff, primary; got {}", quote_value(key)));
}

std::optional<std::string> get_setting(SQLite::Database& db, const std::string& key) {
    SQLite::Statement q(db, "SELECT value FROM setting WHERE key = ?");
    q.bind(1, key);
    if (!q.executeStep()) {
        return std::nullopt;
    }
    return q.getColumn(0).getString();
}

void set_setting(SQLite::Database& db, const std::string& key, const std::string& value) {
    SQLite::Statement q(db, "INSERT INTO setting (key, value) VALUES (?, ?) "
                            "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    q.bind(1, key);
    q.bind(2, value);
    q.exec();
}

std::chrono::minutes stored_cutoff(SQLite::Database& db) {
    if (const auto cutoff = get_setting(db, "cutoff")) {
        return parse_cutoff(*cutoff, "setting cutoff");
    }
    return k_default_cutoff;
}

} // namespace rls
