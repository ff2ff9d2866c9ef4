"""Nights, cut-off and DST through the real CLI, with TZ and RLS_NOW fixed.
Expected instants are worked out by hand from each zone's rules."""

import unittest

from rlstest import RlsCase


class NewYorkSpringForward(RlsCase):
    tz = "America/New_York"
    now = "2026-03-08T14:00:00Z"  # 10:00 EDT on the day clocks jumped forward

    def test_times_around_the_gap(self):
        # 22:30 EST on the 7th = 03:30Z.
        s = self.json("log", "--at", "2026-03-07 22:30", "--no-input")
        self.assertEqual((s["started_utc"], s["night"]), ("2026-03-08T03:30:00Z", "2026-03-07"))
        self.assertEqual(s["started"], "2026-03-07T22:30:00-05:00")
        # 03:30 EDT on the 8th = 07:30Z, before the cut-off -> night of the 7th.
        s = self.json("log", "--at", "2026-03-08 03:30", "--no-input")
        self.assertEqual((s["started_utc"], s["night"]), ("2026-03-08T07:30:00Z", "2026-03-07"))
        self.assertEqual(s["started"], "2026-03-08T03:30:00-04:00")
        msg = self.fails(64, "log", "--at", "2026-03-08 02:30", "--no-input")
        self.assertIn("does not exist in America/New_York", msg)

    def test_rate_defaults_to_the_night_before(self):
        self.assertEqual(self.json("rate", "--sleep", "5")["night"], "2026-03-07")


class NewYorkFallBack(RlsCase):
    tz = "America/New_York"
    now = "2026-11-01T15:00:00Z"  # 10:00 EST after clocks went back

    def test_ambiguous_time_takes_the_first(self):
        s = self.json("log", "--at", "2026-11-01 01:30", "--no-input")
        self.assertEqual(s["started_utc"], "2026-11-01T05:30:00Z")  # 01:30 EDT
        self.assertEqual(s["night"], "2026-10-31")
        # An explicit offset picks the second 01:30 (EST).
        s = self.json("log", "--at", "2026-11-01T01:30-05:00", "--no-input")
        self.assertEqual(s["started_utc"], "2026-11-01T06:30:00Z")
        self.assertEqual(s["night"], "2026-10-31")
        # 05:59 EST (10:59Z) is still the 31st's night; 06:00 EST is the 1st's.
        self.assertEqual(self.json("log", "--at", "2026-11-01 05:59", "--no-input")["night"], "2026-10-31")
        self.assertEqual(self.json("log", "--at", "2026-11-01 06:00", "--no-input")["night"], "2026-11-01")

    def test_diary_across_the_change_counts_real_minutes(self):
        # Into bed 23:00 EDT (03:00Z), out of bed 07:00 EST (12:00Z): 9 real hours in bed.
        r = self.json("rate", "--night", "2026-10-31", "--sleep", "6", "--into-bed", "23:00",
                      "--out-of-bed", "07:00")
        self.assertEqual(r["diary"]["time_in_bed_min"], 540)


class EastOfUtc(RlsCase):
    tz = "Pacific/Auckland"
    now = "2026-11-24T19:00:00Z"  # 08:00 NZDT (UTC+13) on the 25th

    def test_local_dates_not_utc_dates(self):
        s = self.json("log", "--at", "yesterday 22:30", "--no-input")
        # 22:30 NZDT on the 24th = 09:30Z on the 24th.
        self.assertEqual((s["started_utc"], s["night"]), ("2026-11-24T09:30:00Z", "2026-11-24"))
        s = self.json("log", "--at", "01:15", "--no-input")  # 01:15 on the 25th = 12:15Z on the 24th
        self.assertEqual((s["started_utc"], s["night"]), ("2026-11-24T12:15:00Z", "2026-11-24"))
        self.assertEqual(self.json("rate", "--sleep", "7")["night"], "2026-11-24")


class Kolkata(RlsCase):
    tz = "Asia/Kolkata"
    now = "2026-11-25T02:00:00Z"  # 07:30 IST

    def test_half_hour_offset(self):
        s = self.json("log", "--at", "yesterday 23:45", "--no-input")
        self.assertEqual(s["started_utc"], "2026-11-24T18:15:00Z")
        self.assertEqual(s["started"], "2026-11-24T23:45:00+05:30")


class Travel(RlsCase):
    def test_past_entries_keep_their_local_time_and_night(self):
        self.ok("log", "--at", "2026-11-24 22:15", "--no-input")  # Berlin
        # Flying to New York does not move the session.
        s = self.json("show", "1", TZ="America/New_York")
        self.assertEqual(s["night"], "2026-11-24")
        self.assertEqual(s["started"], "2026-11-24T22:15:00+01:00")
        self.assertIn("22:15", self.ok("list", TZ="America/New_York", RLS_NOW="2026-11-25T12:00:00Z"))


class Midnight(RlsCase):
    now = "2026-11-24T23:30:00Z"  # 00:30 Berlin on the 25th

    def test_bare_time_after_midnight_means_last_evening(self):
        s = self.json("log", "--at", "23:10", "--no-input")
        self.assertEqual((s["started_utc"], s["night"]), ("2026-11-24T22:10:00Z", "2026-11-24"))
        s = self.json("log", "--no-input")  # now: 00:30, before the cut-off
        self.assertEqual(s["night"], "2026-11-24")


if __name__ == "__main__":
    unittest.main(verbosity=2)
