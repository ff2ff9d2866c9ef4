"""rls report's adjusted comparisons cross-checked against statsmodels.

A fixed ten-week history is logged and rated through the real CLI. This
test then rebuilds each comparison's regression itself from the history it
logged (the rules in rls(1) ANALYSIS: the nights of the family with a score,
an intercept, a time trend in weeks, the evening's restlessness before the
massage with a not-recorded indicator, the night's other factors, the
compared column) and fits it with statsmodels' OLS and Newey-West HAC
covariance (Bartlett kernel, maxlags = floor(4 (n/100)^(2/9)), the n/(n-k)
correction), the standard error widened by the fixed-b factor rls(1) gives,
and Student's t with n-k df for intervals and probabilities. Differences, intervals and probabilities must
agree to 1e-6; the exploratory verdicts must follow Holm's correction.

Runs under Debian's /usr/bin/python3 (python3-statsmodels, python3-scipy)."""

import datetime as dt
import math
import os
import random
import sys
import unittest

import numpy as np
import statsmodels.api as sm
from scipy import stats
from statsmodels.stats.multitest import multipletests

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "e2e"))
from rlstest import RlsCase  # noqa: E402

FIRST = dt.date(2026, 1, 5)
NIGHTS = 70
MID = 1.0


def history():
    """Night -> dict; deterministic. Variants chosen partly by evening severity."""
    rng = random.Random(20261127)
    out = {}
    for i in range(NIGHTS):
        night = FIRST + dt.timedelta(days=i)
        before = rng.randint(2, 9)
        session = rng.random() < 0.75
        n = {"session": session, "before": None, "rounds": 0, "routine": None,
             "oils": [], "tags": []}
        if session:
            n["routine"] = "left-only" if rng.random() < 0.2 else "standard"
            n["rounds"] = 2 if (before >= 6 and rng.random() < 0.7) or rng.random() < 0.2 else 1
            n["before"] = before if rng.random() < 0.85 else None
            n["oils"] = ["carrier"] + [o for o in ("lavender", "valerian") if rng.random() < 0.5]
            n["tags"] = ["caffeine"] if rng.random() < 0.3 else []
        severity = before if session else rng.randint(2, 9)
        sleep = 6 + 0.8 * (n["rounds"] == 2) - 0.3 * (severity - 5) - 0.7 * ("caffeine" in n["tags"])
        sleep += 0.02 * i + rng.gauss(0, 1.2)
        n["sleep"] = min(10, max(0, round(sleep)))
        n["restless"] = min(10, max(0, round(10 - sleep + rng.gauss(0, 1))))
        if rng.random() < 0.06:
            n["sleep"] = n["restless"] = None  # not rated
        out[night] = n
    return out


def nw_lags(n):
    return max(1, math.floor(4 * (n / 100) ** (2 / 9)))


def fixed_b(lags, n):
    """Kiefer-Vogelsang's Bartlett 97.5% critical value at b = (lags+1)/n, over 1.96."""
    b = (lags + 1) / n
    return (1.96 + 2.9694 * b + 0.4160 * b ** 2 - 0.5324 * b ** 3) / 1.96


def fit(columns, y):
    """OLS + HAC on the columns that are not all zero or copies of the intercept."""
    kept = {}
    for name, col in columns:
        col = np.asarray(col, dtype=float)
        if name != "intercept" and (not col.any() or np.all(col == col[0])):
            continue
        kept[name] = col
    names = list(kept)
    x = np.column_stack([kept[k] for k in names])
    assert np.linalg.matrix_rank(x) == x.shape[1], names
    res = sm.OLS(np.asarray(y, dtype=float), x).fit(
        cov_type="HAC", cov_kwds={"maxlags": nw_lags(len(y)), "use_correction": True},
        use_t=True)
    return res, names


class CrossCheck(RlsCase):
    tz = "Europe/Berlin"
    now = "2026-03-16T08:00:00Z"  # 09:00 the morning after the last night

    def log_history(self, h):
        self.ok("routines", "add", "left-only", "--points", "left.heart,left.sciatic")
        for night, n in h.items():
            if n["session"]:
                args = ["log", "--at", f"{night} 21:30", "--routine", n["routine"], "--rounds",
                        str(n["rounds"]), "-p", "left.heart=4", "--no-input", "--quiet"]
                for o in n["oils"]:
                    args += ["-o", o if o == "carrier" else f"{o}:2"]
                for t in n["tags"]:
                    args += ["-t", t]
                if n["before"] is not None:
                    args += ["--before", str(n["before"]), "--after", "2"]
                self.ok(*args)
            if n["sleep"] is not None:
                self.ok("rate", "--night", str(night), "--sleep", str(n["sleep"]), "--restless",
                        str(n["restless"]), "--quiet")

    def expected(self, h, c):
        nights = sorted(h)
        outcome = c["outcome"]
        week = {d: (d - FIRST).days / 7 for d in nights}
        oils = sorted({o for n in h.values() for o in n["oils"]})
        tags = sorted({t for n in h.values() for t in n["tags"]})
        routines = sorted({n["routine"] for n in h.values() if n["session"]})
        label = {d: f"{h[d]['routine']} x{h[d]['rounds']}" for d in nights if h[d]["session"]}
        counts = {}
        for d in nights:
            if h[d]["session"]:
                counts[label[d]] = counts.get(label[d], 0) + 1
        variants = sorted(sorted(counts), key=lambda v: -counts[v])
        fam = c["family"]
        sample = [d for d in nights if h[d][outcome] is not None and (fam == "session" or h[d]["session"])]
        y = [h[d][outcome] for d in sample]
        cols = [("intercept", [1] * len(sample)), ("time", [week[d] for d in sample])]
        if fam != "session":
            cols += [("before", [h[d]["before"] or 0 for d in sample]),
                     ("before missing", [h[d]["before"] is None for d in sample])]
        oil_cols = [(o, [o in h[d]["oils"] for d in sample]) for o in oils]
        tag_cols = [(t, [t in h[d]["tags"] for d in sample]) for t in tags]
        routine_cols = [(r, [h[d]["routine"] == r for d in sample]) for r in routines[1:]]
        rot = ("rotations", [h[d]["rounds"] for d in sample])
        if fam == "session":
            cols.append(("x", [h[d]["session"] for d in sample]))
        elif fam == "routine":
            cols += [(v, [label[d] == v for d in sample]) for v in variants[1:] if v != c["a"]]
            cols += oil_cols + tag_cols + [("x", [label[d] == c["a"] for d in sample])]
        elif fam == "rotations":
            cols += routine_cols + oil_cols + tag_cols + [("x", rot[1])]
        elif fam == "oil":
            cols += [rot] + routine_cols + [x for x in oil_cols if x[0] != c["a"]] + tag_cols
            cols.append(("x", [c["a"] in h[d]["oils"] for d in sample]))
        elif fam == "tag":
            cols += [rot] + routine_cols + oil_cols + [x for x in tag_cols if x[0] != c["a"]]
            cols.append(("x", [c["a"] in h[d]["tags"] for d in sample]))
        res, names = fit(cols, y)
        i = names.index("x")
        return res, i

    def test_every_estimate_matches_statsmodels(self):
        h = history()
        self.log_history(h)
        r = self.json("report", "--from", "2025-12-01")
        self.assertEqual(r["schema"], "rls-report/2")
        self.assertEqual(r["first_night"], str(FIRST))  # the diary's own window
        self.assertEqual(r["coverage"]["nights"], NIGHTS)
        estimated = [c for c in r["comparisons"] if c["diff"] is not None]
        families = {c["family"] for c in estimated}
        self.assertEqual(families, {"session", "routine", "rotations", "oil", "tag"})
        self.assertGreaterEqual(len(estimated), 12)
        for c in estimated:
            with self.subTest(family=c["family"], a=c["a"], outcome=c["outcome"]):
                res, i = self.expected(h, c)
                beta = res.params[i]
                se = res.bse[i] * fixed_b(nw_lags(int(res.nobs)), int(res.nobs))
                df = res.df_resid
                q = stats.t.ppf(0.975, df)
                low, high = beta - q * se, beta + q * se
                sign = 1 if c["outcome"] == "sleep" else -1
                self.assertAlmostEqual(c["diff"], beta, delta=1e-6)
                self.assertAlmostEqual(c["se"], se, delta=1e-6)
                self.assertAlmostEqual(c["df"], df, delta=1e-9)
                self.assertEqual(c["hac_lags"], nw_lags(int(res.nobs)))
                self.assertAlmostEqual(c["ci95"][0], low, delta=1e-6)
                self.assertAlmostEqual(c["ci95"][1], high, delta=1e-6)
                self.assertAlmostEqual(c["p_value"], 2 * stats.t.sf(abs(beta) / se, df),
                                       delta=1e-6)
                # Unwidened, the interval is statsmodels' own.
                k = fixed_b(nw_lags(int(res.nobs)), int(res.nobs))
                self.assertAlmostEqual(beta - q * se / k, res.conf_int(0.05)[i][0], delta=1e-9)
                self.assertAlmostEqual(c["p_better"], stats.t.cdf(sign * beta / se, df), delta=1e-6)
                self.assertAlmostEqual(c["p_mid"], stats.t.cdf((sign * beta - MID) / se, df),
                                       delta=1e-6)
        primary = [c for c in r["comparisons"] if c["primary"]]
        self.assertEqual(len(primary), 1)
        self.assertIs(primary[0], r["comparisons"][0])
        self.assertEqual((primary[0]["family"], primary[0]["outcome"]), ("session", "sleep"))
        # Holm over the exploratory ones with an estimate.
        rest = [c for c in estimated if not c["primary"]]
        reject, adjusted, _, _ = multipletests([c["p_value"] for c in rest], alpha=0.05,
                                               method="holm")
        for c, rej, adj in zip(rest, reject, adjusted):
            self.assertAlmostEqual(c["p_holm"], adj, delta=1e-9)
            better = (c["diff"] > 0) == (c["outcome"] == "sleep")
            self.assertEqual(c["verdict"], ("better" if better else "worse") if rej else "unclear")
        # The carrier oil is on every session night: said so, not estimated.
        carrier = [c for c in r["comparisons"] if c["a"] == "carrier"]
        self.assertEqual(len(carrier), 2)
        for c in carrier:
            self.assertEqual(c["note"], "used every night: nothing to compare with")
            self.assertEqual(c["verdict"], "too_few")
        # CSV carries the same rows.
        csv_text = self.ok("report", "--from", "2025-12-01", "--csv")
        rows = [line for line in csv_text.splitlines() if line.startswith("comparison,")]
        self.assertEqual(len(rows), len(r["comparisons"]))


if __name__ == "__main__":
    unittest.main()
