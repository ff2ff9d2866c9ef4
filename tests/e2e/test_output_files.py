"""Where export --out and backup write: never over the database or its
journals, through a symlink (the link stays), through a FIFO (it stays a
FIFO), refused for backup; no hidden temp copy survives SIGINT, SIGTERM or
SIGHUP, and one left by a killed run is removed by the next. After a change
is committed, a failure to print its confirmation exits 0. Devices are only
tested with a FIFO made here: nothing outside the temp dir is written."""

import fcntl
import glob
import os
import shutil
import signal
import stat
import subprocess
import threading
import time
import unittest

from rlstest import RLS, RlsCase


class Output(RlsCase):
    def setUp(self):
        super().setUp()
        self.ok("demo", "--nights", "30", "-q", "--db", self.db)
        self.out_dir = os.path.join(self.tmp, "out")
        os.makedirs(self.out_dir, mode=0o700)

    def hidden(self):
        names = os.listdir(self.out_dir) + os.listdir(os.path.dirname(self.db))
        return [n for n in names if n.startswith(".")]

    def test_export_refuses_the_database_and_its_journals(self):
        before = self.db_digest()
        link = os.path.join(self.out_dir, "hard.db")
        os.link(self.db, link)
        for target in (self.db, link, self.db + "-journal", self.db + "-wal"):
            line = self.fails(64, "export", "--out", target)
            self.assertIn("database", line)
        self.assertEqual(self.db_digest(), before)
        self.assertFalse(os.path.exists(self.db + "-wal"))
        self.assertEqual(self.hidden(), [])

    def test_backup_refuses_the_database_by_inode(self):
        link = os.path.join(self.out_dir, "hard.db")
        os.link(self.db, link)
        before = self.db_digest()
        self.assertIn("the database itself", self.fails(64, "backup", "--force", link))
        self.assertEqual(self.db_digest(), before)

    def test_symlink_is_written_through_and_kept(self):
        real = os.path.join(self.out_dir, "real.json")
        with open(real, "w") as f:
            f.write("old")
        link = os.path.join(self.out_dir, "link.json")
        os.symlink(real, link)
        self.ok("export", "--out", link)
        self.assertTrue(os.path.islink(link))
        with open(real) as f:
            self.assertIn('"format": "rls-export/1"', f.read())
        self.assertEqual(stat.S_IMODE(os.stat(real).st_mode), 0o600)
        self.ok("backup", "--force", link, "-q")
        self.assertTrue(os.path.islink(link))
        with open(real, "rb") as f:
            self.assertEqual(f.read(16), b"SQLite format 3\0")

    def test_dangling_symlink_is_refused(self):
        link = os.path.join(self.out_dir, "dangling.json")
        os.symlink(os.path.join(self.out_dir, "missing", "x.json"), link)
        self.assertIn("missing file", self.fails(64, "export", "--out", link))
        self.assertTrue(os.path.islink(link))

    def test_fifo_is_written_through_by_export_and_refused_by_backup(self):
        fifo = os.path.join(self.out_dir, "pipe")
        os.mkfifo(fifo, 0o600)
        received = []
        def read():
            with open(fifo, "rb") as f:
                received.append(f.read())
        reader = threading.Thread(target=read)
        reader.start()
        r = self.run_rls("export", "--out", fifo)
        reader.join(timeout=30)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout, "", "nothing added to what may be stdout")
        self.assertIn(b'"format": "rls-export/1"', received[0])
        self.assertTrue(stat.S_ISFIFO(os.lstat(fifo).st_mode))
        self.assertIn("FIFO", self.fails(64, "backup", "--force", fifo))
        self.assertTrue(stat.S_ISFIFO(os.lstat(fifo).st_mode))
        self.assertEqual(self.hidden(), [])

    def test_stale_temp_copies_are_removed_and_live_ones_kept(self):
        target = os.path.join(self.out_dir, "x.json")
        stale = os.path.join(self.out_dir, ".x.json.Ab12Cd")
        live = os.path.join(self.out_dir, ".x.json.Zz98Yy")
        mine = os.path.join(self.out_dir, ".x.json.keepme")
        for path, text in ((stale, '{\n  "format": "rls-export/1"'), (live, ""),
                           (mine, "the user's own file")):
            with open(path, "w") as f:
                f.write(text)
        with open(stale + "-journal", "w") as f:
            f.write("j")
        holder = open(live)
        fcntl.flock(holder, fcntl.LOCK_EX)  # a run still writing it
        try:
            self.ok("export", "--out", target)
        finally:
            holder.close()
        self.assertEqual(sorted(os.listdir(self.out_dir)), [".x.json.Zz98Yy", ".x.json.keepme", "x.json"])

    @unittest.skipUnless(shutil.which("strace"), "needs strace to hold rls while it writes")
    def test_signals_leave_no_hidden_copy(self):
        """strace delays rls's fsync of the temp copy (before the rename) so
        that the signal arrives while the hidden copy exists."""
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            for args in (["export", "--out"], ["backup", "--force"]):
                target = os.path.join(self.out_dir, "copy")
                trace = os.path.join(self.tmp, "trace")
                p = subprocess.Popen(["strace", "-f", "-o", trace, "-e", "trace=fsync,fdatasync",
                                      "-e", "inject=fsync,fdatasync:delay_enter=1000000",
                                      RLS, *args, target], env=self.env(),
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
                deadline = time.monotonic() + 20
                while not self.hidden() and time.monotonic() < deadline:
                    time.sleep(0.01)
                self.assertTrue(self.hidden(), "the temp copy exists while its fsync is held")
                with open(f"/proc/{p.pid}/task/{p.pid}/children") as f:
                    os.kill(int(f.read().split()[0]), sig)
                p.wait(timeout=30)
                p.stderr.close()
                self.assertEqual(self.hidden(), [], f"{args} {sig!r}")
                self.assertFalse(os.path.exists(target))


class CommittedOutput(RlsCase):
    def test_a_saved_change_exits_0_when_its_confirmation_cannot_be_printed(self):
        # stdout closed
        r = subprocess.run([RLS, "log", "--no-input", "-p", "heart=3"], env=self.env(),
                           stdout=None, stderr=subprocess.PIPE, text=True,
                           preexec_fn=lambda: os.close(1))
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("was saved", r.stderr)
        # a pipe whose reader has gone (| head -c0)
        read_end, write_end = os.pipe()
        os.close(read_end)
        r = subprocess.run([RLS, "rate", "-s", "6", "--night", "2026-11-24"], env=self.env(),
                           stdout=write_end, stderr=subprocess.PIPE, text=True)
        os.close(write_end)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("was saved", r.stderr)
        # import, twice: the retry changes nothing
        export = self.ok("export")
        self.assertEqual(self.sql("SELECT count(*) FROM session"), [(1,)])
        read_end, write_end = os.pipe()
        os.close(read_end)
        other = os.path.join(self.tmp, "other.db")
        r = subprocess.run([RLS, "--db", other, "import", "-"], input=export, env=self.env(),
                           stdout=write_end, stderr=subprocess.PIPE, text=True)
        os.close(write_end)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(self.sql("SELECT count(*) FROM session"), [(1,)])

    def test_a_command_that_changes_nothing_still_fails_on_output_errors(self):
        self.ok("log", "--no-input", "-q", "-p", "heart=3")
        read_end, write_end = os.pipe()
        os.close(read_end)
        r = subprocess.run([RLS, "list"], env=self.env(), stdout=write_end,
                           stderr=subprocess.PIPE, text=True)
        os.close(write_end)
        self.assertNotEqual(r.returncode, 0)


if __name__ == "__main__":
    unittest.main(verbosity=2)
