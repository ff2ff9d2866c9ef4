"""Concurrency and crash safety: writers racing each other, and writers
killed with SIGKILL at random moments. After every kill the database opens,
passes its integrity check, holds every session whose command reported
success, and holds an import wholly or not at all."""

import glob
import json
import os
import random
import sqlite3
import stat
import subprocess
import time
import unittest

from rlstest import RLS, SOURCE_DIR, RlsCase

RNG = random.Random(20261125)  # fixed, so a failure can be replayed


def seconds(run, times=5):
    """Median wall time of run(): kills are timed against the command's own
    duration on this machine, idle or loaded, rather than a fixed number of
    milliseconds that a faster rls or a busier machine makes wrong."""
    spans = []
    for _ in range(times):
        start = time.monotonic()
        run()
        spans.append(time.monotonic() - start)
    return sorted(spans)[len(spans) // 2]


class Torture(RlsCase):
    def integrity(self):
        self.assertEqual(self.sql("PRAGMA integrity_check"), [("ok",)])
        self.assertEqual(self.sql("PRAGMA foreign_key_check"), [])

    def journal_is_private(self):
        journal = self.db + "-journal"
        if os.path.exists(journal):
            self.assertEqual(stat.S_IMODE(os.stat(journal).st_mode), 0o600)

    def test_four_writers_at_once(self):
        self.ok("points", "-q")  # create the database
        script = (f'for i in $(seq 100); do "{RLS}" log --no-input -q -p heart=$((i % 11)) '
                  f'-o lavender -t w$W || exit 1; done')
        procs = [subprocess.Popen(["bash", "-c", script], env=self.env(W=str(w)),
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for w in range(4)]
        for p in procs:
            out, err = p.communicate(timeout=300)
            self.assertEqual(p.returncode, 0, err)
            self.assertEqual(err, "", "busy waits, never errors")
        self.assertEqual(self.sql("SELECT count(*) FROM session"), [(400,)])
        self.assertEqual(self.sql("SELECT count(*) FROM session_point"), [(400,)])
        self.assertEqual(sorted(self.sql("SELECT t.name, count(*) FROM session_tag s JOIN tag t "
                                         "ON t.id = s.tag_id GROUP BY t.name")),
                         [("w0", 100), ("w1", 100), ("w2", 100), ("w3", 100)])
        self.integrity()

    def test_killed_while_logging(self):
        self.ok("demo", "--nights", "400", "-q")
        took = seconds(lambda: self.ok("log", "--no-input", "-q", "-p", "heart=5", "-p", "ball=2",
                                       "-o", "valerian:3"))
        reported = []
        # Attempts go on until 20 kills have landed mid-command: under load a
        # command's duration varies by more than any fixed window.
        kills = i = 0
        while kills < 20 and i < 150:
            i += 1
            p = subprocess.Popen([RLS, "log", "--no-input", "--json", "-p", "heart=5", "-p", "ball=2",
                                  "-o", "valerian:3", "--note", f"attempt {i}"],
                                 env=self.env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            # Most kills land inside the command, some after it has finished.
            time.sleep(RNG.uniform(0, 0.9 * took))
            p.kill()
            out, _ = p.communicate()
            if p.returncode == 0:
                reported.append(json.loads(out)["uuid"])
            else:
                kills += 1
            self.journal_is_private()
            r = self.run_rls("check", "--json")
            self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
            present = {u for (u,) in self.sql("SELECT uuid FROM session")}
            self.assertTrue(set(reported) <= present, "a reported session was lost")
        self.assertGreaterEqual(kills, 20, "enough kills landed mid-command")
        self.integrity()

    def test_killed_while_importing(self):
        source = os.path.join(self.tmp, "source.db")
        self.ok("--db", source, "demo", "--nights", "2500", "-q")
        export = os.path.join(self.tmp, "big.json")
        self.ok("--db", source, "export", "--out", export)
        with open(export) as f:
            total = len(json.load(f)["sessions"])
        scratch = os.path.join(self.tmp, "scratch.db")

        def import_once():
            if os.path.exists(scratch):
                os.remove(scratch)
            self.ok("--db", scratch, "import", export, "-q")

        took = seconds(import_once, times=3)
        self.ok("log", "--no-input", "-q")
        kills = attempts = 0
        # An import into the one-session diary can be quicker than the timed
        # one into a new file, and a kill after its commit does not count:
        # the window is the first half of that time, and attempts go on.
        while kills < 20 and attempts < 100:
            attempts += 1
            p = subprocess.Popen([RLS, "import", export, "-q"], env=self.env(),
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            time.sleep(RNG.uniform(0.02, 0.5) * took)
            p.kill()
            p.wait()
            if p.returncode != 0:
                # Before the read-only count: rls rolls back a hot journal.
                self.journal_is_private()
                self.assertEqual(self.run_rls("check").returncode, 0)
            count = self.sql("SELECT count(*) FROM session")[0][0]
            self.assertIn(count, (1, total + 1), "an import is stored whole or not at all")
            if p.returncode == 0:
                self.assertEqual(count, total + 1)
            if count == total + 1:
                # It finished first (the machine got faster), or was killed
                # after its commit: whole, then back to the one-session
                # diary for the next attempt.
                for leftover in glob.glob(self.db + "*"):
                    os.remove(leftover)
                self.ok("log", "--no-input", "-q")
                continue
            kills += 1
        self.assertGreaterEqual(kills, 20)
        self.ok("import", export, "-q")
        self.assertEqual(self.sql("SELECT count(*) FROM session"), [(total + 1,)])
        self.integrity()

    def test_killed_while_upgrading(self):
        old = [p for p in sorted(glob.glob(os.path.join(SOURCE_DIR, "migrations", "*.sql")))]

        def schema_one():
            for leftover in glob.glob(self.db + "*"):
                os.remove(leftover)
            os.makedirs(os.path.dirname(self.db), exist_ok=True)
            con = sqlite3.connect(self.db)
            with open(old[0], encoding="utf-8") as f:
                con.executescript(f.read())
            con.execute("PRAGMA user_version = 1")
            con.executemany("INSERT INTO tag (uuid, name) VALUES (?, ?)",
                            [(f"00000000-0000-4000-8000-{i:012d}", f"t{i}") for i in range(3000)])
            con.commit()
            con.close()

        def upgrade():
            schema_one()
            start = time.monotonic()
            self.ok("list")
            return time.monotonic() - start

        took = sorted(upgrade() for _ in range(3))[1]
        # Under load an upgrade's duration varies by more than the window, so
        # attempts go on until enough kills land, not a fixed number of times.
        kills = attempts = 0
        while kills < 12 and attempts < 60:
            attempts += 1
            schema_one()
            p = subprocess.Popen([RLS, "list"], env=self.env(), stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
            time.sleep(RNG.uniform(0, 0.9 * took))
            p.kill()
            p.wait()
            kills += p.returncode != 0
            # Whatever happened, the next rls sees a whole old or whole new schema.
            con = sqlite3.connect(self.db)
            version = con.execute("PRAGMA user_version").fetchone()[0]
            columns = {row[1] for row in con.execute("PRAGMA table_info(session)")}
            con.close()
            # Each migration commits on its own: any whole version is fine.
            self.assertIn(version, range(1, len(old) + 1))
            self.assertEqual("partial" in columns, version >= 2, "never a mix")
            self.assertEqual(self.run_rls("list").returncode, 0)
            self.assertEqual(self.sql("SELECT count(*) FROM tag"), [(3000,)])
            self.integrity()
        self.assertGreaterEqual(kills, 10)


if __name__ == "__main__":
    unittest.main(verbosity=2)
