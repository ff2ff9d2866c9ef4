"""Issue 11 end to end: twelve weeks typed night by night through the real
binary, the clock (RLS_NOW) stepping across a DST change, with a weekly IRLS,
a dose raised in week 8, symptom onset drifting more than two hours earlier
and one night with symptoms in the arms. The report (text and JSON) shows
each, and its augmentation watch speaks exactly once; a history without those
signs, in another zone, leaves the watch silent. Every expected figure is
worked out here from the script, never taken from rls."""

import datetime
import json
import math
import re
import unittest
from zoneinfo import ZoneInfo

from rlstest import RlsCase

FIRST = datetime.date(2026, 9, 7)  # a Monday
NIGHTS = 84
LAST = FIRST + datetime.timedelta(days=NIGHTS - 1)  # Sunday 2026-11-29
BASELINE = 28  # the watch compares with the first four weeks
WATCH_SENTENCE = "These can be signs of augmentation"


def night(i):
    return FIRST + datetime.timedelta(days=i)


def clock(minutes):
    """HH:MM for minutes after the night's midnight, to the nearest minute."""
    m = math.floor(minutes + 0.5) % 1440
    return f"{m // 60:02}:{m % 60:02}"


def band(total):
    if total == 0:
        return "none"
    if total <= 10:
        return "mild"
    if total <= 20:
        return "moderate"
    if total <= 30:
        return "severe"
    return "very severe"


def items_for(total):
    """Ten item scores 0-4 adding up to `total`."""
    base, extra = divmod(total, 10)
    return [base + 1] * extra + [base] * (10 - extra)


class History:
    """What one person types: the same routine, with or without the signs."""

    def __init__(self, signs):
        self.signs = signs
        if signs:
            self.irls = [12, 13, 10, 15, 11, 15, 14, 17, 18, 23, 24, 26]
        else:
            self.irls = [12, 13, 10, 15, 11, 15, 14, 13, 12, 16, 14, 15]

    @staticmethod
    def rated(i):
        return i % 7 != 6  # Sunday nights go unrated: missing, not zero

    @staticmethod
    def session(i):
        # A massage most nights; one planned night off a week (rls skip)
        # and one simply without.
        return i % 7 not in (2, 5)

    @staticmethod
    def planned_off(i):
        return i % 7 == 2

    def onset(self, i):
        """Local clock minutes after midnight when symptoms began."""
        jitter = (0, 15, -15)[i % 3]
        if not self.signs or i < BASELINE:
            return 21 * 60 + 30 + jitter
        # Earlier by six minutes a night from week 5, to 19:00 by week 8.
        return 21 * 60 + 30 - min(150, (i - BASELINE + 1) * 6) + jitter

    def spread(self, i):
        return "legs,arms" if self.signs and i == 70 else "legs"

    def dose(self, i):
        return 0.25 if self.signs and i >= 49 else 0.125  # night 49: Monday of week 8

    def irls_args(self, week):
        total = self.irls[week]
        if week == 3:
            return ["--total", str(total)]  # a week with only the total at hand
        return [str(v) for v in items_for(total)]

    def irls_total(self, week):
        if week == 3:
            return self.irls[week]
        return sum(items_for(self.irls[week]))


class TrackedHistory(RlsCase):
    def at(self, day, hhmm):
        local = datetime.datetime.combine(day, datetime.time.fromisoformat(hhmm))
        utc = local.replace(tzinfo=ZoneInfo(self.tz)).astimezone(datetime.timezone.utc)
        self.now = utc.strftime("%Y-%m-%dT%H:%M:%SZ")

    def live(self, h, ferritin, tsat):
        """Types twelve weeks of `h` the way a person would, day by day."""
        self.at(FIRST + datetime.timedelta(days=3), "08:00")
        self.ok("lab", "--ferritin", "60", "--tsat", "19", "--fasting", "-q")
        for i in range(NIGHTS):
            d = night(i)
            self.at(d, "21:30")
            self.ok("took", "pramipexole", f"{h.dose(i)}mg", "--at", "20:00", "-q")
            if h.session(i):
                self.ok("log", "--no-input", "-q")
            elif h.planned_off(i):
                self.ok("skip", "-q")
            if d.weekday() == 6:  # Sunday evening: the week's IRLS
                self.ok("irls", *h.irls_args(i // 7), "-q")
            if d == LAST - datetime.timedelta(days=9):
                self.ok("lab", "--ferritin", str(ferritin), "--tsat", str(tsat), "--fasting", "-q")
            if h.rated(i):
                self.at(d + datetime.timedelta(days=1), "08:00")
                m = h.onset(i)
                self.ok("rate", "--sleep", str(5 + i % 3), "--restless", str(3 + i % 4),
                        "--onset", clock(m), "--spread", h.spread(i), "-q")
        self.at(LAST + datetime.timedelta(days=1), "09:00")

    def report(self):
        j = self.json("report", "--weeks", "12")
        self.assertEqual((j["from"], j["to"]), (FIRST.isoformat(), LAST.isoformat()))
        return j, self.ok("report", "--weeks", "12", "--color", "never")

    def section(self, text, title):
        """The lines of the report section headed `title`, up to the next blank line."""
        lines = text.split("\n")
        start = lines.index(next(line for line in lines if line.startswith(title)))
        out = []
        for line in lines[start + 1:]:
            if not line.strip():
                break
            out.append(line)
        return out

    def check_irls(self, h, j, text):
        rows = j["tracked"]["irls"]
        self.assertEqual([r["week"] for r in rows],
                         [night(7 * w).isoformat() for w in range(12)])
        totals = [h.irls_total(w) for w in range(12)]
        self.assertEqual([r["total"] for r in rows], totals)
        self.assertEqual([r["band"] for r in rows], [band(t) for t in totals])
        changes = [None] + [b - a for a, b in zip(totals, totals[1:])]
        self.assertEqual([r["change"] for r in rows], changes)
        self.assertEqual([r["relevant_change"] for r in rows],
                         [c is not None and abs(c) >= 5 for c in changes])
        self.assertEqual([r["has_items"] for r in rows], [w != 3 for w in range(12)])
        # The text table, row by row: week, total, band, change, relevant.
        table = self.section(text, "Severity (IRLS)")[1:]
        table, overall = table[:-1], table[-1]
        first_to_latest = totals[-1] - totals[0]
        self.assertEqual(overall, f"  From the first entry to the latest: {first_to_latest:+d} "
                                  f"points{', a relevant change (5 or more)' if abs(first_to_latest) >= 5 else ''}.")
        self.assertEqual(len(table), 12)
        for w, line in enumerate(table):
            m = re.fullmatch(r"  (\S+) +(\d+)  (\S+(?: severe)?)(?: +([+-]\d+))?(  relevant)? *",
                             line)
            self.assertIsNotNone(m, line)
            self.assertEqual(m.group(1), night(7 * w).isoformat())
            self.assertEqual(int(m.group(2)), totals[w])
            self.assertEqual(m.group(3), band(totals[w]))
            self.assertEqual(m.group(4), None if w == 0 else f"{changes[w]:+d}")
            self.assertEqual(m.group(5) is not None, w > 0 and abs(changes[w]) >= 5)

    def check_onset(self, h, j, text):
        timed = [i for i in range(NIGHTS) if h.rated(i)]
        onsets = [h.onset(i) for i in timed]
        o = j["tracked"]["onset"]
        self.assertEqual(o["nights"], len(timed))
        self.assertAlmostEqual(o["mean_min"], sum(onsets) / len(onsets), places=6)
        self.assertEqual(o["earliest_min"], min(onsets))
        self.assertEqual(o["latest_min"], max(onsets))
        weekly = []
        for w in range(12):
            week = [h.onset(i) for i in range(7 * w, 7 * w + 7) if h.rated(i)]
            weekly.append(sum(week) / len(week))
        for got, want in zip(o["weekly_mean_min"], weekly):
            self.assertAlmostEqual(got, want, places=6)
        self.assertEqual(o["spread_nights"], len(timed))
        self.assertEqual(o["arms_nights"], 1 if h.signs else 0)
        self.assertEqual(o["trunk_nights"], 0)
        lines = " ".join(line.strip() for line in self.section(text, "Symptom onset and spread"))
        self.assertIn(f"Symptoms began on average at {clock(sum(onsets) / len(onsets))} "
                      f"({len(timed)} nights; earliest {clock(min(onsets))}, latest "
                      f"{clock(max(onsets))}).", lines)
        self.assertIn("By week: " + " ".join(clock(w) for w in weekly), lines)
        self.assertIn(f"Where, on {len(timed)} nights: arms on {1 if h.signs else 0}, trunk on 0.",
                      lines)

    def check_medicines(self, h, j, text):
        first, last = h.dose(0), h.dose(NIGHTS - 1)
        # A change: the first night, and each night whose amount differs from the night before.
        changes, previous = [], None
        for i in range(NIGHTS):
            if h.dose(i) != previous:
                changes.append({"night": night(i).isoformat(), "from": previous, "to": h.dose(i)})
            previous = h.dose(i)
        self.assertEqual(j["tracked"]["medicines"], [
            {"name": "pramipexole", "unit": "mg", "nights": NIGHTS, "first_nightly": first,
             "last_nightly": last, "highest_nightly": max(first, last), "changes": changes}])
        row = self.section(text, "Medicines")[0]
        self.assertRegex(row, rf"^  pramipexole +{NIGHTS} nights  first {first:g} mg, "
                              rf"last {last:g} mg, highest {max(first, last):g} mg$")

    def check_iron(self, j, text, ferritin, tsat):
        iron = j["tracked"]["iron"]
        drawn = (LAST - datetime.timedelta(days=9)).isoformat()
        low_f, low_t = ferritin <= 75, tsat < 20
        self.assertEqual(iron["ferritin"], {"drawn": drawn, "value": ferritin, "fasting": True,
                                            "low": low_f})
        self.assertEqual(iron["tsat"], {"drawn": drawn, "value": tsat, "fasting": True,
                                        "low": low_t})
        self.assertEqual(iron["ask_doctor"], low_f or low_t)
        self.assertEqual(text.count("ask your doctor about iron"), 1 if (low_f or low_t) else 0)

    def test_twelve_weeks_with_the_signs_across_berlins_dst_change(self):
        self.tz = "Europe/Berlin"  # clocks go back on 2026-10-25, night 48
        h = History(signs=True)
        self.live(h, ferritin=76, tsat=20)  # just above both thresholds
        j, text = self.report()
        self.check_irls(h, j, text)
        self.check_onset(h, j, text)
        self.check_medicines(h, j, text)
        self.check_iron(j, text, 76, 20)
        t = j["tracked"]
        self.assertEqual(t["no_session_nights"], {"planned": 12, "not_marked": 12})
        self.assertIn("Nights without a session: 12 planned (rls skip), 12 not marked.", text)

        # The watch, worked out from the script: the first four weeks against
        # the last four of the window.
        watch = t["augmentation_watch"]
        self.assertTrue(watch["compared"])
        base = [h.onset(i) for i in range(BASELINE) if h.rated(i)]
        recent = [h.onset(i) for i in range(NIGHTS - BASELINE, NIGHTS) if h.rated(i)]
        earlier = sum(base) / len(base) - sum(recent) / len(recent)
        self.assertGreaterEqual(earlier, 120)
        m = math.floor(earlier + 0.5)
        irls_base = sum(h.irls_total(w) for w in range(4)) / 4
        latest = h.irls_total(11)
        self.assertEqual(watch["signs"], [
            {"kind": "onset",
             "text": f"Symptoms began at {clock(sum(recent) / len(recent))} on average over the "
                     f"last four weeks, {m // 60}h{m % 60:02}m earlier than at "
                     f"{clock(sum(base) / len(base))} in your first four weeks."},
            {"kind": "spread",
             "text": f"Symptoms reached the arms on 1 night of the last four weeks, which "
                     f"they did not in your first four weeks (first on {night(70)})."},
            {"kind": "dose",
             "text": f"pramipexole: up to 0.25 mg a night, more than the 0.125 mg of your "
                     f"first four weeks (first on {night(49)})."},
            {"kind": "irls",
             "text": f"IRLS {latest} in the week of {night(77)}, {latest - irls_base:.1f} points "
                     f"above the {irls_base:.1f} of your first four weeks."},
        ])
        self.assertTrue(watch["message"].startswith(WATCH_SENTENCE))
        # The text says each sign, and the message exactly once.
        flat = " ".join(text.split())
        for sign in watch["signs"]:
            self.assertIn(sign["text"], flat)
        self.assertEqual(flat.count(WATCH_SENTENCE), 1)
        self.assertEqual(flat.count(watch["message"]), 1)
        # No diagnosis, no dose advice: the message is all it says about it.
        self.assertEqual(flat.count("augmentation"), watch["message"].count("augmentation"))

    def test_twelve_weeks_without_the_signs_stay_silent_across_new_yorks_dst_change(self):
        self.tz = "America/New_York"  # clocks go back on 2026-11-01, night 55
        h = History(signs=False)
        self.live(h, ferritin=75, tsat=25)  # ferritin at the threshold: low
        j, text = self.report()
        self.check_irls(h, j, text)
        self.check_onset(h, j, text)
        self.check_medicines(h, j, text)
        self.check_iron(j, text, 75, 25)
        watch = j["tracked"]["augmentation_watch"]
        self.assertTrue(watch["compared"])
        self.assertEqual(watch["signs"], [])
        self.assertIsNone(watch["message"])
        flat = " ".join(text.split())
        self.assertNotIn("augmentation", flat)
        self.assertIn("Nothing to point out", flat)


if __name__ == "__main__":
    unittest.main()
