"""rls trial end to end: a sixteen-night trial run night by night with the
clock (RLS_NOW) stepping across the autumn DST change in Berlin, following
the schedule it reveals, with one deviation, one forgotten night and one
unrated morning; the counts and differences are worked out here from that
schedule and the scores typed, never taken from rls. Bad plans are refused
with one line, exit 64, and the database untouched."""

import csv
import datetime
import io
import unittest
from zoneinfo import ZoneInfo

from rlstest import RlsCase

BERLIN = ZoneInfo("Europe/Berlin")
FIRST = datetime.date(2026, 10, 18)  # clocks go back at 03:00 on Sunday the 25th


def utc(local):
    """RLS_NOW for a Berlin wall time "YYYY-MM-DD HH:MM" (the first of two)."""
    t = datetime.datetime.strptime(local, "%Y-%m-%d %H:%M").replace(tzinfo=BERLIN)
    return t.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def day(d, offset=0):
    return (d + datetime.timedelta(days=offset)).isoformat()


def score(seq, massage):
    """The sleep typed the next morning: better after a massage, not constant."""
    return 4 + (3 if massage else 0) + seq * 7 % 3 - 1


def block_difference(rows):
    """B - A averaged over the blocks holding one night of each: what block
    fixed effects estimate for pairs (a block with one arm tells nothing)."""
    by_block = {}
    for block, arm, y in rows:
        by_block.setdefault(block, []).append((arm, y))
    diffs = []
    for nights in by_block.values():
        arms = sorted(a for a, _ in nights)
        if arms == [0, 1]:
            ys = dict(nights)
            diffs.append(ys[1] - ys[0])
    return sum(diffs) / len(diffs), len(diffs)


class TrialAcrossDst(RlsCase):
    now = utc("2026-10-18 20:00")

    def at(self, local):
        self.now = utc(local)

    def test_sixteen_nights_followed_deviated_skipped_forgotten_then_reported(self):
        start = self.json("trial", "start", "none", "standard x2", "--seed", "5")
        fingerprint = start["fingerprint"]
        self.assertEqual(start["first_night"], day(FIRST))
        self.assertEqual(start["last_night"], day(FIRST, 15))
        # Only tonight is shown until --reveal.
        hidden = self.json("trial", "show")["schedule"]
        self.assertEqual([n["arm"] is None for n in hidden], [False] + [True] * 15)
        plan = self.json("trial", "show", "--reveal")
        schedule = plan["schedule"]
        self.assertEqual([n["date"] for n in schedule], [day(FIRST, i) for i in range(16)])
        arm_index = {a["arm"]: i for i, a in enumerate(a for a in plan["arms"])}
        self.assertEqual(arm_index, {"none": 0, "standard x2": 1})
        for b in range(1, 9):  # balanced: every block holds each arm once
            self.assertEqual(sorted(n["arm"] for n in schedule if n["block"] == b),
                             ["none", "standard x2"])

        assigned = {n["night"]: arm_index[n["arm"]] for n in schedule}
        deviate = next(s for s in range(3, 17) if assigned[s] == 0)
        forget = next(s for s in range(9, 17) if assigned[s] == 1)
        unrated = 14 if forget != 14 else 15
        dst_night = 7  # the night of the 24th: its session after midnight, in the repeated hour
        done = {}
        for n in schedule:
            seq, date = n["night"], datetime.date.fromisoformat(n["date"])
            if seq == dst_night:
                self.now = "2026-10-25T01:30:00Z"  # 02:30 CET, the second 02:30
            else:
                self.at(f"{date} 21:00")
            tonight = self.json("trial", "tonight")
            self.assertEqual((tonight["night"], tonight["trial_night"], tonight["arm"]),
                             (n["date"], seq, n["arm"]))
            if seq == forget:
                done[seq] = None
            elif seq == deviate:  # a none night with a massage after all
                r = self.run_rls("log", "-n", "2", "--no-input", "--json")
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertIn("will be kept as a deviation", r.stderr)
                done[seq] = 1
            elif assigned[seq] == 0:
                skip = self.json("trial", "skip")
                self.assertEqual((skip["date"], skip["followed"]), (n["date"], True))
                done[seq] = 0
            else:
                r = self.run_rls("log", "-n", "2", "--no-input", "--json")
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertEqual(r.stderr, "", "a followed night says nothing on stderr")
                self.assertIn(f'"night": "{n["date"]}"', r.stdout)
                done[seq] = 1
            self.at(f"{day(date, 1)} 08:00")
            if seq != unrated:
                rated = self.json("rate", "--sleep", str(score(seq, done[seq] == 1)))
                self.assertEqual(rated["night"], n["date"])
            self.assertEqual(self.json("trial", "show")["fingerprint"], fingerprint)
            if seq == 3:  # mid-trial, the CSV holds no night still to come
                trial_rows = [r for r in self.csv_rows() if r["trial"]]
                self.assertEqual([r["night"] for r in trial_rows], [day(FIRST, i) for i in range(4)])

        self.at(f"{day(FIRST, 16)} 20:00")
        self.assertEqual(self.ok("trial", "tonight"), "No trial is running.\n")

        # What the test expects, from the schedule and its own actions.
        followed = sum(1 for s in done if done[s] is not None and done[s] == assigned[s])
        self.assertEqual(followed, 14)
        status = self.json("trial", "status")
        self.assertEqual(status["state"], "finished")
        self.assertEqual(status["fingerprint"], fingerprint)
        self.assertEqual((status["begun"], status["followed"], status["deviated"]), (16, 14, 1))
        self.assertEqual(status["skipped"], 7)
        self.assertEqual(status["forgotten"], [day(FIRST, forget - 1)])
        self.assertEqual(status["unrated"], [day(FIRST, unrated - 1)])
        self.assertEqual((status["ended"], status["rated"]), (16, 15))
        self.assertAlmostEqual(status["adherence_pct"], 100 * 14 / 16)

        block = {n["night"]: n["block"] for n in schedule}
        scores = {s: score(s, done[s] == 1) for s in done if s != unrated}
        as_assigned = [(block[s], assigned[s], y) for s, y in scores.items()]
        as_done = [(block[s], done[s], y) for s, y in scores.items() if done[s] is not None]

        report = self.json("trial", "report")
        self.assertEqual(report["fingerprint"], fingerprint)
        self.assertEqual(report["state"], "finished")
        adherence = report["adherence"]
        self.assertEqual((adherence["followed"], adherence["deviated"], adherence["not_logged"],
                          adherence["skipped"], adherence["rated"]), (14, 1, 1, 7, 15))
        for name, rows in (("as_assigned", as_assigned), ("as_done", as_done)):
            with self.subTest(analysis=name):
                (effect,) = report[name]
                a = [y for _, arm, y in rows if arm == 0]
                b = [y for _, arm, y in rows if arm == 1]
                self.assertEqual((effect["n_a"], effect["n_b"]), (len(a), len(b)))
                self.assertAlmostEqual(effect["mean_a"], sum(a) / len(a))
                self.assertAlmostEqual(effect["mean_b"], sum(b) / len(b))
                diff, _ = block_difference(rows)
                self.assertAlmostEqual(effect["diff"], diff)
        self.assertEqual(len(as_done), 14)  # the forgotten night has no "done"
        self.assertEqual(report["randomisation"]["exact"], True)
        self.assertEqual(report["randomisation"]["allocations"], 2 ** 8)
        states = {n["night"]: n["state"] for n in report["timeline"]}
        self.assertEqual(states[day(FIRST, deviate - 1)], "deviated")
        self.assertEqual(states[day(FIRST, forget - 1)], "forgotten")
        self.assertEqual(sum(1 for s in states.values() if s == "followed"), 14)

        # The trial leads the whole report, with the same analysis.
        whole = self.json("report", "--weeks", "4")
        self.assertEqual(whole["trial"]["fingerprint"], fingerprint)
        self.assertEqual(whole["trial"]["decision"], report["decision"])
        self.assertEqual(whole["trial"]["as_assigned"], report["as_assigned"])
        text = self.ok("report", "--weeks", "4")
        self.assertLess(text.find("Trial 1: none (A) vs standard x2 (B) - finished"),
                        text.find("In short"))
        self.assertIn(fingerprint[:16], text)
        trial_text = self.ok("trial", "report")
        self.assertIn("finished", trial_text)
        for line in trial_text.splitlines():
            self.assertLessEqual(len(line), 80, line)
        self.assertEqual(self.json("trial", "show")["fingerprint"], fingerprint)

        # The CSV: every night of the trial, its place, assigned, done, state.
        names = {0: "none", 1: "standard x2", None: ""}
        rows = [r for r in self.csv_rows() if r["trial"]]
        self.assertEqual([r["night"] for r in rows], [day(FIRST, i) for i in range(16)])
        for n, r in zip(schedule, rows):
            seq = n["night"]
            state = ("forgotten" if done[seq] is None else
                     "followed" if done[seq] == assigned[seq] else "deviated")
            self.assertEqual(
                (r["trial"], r["trial_fingerprint"], r["trial_night"], r["trial_block"],
                 r["trial_assigned"], r["trial_done"], r["trial_state"], r["trial_washout"]),
                ("1", fingerprint, str(seq), str(n["block"]), n["arm"], names[done[seq]], state,
                 "0"))
            self.assertEqual(r["trial_protocol"], "A none | B standard x2; pairs, 8 blocks, "
                                                  "washout 0; sleep, mid 1; seed 5")
            self.assertEqual(r["sleep"], "" if seq == unrated else str(score(seq, done[seq] == 1)))
            self.assertEqual(bool(r["session_uuid"]), done[seq] == 1)

    def csv_rows(self):
        raw = self.ok("export", "--format", "csv")
        return list(csv.DictReader(io.StringIO(raw, newline="")))


class SkipIsTheTrialsSkip(RlsCase):
    """`rls skip` (a planned night without massage) and `rls trial skip` are
    one thing on a trial night: neither leaves the other counting the night
    as forgotten or due."""
    now = utc("2026-10-18 20:00")

    def test_either_skip_counts_for_both(self):
        self.ok("trial", "start", "none", "standard x2", "--seed", "5", "-q")
        schedule = self.json("trial", "show", "--reveal")["schedule"]
        nones = [n["date"] for n in schedule if n["arm"] == "none"]
        massage = [n["date"] for n in schedule if n["arm"] != "none"]
        # rls skip on a none night: the trial's skip, followed.
        self.now = utc(f"{nones[0]} 21:00")
        self.assertEqual(self.run_rls("skip").stderr, "")
        self.assertEqual(self.sql("SELECT night, kind, followed FROM trial_mark"),
                         [(nones[0], "skip", 1)])
        # rls trial skip on the next: a planned night without massage, so
        # remind asks for no session.
        self.now = utc(f"{nones[1]} 21:00")
        self.ok("trial", "skip", "-q")
        self.assertEqual(self.sql("SELECT night FROM no_massage_night WHERE night = ?", nones[1]),
                         [(nones[1],)])
        self.assertEqual([r for r in self.json("remind", "--after", "18:00")
                          if r["kind"] == "session"], [])
        # rls skip on a massage night: noted as a deviation.
        self.now = utc(f"{massage[1]} 21:00")
        r = self.run_rls("skip")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("rls: note: Trial night", r.stderr)
        self.assertIn("no massage is a deviation", r.stderr)
        self.now = utc(f"{day(FIRST, 16)} 20:00")
        status = self.json("trial", "status")
        self.assertEqual((status["skipped"], status["deviated"]), (3, 1))
        self.assertNotIn(nones[0], status["forgotten"])
        # Taken back: the night is a forgotten one again.
        self.ok("skip", "--remove", "--night", nones[0], "-q")
        self.assertIn(nones[0], self.json("trial", "status")["forgotten"])


class TrialBadPlans(RlsCase):
    now = utc("2026-10-18 20:00")

    def setUp(self):
        super().setUp()
        self.ok("log", "--at", "2026-10-10 21:00", "--no-input", "-q")

    def test_refused_with_one_line_and_nothing_written(self):
        digest = self.db_digest()
        rows = [
            (("standard x1", "rose"), "arm 'rose' is not a known arm"),
            (("standard x1",), "a trial needs 2 to 4 arms, got 1"),
            (("none", "standard", "--blocks", "0"), "--blocks must be"),
            (("none", "standard", "--first", "2026-10-17"), "--first 2026-10-17 is in the past"),
            (("none", "standard", "--outcome", "mood"), "--outcome must be sleep or restless"),
        ]
        for args, message in rows:
            with self.subTest(args=args):
                self.assertIn(message, self.fails(64, "trial", "start", *args))
                self.assertEqual(self.db_digest(), digest)
        self.ok("trial", "start", "none", "standard x1", "--seed", "1", "-q")
        running = self.db_digest()
        msg = self.fails(64, "trial", "start", "standard x1", "standard x2")
        self.assertIn("trial 1 is still running (until 2026-11-02)", msg)
        self.assertEqual(self.db_digest(), running)
        self.assertEqual(self.sql("SELECT count(*) FROM trial"), [(1,)])


if __name__ == "__main__":
    unittest.main(verbosity=2)
