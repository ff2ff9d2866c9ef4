"""TZ as the C library reads it: a zone file by path, a POSIX TZ string
across its DST changes, and a damaged zone file. Expected local times come
from Python's zoneinfo (a separate reader of the same tz data)."""

import datetime as dt
import os
import shutil
import unittest
from zoneinfo import ZoneInfo

from rlstest import RlsCase

UTC = dt.timezone.utc
ZONEINFO = "/usr/share/zoneinfo"


def fmt(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def at(*args):
    return dt.datetime(*args, tzinfo=UTC)


class TzForms(RlsCase):
    def check_log(self, tz, zone, now, stored_tz):
        local = now.astimezone(ZoneInfo(zone))
        s = self.json("log", "--no-input", env={"TZ": tz, "RLS_NOW": fmt(now)})
        minutes = int(local.utcoffset().total_seconds()) // 60
        sign = "-" if minutes < 0 else "+"
        minutes = abs(minutes)
        self.assertEqual(s["started"], local.strftime("%Y-%m-%dT%H:%M:%S") +
                         f"{sign}{minutes // 60:02}:{minutes % 60:02}")
        self.assertEqual(s["tz"], stored_tz)
        night = local.date() - dt.timedelta(days=1) if local.hour < 6 else local.date()
        self.assertEqual(s["night"], night.isoformat())

    def test_posix_string_across_its_changes(self):
        spec = "CET-1CEST,M3.5.0,M10.5.0/3"
        for now in [at(2026, 3, 29, 0, 30), at(2026, 3, 29, 1, 30),
                    at(2026, 10, 25, 0, 30), at(2026, 10, 25, 1, 30), at(2026, 6, 1, 20, 0)]:
            with self.subTest(now=fmt(now)):
                self.check_log(spec, "Europe/Berlin", now, spec)
        err = self.fails(64, "log", "--no-input", "--at", "2026-03-29 02:30",
                         env={"TZ": spec, "RLS_NOW": "2026-03-29T12:00:00Z"})
        self.assertIn("does not exist", err)

    def test_zone_file_by_path(self):
        copy = os.path.join(self.tmp, "zonefile")
        shutil.copy(os.path.join(ZONEINFO, "America/New_York"), copy)
        for now in [at(2026, 3, 8, 6, 30), at(2026, 3, 8, 7, 30),
                    at(2026, 11, 1, 5, 30), at(2026, 11, 1, 6, 30)]:
            with self.subTest(now=fmt(now)):
                self.check_log(":" + copy, "America/New_York", now, "EST5EDT,M3.2.0,M11.1.0")
        # A path into the zone database keeps the zone's name.
        self.check_log(":" + os.path.join(ZONEINFO, "America/New_York"), "America/New_York",
                       at(2026, 6, 15, 1, 0), "America/New_York")

    def test_damaged_zone_file_is_its_own_error(self):
        bad = os.path.join(self.tmp, "zonefile")
        with open(os.path.join(ZONEINFO, "Europe/Berlin"), "rb") as f:
            data = f.read()
        for content in [b"", b"TZif and then garbage", data[: len(data) // 2]]:
            with self.subTest(size=len(content)):
                with open(bad, "wb") as f:
                    f.write(content)
                err = self.fails(72, "log", "--no-input", env={"TZ": ":" + bad})
                self.assertIn("zone file " + bad, err)

    def test_a_name_that_is_no_zone_is_a_usage_error(self):
        self.fails(64, "log", "--no-input", env={"TZ": "Mars/Olympus"})


if __name__ == "__main__":
    unittest.main(verbosity=2)
