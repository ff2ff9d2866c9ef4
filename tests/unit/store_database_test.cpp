// Opening, permissions and migrations of the database.
#include "core/error.hpp"
#include "store/catalog.hpp"
#include "store/database.hpp"
#include "test_support.hpp"

#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>
#include <sys/stat.h>

using namespace rls;
using rls::test::TempDir;

namespace {
unsigned mode_of(const std::filesystem::path& p) {
    struct stat st {};
    REQUIRE(::stat(p.c_str(), &st) == 0);
    return st.st_mode & 0777U;
}
} // namespace

TEST_SUITE("store.database") {
    TEST_CASE("the default location follows XDG, and --db and RLS_DB override it") {
        CHECK(locate_database(std::nullopt, nullptr, "/x/data", "/home/u").path ==
              "/x/data/rls/rls.db");
        CHECK(locate_database(std::nullopt, nullptr, nullptr, "/home/u").path ==
              "/home/u/.local/share/rls/rls.db");
        // A relative XDG_DATA_HOME is invalid per the spec and ignored.
        CHECK(locate_database(std::nullopt, nullptr, "rel", "/home/u").path ==
              "/home/u/.local/share/rls/rls.db");
        CHECK(locate_database(std::nullopt, "/e/env.db", "/x/data", "/home/u").path == "/e/env.db");
        CHECK(locate_database(std::string("/c/cli.db"), "/e/env.db", nullptr, nullptr).path ==
              "/c/cli.db");
        CHECK_THROWS_AS((void)locate_database(std::nullopt, nullptr, nullptr, nullptr), Error);
    }

    TEST_CASE("a new database is 0600 in a 0700 directory whatever the umask") {
        TempDir tmp;
        const auto old = ::umask(0002);
        const auto path = tmp.path() / "a" / "b" / "rls.db";
        (void)open_database(path);
        ::umask(old);
        CHECK(mode_of(path) == 0600);
        CHECK(mode_of(path.parent_path()) == 0700);
        CHECK(mode_of(path.parent_path().parent_path()) == 0700);
    }

    TEST_CASE("migrations create the catalog from the standard routine") {
        auto db = open_memory_database();
        CHECK(schema_version(*db) == latest_schema_version());
        const auto points = list_points(*db);
        REQUIRE(points.size() == 8);
        CHECK(points.front().code == "left.heart");
        CHECK(points.back().code == "right.foot");
        CHECK(point_codes(*db) == codes_of(points)); // what matching reads, in the same order
        const auto routines = list_routines(*db);
        REQUIRE(routines.size() == 1);
        CHECK(routines[0].code == "standard");
        CHECK(routines[0].points == std::vector<std::string>{"left.heart", "left.lateral",
                                                             "left.knee-leg", "left.sciatic",
                                                             "left.foot", "right.ball",
                                                             "right.sciatic", "right.foot"});
        CHECK(codes_of(list_oils(*db)) ==
              std::vector<std::string>{"valerian", "roman-chamomile", "lavender", "carrier"});
    }

    TEST_CASE("reopening an up-to-date database changes nothing") {
        TempDir tmp;
        const auto path = tmp.path() / "rls.db";
        (void)open_database(path);
        const auto before = rls::test::read_bytes(path);
        (void)open_database(path);
        CHECK(rls::test::read_bytes(path) == before);
    }

    TEST_CASE("a database from a newer rls is refused and left byte-for-byte unchanged") {
        TempDir tmp;
        const auto path = tmp.path() / "rls.db";
        {
            auto db = open_database(path);
            db->exec("PRAGMA user_version = 999");
        }
        const auto before = rls::test::read_bytes(path);
        try {
            (void)open_database(path);
            FAIL("expected refusal");
        } catch (const Error& e) {
            CHECK(e.code() == Exit::data);
            CHECK(std::string(e.what()).find("newer") != std::string::npos);
        }
        CHECK(rls::test::read_bytes(path) == before);
    }

    TEST_CASE("another application's SQLite file is refused") {
        TempDir tmp;
        const auto path = tmp.path() / "other.db";
        {
            SQLite::Database other(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            other.exec("CREATE TABLE t (x); PRAGMA user_version = 1");
        }
        CHECK_THROWS_AS((void)open_database(path), Error);
    }

    TEST_CASE("a text file is not a database") {
        TempDir tmp;
        const auto path = tmp.path() / "notes.txt";
        std::ofstream(path) << "this is not a database, just some text that is long enough\n";
        try {
            (void)open_database(path);
            FAIL("expected an error");
        } catch (const Error& e) {
            CHECK(e.code() == Exit::data);
        }
    }
}
