"""Nights, ratings and reminders in several zones at instants on each side
of both DST changes, against expectations computed independently with
Python's zoneinfo (a separate implementation over the system tz data)."""

import datetime as dt
import unittest
from zoneinfo import ZoneInfo

from rlstest import RlsCase

ZONES = ["UTC", "America/New_York", "Pacific/Auckland", "Asia/Kolkata", "Europe/Berlin"]
CUTOFF = dt.time(6, 0)
UTC = dt.timezone.utc


def transitions(zone, year=2026):
    """UTC instants in `year` where the zone's offset changes (hour resolution)."""
    tz = ZoneInfo(zone)
    out = []
    t = dt.datetime(year, 1, 1, tzinfo=UTC)
    previous = t.astimezone(tz).utcoffset()
    while t.year == year:
        t += dt.timedelta(hours=1)
        offset = t.astimezone(tz).utcoffset()
        if offset != previous:
            out.append(t)
            previous = offset
    return out


def instants(zone):
    """Nows to test: around each DST change, and an ordinary evening and morning."""
    base = [dt.datetime(2026, 6, 15, 20, 30, tzinfo=ZoneInfo(zone)),
            dt.datetime(2026, 6, 16, 7, 45, tzinfo=ZoneInfo(zone)),
            dt.datetime(2026, 6, 16, 2, 15, tzinfo=ZoneInfo(zone))]
    out = [b.astimezone(UTC) for b in base]
    for change in transitions(zone):
        out += [change - dt.timedelta(hours=2), change + dt.timedelta(hours=2),
                change - dt.timedelta(hours=9), change + dt.timedelta(hours=15)]
    return out


def night_of(local):
    day = local.date()
    return day - dt.timedelta(days=1) if local.time() < CUTOFF else day


def fmt(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


class Zones(RlsCase):
    def test_every_zone_and_dst_side(self):
        checked = 0
        for zone in ZONES:
            tz = ZoneInfo(zone)
            self.assertEqual(len(transitions(zone)), 0 if zone in ("UTC", "Asia/Kolkata") else 2)
            for now in instants(zone):
                with self.subTest(zone=zone, now=fmt(now)):
                    env = {"TZ": zone, "RLS_NOW": fmt(now)}
                    local = now.astimezone(tz)
                    s = self.json("log", "--no-input", env=env)
                    self.assertEqual(s["night"], night_of(local).isoformat())
                    self.assertEqual(s["started_utc"], fmt(now))
                    offset = local.utcoffset()
                    sign = "-" if offset < dt.timedelta(0) else "+"
                    minutes = abs(int(offset.total_seconds())) // 60
                    self.assertEqual(s["started"], local.strftime("%Y-%m-%dT%H:%M:%S") +
                                     f"{sign}{minutes // 60:02}:{minutes % 60:02}")
                    # "yesterday 22:30" as zoneinfo resolves it (both are unambiguous then).
                    yesterday = dt.datetime.combine(local.date() - dt.timedelta(days=1),
                                                    dt.time(22, 30), tzinfo=tz)
                    s = self.json("log", "--at", "yesterday 22:30", "--no-input", env=env)
                    self.assertEqual(s["started_utc"], fmt(yesterday.astimezone(UTC)))
                    self.assertEqual(s["night"], yesterday.date().isoformat())
                    # A morning rating is for the local date minus one; before the
                    # cut-off that night is still in progress and is refused.
                    if local.hour < 6:
                        ended = (local.date() - dt.timedelta(days=2)).isoformat()
                        self.assertIn(f"the latest to rate is {ended}",
                                      self.fails(64, "rate", "-s", "5", "--replace", env=env))
                    else:
                        r = self.json("rate", "-s", "5", "--replace", env=env)
                        self.assertEqual(r["night"],
                                         (local.date() - dt.timedelta(days=1)).isoformat())
                    # Reminders: the session is logged; the rating is due unless before the cut-off.
                    self.assertEqual(self.json("remind", env=env), [])
                    checked += 1
        self.assertGreater(checked, 30)


if __name__ == "__main__":
    unittest.main(verbosity=2)
