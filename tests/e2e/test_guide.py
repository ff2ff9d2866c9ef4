"""rls guide as a person uses it: a real pseudo-terminal of 80x24, keys sent
one by one, the screen read back, and the stored session checked. Timers run
at --pace 0.02 (a hold lasts one second) so the suite stays quick; the timing
logic itself is unit-tested with elapsed times in tests/unit."""

import json
import os
import signal
import subprocess
import time
import unittest

from rlstest import RLS, RlsCase, Terminal

FAST = ["--pace", "0.02"]


class Guide(RlsCase):
    now = "2026-11-25T20:30:00Z"  # 21:30 in Berlin

    def start(self, *args, **env):
        return Terminal(["guide", *args], self.env(**env))

    def session(self, n=1):
        return self.json("show", str(n))

    def answer_point(self, t, step, total, value):
        t.expect(rf"step {step} of {total}")
        t.expect("How tender was it")
        t.type(value)

    def test_full_walk_with_pause_skip_back_and_a_second_rotation(self):
        self.ok("log", "--at", "2026-11-24 21:00", "-p", "heart=8", "-o", "valerian:3", "--no-input", "-q")
        t = self.start(*FAST)
        t.expect("Get ready")
        t.type("")
        t.expect(r"Oils tonight \[valerian:3\]")
        t.type("lavender:3 valerian")
        t.expect("Massage the left foot")
        t.type("")
        self.answer_point(t, 4, 17, "7")                 # left.heart
        t.expect("step 5 of 17")                         # left.lateral: pause the timer
        t.expect("PRESS")
        os.write(t.master, b"p")
        t.expect("Paused")
        time.sleep(1.5)                                  # paused: the timer must not run out
        self.assertNotIn("How tender", t.screen)
        os.write(t.master, b"p")
        t.expect("How tender was it")
        t.type("6")
        t.expect("step 6 of 17")                         # left.knee-leg: skip during the hold
        t.expect("Point 3 of 8")
        os.write(t.master, b"s")
        t.expect("step 7 of 17")                         # left.sciatic: go back instead
        t.expect("How tender was it")
        os.write(t.master, b"b")
        t.expect("step 6 of 17")                         # knee-leg again, answered this time
        t.expect("How tender was it")
        t.type("5")
        self.answer_point(t, 7, 17, "4")
        self.answer_point(t, 8, 17, "3")                 # left.foot
        t.expect("Rest between feet")
        t.type("")
        t.expect("Massage the right foot")
        t.type("")
        self.answer_point(t, 11, 17, "2")
        self.answer_point(t, 12, 17, "")                 # Enter skips right.sciatic
        self.answer_point(t, 13, 17, "1")
        t.expect("step 14 of 17")
        t.type("")                                        # end the rest early
        t.expect(r"Another rotation of the left-foot points\? \[y/N\]")
        os.write(t.master, b"y")
        t.expect("rotation 2")
        # Every left-foot point has its answer: rotation 2 holds without asking.
        for step in range(16, 21):
            t.expect(f"step {step} of 24")
        t.expect("step 21 of 24")
        self.assertNotIn("How tender", t.transcript.split("step 16 of 24", 1)[1])
        t.type("")
        t.expect("Another rotation")
        os.write(t.master, b"n")
        t.expect("rotation 2")                           # the header stays on the last rotation
        t.expect("Before you started")
        t.type("8")
        t.expect("And now")
        t.type("3")
        t.expect(r"Saved session 2: standard x1 at 2026-11-25 21:30")
        t.expect(r"left\.heart\s+7\s+8")                 # tonight beside the last session
        self.assertEqual(t.wait(), 0)

        s = self.session(2)
        self.assertFalse(s["partial"])
        # One whole rotation and a second pass of the left foot: not "x2".
        self.assertEqual((s["rounds"], s["tags"]), (1, ["left-again"]))
        self.assertEqual((s["before"], s["after"]), (8, 3))
        self.assertEqual(s["oils"], [{"oil": "valerian", "drops": 2}, {"oil": "lavender", "drops": 3}])
        self.assertEqual({p["point"]: p["tenderness"] for p in s["points"]}, {
            "left.heart": 7, "left.lateral": 6, "left.knee-leg": 5, "left.sciatic": 4,
            "left.foot": 3, "right.ball": 2, "right.foot": 1})  # right.sciatic skipped
        self.assertEqual(s["night"], "2026-11-25")
        self.assertGreaterEqual(s["duration_min"], 1)

    def test_quit_half_way_saves_a_partial_session(self):
        t = self.start(*FAST)
        t.expect("Get ready"); t.type("")
        t.expect("Oils tonight"); t.type("")
        t.expect("Massage the left foot"); t.type("")
        self.answer_point(t, 4, 17, "6")
        self.answer_point(t, 5, 17, "5")
        t.expect("step 6 of 17")
        os.write(t.master, b"q")
        t.expect("Save what you have done so far as a partial session")
        os.write(t.master, b"y")
        t.expect(r"Saved session 1 \(partial\): standard x1")
        self.assertEqual(t.wait(), 0)
        s = self.session()
        self.assertTrue(s["partial"])
        self.assertEqual(s["points"], [{"point": "left.heart", "tenderness": 6},
                                       {"point": "left.lateral", "tenderness": 5}])
        self.assertIn("standard x1 (partial)", self.ok("list"))

    def test_quit_can_carry_on(self):
        t = self.start("--no-timer")
        t.expect("Get ready")
        os.write(t.master, b"q")
        t.expect("carry on")
        os.write(t.master, b"c")
        t.expect("Get ready")
        t.type("")
        t.expect("Oils tonight")
        os.write(t.master, b"\x03")
        t.expect("Save what you have done")
        os.write(t.master, b"n")
        self.assertEqual(t.wait(), 1)

    def test_ctrl_c_is_like_q_and_discarding_saves_nothing(self):
        self.ok("log", "--no-input", "-q")
        digest = self.db_digest()
        t = self.start(*FAST)
        t.expect("Get ready"); t.type("")
        t.expect("Oils tonight"); t.type("")
        t.expect("Massage the left foot"); t.type("")
        self.answer_point(t, 4, 17, "6")
        t.expect("step 5 of 17")
        os.write(t.master, b"\x03")
        t.expect("Save what you have done so far")
        os.write(t.master, b"n")
        self.assertEqual(t.wait(), 1)
        self.assertIn("nothing was saved", t.screen)
        self.assertEqual(self.db_digest(), digest)

    def test_a_closed_terminal_saves_what_was_done(self):
        t = self.start(*FAST)
        t.expect("Get ready"); t.type("")
        t.expect("Oils tonight"); t.type("lavender")
        t.expect("Massage the left foot"); t.type("")
        self.answer_point(t, 4, 17, "9")
        t.expect("step 5 of 17")
        t.proc.send_signal(signal.SIGHUP)
        t.wait()
        s = self.session()
        self.assertTrue(s["partial"])
        self.assertEqual(s["points"], [{"point": "left.heart", "tenderness": 9}])
        self.assertEqual(s["oils"], [{"oil": "lavender", "drops": 2}])

    def test_terminal_left_as_it_was(self):
        t = self.start("--no-timer")
        t.expect("Get ready")
        os.write(t.master, b"q")
        t.expect("Save what")
        os.write(t.master, b"n")
        t.wait()
        self.assertTrue(t.transcript.rstrip().rfind("\x1b[?1049l") > t.transcript.rfind("\x1b[?1049h"),
                        "the alternate screen is left")
        self.assertIn("\x1b[?25h", t.transcript, "the cursor is shown again")

    def test_no_timer_waits_for_enter(self):
        t = self.start("--no-timer", "--quiet-bell")
        t.expect("Get ready"); t.type("")
        t.expect("Oils tonight"); t.type("")
        t.expect("Massage the left foot"); t.type("")
        t.expect("How tender was it")
        self.assertNotIn("PRESS", t.screen)
        os.write(t.master, b"q"); t.expect("Save what"); os.write(t.master, b"n"); t.wait()


    def test_a_small_terminal_gets_plain_questions_not_a_garbled_screen(self):
        t = Terminal(["guide", "--no-timer"], self.env(), cols=60, rows=20)
        t.expect("the terminal is 60x20, smaller than the guide's")
        t.expect(r"\[1/17\] Get ready")
        t.type("")
        t.expect("Oils tonight")
        t.type("")
        t.expect("Massage the left foot")
        t.type("")
        t.expect("How tender")
        t.type("4")
        t.send_eof()  # the terminal goes away: what was done is kept
        t.wait()
        self.assertNotIn("\x1b[?1049h", t.transcript)  # never the full screen
        for line in t.transcript.replace("\r", "").split("\n"):
            self.assertLessEqual(len(line), 60, line)
        self.assertEqual(self.session()["points"], [{"point": "left.heart", "tenderness": 4}])

    def test_a_terminal_made_smaller_asks_for_room(self):
        import fcntl
        import struct
        import termios
        t = self.start("--no-timer")
        t.expect("Get ready")
        fcntl.ioctl(t.master, termios.TIOCSWINSZ, struct.pack("HHHH", 20, 60, 0, 0))
        t.expect("Make the terminal at least 80x24 to see the guide")
        t.expect(r"\(it is\s+60x20\)")
        fcntl.ioctl(t.master, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        t.expect("Get ready")
        os.write(t.master, b"q")
        t.expect("Save what")
        os.write(t.master, b"n")
        self.assertEqual(t.wait(), 1)

    def test_stopped_at_the_first_point_saves_nothing(self):
        t = self.start("--no-timer")
        t.expect("Get ready"); t.type("")
        t.expect("Oils tonight"); t.type("lavender")
        t.expect("Massage the left foot"); t.type("")
        t.expect("step 4 of 17")
        t.expect("Point 1 of 8")
        os.write(t.master, b"q")
        t.expect("Save what you have done so far")
        os.write(t.master, b"y")
        self.assertEqual(t.wait(), 1)
        self.assertIn("stopped before the first point was done; nothing was saved",
                      t.transcript)
        self.assertEqual(self.ok("list", "--json").count('"routine"'), 0)
        # So does a closed terminal there.
        t = self.start("--no-timer")
        t.expect("Get ready"); t.type("")
        t.expect("Oils tonight"); t.type("")
        t.expect("Massage the left foot"); t.type("")
        t.expect("Point 1 of 8")
        t.proc.send_signal(signal.SIGHUP)
        self.assertEqual(t.wait(), 1)
        self.assertEqual(self.sql("SELECT count(*) FROM session"), [(0,)])


class GuideStyle(RlsCase):
    def walk_one_hold(self, *args, **env):
        t = Terminal(["guide", "--pace", "0.02", *args], self.env(**env))
        t.expect("Get ready"); t.type("")
        t.expect("Oils tonight"); t.type("")
        t.expect("Massage the left foot"); t.type("")
        t.expect("How tender was it")
        os.write(t.master, b"q"); t.expect("Save what"); os.write(t.master, b"n"); t.wait()
        return t.transcript

    def test_bold_unless_no_color_and_a_bell_per_hold_unless_quiet(self):
        plain = self.walk_one_hold(NO_COLOR="1")
        self.assertNotIn("\x1b[1m", plain)
        self.assertGreaterEqual(plain.count("\a"), 3)   # end of each of the three holds
        styled = self.walk_one_hold()
        self.assertIn("\x1b[1m", styled)
        quiet = self.walk_one_hold("--quiet-bell")
        self.assertEqual(quiet.count("\a"), 0)


class PlainGuide(RlsCase):
    def test_plain_prompts_from_a_pipe(self):
        answers = "\n".join(["", "valerian:2", "", "7", "6", "5", "4", "3", "", "", "2", "s", "1",
                             "", "n", "8", "2"]) + "\n"
        r = subprocess.run([RLS, "guide"], input=answers, capture_output=True, text=True,
                           env=self.env(), timeout=30)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Point 1 of 8, left foot: Heart (left.heart)", r.stderr)
        self.assertIn("Saved session 1: standard x1", r.stdout)
        self.assertNotIn("\x1b", r.stdout + r.stderr)
        s = self.json("show", "1")
        self.assertEqual(len(s["points"]), 7)
        self.assertEqual((s["before"], s["after"], s["partial"]), (8, 2, False))

    def test_input_ending_early_saves_a_partial_session(self):
        r = subprocess.run([RLS, "guide", "--json"], input="\n\n\n6\n", capture_output=True,
                           text=True, env=self.env(), timeout=30)
        self.assertEqual(r.returncode, 0, r.stderr)
        s = json.loads(r.stdout)
        self.assertTrue(s["partial"])
        self.assertEqual(s["points"], [{"point": "left.heart", "tenderness": 6}])

    def test_no_input_is_refused(self):
        self.assertIn("use rls log", self.fails(64, "guide", "--no-input"))
        self.assertIn("--pace must be a number from 0.01 to 10", self.fails(64, "guide", "--pace", "fast"))


if __name__ == "__main__":
    unittest.main(verbosity=2)
