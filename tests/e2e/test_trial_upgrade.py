"""A trial planned under schema 4 (before the tracked measures of 005) keeps
its fingerprint through the upgrade, sixteen nights of use, a stop of the
next trial, and an export/import round trip. The schema-4 database is built
from the project's own migration files; its trial rows are the ones rls
writes (the trial tables have not changed since 004). The fingerprint is
checked against SHA-256 of `trial show --canonical` taken here, not only
against what rls stores."""

import glob
import hashlib
import os
import re
import sqlite3
import unittest

from rlstest import SOURCE_DIR, RlsCase

MIGRATIONS = sorted(glob.glob(os.path.join(SOURCE_DIR, "migrations", "*.sql")))
TRIAL_TABLES = ("trial", "trial_night", "trial_mark")


def version_of(path):
    return int(re.match(r"(\d+)_", os.path.basename(path)).group(1))


class TrialThroughUpgrade(RlsCase):
    now = "2026-12-01T19:00:00Z"  # 20:00 in Berlin

    def schema_4_with_a_trial(self):
        # The trial as rls plans it, in a scratch database...
        scratch = os.path.join(self.tmp, "scratch.db")
        self.ok("--db", scratch, "trial", "start", "none", "standard x2", "--seed", "77", "-q")
        # ...copied into a database that stops at schema 4.
        os.makedirs(os.path.dirname(self.db), mode=0o700, exist_ok=True)
        con = sqlite3.connect(self.db)
        for path in MIGRATIONS:
            if version_of(path) <= 4:
                with open(path, encoding="utf-8") as f:
                    con.executescript(f.read())
                con.execute(f"PRAGMA user_version = {version_of(path)}")
        con.execute("ATTACH DATABASE ? AS scratch", (scratch,))
        for table in TRIAL_TABLES:
            con.execute(f"INSERT INTO main.{table} SELECT * FROM scratch.{table}")
        con.commit()
        con.execute("DETACH DATABASE scratch")
        self.assertEqual(con.execute("PRAGMA user_version").fetchone(), (4,))
        con.close()
        os.chmod(self.db, 0o600)
        return self.sql_at(scratch, "SELECT fingerprint FROM trial")[0][0]

    @staticmethod
    def sql_at(path, query):
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return con.execute(query).fetchall()
        finally:
            con.close()

    def fingerprint(self):
        """The stored fingerprint, after checking it is the canonical text's."""
        shown = self.json("trial", "show")["fingerprint"]
        canonical = self.ok("trial", "show", "--canonical")
        self.assertEqual(hashlib.sha256(canonical.encode()).hexdigest(), shown)
        return shown

    def test_upgrade_use_and_round_trip_keep_the_fingerprint(self):
        planned = self.schema_4_with_a_trial()
        schedule_before = self.sql("SELECT seq, night, block, arm, washout FROM trial_night")
        self.assertEqual(self.fingerprint(), planned)  # the first command upgrades
        self.assertGreater(self.sql("PRAGMA user_version")[0][0], 4)
        self.assertEqual(self.sql("SELECT seq, night, block, arm, washout FROM trial_night"),
                         schedule_before)
        # Sixteen nights followed, each morning rated.
        for day in range(1, 17):
            self.now = f"2026-12-{day:02}T20:00:00Z"
            arm = self.json("trial", "tonight")["arm"]
            self.ok(*(("trial", "skip") if arm == "none" else ("log", "-n", "2", "--no-input")),
                    "-q")
            self.now = f"2026-12-{day + 1:02}T07:00:00Z"
            self.ok("rate", "--sleep", str(3 + day % 5), "-q")
            self.assertEqual(self.fingerprint(), planned)
        self.now = "2026-12-17T20:00:00Z"
        self.assertEqual(self.json("trial", "status")["followed"], 16)
        self.assertEqual(self.json("trial", "report")["fingerprint"], planned)
        # Export, import into a new database, import again: the same plan.
        exported = os.path.join(self.tmp, "export.json")
        self.ok("export", "-O", exported, "-q")
        other = os.path.join(self.tmp, "other", "rls.db")
        self.ok("--db", other, "import", exported, "-q")
        self.ok("--db", other, "import", exported, "-q")
        self.assertEqual(self.sql_at(other, "SELECT count(*) FROM trial"), [(1,)])
        self.assertEqual(self.sql_at(other, "SELECT fingerprint FROM trial"), [(planned,)])
        self.assertEqual(self.sql_at(other, "SELECT seq, night, block, arm, washout FROM trial_night"),
                         schedule_before)
        self.assertEqual(self.json("--db", other, "trial", "status")["followed"], 16)
        canonical = self.ok("--db", other, "trial", "show", "--canonical")
        self.assertEqual(hashlib.sha256(canonical.encode()).hexdigest(), planned)


if __name__ == "__main__":
    unittest.main(verbosity=2)
