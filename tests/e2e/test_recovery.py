"""A finished guided session is never lost: a busy database is waited for,
and a session that still cannot be stored is kept in a private recovery file
that `rls guide --recover` stores later."""

import glob
import os
import sqlite3
import stat
import subprocess
import threading
import time
import unittest

from rlstest import RLS, RlsCase, messages


class Recovery(RlsCase):
    now = "2026-11-25T20:30:00Z"  # 21:30 in Berlin

    def setUp(self):
        super().setUp()
        self.ok("log", "--at", "2026-11-24 21:00", "-p", "heart=8", "--no-input", "-q")

    def guide_with_lock(self, hold_seconds):
        """Walks one point, then ends the input while another connection
        holds an exclusive lock for hold_seconds (None: until the end)."""
        p = subprocess.Popen([RLS, "guide", "--json"], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env=self.env())
        p.stdin.write("\n\n\n6\n")
        p.stdin.flush()
        time.sleep(1.5)  # the guide has read its catalog and waits for the next answer
        lock = sqlite3.connect(self.db, isolation_level=None, check_same_thread=False)
        lock.execute("BEGIN EXCLUSIVE")
        timer = None
        if hold_seconds is not None:
            timer = threading.Timer(hold_seconds, lambda: lock.execute("ROLLBACK"))
            timer.start()
        p.stdin.close()  # end of input: the guide saves what was done
        p.wait(timeout=60)
        out, err = p.stdout.read(), p.stderr.read()
        p.stdout.close()
        p.stderr.close()
        if timer:
            timer.join()
        else:
            lock.execute("ROLLBACK")
        lock.close()
        return p.returncode, out, err

    def test_busy_database_is_waited_for(self):
        code, out, err = self.guide_with_lock(7)
        self.assertEqual(code, 0, err)
        self.assertIn("busy", err)
        self.assertEqual(self.sql("SELECT count(*) FROM session"), [(2,)])
        self.assertEqual(glob.glob(self.db + ".unsaved-*"), [])

    def test_session_that_cannot_be_stored_is_kept_and_recovered(self):
        code, out, err = self.guide_with_lock(None)
        self.assertEqual(code, 75, err)
        self.assertEqual(out, "")
        files = glob.glob(self.db + ".unsaved-*.json")
        self.assertEqual(len(files), 1, err)
        self.assertIn(files[0], messages(err)[-1])
        self.assertIn("rls guide --recover", messages(err)[-1])
        self.assertEqual(stat.S_IMODE(os.stat(files[0]).st_mode), 0o600)
        self.assertEqual(self.sql("SELECT count(*) FROM session"), [(1,)])

        # The next run says where it is.
        r = self.run_rls("log", "--no-input", "-q", "-p", "heart=3", "--at", "2026-11-23 21:00")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(files[0], r.stderr)

        r = self.run_rls("guide", "--recover")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Stored the guided session", r.stdout)
        self.assertEqual(glob.glob(self.db + ".unsaved-*"), [])
        rows = self.sql("SELECT partial, (SELECT tenderness FROM session_point sp "
                        "WHERE sp.session_id = s.id) FROM session s ORDER BY started_utc DESC "
                        "LIMIT 1")
        self.assertEqual(rows, [(1, 6)])
        self.assertIn("No guided session", self.ok("guide", "--recover"))


if __name__ == "__main__":
    unittest.main(verbosity=2)
