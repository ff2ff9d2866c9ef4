"""rls report end to end: a history logged through the real CLI, the JSON
figures checked against values worked out by hand (counts, means), with
SciPy 1.10.1 (paired interval, slope, rho) and statsmodels 0.13.5 (the
adjusted comparison: OLS of the 9 rated nights on [1, (night - 15th) / 7,
session], fit(cov_type='HAC', cov_kwds={'maxlags': 2, 'use_correction':
True}, use_t=True), its se widened by the fixed-b factor of rls(1)), the text form for an 80-column terminal, CSV, an
empty database, the diary's own window, the night in progress, and the
demo. tests/crosscheck/ checks every comparison of a longer history."""

import csv
import datetime
import io
import random
import re
import statistics
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
        self.assertEqual(r["schema"], "rls-report/2")
        c = r["coverage"]
        self.assertEqual((c["nights"], c["nights_with_session"], c["nights_rated"]), (10, 7, 9))
        self.assertAlmostEqual(c["adherence_pct"], 70.0)
        self.assertEqual((c["current_streak"], c["longest_streak"]), (3, 2 + 1))
        self.assertEqual(c["missing_ratings"], ["2026-11-22"])
        self.assertEqual(c["no_score"], [])

        with_, without = r["nights_by"]["session"]
        self.assertEqual((with_["label"], with_["nights"], with_["sleep"]["n"]), ("session", 7, 6))
        self.assertAlmostEqual(with_["sleep"]["mean"], 44 / 6)  # 6 7 8 9 6 8
        self.assertAlmostEqual(without["sleep"]["mean"], 4.0)  # 4 5 3

        p = r["comparisons"][0]
        self.assertEqual({k: p[k] for k in ("family", "outcome", "a", "b", "n_a", "n_b", "primary",
                                             "adjusted_for", "verdict")},
                         {"family": "session", "outcome": "sleep", "a": "session",
                          "b": "no session", "n_a": 6, "n_b": 3, "primary": True,
                          "adjusted_for": ["time trend"], "verdict": "better"})
        self.assertAlmostEqual(p["diff"], 3.3185840707964616, places=9)  # statsmodels
        # se: statsmodels' times the fixed-b factor at b = 3/9 (rls(1)): 0.822642227492292
        self.assertAlmostEqual(p["se"], 0.822642227492292, places=9)
        self.assertAlmostEqual(p["ci95"][0], 1.3056510570291913, places=7)  # t.ppf(0.975, 6)
        self.assertAlmostEqual(p["ci95"][1], 5.331517084563732, places=7)
        self.assertAlmostEqual(p["p_better"], 0.9965756441979237, places=9)  # t.cdf(b/se, 6)
        self.assertAlmostEqual(p["p_mid"], 0.9847921482801749, places=9)  # t.cdf((b-1)/se, 6)
        restless = r["comparisons"][1]
        self.assertEqual((restless["outcome"], restless["primary"]), ("restless", False))
        self.assertAlmostEqual(restless["diff"], -3.31858407079646, places=9)
        self.assertAlmostEqual(restless["p_better"], 0.9965756441979238, places=9)
        for c in r["comparisons"]:
            for key in ("family", "outcome", "a", "b", "n_a", "n_b", "diff", "ci95", "p_better",
                        "p_mid", "adjusted_for", "primary", "verdict"):
                self.assertIn(key, c)
            self.assertIn(c["verdict"], ("better", "worse", "unclear", "too_few"))

        # Most nights first: x2 on the 18th, 20th, 22nd, 24th; x1 on the 15th, 16th, 23rd.
        routines = [g["label"] for g in r["nights_by"]["routine"]]
        self.assertEqual(routines, ["standard x2", "standard x1"])
        x2 = [c for c in r["comparisons"] if c["family"] == "routine" and c["outcome"] == "sleep"]
        self.assertEqual((x2[0]["a"], x2[0]["b"], x2[0]["n_a"], x2[0]["n_b"]),
                         ("standard x1", "standard x2", 3, 3))
        valerian = [c for c in r["comparisons"] if c["a"] == "valerian"][0]
        # valerian on 4 rated nights vs 2 without it: too few to compare
        self.assertEqual((valerian["n_a"], valerian["n_b"], valerian["diff"]), (4, 2, None))
        self.assertEqual(valerian["note"], "too few rated nights: 4 and 2 (need 3 each)")
        self.assertEqual(valerian["verdict"], "too_few")
        carrier = [c for c in r["comparisons"] if c["a"] == "carrier"][0]
        self.assertEqual(carrier["note"], "used every night: nothing to compare with")

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
        self.assertEqual(r["comparisons_made"],
                         len([c for c in r["comparisons"] if c["diff"] is not None]))

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
        lines = text.splitlines()
        start = lines.index("In short") + 1
        end = lines.index("", start)
        self.assertLessEqual(end - start, 5)
        self.assertTrue(lines[start].startswith("  Session: about 3.3 points better sleep than no "
                                                "session; 99% likely better"), lines[start])
        self.assertIn("  * session vs no session, sleep (6 and 3 nights)", lines)
        self.assertRegex(text, r"better\s+\+3\.3 \[\+1\.3,\+5\.3\]\s+P\(better\)  99%")
        self.assertIn("too few rated nights: 4 and 2 (need 3 each)", text)
        self.assertIn("not evidence that the massage works", text)
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
        self.assertEqual(sections[0], "comparison")
        self.assertIn("group", sections)
        self.assertEqual(sections.count("week"), 2)
        first = rows[0]
        self.assertEqual((first["family"], first["outcome"], first["a"], first["b"],
                          first["primary"], first["verdict"]),
                         ("session", "sleep", "session", "no session", "true", "better"))
        self.assertAlmostEqual(float(first["ci95_low"]), 1.30565, places=4)
        x2 = [row for row in rows if row["section"] == "group" and row["label"] == "standard x2"][0]
        self.assertEqual((x2["nights"], x2["rated"]), ("4", "3"))
        r = self.json("report", "--from", "2026-11-15", "--to", "2026-11-24")
        self.assertEqual(sections.count("comparison"), len(r["comparisons"]))

    def test_empty_database_gets_next_steps(self):
        text = self.ok("report")
        self.assertIn("rls log", text)
        self.assertNotIn("nan", text.lower())
        self.assertNotIn("inf", text.lower().replace("info", ""))
        r = self.json("report")
        self.assertEqual(r["comparisons"], [])
        self.assertEqual(r["coverage"]["nights"], 0)  # no entries: no nights to count
        self.assertTrue(r["next_steps"])

    def test_bad_options(self):
        self.assertIn("--weeks must be a whole number from 1 to 520", self.fails(64, "report", "--weeks", "0"))
        self.fails(64, "report", "--min-nights", "1")
        self.fails(64, "report", "--from", "2026-11-20", "--to", "2026-11-10")
        self.fails(64, "report", "--json", "--csv")
        self.fails(64, "report", "--weeks", "2", "--from", "2026-11-01")
        self.assertIn("--mid must be", self.fails(64, "report", "--mid", "0"))
        self.assertIn("--to 2026-11-25 has not ended yet; the latest night to report is 2026-11-24",
                      self.fails(64, "report", "--to", "2026-11-25"))

    def test_min_nights(self):
        self.build_history()
        r = self.json("report", "--from", "2026-11-15", "--to", "2026-11-24", "--min-nights", "4")
        self.assertEqual(r["min_nights"], 4)
        session = [c for c in r["comparisons"] if c["family"] == "session"][0]
        self.assertEqual(session["verdict"], "too_few")  # the baseline has only 3 rated nights
        self.assertEqual(session["note"], "too few rated nights: 6 and 3 (need 4 each)")
        self.assertFalse(session["primary"])
        self.assertEqual(r["comparisons"][0]["family"], "routine")


class DiaryWindow(RlsCase):
    def test_a_new_diary_counts_from_its_first_entry(self):
        self.ok("log", "--at", "2026-11-22 21:30", "-p", "left.heart=4", "--no-input")
        self.ok("rate", "--night", "2026-11-22", "--sleep", "6", "--restless", "3")
        self.ok("rate", "--night", "2026-11-23", "--note", "away from home")
        r = self.json("report")
        self.assertEqual((r["from"], r["first_night"], r["to"]),
                         ("2026-10-28", "2026-11-22", "2026-11-24"))
        c = r["coverage"]
        self.assertEqual((c["nights"], c["nights_with_session"], c["nights_rated"]), (3, 1, 1))
        self.assertEqual(c["missing_ratings"], ["2026-11-24"])
        self.assertEqual(c["no_score"], ["2026-11-23"])
        text = self.ok("report")
        self.assertIn("1 of 3 nights with a session (33%), 1 rated with a score.", text)
        self.assertIn("Counted from 2026-11-22, the night of your first entry.", text)
        self.assertIn("no score", text)
        self.assertNotIn("28 nights", text)


class NightInProgress(RlsCase):
    now = "2026-11-24T23:30:00Z"  # 00:30 on the 25th in Berlin: the night of the 24th goes on

    def test_report_and_rate_leave_the_night_in_progress_alone(self):
        r = self.json("report")
        self.assertEqual(r["to"], "2026-11-23")
        self.assertEqual(
            self.fails(64, "rate", "--sleep", "5"),
            "rls: night 2026-11-24 is not over until 06:00; the latest to rate is 2026-11-23")
        self.assertIn("--night 2026-11-24 has not ended yet; the latest night to rate is "
                      "2026-11-23", self.fails(64, "rate", "--night", "2026-11-24", "--sleep", "5"))
        self.ok("rate", "--night", "2026-11-23", "--sleep", "5")


class NightlyMassage(RlsCase):
    """Someone who massages every night still gets x1 vs x2, directly."""

    def test_x1_vs_x2_without_a_baseline(self):
        # 14 nights, alternating one and two rotations; two rotations sleep about 2 better.
        sleep = {1: [5, 6, 5, 6, 5, 6, 5], 2: [8, 7, 8, 8, 7, 8, 8]}
        for i in range(14):
            night = f"2026-11-{11 + i:02d}"
            rounds = 1 + i % 2
            self.ok("log", "--at", f"{night} 21:30", "--rounds", str(rounds), "-p",
                    "left.heart=4", "--no-input", "--quiet")
            self.ok("rate", "--night", night, "--sleep", str(sleep[rounds][i // 2]),
                    "--restless", "3", "--quiet")
        r = self.json("report", "--weeks", "2")
        p = r["comparisons"][0]
        self.assertTrue(p["primary"])
        self.assertEqual((p["family"], p["outcome"], p["n_a"], p["n_b"]), ("routine", "sleep", 7, 7))
        self.assertEqual({p["a"], p["b"]}, {"standard x1", "standard x2"})
        self.assertIsNotNone(p["diff"])
        self.assertEqual(p["verdict"], "better" if p["a"] == "standard x2" else "worse")
        self.assertFalse([c for c in r["comparisons"] if c["family"] == "session"])
        # Every night scored 3 for restlessness: said, not given a zero-width interval.
        restless = [c for c in r["comparisons"] if c["outcome"] == "restless"]
        for c in restless:
            self.assertIsNone(c["ci95"])
        text = self.ok("report", "--weeks", "2")
        self.assertNotIn("too few rated nights", text.split("Comparisons")[1].split("\n")[1])
        self.assertIn("no variation: every night scored 3, no interval", text)


class ConfoundedOil(RlsCase):
    """An oil with no effect whose nights happened to have more caffeine is
    not called worse: the comparison is adjusted for the night's tags and
    rotations, while the raw means would say it is worse."""

    def test_an_oil_that_comes_with_caffeine_is_not_called_worse(self):
        rng = random.Random(20261127)
        raw = {True: [], False: []}
        start = datetime.date(2026, 8, 31)  # 12 weeks, ending with the night of 2026-11-22
        for i in range(84):
            night = (start + datetime.timedelta(days=i)).isoformat()
            lavender = rng.random() < 0.5
            caffeine = rng.random() < (0.7 if lavender else 0.15)
            rounds = 2 if rng.random() < 0.4 else 1
            # Lavender does nothing; caffeine costs 2 points, a second rotation gives 0.8.
            sleep = 6 - 2.0 * caffeine + 0.8 * (rounds == 2) + rng.gauss(0, 0.7)
            sleep = min(10, max(0, round(sleep)))
            raw[lavender].append(sleep)
            args = ["log", "--at", f"{night} 21:30", "--rounds", str(rounds), "-p",
                    "left.heart=4", "-o", "carrier", "--no-input", "--quiet"]
            if lavender:
                args += ["-o", "lavender:3"]
            if caffeine:
                args += ["-t", "caffeine"]
            self.ok(*args)
            self.ok("rate", "--night", night, "--sleep", str(sleep), "--restless", "4",
                    "--quiet")
        naive = statistics.mean(raw[True]) - statistics.mean(raw[False])
        self.assertLess(naive, -0.5, "the history must confound lavender with caffeine")

        r = self.json("report", "--weeks", "12", "--to", "2026-11-22")
        rows = [c for c in r["comparisons"] if c["outcome"] == "sleep"
                and "lavender" in (c["a"], c["b"])]
        self.assertEqual(len(rows), 1, rows)
        oil = rows[0]
        self.assertIn("tag caffeine", oil["adjusted_for"])
        self.assertNotEqual(oil["verdict"], "worse" if oil["a"] == "lavender" else "better")
        diff = oil["diff"] if oil["a"] == "lavender" else -oil["diff"]
        self.assertGreater(diff, naive + 0.5)  # the adjustment removed most of the bias
        self.assertLess(oil["ci95"][0], 0)  # the interval holds the truth, 0
        self.assertGreater(oil["ci95"][1], 0)
        # The confounder itself is found: caffeine nights slept worse.
        tag = [c for c in r["comparisons"] if c["outcome"] == "sleep"
               and "caffeine" in (c["a"], c["b"])][0]
        self.assertEqual(tag["verdict"], "worse" if tag["a"] == "caffeine" else "better")


class DemoReport(RlsCase):
    def test_the_demo_effect_is_visible(self):
        self.ok("demo")
        r = self.json("report", "--weeks", "4")
        s = r["comparisons"][0]
        # The demo adds about +1 sleep after a session (more with two rotations).
        self.assertEqual((s["family"], s["outcome"], s["primary"]), ("session", "sleep", True))
        self.assertEqual(s["verdict"], "better")
        self.assertGreater(s["ci95"][0], 0)
        text = self.ok("report", "--weeks", "4")
        self.assertIn("Holm correction", text)


if __name__ == "__main__":
    unittest.main(verbosity=2)
