"""Every line rls prints fits 80 columns (display width, not bytes): each
command's output and each --help, on a demo history to which names, tags
and notes of 40 characters and more were added."""

import os
import subprocess
import unicodedata
import unittest

from rlstest import RLS, RlsCase, messages

POINT = "left." + "p" * 35          # ids are at most 40 characters
OIL = "o" * 40
ROUTINE = "r" * 40
TAG = "t" * 40
NAME = "Ein sehr langer Name für einen Fußpunkt!"  # 40 characters, not bytes
WHERE = "somewhere on the sole " * 10


def columns(line):
    """Terminal columns of a line: wide characters count two, combining none."""
    width = 0
    for c in line:
        if unicodedata.combining(c):
            continue
        width += 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1
    return width


def commands():
    """Every command path rls knows, from the binary itself."""
    out = subprocess.run([RLS, "__spec"], capture_output=True, text=True, check=True).stdout
    return sorted({line.split("\t")[0] for line in out.splitlines()})


class Width(RlsCase):
    def assert_fits(self, what, text):
        for line in text.splitlines():
            self.assertLessEqual(columns(line), 80, f"{what}: {columns(line)} columns: {line!r}")

    def run_fits(self, *args, ok=True):
        r = self.run_rls(*args)
        if ok:
            self.assertEqual(r.returncode, 0, f"rls {' '.join(args)}: {r.stderr}")
        self.assert_fits(" ".join(args) + " (stdout)", r.stdout)
        self.assert_fits(" ".join(args) + " (stderr)", r.stderr)
        return r.stdout

    def test_every_help_fits(self):
        self.run_fits("--help")
        for path in commands():
            words = path.split()[1:]
            if words and words[0].startswith("__"):
                continue
            with self.subTest(path=path):
                self.run_fits(*words, "--help")

    def test_every_command_fits_with_long_names(self):
        self.run_fits("demo", "--nights", "400", "--seed", "7")
        self.run_fits("points", "add", POINT, "--foot", "left", "--name", NAME, "--where", WHERE)
        self.run_fits("oils", "add", OIL, "--name", NAME)
        self.run_fits("routines", "add", ROUTINE, "--points", f"{POINT},left.heart,right.ball",
                      "--description", WHERE[:390])
        note = "A note that goes on and on about the evening and the legs. " * 4
        self.run_fits("log", "--no-input", "--at", "yesterday 21:00", "-r", ROUTINE, "-n", "2",
                      "-p", f"{POINT}=7", "-o", f"{OIL}:3", "-t", TAG, "--note", note)
        self.run_fits("rate", "--night", "yesterday", "--replace", "--sleep", "4", "--restless", "6",
                      "--note", note)
        session = str(max(s["id"] for n in self.json("list")["nights"] for s in n["sessions"]))
        for args in (["list"], ["list", "--weeks", "52"], ["show", session],
                     ["report"], ["report", "--weeks", "52"], ["report", "--weeks", "4"],
                     ["points"], ["oils"], ["routines"], ["routines", "--all"],
                     ["routines", "show", ROUTINE], ["config"], ["remind"], ["check"]):
            with self.subTest(args=args):
                self.run_fits(*args)
        self.run_fits("edit", session, "-b", "5")
        self.run_fits("export", "--out", os.path.join(self.tmp, "out.json"))
        self.run_fits("import", "--dry-run", os.path.join(self.tmp, "out.json"))
        self.run_fits("backup", os.path.join(self.tmp, "backup.db"))
        self.run_fits("routines", "remove", ROUTINE)
        self.run_fits("delete", session, "--yes")

    def test_an_empty_diary_fits(self):
        for args in (["list"], ["report"], ["remind"], ["points"], ["routines"]):
            with self.subTest(args=args):
                self.run_fits(*args)

    def test_errors_with_long_paths_fit(self):
        deep = os.path.join(self.tmp, *(["a-rather-long-directory-name"] * 6))
        os.makedirs(deep)
        text = os.path.join(deep, "notes.txt")
        with open(text, "w") as f:
            f.write("Dear diary\n" * 50)
        bad = os.path.join(deep, "not-an-export.json")
        with open(bad, "w") as f:
            f.write("{")
        cases = [
            (["--db", text, "list"], 65),                       # not an rls database
            (["--db", os.path.join(text, "rls.db"), "list"], None),  # a file as a directory
            (["import", bad], 65),
            (["export", "--out", os.path.join(deep, "missing", "out.json")], None),
            (["backup", os.path.join(deep, "missing", "b.db")], None),
        ]
        for args, code in cases:
            with self.subTest(args=args):
                r = self.run_rls(*args)
                self.assertNotEqual(r.returncode, 0, r.stderr)
                if code is not None:
                    self.assertEqual(r.returncode, code, r.stderr)
                self.assert_fits(" ".join(args), r.stderr)
                # One message, its path shortened in the middle: the file name stays.
                self.assertEqual(len(messages(r.stderr)), 1, r.stderr)
                self.assertIn("…", r.stderr)
                name = os.path.basename(args[-1] if args[0] != "--db" else args[1])
                self.assertIn(name, r.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
