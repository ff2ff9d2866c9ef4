"""Every everyday command end to end against a real database file."""

import os
import stat
import unittest

from rlstest import RlsCase


class LogAndShow(RlsCase):
    def test_log_with_every_flag_is_stored_and_shown(self):
        s = self.json("log", "--at", "yesterday 22:15", "--routine", "stand", "--rounds", "2",
                      "-p", "heart=6", "-p", "left.lateral=4", "-p", "ball=0",
                      "-o", "lavender:3", "-o", "valerian", "-o", "carrier",
                      "--duration", "1h05m", "--before", "7", "--after", "3",
                      "-t", "Caffeine", "-t", "late-exercise", "--note", "ça va\nwell")
        self.assertEqual(s["id"], 1)
        self.assertEqual(s["night"], "2026-11-24")
        self.assertEqual(s["started"], "2026-11-24T22:15:00+01:00")
        self.assertEqual(s["started_utc"], "2026-11-24T21:15:00Z")
        self.assertEqual(s["tz"], "Europe/Berlin")
        self.assertEqual(s["routine"], "standard")
        self.assertEqual(s["rounds"], 2)
        self.assertEqual(s["duration_min"], 65)
        self.assertEqual((s["before"], s["after"]), (7, 3))
        self.assertEqual(s["points"], [{"point": "left.heart", "tenderness": 6},
                                       {"point": "left.lateral", "tenderness": 4},
                                       {"point": "right.ball", "tenderness": 0}])
        self.assertEqual(s["oils"], [{"oil": "valerian", "drops": 2},
                                     {"oil": "lavender", "drops": 3},
                                     {"oil": "carrier", "drops": None}])
        self.assertEqual(sorted(s["tags"]), ["caffeine", "late-exercise"])
        self.assertEqual(s["note"], "ça va\nwell")
        # The same, read back in a new process.
        shown = self.json("show", "1")
        for key in ("points", "oils", "note", "night", "started_utc"):
            self.assertEqual(shown[key], s[key])
        self.assertIsNone(shown["night_rating"])
        text = self.ok("show", "1")
        self.assertIn("2026-11-24 22:15 (Europe/Berlin)", text)
        self.assertIn("standard x2", text)
        self.assertIn("lavender (3 drops)", text)

    def test_plain_log_defaults_to_now_standard_once(self):
        out = self.ok("log", "--no-input")
        self.assertIn("Logged session 1: standard x1 at 2026-11-25 08:30", out)
        s = self.json("show", "1")
        self.assertEqual(s["rounds"], 1)
        self.assertEqual(s["points"], [])
        # 08:30 is after the 06:00 cut-off: tonight's night.
        self.assertEqual(s["night"], "2026-11-25")

    def test_database_and_directory_are_private(self):
        self.ok("log", "--no-input")
        self.assertEqual(stat.S_IMODE(os.stat(self.db).st_mode), 0o600)
        self.assertEqual(stat.S_IMODE(os.stat(os.path.dirname(self.db)).st_mode), 0o700)

    def test_default_location_is_xdg_data_home(self):
        xdg = os.path.join(self.tmp, "xdg")
        self.ok("log", "--no-input", RLS_DB=None, XDG_DATA_HOME=xdg)
        self.assertTrue(os.path.exists(os.path.join(xdg, "rls", "rls.db")))
        self.ok("log", "--no-input", RLS_DB=None, XDG_DATA_HOME=None)
        self.assertTrue(os.path.exists(os.path.join(self.home, ".local", "share", "rls", "rls.db")))

    def test_db_option_beats_environment(self):
        other = os.path.join(self.tmp, "other.db")
        self.ok("--db", other, "log", "--no-input")
        self.ok("log", "--no-input", "--db", other)  # global options after the command too
        import sqlite3
        con = sqlite3.connect(other)
        self.assertEqual(con.execute("SELECT count(*) FROM session").fetchall(), [(2,)])
        con.close()
        self.assertFalse(os.path.exists(self.db))


class Rate(RlsCase):
    def test_rate_defaults_to_last_night_and_derives_diary_figures(self):
        r = self.json("rate", "--sleep", "7", "--restless", "2", "--into-bed", "22:50",
                      "--try-sleep", "23:05", "--latency", "25m", "--awakenings", "2",
                      "--waso", "40", "--final-wake", "06:35", "--out-of-bed", "06:50")
        self.assertEqual(r["night"], "2026-11-24")
        self.assertEqual((r["sleep"], r["restless"]), (7, 2))
        d = r["diary"]
        # Berlin is UTC+1: 22:50 on the 24th is 21:50Z, 06:50 on the 25th 05:50Z.
        self.assertEqual(d["into_bed_utc"], "2026-11-24T21:50:00Z")
        self.assertEqual(d["out_of_bed_utc"], "2026-11-25T05:50:00Z")
        # TIB 22:50 -> 06:50 = 480 min; TST (23:05 -> 06:35 = 450) - 25 - 40 = 385;
        # SE = 385 / 480 = 80.208%.
        self.assertEqual(d["time_in_bed_min"], 480)
        self.assertEqual(d["total_sleep_min"], 385)
        self.assertAlmostEqual(d["efficiency_pct"], 80.2083, places=3)

    def test_a_night_without_session_can_be_rated(self):
        self.ok("rate", "--night", "2026-11-20", "--sleep", "4")
        nights = self.json("list", "--weeks", "1")["nights"]
        by_night = {n["night"]: n for n in nights}
        self.assertEqual(by_night["2026-11-20"]["sessions"], [])
        self.assertEqual(by_night["2026-11-20"]["rating"]["sleep"], 4)
        self.assertIsNone(by_night["2026-11-20"]["rating"]["restless"])

    def test_rating_again_needs_replace_without_a_terminal(self):
        self.ok("rate", "--sleep", "5")
        digest = self.db_digest()
        msg = self.fails(64, "rate", "--sleep", "8")
        self.assertIn("--replace", msg)
        self.assertEqual(self.db_digest(), digest)
        self.ok("rate", "--sleep", "8", "--replace")
        self.assertEqual(self.sql("SELECT sleep, restless FROM rating"), [(8, None)])

    def test_rating_tonight_is_refused(self):
        msg = self.fails(64, "rate", "--night", "today", "--sleep", "5")
        self.assertIn("has not ended yet", msg)


class ListEditDelete(RlsCase):
    def setUp(self):
        super().setUp()
        self.ok("log", "--at", "2026-11-22 22:00", "-p", "heart=5", "--no-input")
        self.ok("log", "--at", "2026-11-24 21:30", "-p", "heart=3", "-n", "2", "--no-input")
        self.ok("log", "--at", "2026-11-25 00:30", "--routine", "standard", "--no-input")
        self.ok("rate", "--night", "2026-11-24", "--sleep", "8", "--restless", "1")

    def test_list_groups_sessions_by_night_newest_first(self):
        data = self.json("list", "--weeks", "1")
        self.assertEqual((data["from"], data["to"]), ("2026-11-19", "2026-11-25"))
        nights = [n["night"] for n in data["nights"]]
        self.assertEqual(nights, ["2026-11-25", "2026-11-24", "2026-11-23", "2026-11-22",
                                  "2026-11-21", "2026-11-20", "2026-11-19"])
        by_night = {n["night"]: n for n in data["nights"]}
        # 00:30 is before the cut-off: it belongs to the 24th's night.
        self.assertEqual([s["id"] for s in by_night["2026-11-24"]["sessions"]], [3, 2])
        self.assertEqual(by_night["2026-11-24"]["rating"]["sleep"], 8)
        self.assertIsNone(by_night["2026-11-23"]["rating"])
        text = self.ok("list", "--weeks", "1")
        self.assertIn("standard x2", text)
        self.assertNotIn("\x1b[", text, "no colour when stdout is not a terminal")
        self.assertIn("\x1b[", self.ok("--color", "always", "list"))

    def test_list_from_to(self):
        data = self.json("list", "--from", "2026-11-22", "--to", "2026-11-23")
        self.assertEqual([n["night"] for n in data["nights"]], ["2026-11-23", "2026-11-22"])
        self.fails(64, "list", "--from", "2026-11-24", "--to", "2026-11-22")

    def test_edit_changes_only_what_is_given(self):
        before = self.json("show", "2")
        after = self.json("edit", "2", "--after", "2", "-p", "left.foot=4")
        self.assertEqual(after["after"], 2)
        # -p adds one point and keeps the others.
        self.assertEqual(after["points"], [{"point": "left.heart", "tenderness": 3},
                                           {"point": "left.foot", "tenderness": 4}])
        self.assertEqual(after["rounds"], before["rounds"])
        self.assertEqual(after["started_utc"], before["started_utc"])
        self.assertEqual(after["uuid"], before["uuid"])
        moved = self.json("edit", "2", "--at", "2026-11-23 21:00")
        self.assertEqual(moved["night"], "2026-11-23")
        cleared = self.json("edit", "2", "--note", "")
        self.assertIsNone(cleared["note"])

    def test_edit_sets_and_unsets_single_points_and_oils_and_says_what_changed(self):
        self.ok("edit", "2", "-p", "ball=6", "-o", "valerian:3", "-o", "lavender", "-t", "tea", "-q")
        out = self.ok("edit", "2", "-p", "heart=7", "--unset-point", "ball", "--unset-oil",
                      "lavender", "-o", "valerian:4", "--unset-tag", "tea", "-b", "6")
        self.assertIn("Updated session 2", out)
        for line in ("point changed: left.heart=7 (was left.heart=3)",
                     "point removed: right.ball=6", "oil changed: valerian:4 (was valerian:3)",
                     "oil removed: lavender:2", "tag removed: tea", "before: 6 (was -)"):
            self.assertIn("  " + line + "\n", out)
        s = self.json("show", "2")
        self.assertEqual(s["points"], [{"point": "left.heart", "tenderness": 7}])
        self.assertEqual(s["oils"], [{"oil": "valerian", "drops": 4}])
        self.assertEqual((s["tags"], s["before"]), ([], 6))
        # Replacing a whole list is explicit.
        replaced = self.json("edit", "2", "--replace", "-p", "left.foot=1", "-p", "ball=2")
        self.assertEqual([p["point"] for p in replaced["points"]], ["left.foot", "right.ball"])
        self.assertEqual(replaced["oils"], [{"oil": "valerian", "drops": 4}], "oils untouched")
        # Removing what is not there, or nothing to change at all, is an error.
        digest = self.db_digest()
        self.assertIn("no such entry", self.fails(64, "edit", "2", "--unset-point", "heart"))
        self.assertIn("nothing to change", self.fails(64, "edit", "2"))
        self.assertEqual(self.db_digest(), digest)
        # The same values again: nothing written, and said so.
        self.assertIn("nothing changed", self.ok("edit", "2", "-p", "left.foot=1"))
        self.assertEqual(self.db_digest(), digest)

    def test_delete_needs_yes_without_terminal(self):
        digest = self.db_digest()
        self.fails(64, "delete", "1")
        self.assertEqual(self.db_digest(), digest)
        self.assertIn("Deleted session 1", self.ok("delete", "1", "--yes"))
        self.assertEqual(self.fails(66, "show", "1"), "rls: session 1 does not exist (see: rls list)")
        self.fails(66, "delete", "1", "--yes")
        self.assertEqual(self.sql("SELECT count(*) FROM session_point WHERE session_id = 1"), [(0,)])


class Catalog(RlsCase):
    def test_seeded_catalog(self):
        points = self.json("points")
        self.assertEqual([p["id"] for p in points],
                         ["left.heart", "left.lateral", "left.knee-leg", "left.sciatic",
                          "left.foot", "right.ball", "right.sciatic", "right.foot"])
        self.assertEqual([o["id"] for o in self.json("oils")],
                         ["valerian", "roman-chamomile", "lavender", "carrier"])
        routines = self.json("routines")
        self.assertEqual(routines[0]["name"], "standard")
        self.assertEqual(len(routines[0]["points"]), 8)
        self.assertTrue(all(len(p["uuid"]) == 36 for p in points))

    def test_add_point_oil_and_routine_then_use_them(self):
        self.ok("points", "add", "left.toes", "--foot", "left", "--name", "Toes", "--where", "the toe pads")
        self.ok("oils", "add", "sweet-marjoram", "--name", "Sweet marjoram")
        self.ok("routines", "add", "left-only", "--points", "left.heart,left.lat,knee,left.sciatic,left.foot,toes")
        routine = [r for r in self.json("routines") if r["name"] == "left-only"][0]
        self.assertEqual(routine["points"][-1], "left.toes")
        s = self.json("log", "--routine", "left-only", "-p", "toes=2", "-o", "sweet:1", "--no-input")
        self.assertEqual(s["routine"], "left-only")
        self.assertEqual(s["oils"], [{"oil": "sweet-marjoram", "drops": 1}])
        self.assertIn("already exists", self.fails(64, "oils", "add", "sweet-marjoram"))
        self.fails(64, "points", "add", "left.x", "--foot", "middle")
        self.fails(64, "routines", "add", "r2", "--points", "nowhere")


class RoutineLifecycle(RlsCase):
    def test_show_edit_and_remove(self):
        self.ok("routines", "add", "left-only", "--points", "heart,lateral,knee", "-q")
        shown = self.ok("routines", "show", "left-only")
        self.assertIn("1. left.heart", shown)
        self.assertIn("level with the ankle bone", shown)
        changed = self.json("routines", "edit", "left-only", "--points", "heart,left.sciatic",
                            "--description", "two points")
        self.assertEqual((changed["points"], changed["description"]),
                         (["left.heart", "left.sciatic"], "two points"))
        self.assertIn("built in", self.fails(64, "routines", "edit", "standard", "--points", "heart"))
        self.assertIn("built in", self.fails(64, "routines", "remove", "standard"))
        # Unused: really removed.
        self.ok("routines", "add", "spare", "--points", "ball", "-q")
        self.assertEqual(self.json("routines", "remove", "spare"), {"name": "spare", "removed": True, "hidden": False})
        # Used by a session: hidden from new ones, kept for the past.
        self.ok("log", "-r", "left-only", "--at", "yesterday 22:00", "--no-input", "-q")
        self.assertIn("past sessions keep it", self.ok("routines", "remove", "left-only"))
        self.assertEqual([r["name"] for r in self.json("routines")], ["standard"])
        self.assertTrue([r for r in self.json("routines", "--all") if r["name"] == "left-only"][0]["hidden"])
        self.assertEqual(self.json("show", "1")["routine"], "left-only")
        self.assertIn("was removed", self.fails(64, "log", "-r", "left-only", "--no-input"))
        self.assertIn("(removed", self.ok("routines", "show", "left-only"))
        report = self.json("report")
        self.assertEqual(report["nights_by"]["routine"][0]["label"], "left-only x1")

    def test_a_removed_routine_can_be_restored(self):
        self.ok("routines", "add", "left-only", "--points", "heart,lateral", "-q")
        self.ok("log", "-r", "left-only", "--at", "yesterday 22:00", "--no-input", "-q")
        self.ok("routines", "remove", "left-only", "-q")
        # Every way of using it again says how to bring it back.
        hint = "rls routines restore left-only"
        self.assertIn(hint, self.fails(64, "routines", "add", "left-only", "--points", "heart"))
        self.assertIn(hint, self.fails(64, "log", "-r", "left-only", "--no-input"))
        self.assertIn(hint, self.fails(64, "edit", "1", "-r", "left-only"))
        self.assertIn(hint, self.fails(64, "routines", "edit", "left-only", "--description", "x"))
        self.assertIn("not removed", self.fails(64, "routines", "restore", "standard"))
        restored = self.json("routines", "restore", "left-only")
        self.assertEqual((restored["name"], restored["points"], restored["hidden"]),
                         ("left-only", ["left.heart", "left.lateral"], False))
        self.assertEqual([r["name"] for r in self.json("routines")], ["standard", "left-only"])
        self.assertEqual(self.json("log", "-r", "left-only", "--no-input")["routine"], "left-only")


class Config(RlsCase):
    def test_cutoff_setting_moves_early_sessions(self):
        self.assertIn("cutoff = 06:00", self.ok("config"))
        self.ok("config", "cutoff", "04:00")
        self.assertEqual(self.json("config"), {"cutoff": "04:00", "primary": "auto"})
        s = self.json("log", "--at", "2026-11-25 05:00", "--no-input")
        self.assertEqual(s["night"], "2026-11-25")
        self.fails(64, "config", "cutoff", "13:00")
        self.fails(64, "config", "colour", "x")


class Demo(RlsCase):
    def test_demo_fills_an_empty_database_once(self):
        out = self.ok("demo", "--nights", "60", "--seed", "7")
        self.assertIn("60 nights ending 2026-11-24", out)
        sessions = self.sql("SELECT count(*), min(night), max(night) FROM session")[0]
        self.assertGreater(sessions[0], 30)
        self.assertLessEqual(sessions[2], "2026-11-24")
        self.assertGreaterEqual(sessions[1], "2026-09-26")
        ratings = self.sql("SELECT count(*) FROM rating")[0][0]
        self.assertGreater(ratings, 45)
        self.assertLess(ratings, 60, "some nights are left unrated")
        digest = self.db_digest()
        self.assertIn("empty database", self.fails(65, "demo"))
        self.assertEqual(self.db_digest(), digest)
        self.assertEqual(self.sql("PRAGMA integrity_check"), [("ok",)])
        self.assertEqual(self.sql("PRAGMA foreign_key_check"), [])


    def test_demo_never_fills_the_diary_without_a_yes(self):
        import os
        from rlstest import Terminal
        home_db = os.path.join(self.home, ".local", "share", "rls", "rls.db")
        # The default place (no --db, no RLS_DB): refused without a terminal,
        # and nothing is created there.
        err = self.fails(64, "demo", RLS_DB=None)
        self.assertIn("your diary", err)
        self.assertIn("--yes", err)
        self.assertFalse(os.path.exists(home_db))
        # An existing empty diary named by RLS_DB is not a new file either.
        self.ok("list")
        digest = self.db_digest()
        self.fails(64, "demo")
        self.assertEqual(self.db_digest(), digest)
        # On a terminal it asks; no keeps the diary as it was.
        t = Terminal(["demo", "--nights", "7"], self.env(RLS_DB=None))
        t.expect(r"invented data into your diary")
        t.expect(r"Fill it anyway\? \[y/N\]")
        t.type("n")
        self.assertEqual(t.wait(), 1)
        self.assertFalse(os.path.exists(home_db))
        # --yes fills it; a new file named by --db needs no yes.
        self.ok("demo", "--nights", "7", "--yes", "-q", RLS_DB=None)
        self.assertGreater(self.sql_at(home_db, "SELECT count(*) FROM rating")[0][0], 0)
        self.ok("--db", os.path.join(self.home, "new.db"), "demo", "--nights", "7", "-q")

    def sql_at(self, path, query):
        import sqlite3
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return con.execute(query).fetchall()
        finally:
            con.close()


class Basics(RlsCase):
    def test_version_and_help_everywhere(self):
        self.assertRegex(self.ok("--version"), r"^rls \d+\.\d+\.\d+\n$")
        for cmd in (["log"], ["rate"], ["list"], ["show"], ["edit"], ["delete"], ["points"],
                    ["points", "add"], ["oils"], ["oils", "add"], ["routines"], ["routines", "add"],
                    ["config"], ["demo"]):
            out = self.ok(*cmd, "--help")
            self.assertIn("Usage", out.replace("USAGE", "Usage"))

    def test_quiet_silences_confirmations_not_data(self):
        for args in (["log", "--no-input"], ["rate", "-s", "5"], ["edit", "1", "-a", "2"],
                     ["config", "cutoff", "05:00"], ["points", "add", "left.toes", "--foot", "left"]):
            r = self.run_rls("-q", *args)
            self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "", ""), args)
        self.assertEqual(self.json("show", "1", "--quiet")["after"], 2)
        self.assertIn("left.heart", self.ok("points", "-q"))
        self.assertIn("rls: session 9", self.run_rls("-q", "show", "9").stderr)

    def test_usage_errors_share_exit_64(self):
        self.assertIn("a command is needed: log, guide, rate", self.fails(64))
        self.assertIn("'frobnicate' is not an rls command", self.fails(64, "frobnicate"))
        self.fails(64, "log", "--no-such-flag")
        self.fails(64, "--color", "sometimes", "list")

    def test_bad_tz_and_now(self):
        self.assertIn("TZ", self.fails(64, "log", TZ="Mars/Base"))
        self.assertIn("RLS_NOW", self.fails(64, "log", RLS_NOW="yesterday"))

    def test_newer_database_is_refused_untouched(self):
        self.ok("log", "--no-input")
        import sqlite3
        con = sqlite3.connect(self.db)
        con.execute("PRAGMA user_version = 99")
        con.commit()
        con.close()
        digest = self.db_digest()
        self.assertIn("newer", self.fails(65, "list"))
        self.assertEqual(self.db_digest(), digest)


if __name__ == "__main__":
    unittest.main(verbosity=2)
