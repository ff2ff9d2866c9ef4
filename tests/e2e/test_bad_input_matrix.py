"""Notes with SQL, control characters and kilobytes of Unicode are stored and
exported byte-exact, and NUL bytes are refused where they can arrive. (The
matrix of bad numbers, dates and times runs in-process:
tests/unit/cli_bad_input_test.cpp.)"""

import csv
import io
import json
import os
import subprocess
import unittest

from rlstest import RLS, RlsCase

NOTES = [
    "'); DROP TABLE session; --",
    "Robert'); DELETE FROM rating WHERE ('1'='1",
    "\" OR 1=1 --\n\t\r\\ \x01\x1f\x7f",
    ("Ünïcödé 😴 ☾ 夜 ليلة ночь\n" * 120)[:4096],
]


class Matrix(RlsCase):
    def setUp(self):
        super().setUp()
        self.ok("demo", "--nights", "7", "-q")
        self.ok("log", "--at", "2026-11-24 22:00", "--no-input", "-q")
        self.digest = self.db_digest()

    def test_notes_are_stored_and_exported_byte_exact(self):
        for note in NOTES:
            with self.subTest(note=note[:20]):
                s = self.json("log", "--no-input", "--note", note)
                self.assertEqual(self.json("show", str(s["id"]))["note"], note)
                r = self.json("rate", "--night", "2026-11-20", "-s", "4", "--replace", "--note", note)
                self.assertEqual(r["note"], note)
        doc = json.loads(subprocess.run([RLS, "export"], env=self.env(), capture_output=True,
                                        check=True).stdout)
        notes = [s["note"] for s in doc["sessions"] if s["note"]]
        self.assertEqual(sorted(notes), sorted(NOTES))
        rating_notes = [r["note"] for r in doc["ratings"] if r["note"]]
        self.assertEqual(rating_notes, [NOTES[-1]])  # each --replace replaced the last
        raw = subprocess.run([RLS, "export", "-f", "csv"], env=self.env(), capture_output=True,
                             check=True).stdout.decode()
        rows = list(csv.DictReader(io.StringIO(raw, newline="")))
        exported = [r["session_note"] for r in rows if r["session_note"]]
        for note in NOTES:
            self.assertIn(note if note[0] not in "=+-@\t\r" else "'" + note, exported)
        self.assertGreater(len(NOTES[-1].encode()), 4096, "more than 4 KB of UTF-8")
        stored = {n for (n,) in self.sql("SELECT note FROM session WHERE note IS NOT NULL")}
        self.assertEqual(stored, set(NOTES), "byte-exact in the database too")

    def test_nul_bytes_are_refused_where_they_can_arrive(self):
        # argv cannot carry NUL; an import file can.
        doc = json.loads(subprocess.run([RLS, "export"], env=self.env(), capture_output=True,
                                        check=True).stdout)
        doc["sessions"][0]["note"] = "before\u0000after"
        doc["sessions"][0]["uuid"] = "12345678-1234-4234-8234-123456789abc"
        path = os.path.join(self.tmp, "nul.json")
        with open(path, "w") as f:
            json.dump(doc, f)
        r = self.run_rls("import", path)
        self.assertEqual(r.returncode, 65, r.stderr)
        self.assertIn("sessions[0].note", r.stderr)
        self.assertEqual(self.db_digest(), self.digest)


if __name__ == "__main__":
    unittest.main(verbosity=2)
