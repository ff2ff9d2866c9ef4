"""rls report end to end: a history logged through the real CLI, the JSON
figures checked against values worked out by hand (counts, means) and with
SciPy 1.10.1 (confidence intervals, slope, rho - see the comments), the text
form for an 80-column terminal, CSV, an empty database, and the demo."""

import csv
import io
import re
import subprocess
import unittest

from rlstest import RLS, RlsCase, Terminal

# night: (log --at, routine, rounds, before, after, heart, valerian, sleep, restless)
HISTORY = {
    "2026-11-15": ("2026-11-15 22:00", "standard", 1, 7, 4, 6, True, 6, 4),
    "2026-11-16": ("2026-11-16 22:00", "standard", 1, 6, 3, 5, True, 7, 3),
    "2026-11-17": (None, None, 0, None, None, None, False, 4, 6),
    # logged after midnight: belongs to the night of the 18th
    "2026-11-18": ("2026-11-19 00:30", "standard", 2, 8, 3, 5, False, 8, 2),
    "2026-11-19": (None, None, 0, None, None, None, False, 5, 5),
    "2026-11-20": ("2026-11-20 22:00", "standard", 2, 7, 2, 4, True, 9, 1),
    "2026-11-21": (None, None, 0, None, None, None, False, 3, 7),
    "2026-11-22": ("2026-11-22 22:00", "standard", 2, None, None, 4, False, None, None),
    "2026-11-23": ("2026-11-23 22:00", "standard", 1, 6, 4, 3, False, 6, 4),
    "2026-11-24": ("2026-11-24 22:00", "standard", 2, 7, 3, 3, True, 8, 2),
}


class Report(RlsCase):
    def build_history(self):
        for night, (at, routine, rounds, before, after, heart, valerian, sleep, restless) in HISTORY.items():
            if at:
                args = ["log", "--at", at, "--routine", routine, "--rounds", str(rounds),
                        "-p", f"heart={heart}", "-o", "carrier", "--no-input"]
                if before is not None:
                    args += ["--before", str(before), "--after", str(after)]
                if valerian:
                    args += ["-o", "valerian:3"]
                self.ok(*args)
            if sleep is not None:
                self.ok("rate", "--night", night, "--sleep", str(sleep), "--restless", str(restless))

    def test_figures(self):
        self.build_history()
        r = self.json("report", "--from", "2026-11-15", "--to", "2026-11-24")
        self.assertEqual(r["schema"], "rls-report/1")
        c = r["coverage"]
        self.assertEqual((c["nights"], c["nights_with_session"], c["nights_rated"]), (10, 7, 9))
        self.assertAlmostEqual(c["adherence_pct"], 70.0)
        self.assertEqual((c["current_streak"], c["longest_streak"]), (3, 2 + 1))
        self.assertEqual(c["missing_ratings"], ["2026-11-22"])

        s = r["sessions_vs_none"]
        self.assertEqual(s["nights"], 7)
        self.assertEqual(s["sleep"]["group"]["n"], 6)
        self.assertAlmostEqual(s["sleep"]["group"]["mean"], 44 / 6)  # 6 7 8 9 6 8
        self.assertAlmostEqual(s["sleep"]["reference"]["mean"], 4.0)  # 4 5 3
        d = s["sleep"]["difference"]
        self.assertAlmostEqual(d["estimate"], 10 / 3)
        self.assertAlmostEqual(d["ci95_low"], 1.3728521125, places=7)  # SciPy Welch
        self.assertAlmostEqual(d["ci95_high"], 5.2938145542, places=7)
        self.assertEqual(s["sleep"]["verdict"], "better")
        d = s["restless"]["difference"]
        self.assertAlmostEqual(d["ci95_low"], -5.2938145542, places=7)
        self.assertAlmostEqual(d["ci95_high"], -1.3728521125, places=7)
        self.assertEqual(s["restless"]["verdict"], "better")

        routines = {g["label"]: g for g in r["routines"]}
        self.assertEqual([g["label"] for g in r["routines"]], ["standard x2", "standard x1"])
        x2 = routines["standard x2"]
        self.assertEqual((x2["rank"], x2["nights"], x2["sleep"]["group"]["n"]), (1, 4, 3))
        self.assertAlmostEqual(x2["sleep"]["difference"]["ci95_low"], 2.2847807135, places=7)
        self.assertAlmostEqual(x2["sleep"]["difference"]["ci95_high"], 6.3818859531, places=7)
        x1 = routines["standard x1"]
        self.assertEqual(x1["rank"], 2)
        self.assertAlmostEqual(x1["sleep"]["group"]["mean"], 19 / 3)
        self.assertAlmostEqual(x1["sleep"]["difference"]["ci95_low"], 0.2847807135, places=7)

        oils = {g["label"]: g for g in r["oils"]}
        # valerian on 4 rated nights vs 2 without it: too few to compare
        self.assertEqual(oils["valerian"]["sleep"]["group"]["n"], 4)
        self.assertEqual(oils["valerian"]["sleep"]["reference"]["n"], 2)
        self.assertFalse(oils["valerian"]["enough"])
        self.assertIsNone(oils["valerian"]["rank"])
        self.assertIsNone(oils["valerian"]["sleep"]["difference"])

        imm = r["immediate_effect"]
        self.assertEqual(imm["n"], 6)
        self.assertAlmostEqual(imm["change"]["estimate"], -22 / 6)
        self.assertAlmostEqual(imm["change"]["ci95_low"], -4.9375963418, places=7)  # SciPy paired
        self.assertAlmostEqual(imm["change"]["ci95_high"], -2.3957369915, places=7)

        (heart,) = r["points"]
        self.assertEqual((heart["point"], heart["n"]), ("left.heart", 7))
        self.assertAlmostEqual(heart["slope_per_week"], -2.1381322957, places=7)  # linregress
        self.assertAlmostEqual(heart["weekly_mean"][0], 5.0)  # 6 5 5 4 4 (15th-21st)
        self.assertAlmostEqual(heart["weekly_mean"][1], 10 / 3)  # 4 3 3 (22nd-24th)
        self.assertEqual(r["tenderness_vs_restless"]["n"], 6)
        self.assertAlmostEqual(r["tenderness_vs_restless"]["spearman_rho"], 0.2272727273, places=7)

        weeks = r["weeks"]
        self.assertEqual([(w["start"], w["end"], w["sessions"], w["rated"]) for w in weeks],
                         [("2026-11-15", "2026-11-21", 4, 7), ("2026-11-22", "2026-11-24", 3, 2)])
        self.assertAlmostEqual(weeks[0]["sleep"]["mean"], 42 / 7)  # 6 7 4 8 5 9 3
        self.assertEqual(r["comparisons"], 2)
        self.assertFalse(r["many_comparisons"])

    def test_default_window_is_four_weeks_ending_last_night(self):
        r = self.json("report")
        self.assertEqual((r["from"], r["to"]), ("2026-10-28", "2026-11-24"))
        r = self.json("report", "--weeks", "1")
        self.assertEqual((r["from"], r["to"]), ("2026-11-18", "2026-11-24"))

    def test_text_fits_80_columns_and_uses_honest_words(self):
        self.build_history()
        text = self.ok("report", "--from", "2026-11-15", "--to", "2026-11-24")
        self.assertIn("rls report: nights 2026-11-15 to 2026-11-24 (10 nights)", text)
        for line in text.splitlines():
            self.assertLessEqual(len(line), 80, line)
            self.assertEqual(line, line.rstrip())
        self.assertNotIn("\x1b[", text)
        self.assertNotIn("caus", text.replace("not what caused them", ""))
        self.assertIn("Verdict: better sleep after a session; calmer nights after a session.", text)
        self.assertRegex(text, r"1  standard x2\s+4\s+8\.3 \+4\.3 \[\+2\.3,\+6\.4\]")
        self.assertIn("too few rated nights (need 3 on each side)", text)
        self.assertIn("Not rated (counted as missing, never as 0): 2026-11-22.", text)
        self.assertIn("\x1b[1m", self.ok("report", "--color", "always"))

    def test_colour_on_a_terminal_unless_no_color(self):
        t = Terminal(["report"], self.env())
        self.assertEqual(t.wait(), 0)
        self.assertIn("\x1b[1m", t.screen)
        t = Terminal(["report"], self.env(NO_COLOR="1"))
        self.assertEqual(t.wait(), 0)
        self.assertIn("rls report", t.screen)
        self.assertNotIn("\x1b[", t.screen)

    def test_csv_is_rfc4180(self):
        self.build_history()
        raw = subprocess.run([RLS, "report", "--from", "2026-11-15", "--to", "2026-11-24", "--csv"],
                             capture_output=True, env=self.env(), check=True).stdout
        self.assertTrue(raw.endswith(b"\r\n"))
        self.assertNotIn(b"\n", raw.replace(b"\r\n", b""), "every line ends with CRLF")
        out = raw.decode()
        rows = list(csv.DictReader(io.StringIO(out, newline="")))
        sections = [row["section"] for row in rows]
        self.assertEqual(sections[0], "summary")
        self.assertIn("routine", sections)
        self.assertEqual(sections.count("week"), 2)
        x2 = [row for row in rows if row["label"] == "standard x2"][0]
        self.assertEqual((x2["rank"], x2["nights"], x2["rated"]), ("1", "4", "3"))
        self.assertAlmostEqual(float(x2["sleep_ci95_low"]), 2.285, places=3)

    def test_empty_database_gets_next_steps(self):
        text = self.ok("report")
        self.assertIn("rls log", text)
        self.assertNotIn("nan", text.lower())
        self.assertNotIn("inf", text.lower().replace("info", ""))
        r = self.json("report")
        self.assertIsNone(r["sessions_vs_none"]["sleep"]["group"]["mean"])
        self.assertTrue(r["next_steps"])

    def test_bad_options(self):
        self.assertIn("--weeks must be a whole number from 1 to 520", self.fails(64, "report", "--weeks", "0"))
        self.fails(64, "report", "--min-nights", "1")
        self.fails(64, "report", "--from", "2026-11-20", "--to", "2026-11-10")
        self.fails(64, "report", "--json", "--csv")
        self.fails(64, "report", "--weeks", "2", "--from", "2026-11-01")

    def test_min_nights(self):
        self.build_history()
        r = self.json("report", "--from", "2026-11-15", "--to", "2026-11-24", "--min-nights", "4")
        self.assertEqual(r["min_nights"], 4)
        self.assertEqual(r["comparisons"], 0)  # the baseline has only 3 rated nights
        self.assertEqual(r["sessions_vs_none"]["sleep"]["verdict"], "too_few")


class DemoReport(RlsCase):
    def test_the_demo_effect_is_visible(self):
        self.ok("demo")
        r = self.json("report", "--weeks", "4")
        s = r["sessions_vs_none"]["sleep"]
        # The demo adds about +1 sleep after a session (more with two rotations).
        self.assertEqual(s["verdict"], "better")
        self.assertGreater(s["difference"]["ci95_low"], 0)
        ranked = [g for g in r["routines"] if g["rank"]]
        self.assertTrue(ranked[0]["label"].endswith("x2"), ranked[0]["label"])
        self.assertTrue(r["many_comparisons"])
        text = self.ok("report", "--weeks", "4")
        self.assertIn("will look", text)


if __name__ == "__main__":
    unittest.main(verbosity=2)
