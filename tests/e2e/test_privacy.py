"""Health data stays private: under a permissive umask the database, its
journal, backups, exports and upgrade backups are 0600 and the data
directory 0700; no note or rating text ever appears in an error."""

import os
import sqlite3
import stat
import subprocess
import time
import unittest

from rlstest import RLS, RlsCase

SECRET = "my very private night-time words"


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


class Privacy(RlsCase):
    def run_with_umask(self, umask, *args, wait=True):
        def set_umask():
            os.umask(umask)
        p = subprocess.Popen([RLS, *args], env=self.env(), stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, preexec_fn=set_umask)
        if not wait:
            return p
        out, err = p.communicate(timeout=60)
        self.assertEqual(p.returncode, 0, err)
        return out

    def check_umask(self, umask):
        self.run_with_umask(umask, "log", "--no-input", "--note", SECRET, "-q")
        self.assertEqual(mode(self.db), 0o600)
        self.assertEqual(mode(os.path.dirname(self.db)), 0o700)
        backup = os.path.join(self.tmp, f"backup-{umask:o}.db")
        self.run_with_umask(umask, "backup", backup, "-q")
        self.assertEqual(mode(backup), 0o600)
        for fmt in ("json", "csv"):
            out = os.path.join(self.tmp, f"export-{umask:o}.{fmt}")
            self.run_with_umask(umask, "export", "--format", fmt, "--out", out, "-q")
            self.assertEqual(mode(out), 0o600)

        # The journal: hold a read lock so that rls waits at commit with its
        # journal written, and look at it then.
        reader = sqlite3.connect(self.db, isolation_level=None)
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM session").fetchone()
        writer = self.run_with_umask(umask, "log", "--no-input", "-q", wait=False)
        journal = self.db + "-journal"
        deadline = time.monotonic() + 4
        while not os.path.exists(journal) and time.monotonic() < deadline:
            time.sleep(0.01)
        self.assertTrue(os.path.exists(journal), "rls should be waiting with its journal open")
        self.assertEqual(mode(journal), 0o600)
        reader.execute("COMMIT")
        reader.close()
        _, err = writer.communicate(timeout=30)
        self.assertEqual(writer.returncode, 0, err)

    def test_umask_022(self):
        self.check_umask(0o022)

    def test_umask_002(self):
        self.check_umask(0o002)

    def test_an_existing_database_is_made_private(self):
        self.ok("log", "--no-input", "-q")
        os.chmod(self.db, 0o644)
        self.ok("list")
        self.assertEqual(mode(self.db), 0o600)

    def test_no_private_text_in_errors(self):
        self.ok("log", "--no-input", "--note", SECRET, "-q")
        self.ok("rate", "-s", "5", "--note", SECRET, "-q")
        attempts = [
            ["log", "--note", SECRET, "--before", "11"],
            ["log", "--note", SECRET * 400],
            ["rate", "--note", SECRET, "--replace", "--sleep", "x"],
            ["edit", "1", "--note", SECRET, "--rounds", "0"],
            ["import", os.path.join(self.tmp, "none.json")],
            ["delete", "1"],
            ["backup", self.db],
        ]
        for args in attempts:
            r = self.run_rls(*args, "--no-input")
            self.assertNotEqual(r.returncode, 0, args)
            self.assertNotIn("private", r.stderr, args)
        # A damaged database's error does not leak its contents either.
        with open(self.db, "r+b") as f:
            f.seek(0)
            f.write(b"garbage!" * 4)
        r = self.run_rls("list")
        self.assertEqual(r.returncode, 65)
        self.assertNotIn("private", r.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
