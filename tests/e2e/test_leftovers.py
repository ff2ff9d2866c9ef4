"""A command that fails on a database file it has just created leaves no file
behind (a failed demo, a log with a wrong name), while a file that was there
before, or one that holds data, is never removed."""

import os
import resource
import signal
import subprocess
import time
import unittest

from rlstest import RLS, RlsCase


class NothingLeftBehind(RlsCase):
    def setUp(self):
        super().setUp()
        os.makedirs(os.path.dirname(self.db), mode=0o700)
        self.dir = os.path.dirname(self.db)

    def assert_no_files(self):
        self.assertEqual(os.listdir(self.dir), [], "a failed command left files behind")

    def test_a_log_that_fails_on_a_new_file_creates_nothing(self):
        self.fails(64, "log", "--no-input", "-r", "no-such-routine")
        self.assert_no_files()

    def test_an_interrupted_demo_on_a_new_file_leaves_nothing(self):
        p = subprocess.Popen([RLS, "demo", "--nights", "9000"], env=self.env(),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        # Wait until the demo is writing (its file exists), then interrupt it.
        deadline = time.monotonic() + 30
        while not os.path.exists(self.db) and time.monotonic() < deadline:
            time.sleep(0.005)
        time.sleep(0.2)
        p.send_signal(signal.SIGINT)
        out, err = p.communicate(timeout=60)
        if p.returncode == 0:
            self.skipTest("the demo finished before the signal arrived")
        self.assertEqual(p.returncode, 130, err)
        self.assertIn("interrupted", err)
        self.assert_no_files()

    def test_a_demo_that_fills_the_disk_leaves_nothing(self):
        def limit():
            resource.setrlimit(resource.RLIMIT_FSIZE, (600 * 1024, 600 * 1024))

        r = subprocess.run([RLS, "demo", "--nights", "9000"], env=self.env(),
                           capture_output=True, text=True, preexec_fn=limit, timeout=60)
        self.assertEqual(r.returncode, 74, r.stderr)
        self.assert_no_files()

    def test_a_file_that_was_there_before_is_kept(self):
        self.ok("list")  # creates the (empty) database
        before = self.db_digest()
        self.fails(64, "log", "--no-input", "-r", "no-such-routine")
        self.assertEqual(self.db_digest(), before)

    def test_a_successful_demo_keeps_its_file(self):
        self.ok("demo", "--nights", "10")
        self.assertTrue(os.path.exists(self.db))


if __name__ == "__main__":
    unittest.main()
