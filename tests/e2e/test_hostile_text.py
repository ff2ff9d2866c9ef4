"""Stored and typed text cannot drive the reader's terminal: control
characters in notes, names, descriptions, tags, zones, file names and the
environment are shown escaped on every path that reaches a terminal, refused
in names at input, and kept byte-exact in the database and in exports."""

import json
import os
import sqlite3
import unittest

from rlstest import RlsCase

# Clear screen, an OSC 52 clipboard write, a C1 CSI as UTF-8 and a
# right-to-left override.
HOSTILE = "A\x1b[2J\x1b]52;c;ZXZpbA==\x07\u009b31m\u202eZ"


def raw_controls(text):
    """Characters a terminal would obey, other than line breaks."""
    return [c for c in text
            if (ord(c) < 0x20 and c != "\n") or 0x7f <= ord(c) <= 0x9f or c == "\u202e"
            or c == "\ufffd"]


class HostileText(RlsCase):
    def assert_clean(self, r):
        for name, text in (("stdout", r.stdout), ("stderr", r.stderr)):
            self.assertEqual(raw_controls(text), [], f"{name}: {text!r}")

    def tamper(self, statements):
        """Writes straight into the database, as a hostile copy would arrive."""
        con = sqlite3.connect(self.db)
        try:
            for sql, params in statements:
                con.execute(sql, params)
            con.commit()
        finally:
            con.close()

    def test_a_note_is_shown_escaped_and_exported_byte_exact(self):
        self.ok("log", "--no-input", "-p", "heart=3", "--note", HOSTILE)
        r = self.run_rls("show", "1")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assert_clean(r)
        self.assertIn("A\\x1b[2J\\x1b]52;c;ZXZpbA==\\x07\\u009b31m\\u202eZ", r.stdout)
        # The database and both exports keep the note exactly as typed.
        self.assertEqual(self.sql("SELECT note FROM session"), [(HOSTILE,)])
        self.assertEqual(self.json("show", "1")["note"], HOSTILE)
        exported = json.loads(self.ok("export", "--format", "json"))
        self.assertEqual(exported["sessions"][0]["note"], HOSTILE)
        self.assertIn("\x1b[2J", self.ok("export", "--format", "csv"))

    def test_a_tampered_database_cannot_drive_the_terminal(self):
        self.ok("log", "--no-input", "-p", "heart=3", "-o", "lavender", "-t", "coffee",
                "--note", "fine")
        self.ok("rate", "--night", "2026-11-24", "--sleep", "6", "--restless", "3")
        self.ok("tag", "coffee", "--night", "2026-11-24")  # shown under the night by list
        bad = HOSTILE.encode()
        invalid = b"B\x9b2J\xc0\x9b"  # C1 CSI as a lone byte, an overlong ESC
        self.tamper([
            ("UPDATE point SET name = ?, location = ? WHERE code = 'left.heart'", (bad, invalid)),
            ("UPDATE oil SET name = ? WHERE code = 'lavender'", (invalid,)),
            ("UPDATE routine SET description = ? WHERE code = 'standard'", (bad,)),
            ("UPDATE tag SET name = ?", (HOSTILE,)),
            ("UPDATE session SET tz = ?, note = ?", (HOSTILE, invalid)),
            ("UPDATE rating SET note = ?", (bad,)),
        ])
        for args in (["show", "1"], ["points"], ["oils"], ["routines"],
                     ["routines", "show", "standard"], ["list"], ["report"], ["remind"],
                     ["config"], ["check"], ["__complete", "tags"]):
            with self.subTest(args=args):
                r = self.run_rls(*args)
                self.assert_clean(r)

    def test_control_characters_in_names_are_refused(self):
        before = self.ok("points", "--json")
        for args in (["points", "add", "left.x", "--foot", "left", "--name", "a\x1b[2Jb"],
                     ["points", "add", "left.x", "--foot", "left", "--where", "a\tb"],
                     ["oils", "add", "x", "--name", "a\u009bb"],
                     ["routines", "add", "r", "--points", "heart", "--description", "a\x07"]):
            with self.subTest(args=args):
                line = self.fails(64, *args)
                self.assertIn("control characters", line)
                self.assertEqual(raw_controls(line), [])
        self.assertEqual(self.ok("points", "--json"), before)

    def test_an_import_with_control_characters_in_a_name_or_zone_is_refused(self):
        self.ok("log", "--no-input", "-p", "heart=3")
        doc = json.loads(self.ok("export", "--format", "json"))
        for mutate, field in ((lambda d: d["points"][0].update(name="x\x1b[2J"), "points[0].name"),
                              (lambda d: d["sessions"][0].update(tz="Europe/\x1b]52;c;"),
                               "sessions[0].tz")):
            with self.subTest(field=field):
                copy = json.loads(json.dumps(doc))
                mutate(copy)
                path = os.path.join(self.tmp, "hostile.json")
                with open(path, "w", encoding="utf-8") as f:
                    json.dump(copy, f)
                other = os.path.join(self.tmp, "other.db")
                r = self.run_rls("--db", other, "import", path)
                self.assertNotEqual(r.returncode, 0)
                self.assert_clean(r)
                self.assertIn(field, r.stderr)
                self.assertIn("control characters", r.stderr)

    def test_messages_echoing_the_environment_and_file_names_are_escaped(self):
        cases = [
            {"TZ": "Europe/\x1b[2J"},
            {"RLS_NOW": "2026\x1b]52;c;ZXZpbA==\x07"},
            # A regular file where a directory should be: the error names the path.
            {"RLS_DB": os.path.join(self.tmp, "file\x1b[2J", "x\u009b", "rls.db")},
        ]
        with open(os.path.join(self.tmp, "file\x1b[2J"), "w") as f:
            f.write("not a directory")
        for extra in cases:
            with self.subTest(extra=list(extra)):
                r = self.run_rls("list", **extra)
                self.assertNotEqual(r.returncode, 0, r.stdout)
                self.assert_clean(r)
                self.assertIn("\\x1b", r.stderr)
        r = self.run_rls("import", os.path.join(self.tmp, "missing\x1b[2J.json"))
        self.assertNotEqual(r.returncode, 0)
        self.assert_clean(r)


if __name__ == "__main__":
    unittest.main(verbosity=2)
