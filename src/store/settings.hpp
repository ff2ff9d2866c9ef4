// Settings kept in the database (so they travel with the data), the one list
// of them and the one validator that rls config and import share.
#pragma once

#include <SQLiteCpp/Database.h>
#include <chrono>
#include <optional>
#include <span>
#include <string>

namespace rls {

struct SettingInfo {
    const char* key;
    const char* fallback; // the value when none is stored
    const char* help;
};

// Every setting rls knows, in the order rls config shows them.
[[nodiscard]] std::span<const SettingInfo> known_settings();

// The value in its stored form, or Error(usage) naming `field`, the bad value
// and what is allowed. An unknown key is refused the same way.
[[nodiscard]] std::string validated_setting(const std::string& key, const std::string& value,
                                            std::string_view field);

[[nodiscard]] std::optional<std::string> get_setting(SQLite::Database& db, const std::string& key);
void set_setting(SQLite::Database& db, const std::string& key, const std::string& value);

// The night cut-off in force: the stored setting, checked, or the default.
[[nodiscard]] std::chrono::minutes stored_cutoff(SQLite::Database& db);

} // namespace rls
