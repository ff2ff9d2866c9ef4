"""Export, import, backup and check end to end."""

import csv
import io
import json
import os
import stat
import subprocess
import unittest

from rlstest import RLS, RlsCase, messages

NOTE = 'Zeile eins\nligne deux — "quoted", 😴\ttab; DROP TABLE session; --'


class Transfer(RlsCase):
    def fill(self):
        self.ok("demo", "--nights", "21", "-q")
        self.ok("points", "add", "left.toes", "--foot", "left", "--where", "toe pads", "-q")
        self.ok("oils", "add", "sweet-marjoram", "-q")
        self.ok("routines", "add", "toes-first", "--points", "toes,heart,ball", "-q")
        self.ok("config", "cutoff", "05:00", "-q")
        self.ok("log", "--at", "2026-11-24 23:30", "-r", "toes-first", "-p", "toes=2",
                "-o", "sweet-marjoram:1", "-t", "travel", "--note", NOTE, "--no-input", "-q")
        self.ok("rate", "--night", "2026-11-24", "--replace", "-s", "7", "-R", "2", "--into-bed", "23:50",
                "--try-sleep", "23:55", "--latency", "15", "--awakenings", "1", "--waso", "10",
                "--final-wake", "06:40", "--out-of-bed", "07:00", "--note", "=HYPERLINK(\"x\")", "-q")

    def export(self, db=None, *extra):
        args = (["--db", db] if db else []) + ["export", *extra]
        return subprocess.run([RLS, *args], capture_output=True, env=self.env(), check=True).stdout

    def test_round_trip_is_identical(self):
        self.fill()
        first = self.export()
        path = os.path.join(self.tmp, "export.json")
        with open(path, "wb") as f:
            f.write(first)
        other = os.path.join(self.tmp, "other.db")
        self.ok("--db", other, "import", path)
        self.assertEqual(self.export(other), first)
        doc = json.loads(first)
        self.assertEqual(doc["format"], "rls-export/1")
        self.assertEqual(doc["settings"], {"cutoff": "05:00"})
        session = [s for s in doc["sessions"] if s["routine"] == "toes-first"][0]
        self.assertEqual(session["note"], NOTE)
        self.assertEqual(session["night"], "2026-11-24")
        self.assertEqual(len({s["uuid"] for s in doc["sessions"]}), len(doc["sessions"]))

    def test_import_twice_changes_nothing(self):
        self.fill()
        path = os.path.join(self.tmp, "export.json")
        self.ok("export", "--out", path)
        other = os.path.join(self.tmp, "other.db")
        first = json.loads(self.ok("--db", other, "import", path, "--json"))
        self.assertGreater(first["sessions"]["added"], 10)
        with open(other, "rb") as f:
            before = f.read()
        second = json.loads(self.ok("--db", other, "import", path, "--json"))
        self.assertEqual(second["sessions"]["added"], 0)
        self.assertEqual(second["sessions"]["unchanged"], first["sessions"]["added"])
        with open(other, "rb") as f:
            self.assertEqual(f.read(), before, "a repeated import leaves the file byte for byte")

    def test_dry_run_and_merge(self):
        self.fill()
        path = os.path.join(self.tmp, "export.json")
        self.ok("export", "--out", path)
        other = os.path.join(self.tmp, "other.db")
        # The other database already rated one of the nights, differently.
        self.ok("--db", other, "rate", "--night", "2026-11-24", "-s", "3")
        with open(other, "rb") as f:
            before = f.read()
        dry = json.loads(self.ok("--db", other, "import", path, "--dry-run", "--json"))
        self.assertTrue(dry["dry_run"])
        with open(other, "rb") as f:
            self.assertEqual(f.read(), before)
        self.assertIn("Would import (dry run", self.ok("--db", other, "import", path, "-n"))
        done = json.loads(self.ok("--db", other, "import", path, "--json"))
        self.assertEqual(done["ratings"]["kept"], 1)
        self.assertEqual(done["sessions"], dry["sessions"])
        rating = self.json("--db", other, "list", "--from", "2026-11-24", "--to", "2026-11-24")
        self.assertEqual(rating["nights"][0]["rating"]["sleep"], 3, "the existing rating is kept")

    def test_bad_files_name_the_first_problem_and_change_nothing(self):
        self.fill()
        doc = json.loads(self.export())
        target = os.path.join(self.tmp, "target.db")
        self.ok("--db", target, "log", "--no-input", "-q")
        with open(target, "rb") as f:
            before = f.read()

        def attempt(document, expected, code=65):
            path = os.path.join(self.tmp, "bad.json")
            with open(path, "w") as f:
                f.write(document if isinstance(document, str) else json.dumps(document))
            message = self.fails(code, "--db", target, "import", path)
            self.assertIn(expected, message)
            self.assertNotIn("Zeile", message)
            with open(target, "rb") as f:
                self.assertEqual(f.read(), before)

        attempt("{not json", "is not valid JSON (error at byte 3)")
        # Found by fuzz_import: a number beyond a double is not a parse error to nlohmann.
        attempt('{"format": 1.5E555555555555}', "is not valid JSON (a value is out of range)")
        attempt([], "document must be an object")
        attempt(dict(doc, format="other/1"), 'format must be "rls-export/1"')
        attempt(dict(doc, schema_version=99), "schema_version 99 is newer than this rls")
        broken = json.loads(json.dumps(doc))
        broken["sessions"][3]["rounds"] = 11
        attempt(broken, "import: sessions[3].rounds must be a whole number from 1 to 10")
        broken = json.loads(json.dumps(doc))
        del broken["sessions"][5]["started_utc"]
        attempt(broken, "sessions[5].started_utc is missing")
        broken = json.loads(json.dumps(doc))
        broken["sessions"][-1]["points"][0]["point"] = "left.nowhere"
        attempt(broken, "points[0].point must be a point in the catalog")
        broken = json.loads(json.dumps(doc))
        broken["ratings"][2]["sleep"] = "good"
        attempt(broken, "ratings[2].sleep must be a whole number from 0 to 10 or null")
        broken = json.loads(json.dumps(doc))
        broken["ratings"][4]["uuid"] = "not-a-uuid"
        attempt(broken, "ratings[4].uuid must be a UUID")
        broken = json.loads(json.dumps(doc))
        broken["ratings"].append(dict(broken["ratings"][0], uuid="6f1c2a40-3b1e-4d0a-9c51-0000000000ff"))
        attempt(broken, "is rated twice in this file")
        self.fails(66, "--db", target, "import", os.path.join(self.tmp, "missing.json"))

    def test_import_from_stdin(self):
        self.fill()
        other = os.path.join(self.tmp, "other.db")
        r = subprocess.run([RLS, "--db", other, "import", "-", "--json"], input=self.export(),
                           capture_output=True, env=self.env())
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertGreater(json.loads(r.stdout)["ratings"]["added"], 10)

    def test_csv_export(self):
        self.fill()
        raw = self.export(None, "--format", "csv")
        self.assertTrue(raw.endswith(b"\r\n"))
        rows = list(csv.DictReader(io.StringIO(raw.decode(), newline="")))
        mine = [r for r in rows if r["routine"] == "toes-first"][0]
        self.assertEqual(mine["session_note"], NOTE, "quotes, newlines and tabs survive")
        self.assertEqual(mine["oils"], "sweet-marjoram:1")
        self.assertEqual(mine["rating_note"], "'=HYPERLINK(\"x\")", "formula neutralised")
        self.assertEqual((mine["sleep"], mine["total_sleep_min"], mine["time_in_bed_min"]),
                         ("7", "380", "430"))  # (06:40-23:55)=405 -15 -10 = 380; 23:50-07:00 = 430
        nights = [r["night"] for r in rows]
        self.assertEqual(nights, sorted(nights))
        baseline = [r for r in rows if not r["session_uuid"]]
        self.assertTrue(baseline and all(r["sleep"] for r in baseline), "rated nights without a session")

    def test_export_file_is_private_and_atomic(self):
        self.fill()
        out = os.path.join(self.tmp, "out", "export.json")
        os.makedirs(os.path.dirname(out))
        old = os.umask(0o022)
        try:
            self.ok("export", "--out", out)
        finally:
            os.umask(old)
        self.assertEqual(stat.S_IMODE(os.stat(out).st_mode), 0o600)
        self.assertEqual(os.listdir(os.path.dirname(out)), ["export.json"], "no temp file left")
        with open(out) as f:
            json.load(f)
        self.assertIn("--format must be json or csv", self.fails(64, "export", "-f", "xml"))
        self.fails(73, "export", "--out", os.path.join(self.tmp, "no", "such", "dir", "x.json"))


class Backup(RlsCase):
    def test_backup_is_private_checked_and_refuses_to_overwrite(self):
        self.ok("demo", "--nights", "30", "-q")
        target = os.path.join(self.tmp, "backup.db")
        old = os.umask(0o002)
        try:
            out = self.ok("backup", target)
        finally:
            os.umask(old)
        self.assertIn("integrity ok", out)
        self.assertEqual(stat.S_IMODE(os.stat(target).st_mode), 0o600)
        import sqlite3
        con = sqlite3.connect(target)
        self.assertEqual(con.execute("PRAGMA integrity_check").fetchone(), ("ok",))
        self.assertEqual(con.execute("SELECT count(*) FROM session").fetchone(),
                         tuple(self.sql("SELECT count(*) FROM session")[0]))
        con.close()
        self.assertIn("add --force", self.fails(73, "backup", target))
        self.assertEqual(json.loads(self.ok("backup", target, "--force", "--json"))["integrity"], "ok")
        self.assertEqual(self.json("--db", target, "check")["ok"], True)


class Check(RlsCase):
    def test_healthy_and_damaged(self):
        self.ok("demo", "--nights", "60", "-q")
        out = self.ok("check")
        self.assertIn("Integrity     ok", out)
        self.assertRegex(out, r"Schema        version (\d+) \(this rls knows up to \1\)")
        # Overwrite a whole b-tree page, header included (scribbling into a
        # page's free space would damage nothing): the session table's root,
        # so that the file still opens and the check itself finds the damage.
        page_size = self.sql("PRAGMA page_size")[0][0]
        root = self.sql("SELECT rootpage FROM sqlite_schema WHERE name = 'session'")[0][0]
        with open(self.db, "r+b") as f:
            f.seek(page_size * (root - 1))
            f.write(b"\xde\xad\xbe\xef" * (page_size // 4))
        r = self.run_rls("check")
        self.assertEqual(r.returncode, 65, r.stdout + r.stderr)
        self.assertNotIn("Integrity     ok", r.stdout)
        self.assertEqual(len(messages(r.stderr)), 1)
        self.assertIn("failed its check", r.stderr)
        self.assertFalse(self.run_rls("--db", self.db, "check", "--json").stdout == "")


if __name__ == "__main__":
    unittest.main(verbosity=2)
