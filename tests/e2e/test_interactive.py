"""Interactive commands driven through a pseudo-terminal, as a person would:
read the prompt on the screen, type an answer, press Enter."""

import unittest

from rlstest import RlsCase, Terminal


class InteractiveLog(RlsCase):
    def test_log_walks_the_routine_then_oils_then_before_after(self):
        self.ok("log", "--at", "2026-11-23 22:00", "-p", "heart=5", "-o", "valerian:3", "-o", "lavender")
        t = Terminal(["log", "--at", "yesterday 22:10"], self.env())
        t.expect(r"Logging standard x1 \(8 points\)")
        answers = {"left.heart": "7", "left.lateral": "", "left.knee-leg": "5",
                   "left.sciatic": "eleven", "left.foot": "2", "right.ball": "3",
                   "right.sciatic": "", "right.foot": "1"}
        for point, answer in answers.items():
            t.expect(point)
            t.type(answer)
            if answer == "eleven":  # a bad answer is explained and asked again
                t.expect(r"must be a whole number from 0 to 10")
                t.expect(point)
                t.type("4")
        # Oils default to the last session's.
        t.expect(r"Oils used \[valerian:3 lavender:2\]")
        t.type("")
        t.expect(r"before the massage")
        t.type("8")
        t.expect(r"after the massage")
        t.type("3")
        t.expect(r"Logged session 2")
        self.assertEqual(t.wait(), 0)
        s = self.json("show", "2")
        self.assertEqual(s["points"], [
            {"point": "left.heart", "tenderness": 7}, {"point": "left.knee-leg", "tenderness": 5},
            {"point": "left.sciatic", "tenderness": 4}, {"point": "left.foot", "tenderness": 2},
            {"point": "right.ball", "tenderness": 3}, {"point": "right.foot", "tenderness": 1}])
        self.assertEqual(s["oils"], [{"oil": "valerian", "drops": 3}, {"oil": "lavender", "drops": 2}])
        self.assertEqual((s["before"], s["after"]), (8, 3))

    def test_oils_can_be_typed_or_cleared(self):
        t = Terminal(["log", "--routine", "standard", "--before", "5", "--after", "2"], self.env())
        for _ in range(8):
            t.expect(r": ")
            t.type("")
        t.expect(r"Oils used, e.g.")
        t.type("lavender:3, rose")
        t.expect(r"'rose' is not a known oil")
        t.expect(r"Oils used")
        t.type("lavender:3 chamomile")
        t.expect(r"Logged session 1")
        self.assertEqual(t.wait(), 0)
        s = self.json("show", "1")
        self.assertEqual(s["oils"], [{"oil": "roman-chamomile", "drops": 2}, {"oil": "lavender", "drops": 3}])
        self.assertEqual(s["points"], [])

    def test_end_of_input_cancels_and_saves_nothing(self):
        self.ok("list")  # create the database
        digest = self.db_digest()
        t = Terminal(["log"], self.env())
        t.expect("left.heart")
        t.type("5")
        t.expect("left.lateral")
        t.send_eof()
        self.assertEqual(t.wait(), 1)
        self.assertIn("cancelled; nothing was saved", t.screen)
        self.assertEqual(self.db_digest(), digest)

    def test_ctrl_c_at_a_question_says_so_and_exits_130(self):
        import signal
        self.ok("list")  # create the database
        digest = self.db_digest()
        for args, prompt in ((["log"], "left.heart"), (["rate"], "Sleep quality")):
            with self.subTest(args=args):
                t = Terminal(args, self.env())
                t.expect(prompt)
                t.proc.send_signal(signal.SIGINT)
                self.assertEqual(t.wait(), 130)
                self.assertIn("rls: interrupted; nothing was saved", t.screen)
                self.assertEqual(self.db_digest(), digest)

    def test_no_input_and_no_terminal_record_what_the_options_give(self):
        # As rls(1) says: log asks nothing then, and stores only what was given.
        r = self.run_rls("log", "--at", "yesterday 22:00", input="")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stderr, "")
        s = self.json("show", "1")
        self.assertEqual((s["points"], s["oils"], s["before"]), ([], [], None))
        # rate needs an answer: it fails without changing anything.
        digest = self.db_digest()
        t = Terminal(["rate", "--no-input"], self.env())
        self.assertEqual(t.wait(), 64)
        self.assertEqual(self.db_digest(), digest)

    def test_a_second_session_for_a_night_asks_first(self):
        self.ok("log", "--at", "yesterday 21:00", "-p", "heart=5", "--no-input", "-q")
        digest = self.db_digest()
        t = Terminal(["log", "--at", "yesterday 23:00", "-p", "heart=3"], self.env())
        t.expect(r"The night of 2026-11-24 already has\s+session 1\s+\(standard\s+x1\s+at\s+2026-11-24\s+21:00\)")
        t.expect(r"Log another session for the same night\? \[y/N\]")
        t.type("n")
        self.assertEqual(t.wait(), 1)
        self.assertEqual(self.db_digest(), digest)
        t = Terminal(["log", "--at", "yesterday 23:00", "-p", "heart=3"], self.env())
        t.expect(r"same night\?")
        t.type("y")
        t.expect(r"Logged session 2")
        self.assertEqual(t.wait(), 0)
        # Without a terminal it is stored, with a note on stderr.
        r = self.run_rls("log", "--at", "2026-11-25 00:30", "--no-input")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("note: The night of 2026-11-24 already has session 2", r.stderr)
        r = self.run_rls("log", "--at", "2026-11-25 00:40", "--no-input", "-q")
        self.assertEqual((r.returncode, r.stderr), (0, ""), "--quiet silences the note")
        # Another night: no question, no note.
        r = self.run_rls("log", "--at", "2026-11-23 21:00", "--no-input")
        self.assertEqual(r.stderr, "")

    def test_no_input_never_prompts(self):
        t = Terminal(["log", "--no-input"], self.env())
        self.assertEqual(t.wait(), 0)
        self.assertNotIn("left.heart", t.screen)


class InteractiveRate(RlsCase):
    def test_rate_asks_when_nothing_is_given(self):
        t = Terminal(["rate"], self.env())
        t.expect(r"Rating the night of 2026-11-24")
        t.expect(r"Sleep quality")
        t.type("6")
        t.expect(r"restlessness")
        t.type("3")
        t.expect(r"Rated the night of 2026-11-24: sleep 6, restlessness 3")
        self.assertEqual(t.wait(), 0)

    def test_replacing_a_rating_asks_first(self):
        self.ok("rate", "--sleep", "5")
        t = Terminal(["rate", "--sleep", "9"], self.env())
        t.expect(r"already rated \(sleep 5, restlessness -\)\. Replace it\? \[y/N\]")
        t.type("n")
        self.assertEqual(t.wait(), 1)
        self.assertEqual(self.sql("SELECT sleep FROM rating"), [(5,)])
        t = Terminal(["rate", "--sleep", "9"], self.env())
        t.expect(r"Replace it\?")
        t.type("y")
        self.assertEqual(t.wait(), 0)
        self.assertEqual(self.sql("SELECT sleep FROM rating"), [(9,)])


class InteractiveDelete(RlsCase):
    def test_delete_asks_and_respects_the_answer(self):
        self.ok("log", "--at", "2026-11-24 22:00", "--no-input")
        t = Terminal(["delete", "1"], self.env())
        t.expect(r"Delete session 1 \(standard x1 at 2026-11-24 22:00\)\? \[y/N\]")
        t.type("")
        self.assertEqual(t.wait(), 1)
        self.assertEqual(self.sql("SELECT count(*) FROM session"), [(1,)])
        t = Terminal(["delete", "1"], self.env())
        t.expect(r"\[y/N\]")
        t.type("yes")
        t.expect("Deleted session 1")
        self.assertEqual(t.wait(), 0)
        self.assertEqual(self.sql("SELECT count(*) FROM session"), [(0,)])


if __name__ == "__main__":
    unittest.main(verbosity=2)
