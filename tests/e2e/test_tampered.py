"""A database changed behind rls's back: values outside the CHECK ranges
(written with ignore_check_constraints), text that is not UTF-8, and an
import of an endless file. `check` finds what would break the other
commands, and those commands fail quickly and clearly instead of hanging or
eating memory."""

import os
import resource
import sqlite3
import subprocess
import time
import unittest

from rlstest import RLS, RlsCase

CAN_DROP = os.geteuid() == 0 and __import__("shutil").which("setpriv") is not None


# AddressSanitizer reserves terabytes of address space for its shadow memory,
# so under the sanitizer preset (which sets ASAN_OPTIONS) only the time bound
# is checked; the plain build checks memory.
SANITIZED = "ASAN_OPTIONS" in os.environ


def limited(mb):
    """Run with an address-space limit: a command that balloons fails."""
    def apply():
        if not SANITIZED:
            resource.setrlimit(resource.RLIMIT_AS, (mb << 20, mb << 20))
    return apply


class Tampered(RlsCase):
    def setUp(self):
        super().setUp()
        self.ok("log", "--no-input", "-q", "-p", "heart=3", "--note", "fine")
        self.ok("rate", "-q", "-s", "6", "--night", "2026-11-24")

    def tamper(self, *statements):
        con = sqlite3.connect(self.db)
        con.execute("PRAGMA ignore_check_constraints = ON")
        for s in statements:
            con.execute(s)
        con.commit()
        con.close()

    def run_limited(self, *args, mb=512):
        start = time.monotonic()
        r = subprocess.run([RLS, *args], capture_output=True, text=True, env=self.env(),
                           timeout=20, preexec_fn=limited(mb))
        return r, time.monotonic() - start

    def test_a_huge_tenderness_is_found_and_refused_quickly(self):
        self.tamper("UPDATE session_point SET tenderness = 1000000000")
        for args in (["show", "1"], ["export"], ["list"]):
            r, seconds = self.run_limited(*args)
            self.assertEqual(r.returncode, 65, f"{args}: {r.stderr}")
            self.assertIn("outside 0..10", r.stderr)
            self.assertLess(seconds, 5, args)
        r, seconds = self.run_limited("report")
        self.assertLess(seconds, 5)
        r = self.run_rls("check")
        self.assertEqual(r.returncode, 65, r.stderr)
        self.assertIn("failed its check", r.stderr)
        self.assertRegex(r.stdout, "session_point|tenderness 1000000000")

    def test_out_of_range_ratings_are_found(self):
        self.tamper("UPDATE rating SET sleep = 99")
        r = self.run_rls("check")
        self.assertEqual(r.returncode, 65, r.stderr)
        self.assertIn("outside 0..10", self.fails(65, "export"))

    def test_invalid_utf8_note_fails_export_clearly_and_check_finds_it(self):
        con = sqlite3.connect(self.db)
        con.execute("UPDATE session SET note = CAST(X'66FF6F' AS TEXT)")
        con.commit()
        con.close()
        self.assertIn("not valid UTF-8", self.fails(65, "export"))
        r = self.run_rls("check", "--json")
        self.assertEqual(r.returncode, 65)
        self.assertIn("not valid UTF-8", r.stdout)

    def test_import_of_an_endless_file_stops_at_the_cap(self):
        if not os.path.exists("/dev/zero"):
            self.skipTest("no /dev/zero")
        r, seconds = self.run_limited("import", "/dev/zero", mb=1024)
        self.assertEqual(r.returncode, 65, r.stderr)
        self.assertIn("larger than 64 MiB", r.stderr)
        self.assertLess(seconds, 15)

    @unittest.skipUnless(CAN_DROP, "needs root and setpriv to run as an unprivileged user")
    def test_as_an_unprivileged_user(self):
        os.chmod(self.tmp, 0o755)
        os.chown(os.path.dirname(self.db), 65534, 65534)
        os.chown(self.db, 65534, 65534)
        self.tamper("UPDATE session_point SET tenderness = 1000000000")
        os.chown(self.db, 65534, 65534)
        r = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", RLS,
                            "show", "1"], capture_output=True, text=True, env=self.env(),
                           timeout=20, preexec_fn=limited(512))
        self.assertEqual(r.returncode, 65, r.stderr)
        self.assertIn("outside 0..10", r.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
