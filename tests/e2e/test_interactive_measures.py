"""The tracked measures' questions on a pseudo-terminal, as a person answers
them: rls irls asks the ten IRLS items by number only (their wording is
copyrighted and never shown), asks again after an answer out of range, and
asks before replacing the week's entry; deleting a dose or a lab asks first
and respects the answer."""

import os
import re
import unittest

from rlstest import RlsCase, Terminal


class InteractiveIrls(RlsCase):
    def test_items_are_asked_by_number_and_a_bad_answer_asked_again(self):
        answers = [2, 3, 1, 4, 0, 2, 2, 1, 3, 2]
        t = Terminal(["irls"], self.env())
        t.expect(r"from your form \(rls never shows the wording\)")
        for n, answer in enumerate(answers, start=1):
            t.expect(rf"Item {n} \(0-4\): ")
            if n == 4:
                t.type("5")  # out of range: said, and the same item asked again
                t.expect(r"item 4 must be a whole number from 0 to 4, got '5'")
                t.expect(r"Item 4 \(0-4\): ")
            t.type(str(answer))
        total = sum(answers)
        t.expect(rf"Recorded IRLS week of 2026-11-23: total {total} \(moderate\)")
        self.assertEqual(t.wait(), 0)
        # Only item numbers were ever on the screen: ten prompts, nothing else asked.
        self.assertEqual(len(re.findall(r"Item \d+ \(0-4\)", t.transcript)), 11)
        self.assertEqual(self.sql("SELECT items, total FROM irls"),
                         [("".join(map(str, answers)), total)])

        # A second entry in the same week asks before replacing the first.
        t = Terminal(["irls", "--total", "25"], self.env())
        t.expect(rf"already has an entry \(total {total}\)\. Replace it\? \[y/N\]")
        t.type("n")
        self.assertEqual(t.wait(), 1)
        self.assertEqual(self.sql("SELECT total FROM irls"), [(total,)])
        t = Terminal(["irls", "--total", "25"], self.env())
        t.expect(r"Replace it\?")
        t.type("y")
        self.assertEqual(t.wait(), 0)
        self.assertEqual(self.sql("SELECT total, items FROM irls"), [(25, None)])

        # Asked for the ten items, it asks about replacing first, not after them.
        t = Terminal(["irls"], self.env())
        t.expect(r"already has an entry \(total 25\)\. Replace it\? \[y/N\]")
        t.type("n")
        self.assertEqual(t.wait(), 1)
        self.assertNotIn("Item 1", t.transcript)
        self.assertEqual(self.sql("SELECT total FROM irls"), [(25,)])

    def test_end_of_input_saves_nothing(self):
        t = Terminal(["irls"], self.env())
        t.expect(r"Item 1 \(0-4\): ")
        t.type("3")
        t.expect(r"Item 2 \(0-4\): ")
        t.send_eof()
        self.assertNotEqual(t.wait(), 0)
        # Asked before the diary is opened: not even created.
        self.assertFalse(os.path.exists(self.db))


class InteractiveMeasureDeletes(RlsCase):
    def test_deleting_a_dose_or_a_lab_asks_and_respects_the_answer(self):
        self.ok("took", "pramipexole", "2.5mg", "--at", "21:00", "-q")
        self.ok("lab", "--ferritin", "450", "-q")
        t = Terminal(["took", "--delete", "1"], self.env())
        t.expect(r"Delete dose 1 \(pramipexole 2\.5 mg at 21:00, night of 2026-11-24\)\? \[y/N\]")
        t.type("")
        self.assertEqual(t.wait(), 1)
        self.assertEqual(self.sql("SELECT count(*) FROM dose"), [(1,)])
        t = Terminal(["took", "--delete", "1"], self.env())
        t.expect(r"\[y/N\]")
        t.type("y")
        t.expect(r"Deleted dose 1")
        self.assertEqual(t.wait(), 0)
        self.assertEqual(self.sql("SELECT count(*) FROM dose"), [(0,)])
        self.assertEqual(self.sql("SELECT name FROM medicine"), [("pramipexole",)])

        t = Terminal(["lab", "--delete", "1"], self.env())
        t.expect(r"Delete lab 1 \(drawn 2026-11-25, ferritin 450 ng/mL\)\? \[y/N\]")
        t.type("n")
        self.assertEqual(t.wait(), 1)
        t = Terminal(["lab", "--delete", "1"], self.env())
        t.expect(r"\[y/N\]")
        t.type("yes")
        t.expect(r"Deleted lab 1")
        self.assertEqual(t.wait(), 0)
        self.assertEqual(self.sql("SELECT count(*) FROM lab"), [(0,)])


if __name__ == "__main__":
    unittest.main(verbosity=2)
