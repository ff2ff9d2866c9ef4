// Reading stored values back, shared by the session and rating repositories.
#include "store/columns.hpp"

#include "core/error.hpp"

#include <SQLiteCpp/Column.h>
#include <fmt/format.h>

namespace rls::columns {

int stored_int(const SQLite::Column& c, Range range, const char* field) {
    const auto v = c.getInt64();
    if (!range.contains(v)) {
        // Draw no billion-wide bar: the value did not come through rls.
        throw Error(Exit::data, fmt::format("the database holds {} {}, outside {}..{}; it was "
                                            "changed outside rls (run: rls check)",
                                            field, v, range.lo, range.hi));
    }
    return static_cast<int>(v);
}

std::optional<int> optional_int(const SQLite::Column& c, Range range, const char* field) {
    return c.isNull() ? std::nullopt : std::optional<int>(stored_int(c, range, field));
}

Instant stored_instant(const SQLite::Column& c) {
    const auto t = parse_instant_utc(c.getString());
    if (!t) {
        throw Error(Exit::data, "the database holds a malformed time (run: rls check)");
    }
    return *t;
}

std::optional<Instant> optional_instant(const SQLite::Column& c) {
    return c.isNull() ? std::nullopt : std::optional<Instant>(stored_instant(c));
}

Date stored_date(const SQLite::Column& c) {
    const auto d = parse_iso_date(c.getString());
    if (!d) {
        throw Error(Exit::data, "the database holds a malformed night (run: rls check)");
    }
    return *d;
}

} // namespace rls::columns
