"""Every bad input gets one line on stderr naming the field and what is
allowed, a documented non-zero exit code, and leaves the database byte for
byte as it was."""

import unittest

from rlstest import RlsCase

# (arguments, exit code, text the message must contain)
CASES = [
    (["log", "--before", "11"], 64, "--before must be a whole number from 0 to 10, got '11'"),
    (["log", "--after", "-1"], 64, "--after must be a whole number from 0 to 10"),
    (["log", "--before", "seven"], 64, "--before must be a whole number"),
    (["log", "--before", "7.5"], 64, "--before must be a whole number"),
    (["log", "--before", ""], 64, "--before must be a whole number"),
    (["log", "--rounds", "0"], 64, "--rounds must be a whole number from 1 to 10, got '0'"),
    (["log", "--rounds", "11"], 64, "--rounds must be a whole number from 1 to 10"),
    (["log", "--rounds", "0x10"], 64, "--rounds must be a whole number"),
    (["log", "--rounds", "1e99"], 64, "--rounds must be a whole number"),
    (["log", "-p", "heart=11"], 64, "--point tenderness for heart must be a whole number from 0 to 10"),
    (["log", "-p", "heart"], 64, "--point must be POINT=TENDERNESS"),
    (["log", "-p", "toe=3"], 64, "--point 'toe' is not a known point"),
    (["log", "-p", "sciatic=3"], 64, "--point 'sciatic' is ambiguous"),
    (["log", "-p", "heart=3", "-p", "left.heart=4"], 64, "--point left.heart is given twice"),
    (["log", "-o", "rose"], 64, "--oil 'rose' is not a known oil"),
    (["log", "-o", "lavender:0"], 64, "--oil drops of lavender must be a whole number from 1 to 20"),
    (["log", "-o", "lavender:99"], 64, "--oil drops of lavender must be a whole number from 1 to 20"),
    (["log", "--routine", "nonesuch"], 64, "--routine 'nonesuch' is not a known routine"),
    (["log", "--duration", "forever"], 64, "--duration must be a duration from 1 to 360 minutes"),
    (["log", "--duration", "0m"], 64, "--duration must be a duration"),
    (["log", "--duration", "7h"], 64, "--duration must be a duration"),
    (["log", "--at", "2026-02-29 22:00"], 64, "--at has no such date"),
    (["log", "--at", "24:60"], 64, "--at must be now, HH:MM"),
    (["log", "--at", "2026-11-26 22:00"], 64, "--at must not be in the future"),
    (["log", "--at", "3026-01-01T00:00Z"], 64, "--at must not be in the future"),
    (["log", "--at", "1999-01-01 22:00"], 64, "--at must be in the year 2000 or later"),
    (["log", "--at", "soon"], 64, "--at must be now, HH:MM"),
    (["log", "-t", "two words"], 64, "--tag must be 1-40 characters"),
    (["log", "--note", "x" * 10001], 64, "--note must be at most 10000 bytes, got 10001 bytes"),
    (["rate", "--sleep", "11"], 64, "--sleep must be a whole number from 0 to 10, got '11'"),
    (["rate", "--restless", "NaN"], 64, "--restless must be a whole number from 0 to 10"),
    (["rate", "--night", "2026-11-31", "--sleep", "5"], 64, "--night must be a date YYYY-MM-DD"),
    (["rate", "--night", "2026-11-25", "--sleep", "5"], 64, "--night 2026-11-25 has not ended yet"),
    (["rate", "--sleep", "5", "--into-bed", "25:00"], 64, "--into-bed must be a time HH:MM"),
    (["rate", "--sleep", "5", "--latency", "lots"], 64, "--latency must be a duration"),
    (["rate", "--sleep", "5", "--awakenings", "-2"], 64, "--awakenings must be a whole number from 0 to 100"),
    (["rate", "--sleep", "5", "--try-sleep", "23:00", "--into-bed", "23:30"], 64,
     "--try-sleep must not be before --into-bed"),
    (["rate", "--sleep", "5", "--try-sleep", "23:00", "--final-wake", "01:00", "--latency", "90",
      "--waso", "60"], 64, "--latency plus --waso (150 min) must not exceed"),
    (["rate"], 64, "rate needs --sleep or --restless"),
    (["show", "abc"], 64, "ID must be a whole number"),
    (["show", "42"], 66, "session 42 does not exist"),
    (["edit", "42", "--before", "3"], 66, "session 42 does not exist"),
    (["edit", "1", "--before", "12"], 64, "--before must be a whole number from 0 to 10"),
    (["delete", "1"], 64, "delete needs --yes"),
    (["list", "--weeks", "0"], 64, "--weeks must be a whole number from 1 to 520"),
    (["demo", "--nights", "3"], 64, "--nights must be a whole number from 7 to 200000"),
    (["demo"], 65, "demo needs an empty database"),
    (["points", "add", "Bad Id", "--foot", "left"], 64, "ID must be 1-40 characters"),
    (["log", "--unknown"], 64, "--unknown"),
]


class BadInput(RlsCase):
    def test_table_of_bad_inputs(self):
        self.assertGreaterEqual(len(CASES), 25)
        # A database with something in it, so that "unchanged" means something.
        self.ok("log", "--at", "2026-11-24 22:00", "-p", "heart=5", "--no-input")
        self.ok("rate", "--night", "2026-11-23", "--sleep", "6")
        digest = self.db_digest()
        for args, code, expected in CASES:
            with self.subTest(args=args[:4]):
                message = self.fails(code, *args, "--no-input")
                self.assertIn(expected, message)
                self.assertEqual(self.db_digest(), digest, "the database must not change")

    def test_private_text_never_appears_in_errors(self):
        self.ok("log", "--no-input")
        secret = "my private diary words"
        r = self.run_rls("log", "--note", secret + "\xff", "--before", "99")
        self.assertNotEqual(r.returncode, 0)
        self.assertNotIn(secret, r.stderr)
        r = self.run_rls("log", "--note", secret * 1000)
        self.assertEqual(r.returncode, 64)
        self.assertNotIn(secret, r.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
