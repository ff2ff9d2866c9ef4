// Reading stored values back, refusing what only a change outside rls could
// have written (the CHECK constraints can be switched off), so that no
// renderer ever draws a malformed row.
#pragma once

#include "core/error.hpp"
#include "core/limits.hpp"
#include "core/time.hpp"

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <string>
#include <vector>

namespace rls {

[[nodiscard]] inline Error stored_error(const std::string& what) {
    return Error(
        Exit::data,
        fmt::format("the database holds {}; it was changed outside rls (run: rls check)", what));
}

[[nodiscard]] inline Date stored_date(const SQLite::Column& c) {
    const auto d = parse_iso_date(c.getString());
    if (!d) {
        throw stored_error("a malformed date");
    }
    return *d;
}

[[nodiscard]] inline Instant stored_instant(const SQLite::Column& c) {
    const auto t = parse_instant_utc(c.getString());
    if (!t) {
        throw stored_error("a malformed time");
    }
    return *t;
}

[[nodiscard]] inline int stored_ranged_int(const SQLite::Column& c, Range r, const char* field) {
    const auto v = c.getInt64();
    if (!r.contains(v)) {
        throw stored_error(fmt::format("{} {}, outside {}..{}", field, v, r.lo, r.hi));
    }
    return static_cast<int>(v);
}

[[nodiscard]] inline double stored_decimal(const SQLite::Column& c, DecimalRange r,
                                           const char* field) {
    const auto v = c.getDouble();
    if (!r.contains(v)) {
        throw stored_error(fmt::format("{} outside {:g}..{:g}", field, r.lo, r.hi));
    }
    return v;
}

// Whether `sql` with `value` bound to its one parameter finds a row.
[[nodiscard]] inline bool stored_row_exists(SQLite::Database& db, const char* sql,
                                            const std::string& value) {
    SQLite::Statement q(db, sql);
    q.bind(1, value);
    return q.executeStep();
}

// Every row of `q`, each read by `read`.
template <class Read>
[[nodiscard]] auto stored_rows(SQLite::Statement& q, Read read) {
    std::vector<decltype(read(q))> out;
    while (q.executeStep()) {
        out.push_back(read(q));
    }
    return out;
}

} // namespace rls
