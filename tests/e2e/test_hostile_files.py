"""Files rls must not touch: another program's SQLite file, a file that is not
a database, a FIFO, a symlink, a database planted by another user or in a
directory others can write, and a database with a planted trigger. Each is
refused with its bytes (and mode) unchanged, by every command. The ownership
cases run as an unprivileged user (nobody) when the tests run as root."""

import hashlib
import os
import shutil
import sqlite3
import stat
import subprocess
import unittest

from rlstest import RLS, RlsCase, messages

IS_ROOT = os.geteuid() == 0
CAN_DROP = IS_ROOT and shutil.which("setpriv") is not None
NOBODY = 65534

COMMANDS = [["list"], ["check"], ["export"], ["report"], ["show", "1"],
            ["log", "--no-input", "-p", "heart=3"], ["rate", "-s", "5"],
            ["config", "cutoff", "05:00"], ["import", "-"]]


def fingerprint(path):
    st = os.lstat(path)
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest(), stat.S_IMODE(st.st_mode), st.st_mtime_ns


class Hostile(RlsCase):
    def setUp(self):
        super().setUp()
        os.makedirs(os.path.dirname(self.db), mode=0o700)

    def refused_untouched(self, path, code, text, commands=COMMANDS, runner=None, journal=False):
        runner = runner or (lambda *a: self.run_rls("--db", path, *a, input="{}"))
        before = fingerprint(path)
        for args in commands:
            r = runner(*args)
            self.assertEqual(r.returncode, code, f"{args}: {r.stderr}")
            self.assertEqual(len(messages(r.stderr)), 1, r.stderr)
            self.assertIn(text, messages(r.stderr)[0], args)
            self.assertEqual(fingerprint(path), before, f"rls {args} changed {path}")
        self.assertEqual(os.path.exists(path + "-journal"), journal)

    def own(self, path):
        """Gives path to the user rls runs as."""

    def foreign(self, path, user_version=0, application_id=0):
        con = sqlite3.connect(path)
        con.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
        con.execute("INSERT INTO photos (name) VALUES ('beach')")
        con.execute(f"PRAGMA user_version = {user_version}")
        con.execute(f"PRAGMA application_id = {application_id}")
        con.commit()
        con.close()
        os.chmod(path, 0o644)

    def test_foreign_sqlite_file_is_refused_untouched_by_every_command(self):
        path = os.path.join(os.path.dirname(self.db), "photos.db")
        self.foreign(path)
        self.refused_untouched(path, 65, "another program")
        self.assertEqual(stat.S_IMODE(os.stat(path).st_mode), 0o644, "mode kept")

    def test_foreign_file_with_a_schema_version_is_refused(self):
        path = os.path.join(os.path.dirname(self.db), "other.db")
        self.foreign(path, user_version=3, application_id=42)
        self.refused_untouched(path, 65, "application_id 42", [["check"], ["export"]])

    def test_text_file_keeps_its_mode(self):
        path = os.path.join(os.path.dirname(self.db), "notes.txt")
        with open(path, "w") as f:
            f.write("my notes\n" * 20)
        os.chmod(path, 0o644)
        self.refused_untouched(path, 65, "not an SQLite file", [["list"], ["check"]])

    def test_blank_sqlite_file_becomes_a_database(self):
        con = sqlite3.connect(self.db)
        con.execute("VACUUM")
        con.close()
        self.own(self.db)
        self.ok("log", "--no-input", "-q", "-p", "heart=3")
        self.assertEqual(self.sql("SELECT count(*) FROM session"), [(1,)])

    def test_fifo_is_refused_without_hanging(self):
        path = os.path.join(self.tmp, "fifo")
        os.mkfifo(path)
        os.chmod(path, 0o666)  # reachable by nobody in the unprivileged run
        r = self.run_rls("--db", path, "list")
        self.assertEqual(r.returncode, 65, r.stderr)
        self.assertIn("not a regular file", r.stderr)

    def test_symlink_to_a_database_is_used_and_kept_a_link(self):
        self.ok("log", "--no-input", "-q", "-p", "heart=3")
        os.chmod(self.db, 0o644)
        link = os.path.join(self.tmp, "link.db")
        os.symlink(self.db, link)
        self.ok("--db", link, "log", "--no-input", "-q", "-p", "heart=4", "--at", "2026-11-23 21:00")
        self.assertTrue(os.path.islink(link))
        self.assertEqual(stat.S_IMODE(os.stat(self.db).st_mode), 0o600, "the checked target")
        self.assertEqual(self.sql("SELECT count(*) FROM session"), [(2,)])

    def test_symlink_to_a_foreign_file_changes_nothing(self):
        path = os.path.join(self.tmp, "photos.db")
        self.foreign(path)
        link = os.path.join(os.path.dirname(self.db), "rls.db")
        os.symlink(path, link)
        self.refused_untouched(path, 65, "another program", [["list"], ["check"]])
        self.assertEqual(stat.S_IMODE(os.stat(path).st_mode), 0o644)

    def test_planted_trigger_is_refused_before_it_runs(self):
        self.ok("log", "--no-input", "-q", "-p", "heart=3")
        con = sqlite3.connect(self.db)
        con.execute("CREATE TABLE leak (note TEXT)")
        con.execute("CREATE TRIGGER steal AFTER INSERT ON session BEGIN "
                    "INSERT INTO leak VALUES (new.note); END")
        con.commit()
        con.close()
        for args in (["check"], ["log", "--no-input", "-p", "heart=3", "--note", "secret"]):
            r = self.run_rls(*args)
            self.assertEqual(r.returncode, 65, r.stderr)
            self.assertIn("trigger rls did not make ('steal')", messages(r.stderr)[0])
        self.assertEqual(self.sql("SELECT count(*) FROM leak"), [(0,)])

    def test_a_database_of_another_user_is_refused(self):
        if not IS_ROOT:
            self.skipTest("needs root to give a file to another user")
        self.ok("log", "--no-input", "-q", "-p", "heart=3")
        os.chown(self.db, NOBODY, NOBODY)
        self.refused_untouched(self.db, 77, "belongs to another user", [["list"], ["check"]])


@unittest.skipUnless(CAN_DROP, "needs root and setpriv to run as an unprivileged user")
class HostileAsNobody(Hostile):
    """The same refusals, and the ownership ones, for an ordinary user."""

    def setUp(self):
        super().setUp()
        os.chmod(self.tmp, 0o755)
        shutil.chown(os.path.dirname(self.db), NOBODY, NOBODY)
        shutil.chown(self.home, NOBODY, NOBODY)

    def run_rls(self, *args, input=None, env=None, **extra_env):
        merged = self.env(**extra_env)
        if env:
            merged.update(env)
        return subprocess.run(["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups",
                               RLS, *args], input=input, capture_output=True, text=True,
                              env=merged, timeout=60)

    def own(self, path):
        os.chown(path, NOBODY, NOBODY)

    def foreign(self, path, **kw):
        super().foreign(path, **kw)
        self.own(path)

    def test_fifo_is_refused_without_hanging(self):
        os.chmod(self.tmp, 0o777)  # nobody needs to reach the FIFO; tmp is ours
        super().test_fifo_is_refused_without_hanging()

    def test_a_database_of_another_user_is_refused(self):
        self.ok("log", "--no-input", "-q", "-p", "heart=3")
        os.chown(self.db, 0, 0)
        os.chmod(self.db, 0o666)
        self.refused_untouched(self.db, 77, "belongs to another user",
                               [["list"], ["log", "--no-input", "-p", "heart=3"]])

    def test_a_directory_others_can_write_is_refused(self):
        self.ok("log", "--no-input", "-q", "-p", "heart=3")
        for mode in (0o777, 0o1777, 0o770):
            os.chmod(os.path.dirname(self.db), mode)
            self.refused_untouched(self.db, 77, "writable by other users",
                                   [["list"], ["log", "--no-input", "-p", "heart=3"]])

    def test_a_new_database_is_not_made_in_a_directory_others_can_write(self):
        os.chmod(os.path.dirname(self.db), 0o777)
        r = self.run_rls("log", "--no-input", "-p", "heart=3")
        self.assertEqual(r.returncode, 77, r.stderr)
        self.assertEqual(os.listdir(os.path.dirname(self.db)), [])

    def test_a_journal_planted_by_another_user_is_refused(self):
        self.ok("log", "--no-input", "-q", "-p", "heart=3")
        journal = self.db + "-journal"
        with open(journal, "wb") as f:
            f.write(b"\0" * 512)
        os.chmod(journal, 0o644)  # owned by root, not by nobody
        self.refused_untouched(self.db, 77, "belongs to another user", [["list"]], journal=True)
        with open(journal, "rb") as f:
            self.assertEqual(f.read(), b"\0" * 512)
        os.unlink(journal)


if __name__ == "__main__":
    unittest.main(verbosity=2)
