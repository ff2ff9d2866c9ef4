"""Every numeric option with -1, max+1, 1e99, NaN, 0x10 and empty; every date
and time option with impossible, far-future, garbage and empty values. Each
is refused with exit 64 and one line naming the option, and the database is
left byte for byte. Notes with SQL, control characters and kilobytes of
Unicode are stored and exported byte-exact."""

import csv
import io
import json
import os
import subprocess
import unittest

from rlstest import RLS, RlsCase

BAD_NUMBERS = ["-1", "{max+1}", "1e99", "NaN", "0x10", ""]

# (command prefix, option, largest allowed, how the message names it)
NUMERIC = [
    (["log"], "--rounds", 10, "--rounds"),
    (["log"], "--before", 10, "--before"),
    (["log"], "--after", 10, "--after"),
    (["log"], "--duration", 360, "--duration"),
    (["log", "-p"], "heart=", 10, "--point"),
    (["log", "-o"], "lavender:", 20, "--oil"),
    (["edit", "1"], "--rounds", 10, "--rounds"),
    (["edit", "1"], "--after", 10, "--after"),
    (["rate", "--replace"], "--sleep", 10, "--sleep"),
    (["rate", "--replace"], "--restless", 10, "--restless"),
    (["rate", "--replace", "-s", "5"], "--awakenings", 100, "--awakenings"),
    (["rate", "--replace", "-s", "5"], "--latency", 720, "--latency"),
    (["rate", "--replace", "-s", "5"], "--waso", 720, "--waso"),
    (["list"], "--weeks", 520, "--weeks"),
    (["report"], "--weeks", 520, "--weeks"),
    (["report"], "--min-nights", 100, "--min-nights"),
    (["demo"], "--nights", 200000, "--nights"),
    (["demo"], "--seed", 999999999, "--seed"),
    (["show"], "", 999999999, "ID"),
    (["delete", "--yes"], "", 999999999, "ID"),
    (["guide"], "--pace", 10, "--pace"),
]

BAD_WHEN = ["2025-02-29 22:00", "2026-13-01 22:00", "24:60", "2999-01-01 22:00", "3000-01-01T00:00Z",
            "yesterday-ish", "", "22:30:99", "1999-12-31 23:00"]
BAD_DATE = ["2025-02-29", "2026-02-30", "2999-01-01", "next week", "", "20261124", "1999-12-31"]
BAD_TIME = ["24:60", "25:00", "7pm", "", "12", "-1:00"]

DATES = [
    (["log"], "--at", BAD_WHEN),
    (["edit", "1"], "--at", BAD_WHEN),
    (["rate", "-s", "5", "--replace"], "--night", BAD_DATE),
    (["list"], "--from", BAD_DATE[:2] + BAD_DATE[3:]),
    (["report"], "--to", BAD_DATE[:2] + BAD_DATE[3:]),
    (["rate", "-s", "5", "--replace"], "--into-bed", BAD_TIME),
    (["rate", "-s", "5", "--replace"], "--try-sleep", BAD_TIME),
    (["rate", "-s", "5", "--replace"], "--final-wake", BAD_TIME),
    (["rate", "-s", "5", "--replace"], "--out-of-bed", BAD_TIME),
    (["remind"], "--after", BAD_TIME),
    (["config", "cutoff"], "", BAD_TIME + ["13:00"]),
]

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

    def refuse(self, args, names):
        r = self.run_rls(*args, "--no-input")
        self.assertEqual(r.returncode, 64, f"{args}: {r.stderr}")
        lines = r.stderr.strip().splitlines()
        self.assertEqual(len(lines), 1, r.stderr)
        if names:
            self.assertIn(names, lines[0], args)
        self.assertEqual(self.db_digest(), self.digest, f"{args} changed the database")

    def test_numeric_options(self):
        count = 0
        for prefix, option, largest, names in NUMERIC:
            for value in BAD_NUMBERS:
                value = value.replace("{max+1}", str(largest + 1))
                if option.endswith(("=", ":")):
                    args = prefix + [option + value]
                elif option:
                    args = prefix + [option, value]
                else:
                    args = prefix + [value]
                with self.subTest(args=args):
                    self.refuse(args, names)
                    count += 1
        self.assertGreaterEqual(count, 120)

    def test_date_and_time_options(self):
        count = 0
        for prefix, option, values in DATES:
            for value in values:
                args = prefix + ([option, value] if option else [value])
                with self.subTest(args=args):
                    self.refuse(args, option or "cutoff")
                    count += 1
        self.assertGreaterEqual(count, 60)

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
