"""Upgrading a diary with real data to the tracked measures' schema: six weeks
of sessions and ratings (across Berlin's autumn DST change), written by each
schema from 2 on - built here from the project's own migration files - come
through the upgrade row for row, with a backup of the database as it was,
and the report on them is the one the same rows give in a new database,
every figure where it was, the new sections absent and the JSON tracked block
empty. The coverage and weekly figures are worked out here from the rows."""

import datetime
import glob
import os
import sqlite3
import stat
import unittest

from rlstest import SOURCE_DIR, RlsCase

MIGRATIONS = sorted(glob.glob(os.path.join(SOURCE_DIR, "migrations", "*.sql")))
LATEST = int(os.path.basename(MIGRATIONS[-1]).split("_")[0])
FIRST = datetime.date(2026, 10, 5)  # a Monday
NIGHTS = 42
DST_END = datetime.date(2026, 10, 25)  # Berlin's clocks go back that morning
NEW_TABLES = ("irls", "symptom", "night_tag", "no_massage_night", "medicine", "dose", "lab")


def night(i):
    return FIRST + datetime.timedelta(days=i)


def has_session(i):
    return i % 6 != 4


def sleep_of(i):
    return 4 + (i * 3) % 5 if i % 7 != 3 else None  # None: the night was not rated


def utc(day, hhmm, offset_min):
    local = datetime.datetime.combine(day, datetime.time.fromisoformat(hhmm))
    return (local - datetime.timedelta(minutes=offset_min)).strftime("%Y-%m-%dT%H:%M:%SZ")


def build(path, version):
    """A diary as rls at schema `version` wrote it."""
    os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
    con = sqlite3.connect(path)
    for migration in MIGRATIONS:
        v = int(os.path.basename(migration).split("_")[0])
        if v <= version:
            with open(migration, encoding="utf-8") as f:
                con.executescript(f.read())
            con.execute(f"PRAGMA user_version = {v}")
    con.execute("""INSERT INTO routine (uuid, code, description, builtin)
                   VALUES ('11111111-2222-4333-8444-000000000100', 'left-only',
                   'the left foot only', 0)""")
    con.execute("""INSERT INTO routine_point (routine_id, position, point_id)
                   SELECT 2, id, id FROM point WHERE foot = 'left'""")
    con.execute("INSERT INTO tag (uuid, name) VALUES ('11111111-2222-4333-8444-000000000200', 'tea')")
    session_id = 0
    for i in range(NIGHTS):
        d = night(i)
        offset = 120 if d < DST_END else 60
        if has_session(i):
            session_id += 1
            started = utc(d, "21:30", offset)
            con.execute("""INSERT INTO session (uuid, started_utc, tz, utc_offset_min, night,
                           routine_id, rounds, duration_min, before_restless, after_restless,
                           note, partial, created_utc, updated_utc)
                           VALUES (?, ?, 'Europe/Berlin', ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""",
                        (f"11111111-2222-4333-8444-{i:012d}", started, offset, d.isoformat(),
                         2 if i % 3 == 0 else 1, 1 + i % 3, 20 + i % 10, 5 + i % 4, 2 + i % 3,
                         "calmer after the second pass" if i % 8 == 0 else None, started,
                         started))
            con.execute("INSERT INTO session_point VALUES (?, 1, ?)", (session_id, 3 + i % 5))
            con.execute("INSERT INTO session_point VALUES (?, 4, ?)", (session_id, 2 + i % 4))
            con.execute("INSERT INTO session_oil VALUES (?, 3, 2)", (session_id,))
            if i % 2:
                con.execute("INSERT INTO session_oil VALUES (?, 1, 3)", (session_id,))
            if i % 5 == 0:
                con.execute("INSERT INTO session_tag VALUES (?, 1)", (session_id,))
        if sleep_of(i) is not None:
            morning = d + datetime.timedelta(days=1)
            made = utc(morning, "07:30", 120 if morning <= DST_END else 60)
            con.execute("""INSERT INTO rating (uuid, night, sleep, restless, latency_min,
                           awakenings, waso_min, tz, created_utc, updated_utc)
                           VALUES (?, ?, ?, ?, ?, ?, ?, 'Europe/Berlin', ?, ?)""",
                        (f"11111111-2222-4333-8445-{i:012d}", d.isoformat(), sleep_of(i),
                         2 + i % 6, 10 + i % 20, i % 3, 5 * (i % 4), made, made))
    con.commit()
    con.close()
    os.chmod(path, 0o600)


def tables_of(path):
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        return {n: con.execute(f"SELECT * FROM {n} ORDER BY 1, 2").fetchall() for n in names}
    finally:
        con.close()


class UpgradeKeepsTheReport(RlsCase):
    now = "2026-11-16T08:00:00Z"  # Monday 09:00: the night of the 15th has ended

    def reports(self, db):
        return (self.ok("report", "--weeks", "6", "--color", "never", RLS_DB=db),
                self.json("report", "--weeks", "6", RLS_DB=db),
                self.ok("report", "--weeks", "6", "--csv", RLS_DB=db))

    def test_six_weeks_upgrade_from_each_schema_with_the_report_unchanged(self):
        reference = os.path.join(self.tmp, "new", "rls.db")
        build(reference, LATEST)
        want_text, want_json, want_csv = self.reports(reference)
        for version in range(2, LATEST):
            with self.subTest(version=version):
                for leftover in glob.glob(self.db + "*"):
                    os.remove(leftover)
                build(self.db, version)
                before = tables_of(self.db)
                text, j, csv = self.reports(self.db)  # the first one upgrades

                self.assertEqual(self.sql("PRAGMA user_version"), [(LATEST,)])
                after = tables_of(self.db)
                for table, rows in before.items():
                    self.assertEqual(after[table], rows, table)
                for table in NEW_TABLES:
                    self.assertEqual(after[table], [], table)
                self.assertEqual(self.sql("PRAGMA integrity_check"), [("ok",)])
                self.assertEqual(self.sql("PRAGMA foreign_key_check"), [])
                backup = f"{self.db}.schema-{version}.bak"
                self.assertEqual(stat.S_IMODE(os.stat(backup).st_mode), 0o600)
                self.assertEqual(tables_of(backup), before)
                con = sqlite3.connect(backup)
                self.assertEqual(con.execute("PRAGMA user_version").fetchone(), (version,))
                con.close()

                # The report is the one the same rows give in a new database.
                self.assertEqual(j, want_json)
                self.assertEqual(text, want_text)
                self.assertEqual(csv, want_csv)
                self.check_figures(j, text)

    def check_figures(self, j, text):
        sessions = [i for i in range(NIGHTS) if has_session(i)]
        rated = [i for i in range(NIGHTS) if sleep_of(i) is not None]
        self.assertEqual((j["from"], j["to"]), (FIRST.isoformat(), night(NIGHTS - 1).isoformat()))
        c = j["coverage"]
        self.assertEqual((c["nights"], c["nights_with_session"], c["nights_rated"]),
                         (NIGHTS, len(sessions), len(rated)))
        self.assertEqual(c["missing_ratings"],
                         [night(i).isoformat() for i in range(NIGHTS) if sleep_of(i) is None])
        for w, week in enumerate(j["weeks"]):
            days = range(7 * w, 7 * w + 7)
            sleeps = [sleep_of(i) for i in days if sleep_of(i) is not None]
            self.assertEqual(week["start"], night(7 * w).isoformat())
            self.assertEqual(week["sessions"], sum(1 for i in days if has_session(i)))
            self.assertEqual(week["rated"], len(sleeps))
            self.assertAlmostEqual(week["sleep"]["mean"], sum(sleeps) / len(sleeps), places=9)
        # The new sections: an empty tracked block, and nothing in the text.
        t = j["tracked"]
        self.assertEqual((t["irls"], t["medicines"]), ([], []))
        self.assertEqual((t["onset"]["nights"], t["onset"]["spread_nights"]), (0, 0))
        self.assertEqual(t["iron"], {"ferritin": None, "tsat": None, "ask_doctor": False})
        self.assertEqual(t["augmentation_watch"], {"compared": False, "signs": [], "message": None})
        self.assertEqual(t["no_session_nights"],
                         {"planned": 0, "not_marked": NIGHTS - len(sessions)})
        for heading in ("Severity (IRLS)", "Symptom onset", "Medicines", "Iron", "Watch",
                        "Nights without a session"):
            self.assertNotIn(heading, text)


if __name__ == "__main__":
    unittest.main()
