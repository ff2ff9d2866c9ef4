"""Trial nights on a terminal, as a person meets them: the guide walks the
assigned routine and rotations without offering another; `rls log` starts
from the assigned rotations and oil, asks before a session on a night
without massage and before storing any other deviation; with --no-input
the session is stored and flagged. Which night holds which arm is read
from `trial show --reveal`, so no seed's schedule is assumed."""

import datetime
import re
import time
import unittest

from rlstest import RlsCase, Terminal

FIRST = datetime.date(2026, 11, 26)


class TrialOnATerminal(RlsCase):
    now = "2026-11-25T19:00:00Z"  # 20:00 in Berlin, the evening before the trial

    def plan(self, *arms):
        self.ok("trial", "start", *arms, "--seed", "8", "--first", FIRST.isoformat(), "-q")
        return {n["date"]: n for n in self.json("trial", "show", "--reveal")["schedule"]}

    def evening_of(self, schedule, arm, nth=0):
        """Move the clock to 21:00 on the nth night assigned `arm`; its trial night."""
        night = [n for n in schedule.values() if n["arm"] == arm][nth]
        self.now = f"{night['date']}T20:00:00Z"  # CET: 21:00 local
        return night

    def marks(self):
        return self.sql("SELECT night, kind, followed FROM trial_mark ORDER BY night")

    def walk_points(self, t, answers=8):
        for _ in range(answers):
            t.expect(r"(left|right)\.[a-z-]+ +[^\n]*: ")
            t.type("")

    def test_log_defaults_to_the_arms_oil_and_asks_before_a_deviation(self):
        self.ok("log", "--at", "2026-11-20 21:00", "-o", "valerian:3", "-o", "lavender", "-q")
        schedule = self.plan("lavender", "no lavender")
        # A lavender night after a session with lavender and valerian: kept.
        night = self.evening_of(schedule, "lavender")
        t = Terminal(["log"], self.env())
        t.expect(rf"Tonight: lavender, trial night {night['night']} of 16\.")
        self.walk_points(t)
        t.expect(r"Oils used \[valerian:3 lavender:2\]")
        t.type("")
        t.expect("before the massage"); t.type("6")
        t.expect("after the massage"); t.type("3")
        t.expect("Logged session 2")
        self.assertEqual(t.wait(), 0)
        self.assertNotIn("deviation", t.transcript)
        self.assertEqual(self.marks(), [(night["date"], "session", 1)])
        # A no-lavender night: the default leaves lavender out.
        night = self.evening_of(schedule, "no lavender")
        t = Terminal(["log", "--before", "5", "--after", "2"], self.env())
        t.expect(rf"Tonight: no lavender, trial night {night['night']} of 16\.")
        self.walk_points(t)
        t.expect(r"Oils used \[valerian:3\]")
        t.type("")
        t.expect("Logged session 3")
        self.assertEqual(t.wait(), 0)
        self.assertEqual(self.json("show", "3")["oils"], [{"oil": "valerian", "drops": 3}])
        # Lavender typed on the next no-lavender night: asked, and no keeps nothing.
        night = self.evening_of(schedule, "no lavender", 1)
        digest = self.db_digest()
        t = Terminal(["log", "--before", "5", "--after", "2"], self.env())
        self.walk_points(t)
        t.expect(r"Oils used")
        t.type("lavender")
        t.expect(r"is assigned no lavender; this session is\s+not")
        t.expect(r"Store it as a deviation from the trial\? \[y/N\]")
        t.type("n")
        t.expect("nothing was saved; tonight's arm is no lavender")
        self.assertEqual(t.wait(), 1)
        self.assertEqual(self.db_digest(), digest)
        t = Terminal(["log", "--before", "5", "--after", "2", "-o", "lavender"], self.env())
        self.walk_points(t)
        t.expect(r"deviation from the trial\? \[y/N\]")
        t.type("y")
        t.expect("Logged session 4")
        self.assertEqual(t.wait(), 0)
        self.assertIn((night["date"], "session", 0), self.marks())

    def test_a_night_without_massage_is_asked_about_first(self):
        schedule = self.plan("none", "standard x2")
        night = self.evening_of(schedule, "none")
        self.ok("list")  # the database exists
        digest = self.db_digest()
        t = Terminal(["log"], self.env())
        t.expect(rf"Tonight is none, trial night {night['night']} of 16: no massage\.")
        t.expect(r"Log a session anyway, kept as a deviation from the trial\? \[y/N\]")
        t.type("n")
        t.expect("nothing was saved; record the night with rls trial skip")
        self.assertEqual(t.wait(), 1)
        self.assertEqual(self.db_digest(), digest)
        self.assertNotIn("left.heart", t.transcript, "asked before any point")
        t = Terminal(["log", "--before", "7", "--after", "4"], self.env())
        t.expect(r"deviation from the trial\? \[y/N\]")
        t.type("y")
        self.walk_points(t)
        t.expect(r"Oils used")
        t.type("")
        t.expect("Logged session 1")
        self.assertEqual(t.wait(), 0)
        self.assertEqual(t.transcript.count("[y/N]"), 1, "asked once")
        self.assertEqual(self.marks(), [(night["date"], "session", 0)])
        # The next none night with --no-input: stored and flagged, not asked.
        night = self.evening_of(schedule, "none", 1)
        t = Terminal(["log", "--no-input"], self.env())
        t.expect(r"rls: note: Trial night \d+ of 16 \(\S+\) is assigned none; this session is\s+not, "
                 r"and will be kept as a deviation\.")
        t.expect("Logged session 2")
        self.assertEqual(t.wait(), 0)
        self.assertNotIn("[y/N]", t.transcript)
        self.assertIn((night["date"], "session", 0), self.marks())
        # A standard x2 night: log starts from two rotations.
        night = self.evening_of(schedule, "standard x2")
        t = Terminal(["log", "--before", "6", "--after", "3"], self.env())
        t.expect(rf"Tonight: standard x2, trial night {night['night']} of 16\.")
        t.expect(r"Logging standard x2 \(8 points\)")
        self.walk_points(t)
        t.expect(r"Oils used")
        t.type("")
        t.expect("Logged session 3")
        self.assertEqual(t.wait(), 0)
        self.assertEqual(self.json("show", "3")["rounds"], 2)
        self.assertIn((night["date"], "session", 1), self.marks())

    def test_the_guide_walks_the_assigned_rotations_and_offers_no_other(self):
        self.ok("log", "--at", "2026-11-20 21:00", "-o", "valerian:3", "-q")
        schedule = self.plan("standard x2", "standard x1")
        night = self.evening_of(schedule, "standard x2")
        t = Terminal(["guide", "--pace", "0.02"], self.env())
        t.expect(rf"Tonight: standard x2, trial night {night['night']} of 16\.")
        deadline = time.monotonic() + 90
        rotations = set()
        while "Saved session" not in t.transcript:
            self.assertLess(time.monotonic(), deadline, t.screen[-400:])
            t._read(0.1)
            rotations.update(re.findall(r"rotation (\d)", t.transcript))
            screen = t.screen
            if "How tender" in screen:
                t.screen = ""
                t.type("4")
            elif "Before you started" in screen or "And now" in screen:
                t.screen = ""
                t.type("5")
            elif any(s in screen for s in ("Get ready", "Oils tonight", "Massage the", "Rest")):
                t.screen = ""
                t.type("")
        self.assertEqual(t.wait(), 0)
        self.assertNotIn("Another rotation", t.transcript)
        self.assertNotIn("Still restless", t.transcript)
        self.assertEqual(rotations, {"1", "2"})
        s = self.json("show", "2")
        self.assertEqual((s["routine"], s["rounds"], s["partial"]), ("standard", 2, False))
        self.assertEqual(s["oils"], [{"oil": "valerian", "drops": 3}])
        self.assertEqual(self.marks(), [(night["date"], "session", 1)])
        # A standard x1 night: one rotation, again no offer of another.
        night = self.evening_of(schedule, "standard x1")
        t = Terminal(["guide", "--pace", "0.02"], self.env())
        t.expect(rf"Tonight: standard x1, trial night {night['night']} of 16\.")
        deadline = time.monotonic() + 60
        while "Saved session" not in t.transcript:
            self.assertLess(time.monotonic(), deadline, t.screen[-400:])
            t._read(0.1)
            screen = t.screen
            if "How tender" in screen or "Before you started" in screen or "And now" in screen:
                t.screen = ""
                t.type("3")
            elif any(s in screen for s in ("Get ready", "Oils tonight", "Massage the", "Rest")):
                t.screen = ""
                t.type("")
        self.assertEqual(t.wait(), 0)
        self.assertNotIn("Another rotation", t.transcript)
        self.assertEqual(self.json("show", "3")["rounds"], 1)


if __name__ == "__main__":
    unittest.main(verbosity=2)
