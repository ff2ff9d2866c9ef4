"""Shared harness for rls end-to-end tests: runs the real binary against a
temporary database with a fixed zone and a fixed "now" (RLS_NOW), and drives
interactive commands through a pseudo-terminal as a person would."""

import hashlib
import json
import os
import pty
import re
import select
import shutil
import subprocess
import tempfile
import time
import unittest

RLS = os.environ.get("RLS_BIN", os.path.join(os.path.dirname(__file__), "..", "..", "build", "rls"))
SOURCE_DIR = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))

# Wednesday 2026-11-25 08:30 in Berlin.
DEFAULT_NOW = "2026-11-25T07:30:00Z"
DEFAULT_TZ = "Europe/Berlin"


def messages(stderr):
    """rls's messages on stderr, one per item: a message wrapped to 80 columns
    continues two spaces in; every line must fit."""
    for line in stderr.split("\n"):
        if len(line) > 80:
            raise AssertionError(f"a line wider than 80 columns: {line!r}")
    return stderr.strip("\n").replace("\n  ", " ").splitlines()


class RlsCase(unittest.TestCase):
    tz = DEFAULT_TZ
    now = DEFAULT_NOW

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="rls-e2e-")
        self.home = os.path.join(self.tmp, "home")
        os.makedirs(self.home)
        self.db = os.path.join(self.tmp, "data", "rls.db")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def env(self, **extra):
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": self.home,
            "LANG": "C.UTF-8",
            "TZ": self.tz,
            "RLS_NOW": self.now,
            "RLS_DB": self.db,
        }
        for key, value in extra.items():
            if value is None:
                env.pop(key, None)
            else:
                env[key] = value
        return env

    def run_rls(self, *args, input=None, env=None, **extra_env):
        merged = self.env(**extra_env)
        if env:
            merged.update(env)
        return subprocess.run([RLS, *args], input=input, capture_output=True, text=True,
                              env=merged, timeout=60)

    def ok(self, *args, **kw):
        r = self.run_rls(*args, **kw)
        self.assertEqual(r.returncode, 0, f"rls {' '.join(args)} failed: {r.stderr}")
        return r.stdout

    def json(self, *args, **kw):
        return json.loads(self.ok(*args, "--json", **kw))

    def fails(self, code, *args, **kw):
        r = self.run_rls(*args, **kw)
        self.assertEqual(r.returncode, code, f"rls {' '.join(args)}: {r.stdout} {r.stderr}")
        self.assertEqual(r.stdout, "", "nothing on stdout for an error")
        lines = messages(r.stderr)
        self.assertEqual(len(lines), 1, f"one-line error expected, got {r.stderr!r}")
        self.assertTrue(lines[0].startswith("rls: "), lines[0])
        return lines[0]

    def db_digest(self):
        with open(self.db, "rb") as f:
            return hashlib.sha256(f.read()).hexdigest()

    def sql(self, query, *params):
        import sqlite3
        con = sqlite3.connect(f"file:{self.db}?mode=ro", uri=True)
        try:
            return con.execute(query, params).fetchall()
        finally:
            con.close()


class Terminal:
    """rls on a pseudo-terminal: type lines, wait for text on the screen."""

    def __init__(self, args, env, cols=80, rows=24):
        import fcntl
        import struct
        import termios
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.proc = subprocess.Popen([RLS, *args], stdin=slave, stdout=slave, stderr=slave,
                                     env=env, start_new_session=True, close_fds=True)
        os.close(slave)
        self.screen = ""
        self.transcript = ""  # everything ever shown; expect() never consumes it

    def _read(self, timeout):
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return False
        try:
            data = os.read(self.master, 4096)
        except OSError:
            return False
        if not data:
            return False
        text = data.decode("utf-8", "replace")
        self.screen += text
        self.transcript += text
        return True

    def expect(self, pattern, timeout=10):
        deadline = time.monotonic() + timeout
        regex = re.compile(pattern)
        while time.monotonic() < deadline:
            if regex.search(self.screen):
                match = regex.search(self.screen)
                self.screen = self.screen[match.end():]
                return match
            self._read(0.1)
        raise AssertionError(f"timed out waiting for {pattern!r}; screen: {self.screen!r}")

    def type(self, line):
        os.write(self.master, (line + "\r").encode())

    def send_eof(self):
        os.write(self.master, b"\x04")

    def wait(self, timeout=10):
        deadline = time.monotonic() + timeout
        while self.proc.poll() is None and time.monotonic() < deadline:
            self._read(0.05)
        while self._read(0.05):
            pass
        os.close(self.master)
        return self.proc.wait(timeout=1)
