"""A finished guided session is never lost: a busy database is waited for,
and a session that still cannot be stored is kept in a private recovery file
that `rls guide --recover` stores later."""

import glob
import json
import os
import resource
import shutil
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

    def test_a_routine_removed_meanwhile_is_kept_for_the_session(self):
        self.ok("routines", "add", "mine", "--points", "left.heart,right.ball", "-q")
        p = subprocess.Popen([RLS, "guide", "-r", "mine", "--json"], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env=self.env())
        p.stdin.write("\n\n\n6\n")
        p.stdin.flush()
        time.sleep(1.5)  # the guide has read its routine and waits for the next answer
        self.ok("routines", "remove", "mine")
        out, err = p.communicate(timeout=60)
        self.assertEqual(p.returncode, 0, err)
        self.assertEqual(json.loads(out)["routine"], "mine")
        self.assertNotIn("mine", self.ok("routines"))  # still removed, but kept for it
        self.assertIn("mine", self.ok("routines", "--all"))
        self.assertEqual(glob.glob(self.db + ".unsaved-*"), [])

    def test_a_full_disk_never_loses_the_session(self):
        size = os.path.getsize(self.db)

        def limit():  # no file may grow past the database's size: its journal cannot be written
            resource.setrlimit(resource.RLIMIT_FSIZE, (2048, 2048))

        r = subprocess.run([RLS, "guide", "--json"], input="\n\n\n6\n", capture_output=True,
                           text=True, env=self.env(), preexec_fn=limit, timeout=60)
        self.assertEqual(r.returncode, 74, r.stderr)
        # The last message (after the session itself, when it is printed).
        last = messages(r.stderr[r.stderr.rfind("}") + 1:])[-1]
        self.assertRegex(last, "disk is full|input/output error")
        self.assertEqual(os.path.getsize(self.db), size)
        files = glob.glob(self.db + ".unsaved-*.json")
        if files:  # kept in a file: the next run stores it
            self.ok("guide", "--recover")
        else:  # no file could be written either: it is on stderr, ready to import
            self.assertIn("printed above", last)
            doc = r.stderr[r.stderr.index("{"):r.stderr.rindex("}") + 1]
            path = os.path.join(self.tmp, "saved.json")
            with open(path, "w") as f:
                f.write(doc)
            self.ok("import", path)
        rows = self.sql("SELECT (SELECT tenderness FROM session_point sp "
                        "WHERE sp.session_id = s.id) FROM session s ORDER BY started_utc DESC "
                        "LIMIT 1")
        self.assertEqual(rows, [(6,)])


@unittest.skipUnless(os.geteuid() == 0 and shutil.which("setpriv"),
                     "needs root and setpriv to run rls as an unprivileged user")
class RecoveryInTheTempDir(RlsCase):
    """File modes do not stop root, so this runs rls as nobody."""
    now = "2026-11-25T20:30:00Z"

    def as_nobody(self, *args, input=None, **env):
        return subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                               RLS, *args], input=input, capture_output=True, text=True,
                              env=self.env(**env), timeout=60)

    def test_a_file_kept_in_the_temp_dir_is_found_by_the_next_run(self):
        os.chmod(self.tmp, 0o755)
        temp = os.path.join(self.tmp, "temp")
        os.makedirs(temp)
        shutil.chown(temp, 65534, 65534)
        self.ok("log", "--at", "2026-11-24 21:00", "-p", "heart=8", "--no-input", "-q")
        data = os.path.dirname(self.db)
        shutil.chown(data, 65534, 65534)
        shutil.chown(self.db, 65534, 65534)
        os.chmod(data, 0o500)  # the data directory cannot take a journal nor a recovery file
        r = self.as_nobody("guide", "--json", input="\n\n\n6\n", TMPDIR=temp)
        self.assertEqual(r.returncode, 77, r.stderr)
        kept = glob.glob(os.path.join(temp, "rls-unsaved-*.json"))
        self.assertEqual(len(kept), 1, r.stderr)
        self.assertIn(kept[0], messages(r.stderr)[-1])
        os.chmod(data, 0o700)
        # Another user's file in the shared temp dir is never offered.
        planted = os.path.join(temp, os.path.basename(kept[0]).replace(".json", "x.json"))
        shutil.copy(kept[0], planted)
        os.chmod(planted, 0o600)  # owned by root, not by the user rls runs as
        r = self.as_nobody("log", "--no-input", "-q", "-p", "heart=3", "--at",
                           "2026-11-23 21:00", TMPDIR=temp)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(kept[0], r.stderr)
        self.assertNotIn(planted, r.stderr)
        r = self.as_nobody("guide", "--recover", TMPDIR=temp)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(glob.glob(os.path.join(temp, "rls-unsaved-*.json")), [planted])
        self.assertEqual(self.sql("SELECT count(*) FROM session"), [(3,)])


if __name__ == "__main__":
    unittest.main(verbosity=2)
