"""Faults of the file system and of the database file: each gets one clear
line on stderr and its documented exit code, never a crash, and never a
partial write."""

import os
import resource
import shutil
import sqlite3
import subprocess
import unittest

from rlstest import RLS, RlsCase, messages

CAN_DROP_PRIVILEGES = os.geteuid() == 0 and shutil.which("setpriv") is not None


class FaultCase(RlsCase):
    def make_db(self, nights=60):
        self.ok("demo", "--nights", str(nights), "-q")
        self.assertEqual(self.sql("PRAGMA integrity_check"), [("ok",)])

    def check_failure(self, r, code, text=None):
        self.assertEqual(r.returncode, code, r.stdout + r.stderr)
        lines = messages(r.stderr)
        self.assertEqual(len(lines), 1, r.stderr)
        self.assertTrue(lines[0].startswith("rls: "), lines[0])
        if text:
            self.assertIn(text, lines[0])


@unittest.skipUnless(CAN_DROP_PRIVILEGES, "needs root and setpriv to run as an unprivileged user")
class ReadOnly(FaultCase):
    """File modes do not stop root, so these run rls as nobody."""

    def as_nobody(self, *args):
        return subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", RLS, *args],
                              capture_output=True, text=True, env=self.env(), timeout=60)

    def setUp(self):
        super().setUp()
        os.chmod(self.tmp, 0o755)
        self.make_db()
        shutil.chown(os.path.dirname(self.db), 65534, 65534)
        shutil.chown(self.db, 65534, 65534)
        self.assertEqual(self.as_nobody("list").returncode, 0)

    def test_read_only_file(self):
        os.chmod(self.db, 0o400)
        before = open(self.db, "rb").read()
        self.assertEqual(self.as_nobody("report", "--json").returncode, 0, "reading still works")
        self.check_failure(self.as_nobody("log", "--no-input"), 77, "read-only")
        self.check_failure(self.as_nobody("rate", "-s", "5", "--replace"), 77, "read-only")
        self.assertEqual(open(self.db, "rb").read(), before)

    def test_read_only_directory(self):
        os.chmod(os.path.dirname(self.db), 0o500)
        before = open(self.db, "rb").read()
        self.assertEqual(self.as_nobody("list").returncode, 0)
        self.check_failure(self.as_nobody("log", "--no-input"), 77, "read-only")
        self.assertEqual(open(self.db, "rb").read(), before)
        os.chmod(os.path.dirname(self.db), 0o700)

    def test_unreadable_file(self):
        os.chmod(self.db, 0o000)
        r = self.as_nobody("list")
        self.assertIn(r.returncode, (66, 73, 77))
        self.check_failure(r, r.returncode)


class DiskFull(FaultCase):
    def test_file_size_limit_mid_write_changes_nothing(self):
        self.make_db(30)
        size = os.path.getsize(self.db)
        before = open(self.db, "rb").read()
        export = os.path.join(self.tmp, "big.json")
        other = os.path.join(self.tmp, "other.db")
        self.ok("--db", other, "demo", "--nights", "3000", "-q")
        self.ok("--db", other, "export", "--out", export)

        def limited():
            resource.setrlimit(resource.RLIMIT_FSIZE, (size + 64 * 1024, size + 64 * 1024))

        r = subprocess.run([RLS, "import", export], capture_output=True, text=True,
                           env=self.env(), preexec_fn=limited, timeout=120)
        self.check_failure(r, 74, "nothing was changed")
        self.assertEqual(self.sql("PRAGMA integrity_check"), [("ok",)])
        self.assertEqual(open(self.db, "rb").read(), before, "the import was rolled back whole")


class DamagedFiles(FaultCase):
    def test_zero_byte_file(self):
        os.makedirs(os.path.dirname(self.db))
        open(self.db, "wb").close()
        r = self.run_rls("log", "--no-input")
        self.check_failure(r, 65, "empty file (0 bytes)")
        self.assertEqual(os.path.getsize(self.db), 0)

    def test_text_file(self):
        os.makedirs(os.path.dirname(self.db))
        text = b"Dear diary,\nmy legs were restless again tonight.\n" * 20
        open(self.db, "wb").write(text)
        self.check_failure(self.run_rls("list"), 65, "not an rls database")
        self.check_failure(self.run_rls("log", "--no-input"), 65)
        self.assertEqual(open(self.db, "rb").read(), text)
        self.assertNotIn("Dear diary", self.run_rls("list").stderr)

    def test_truncated_database(self):
        self.make_db(200)
        size = os.path.getsize(self.db)
        with open(self.db, "r+b") as f:
            f.truncate(size // 3)
        for args in (["list", "--weeks", "30"], ["report", "--weeks", "30"], ["export"], ["check"]):
            r = self.run_rls(*args)
            self.assertGreater(r.returncode, 0, args)  # no crash (a signal is negative)
            self.check_failure(r, 65)

    def test_bit_flips(self):
        self.make_db(200)
        page_size = self.sql("PRAGMA page_size")[0][0]
        pages = self.sql("PRAGMA page_count")[0][0]
        # The SQLite header's magic string, then a b-tree page's type byte.
        for offset, label in ((3, "header"), (page_size * (pages // 2), "b-tree page")):
            with self.subTest(label):
                backup = open(self.db, "rb").read()
                with open(self.db, "r+b") as f:
                    f.seek(offset)
                    byte = f.read(1)[0]
                    f.seek(offset)
                    f.write(bytes([byte ^ 0x5A]))
                for args in (["report", "--weeks", "30"], ["export"], ["check"]):
                    r = self.run_rls(*args)
                    self.assertGreaterEqual(r.returncode, 0, "no crash")
                    if r.returncode != 0:
                        self.check_failure(r, 65)
                self.assertNotEqual(self.run_rls("check").returncode, 0, "check finds it")
                open(self.db, "wb").write(backup)


if __name__ == "__main__":
    unittest.main(verbosity=2)
