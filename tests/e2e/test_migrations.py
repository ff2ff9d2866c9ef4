"""Schema upgrades: a database made by each earlier schema version - built
here from the project's own old migration files, not from stored binaries -
upgrades with its data intact, keeps a backup of itself first, and a
database from a newer rls is refused byte for byte untouched."""

import glob
import os
import re
import sqlite3
import stat
import unittest

from rlstest import SOURCE_DIR, RlsCase

MIGRATIONS = sorted(glob.glob(os.path.join(SOURCE_DIR, "migrations", "*.sql")))


def version_of(path):
    return int(re.match(r"(\d+)_", os.path.basename(path)).group(1))


LATEST = version_of(MIGRATIONS[-1])


class Upgrades(RlsCase):
    def make_old_database(self, version):
        """A database as rls at `version` made it, with one session and one rating."""
        os.makedirs(os.path.dirname(self.db), mode=0o700, exist_ok=True)
        con = sqlite3.connect(self.db)
        for path in MIGRATIONS:
            if version_of(path) <= version:
                with open(path, encoding="utf-8") as f:
                    con.executescript(f.read())
                con.execute(f"PRAGMA user_version = {version_of(path)}")
        con.execute("""INSERT INTO session (uuid, started_utc, tz, utc_offset_min, night, routine_id,
                       rounds, before_restless, after_restless, note, created_utc, updated_utc)
                       VALUES ('11111111-2222-4333-8444-555555555555', '2026-11-20T21:30:00Z',
                       'Europe/Berlin', 60, '2026-11-20', 1, 2, 7, 3, 'kept ✓',
                       '2026-11-20T21:30:00Z', '2026-11-20T21:30:00Z')""")
        con.execute("INSERT INTO session_point VALUES (1, 1, 6)")
        con.execute("""INSERT INTO rating (uuid, night, sleep, restless, tz, created_utc, updated_utc)
                       VALUES ('11111111-2222-4333-8444-666666666666', '2026-11-20', 8, 2,
                       'Europe/Berlin', '2026-11-21T07:00:00Z', '2026-11-21T07:00:00Z')""")
        con.commit()
        con.close()
        os.chmod(self.db, 0o600)

    def test_every_earlier_version_upgrades_with_data_intact(self):
        self.assertGreaterEqual(LATEST, 2, "there is at least one upgrade to test")
        for version in range(1, LATEST):
            with self.subTest(version=version):
                for leftover in glob.glob(self.db + "*"):
                    os.remove(leftover)
                self.make_old_database(version)
                s = self.json("show", "1")
                self.assertEqual((s["rounds"], s["before"], s["after"], s["note"]), (2, 7, 3, "kept ✓"))
                self.assertEqual(s["points"], [{"point": "left.heart", "tenderness": 6}])
                self.assertEqual(s["night_rating"]["sleep"], 8)
                self.assertEqual(self.sql("PRAGMA user_version"), [(LATEST,)])
                self.assertEqual(self.sql("PRAGMA integrity_check"), [("ok",)])
                self.assertEqual(self.sql("PRAGMA foreign_key_check"), [])
                # The database as it was is kept beside it, private.
                backup = f"{self.db}.schema-{version}.bak"
                con = sqlite3.connect(backup)
                self.assertEqual(con.execute("PRAGMA user_version").fetchone(), (version,))
                self.assertEqual(con.execute("SELECT note FROM session").fetchone(), ("kept ✓",))
                con.close()
                self.assertEqual(stat.S_IMODE(os.stat(backup).st_mode), 0o600)
                # And it keeps working: new sessions, reports.
                self.ok("log", "--no-input")
                self.json("report")

    def test_schema_2_upgrade_keeps_every_row_and_never_reuses_numbers(self):
        """Schema 3 rebuilds the session table: a schema-2 diary with real rows
        (sessions with points, oils and tags, a deleted top session) comes
        through whole, and the numbers deleted after the upgrade stay unused."""
        self.make_old_database(2)
        con = sqlite3.connect(self.db)
        for n in (2, 3, 4):
            con.execute("""INSERT INTO session (uuid, started_utc, tz, utc_offset_min, night,
                           routine_id, rounds, partial, created_utc, updated_utc)
                           VALUES (?, ?, 'Europe/Berlin', 60, ?, 1, 1, ?, ?, ?)""",
                        (f"11111111-2222-4333-8444-00000000000{n}", f"2026-11-2{n}T21:00:00Z",
                         f"2026-11-2{n}", 1 if n == 3 else 0, f"2026-11-2{n}T21:00:00Z",
                         f"2026-11-2{n}T21:00:00Z"))
            con.execute("INSERT INTO session_point VALUES (?, 6, ?)", (n, n))
            con.execute("INSERT INTO session_oil VALUES (?, 3, 2)", (n,))
        con.execute("INSERT INTO tag (uuid, name) VALUES ('11111111-2222-4333-8444-77777777777a', 'tea')")
        con.execute("INSERT INTO session_tag VALUES (3, 1)")
        con.commit()
        con.close()
        before = {t: sqlite3.connect(self.db).execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall()
                  for t in ("session", "session_point", "session_oil", "session_tag")}
        self.ok("list")  # upgrades
        self.assertEqual(self.sql("PRAGMA user_version"), [(LATEST,)])
        for table, rows in before.items():
            self.assertEqual(self.sql(f"SELECT * FROM {table} ORDER BY 1, 2"), rows, table)
        self.assertEqual(self.sql("PRAGMA foreign_key_check"), [])
        self.assertEqual(self.sql("PRAGMA integrity_check"), [("ok",)])
        self.assertEqual(self.json("show", "3")["tags"], ["tea"])
        # Delete the newest (4): the next session is 5, not 4 again.
        self.ok("delete", "4", "--yes")
        self.assertEqual(self.json("log", "--no-input", "--at", "2026-11-19 21:00")["id"], 5)
        self.ok("delete", "5", "--yes")
        self.assertEqual(self.json("log", "--no-input", "--at", "2026-11-19 21:00")["id"], 6)

    def test_newer_database_is_refused_untouched(self):
        self.make_old_database(LATEST)
        con = sqlite3.connect(self.db)
        con.execute(f"PRAGMA user_version = {LATEST + 1}")
        con.commit()
        con.close()
        with open(self.db, "rb") as f:
            before = f.read()
        self.assertIn("newer than this rls", self.fails(65, "list"))
        with open(self.db, "rb") as f:
            self.assertEqual(f.read(), before)
        self.assertEqual(glob.glob(self.db + ".*"), [], "no backup, no journal left")


if __name__ == "__main__":
    unittest.main(verbosity=2)
