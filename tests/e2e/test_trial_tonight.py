"""Guide, remind and log agree about tonight's trial arm at every half hour
of two evenings, through midnight to just before the 06:00 cut-off, across
the night the clocks go back in Berlin (02:00-03:00 happens twice). Each
answer is checked against the schedule `trial show --reveal` gave."""

import datetime
import os
import unittest

from rlstest import RlsCase, Terminal

FIRST = "2026-10-24"  # the night of Saturday the 24th holds the repeated hour


def half_hours(start_utc, end_utc):
    t = datetime.datetime.fromisoformat(start_utc.replace("Z", "+00:00"))
    end = datetime.datetime.fromisoformat(end_utc.replace("Z", "+00:00"))
    while t <= end:
        yield t.strftime("%Y-%m-%dT%H:%M:%SZ")
        t += datetime.timedelta(minutes=30)


class TonightAgrees(RlsCase):
    now = "2026-10-24T16:00:00Z"  # 18:00 CEST

    def guide_says(self):
        """The line the guide opens with, then quit without saving."""
        t = Terminal(["guide", "--pace", "0.02"], self.env())
        t.expect("Get ready")
        line = next(l for l in t.transcript.splitlines() if l.startswith("Tonight: "))
        os.write(t.master, b"q")
        t.expect("Save what you have done")
        os.write(t.master, b"n")
        self.assertEqual(t.wait(), 1)
        return line.strip()

    def test_every_half_hour_of_two_evenings(self):
        self.ok("trial", "start", "standard x1", "standard x2", "--seed", "21", "--first", FIRST)
        plan = self.json("trial", "show", "--reveal")
        arms = {n["date"]: (n["night"], n["arm"]) for n in plan["schedule"]}
        # 18:00 to 05:30 local: CEST (UTC+2) on the 24th's evening, then CET.
        evenings = [("2026-10-24", "2026-10-24T16:00:00Z", "2026-10-25T04:30:00Z"),
                    ("2026-10-25", "2026-10-25T17:00:00Z", "2026-10-26T04:30:00Z")]
        self.assertNotEqual(arms["2026-10-24"][1], arms["2026-10-25"][1], "a block holds both")
        checked = 0
        for night, start, end in evenings:
            seq, arm = arms[night]
            rounds = arm[-1]
            for now in half_hours(start, end):
                with self.subTest(now=now):
                    self.now = now
                    tonight = self.json("trial", "tonight")
                    self.assertEqual((tonight["night"], tonight["trial_night"], tonight["arm"]),
                                     (night, seq, arm))
                    expected = f"Tonight: {arm}, trial night {seq} of 16"
                    remind = self.json("remind", "--after", "18:00")
                    sessions = [r for r in remind if r["kind"] == "session"]
                    self.assertEqual(len(sessions), 1, remind)
                    self.assertEqual(sessions[0]["night"], night)
                    self.assertTrue(sessions[0]["message"].startswith(expected + f" ({night})"),
                                    sessions[0]["message"])
                    self.assertEqual(self.guide_says(), expected + ".")
                    r = self.run_rls("log", "-n", rounds, "--no-input", "--json")
                    self.assertEqual(r.returncode, 0, r.stderr)
                    self.assertEqual(r.stderr, "", "no deviation")
                    marks = self.sql("SELECT m.night, m.followed, s.night FROM trial_mark m "
                                     "JOIN session s ON s.uuid = m.session_uuid")
                    self.assertEqual(marks, [(night, 1, night)])
                    sid = self.sql("SELECT id FROM session")[0][0]
                    self.ok("delete", "--yes", str(sid), "-q")
                    self.assertEqual(self.sql("SELECT count(*) FROM session"), [(0,)])
                    checked += 1
        self.assertEqual(checked, 26 + 24)  # 18:00-05:30 is an hour longer with the clocks back


if __name__ == "__main__":
    unittest.main(verbosity=2)
