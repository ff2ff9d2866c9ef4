"""The HTML report in a real browser: headless Chromium driven through the
DevTools protocol over a pipe (--remote-debugging-pipe: JSON messages
separated by NUL bytes on fds 3 and 4), the page loaded from a file: URL with
every request intercepted, so that any request, console error or exception
fails the test; then the PDF that rls prints, its pages and its text; and
xmllint on the page and each chart. Standard library only."""

import base64
import fcntl
import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
import unittest
import zlib

from rlstest import RLS, RlsCase

CHROMIUM = shutil.which("chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-extensions", "--disable-dev-shm-usage", "--host-resolver-rules=MAP * ~NOTFOUND"]
SECTIONS = ["header", "summary", "nights", "comparisons", "severity", "onset", "medicines", "iron",
            "tenderness", "weeks", "methods"]
CHARTS = ["night-chart", "forest-plot", "severity-chart", "onset-chart", "tenderness-heatmap"]


def missing_tools():
    return [t for t in ("chromium", "pdfinfo", "pdftotext", "xmllint") if not shutil.which(t)]


class Browser:
    """One Chromium with a throw-away profile, spoken to over the pipe."""

    def __init__(self, profile):
        to_browser_r, to_browser_w = os.pipe()
        from_browser_r, from_browser_w = os.pipe()
        # Out of the way of 3 and 4, where the child needs them.
        self.child_in = fcntl.fcntl(to_browser_r, fcntl.F_DUPFD, 10)
        self.child_out = fcntl.fcntl(from_browser_w, fcntl.F_DUPFD, 10)
        os.close(to_browser_r)
        os.close(from_browser_w)
        child_in, child_out = self.child_in, self.child_out

        def wire():
            os.dup2(child_in, 3)
            os.dup2(child_out, 4)

        self.proc = subprocess.Popen(
            [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--remote-debugging-pipe",
             "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            # Python's own descriptors are not inheritable; only 3 and 4 are
            # made so (close_fds would close them after preexec_fn).
            close_fds=False, preexec_fn=wire, start_new_session=True)
        os.close(child_in)
        os.close(child_out)
        self.write = to_browser_w
        self.read = from_browser_r
        self.buffer = b""
        self.next_id = 0
        self.events = []
        self.session = None

    def close(self):
        try:
            self.send("Browser.close", browser_level=True, timeout=5)
        except Exception:  # already gone: kill below
            pass
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, 9)
            self.proc.wait()
        os.close(self.write)
        os.close(self.read)

    def message(self, deadline):
        while b"\0" not in self.buffer:
            if time.monotonic() > deadline:
                raise TimeoutError("no answer from Chromium")
            chunk = os.read(self.read, 1 << 20)
            if not chunk:
                raise EOFError("Chromium closed the pipe")
            self.buffer += chunk
        raw, _, self.buffer = self.buffer.partition(b"\0")
        return json.loads(raw)

    def send(self, method, browser_level=False, timeout=20, **params):
        self.next_id += 1
        request = {"id": self.next_id, "method": method, "params": params}
        if self.session and not browser_level:
            request["sessionId"] = self.session
        os.write(self.write, json.dumps(request).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            m = self.message(deadline)
            if m.get("id") == self.next_id:
                if "error" in m:
                    raise RuntimeError(f"{method}: {m['error']}")
                return m["result"]
            self.on_event(m)

    def wait_for(self, method, timeout=20):
        for i, e in enumerate(self.events):
            if e["method"] == method:
                return self.events.pop(i)
        deadline = time.monotonic() + timeout
        while True:
            m = self.message(deadline)
            self.on_event(m)
            if m.get("method") == method:
                return self.events.pop()

    def on_event(self, m):
        if "method" not in m:
            return
        if m["method"] == "Fetch.requestPaused":
            # Every request is held here; only the page itself may load.
            url = m["params"]["request"]["url"]
            self.requests.append(url)
            rid = m["params"]["requestId"]
            if url == self.page_url:
                self.post("Fetch.continueRequest", requestId=rid)
            else:
                self.post("Fetch.failRequest", requestId=rid, errorReason="BlockedByClient")
        self.events.append(m)

    def post(self, method, **params):
        """A command whose answer is not waited for (inside an event)."""
        self.next_id += 1
        request = {"id": self.next_id, "method": method, "params": params,
                   "sessionId": self.session}
        os.write(self.write, json.dumps(request).encode() + b"\0")

    def open(self, url):
        self.page_url = url
        self.requests = []
        targets = self.send("Target.getTargets", browser_level=True)["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        self.session = self.send("Target.attachToTarget", browser_level=True,
                                 targetId=page["targetId"], flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.send(f"{domain}.enable")
        self.send("Fetch.enable", patterns=[{"urlPattern": "*"}])
        self.send("Emulation.setDeviceMetricsOverride", width=1280, height=800,
                  deviceScaleFactor=1, mobile=False)
        self.send("Page.navigate", url=url)
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression):
        r = self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in r:
            raise RuntimeError(f"{expression}: {r['exceptionDetails']}")
        return r["result"].get("value")

    def problems(self):
        """Console errors, exceptions and failed loads seen so far."""
        out = []
        for e in self.events:
            p = e.get("params", {})
            if e["method"] == "Runtime.exceptionThrown":
                out.append(f"exception: {p['exceptionDetails'].get('text')}")
            elif e["method"] == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
                out.append(f"console.{p['type']}: {p.get('args')}")
            elif e["method"] == "Log.entryAdded" and p["entry"]["level"] == "error":
                out.append(f"log: {p['entry'].get('text')} {p['entry'].get('url', '')}")
            elif e["method"] == "Network.loadingFailed":
                out.append(f"failed load: {p.get('errorText')}")
        return out


def png_pixels(data):
    """(width, height, rows of RGBA or RGB bytes) of an 8-bit PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length = int.from_bytes(data[pos:pos + 4], "big")
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height = int.from_bytes(body[:4], "big"), int.from_bytes(body[4:8], "big")
            depth, color = body[8], body[9]
            assert depth == 8 and color in (2, 6), (depth, color)
            bpp = 4 if color == 6 else 3
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if f == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 255
        elif f == 2:
            line = bytearray((a + b) & 255 for a, b in zip(line, prev))
        elif f == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 255
        elif f == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b, c = prev[i], prev[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[i] = (line[i] + pred) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


if missing_tools():
    print(f"Skipping the browser tests: {', '.join(missing_tools())} not installed "
          "(./dev.sh test installs them).")


def words(text):
    return " ".join(text.split())


def short_date(iso):
    """"Sep 2" for 2026-09-02, as the page heads its weeks."""
    y, m, d = (int(x) for x in iso.split("-"))
    return "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()[m - 1] + f" {d}"


def pdf_pages(path):
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))


@unittest.skipIf(missing_tools(), f"not installed: {', '.join(missing_tools())} "
                                  "(./dev.sh test installs them)")
class ReportInBrowser(RlsCase):
    """A 12-week demo history (with IRLS, onset, doses and an iron lab), its
    JSON, its HTML page and its PDF."""

    def setUp(self):
        super().setUp()
        self.ok("demo", "--nights", "84", "-q")
        self.model = self.json("report", "--weeks", "12")
        self.page = os.path.join(self.tmp, "report.html")
        self.ok("report", "--weeks", "12", "--format", "html", "--out", self.page, "-q")
        with open(self.page, encoding="utf-8") as f:
            self.html = f.read()

    def test_page_in_chromium(self):
        browser = Browser(os.path.join(self.tmp, "profile"))
        try:
            url = "file://" + self.page
            browser.open(url)
            # Nothing but the page itself was asked for.
            self.assertEqual([u for u in browser.requests if u != url], [])
            self.assertEqual(browser.problems(), [])
            for section in SECTIONS:
                height = browser.evaluate(
                    f"(() => {{ const e = document.getElementById('{section}');"
                    f" return e ? e.getBoundingClientRect().height : -1; }})()")
                self.assertGreater(height, 0, f"section {section} missing or empty")
            nights = browser.evaluate("""JSON.stringify([...document.querySelectorAll(
                '#night-chart g.night')].map(g => [g.dataset.night, g.dataset.sleep,
                g.dataset.restless, g.dataset.sessions]))""")
            nights = json.loads(nights)
            self.assertEqual(len(nights), self.model["coverage"]["nights"])
            self.assertEqual(nights[0][0], self.model["first_night"])
            self.assertEqual(nights[-1][0], self.model["to"])
            # Each week's mean sleep and restlessness, worked out here from
            # the chart's nights, is the JSON's.
            for w in self.model["weeks"]:
                week = [n for n in nights if w["start"] <= n[0] <= w["end"]]
                self.assertEqual(len(week), w["nights"])
                for column, outcome in ((1, "sleep"), (2, "restless")):
                    values = [float(n[column]) for n in week if n[column] != ""]
                    self.assertEqual(len(values), w[outcome]["n"])
                    if values:
                        self.assertAlmostEqual(sum(values) / len(values), w[outcome]["mean"],
                                               places=9)
                self.assertEqual(sum(int(n[3]) for n in week), w["sessions"])
            # The forest plot's primary estimate is the JSON's.
            primary = json.loads(browser.evaluate("""JSON.stringify([...document.querySelectorAll(
                'svg[id^=forest-plot] g.cmp[data-primary=true]')].map(g => ({...g.dataset})))"""))
            expected = [c for c in self.model["comparisons"] if c["primary"]]
            self.assertEqual(len(primary), len(expected))
            self.assertEqual(float(primary[0]["diff"]), expected[0]["diff"])
            self.assertEqual([float(primary[0]["low"]), float(primary[0]["high"])],
                             expected[0]["ci95"])
            plotted = browser.evaluate("document.querySelectorAll('svg[id^=forest-plot] g.cmp').length")
            self.assertEqual(plotted, sum(1 for c in self.model["comparisons"] if c["diff"] is not None))
            # The severity chart's weeks and totals are the JSON's IRLS rows,
            # ringed where the JSON says a change is relevant.
            tracked = self.model["tracked"]
            self.assertTrue(tracked["irls"], "the demo records IRLS")
            irls = json.loads(browser.evaluate("""JSON.stringify([...document.querySelectorAll(
                '#severity-chart g.irls')].map(g => [g.dataset.week, +g.dataset.total,
                g.dataset.relevant === 'true', g.querySelector('circle.ring') !== null]))"""))
            self.assertEqual([(w, t, r) for w, t, r, _ in irls],
                             [(r["week"], r["total"], r["relevant_change"])
                              for r in tracked["irls"]])
            self.assertTrue(all(ring == relevant for _, _, relevant, ring in irls))
            # One onset mark per night with a time; the mean of the marks is
            # the JSON's mean onset.
            onsets = json.loads(browser.evaluate("""JSON.stringify([...document.querySelectorAll(
                '#onset-chart g.onset')].map(g => +g.dataset.minutes))"""))
            self.assertEqual(len(onsets), tracked["onset"]["nights"])
            self.assertAlmostEqual(sum(onsets) / len(onsets), tracked["onset"]["mean_min"],
                                   places=9)
            # Medicine changes marked on the night chart on the JSON's nights.
            marks = json.loads(browser.evaluate("""JSON.stringify([...document.querySelectorAll(
                '#night-chart g.change')].map(g => g.dataset.night))"""))
            changed = sorted({c["night"] for m in tracked["medicines"] for c in m["changes"]})
            self.assertTrue(changed)
            self.assertEqual(marks, changed)
            # The iron values, flagged low as the JSON says.
            labs = json.loads(browser.evaluate("""JSON.stringify([...document.querySelectorAll(
                '#iron tr.lab')].map(r => [+r.dataset.value, r.dataset.low === 'true']))"""))
            self.assertEqual(labs, [[tracked["iron"][k]["value"], tracked["iron"][k]["low"]]
                                    for k in ("ferritin", "tsat") if tracked["iron"][k]])
            # The demo shows no sign of augmentation: no watch section.
            self.assertEqual(tracked["augmentation_watch"]["signs"], [])
            self.assertIsNone(browser.evaluate("document.getElementById('watch')"))
            # Each chart says what it shows.
            for chart in CHARTS:
                title = browser.evaluate(
                    f"document.querySelector('#{chart} > title').textContent")
                desc = browser.evaluate(f"document.querySelector('#{chart} > desc').textContent")
                self.assertTrue(title and desc, chart)
            shot = base64.b64decode(browser.send("Page.captureScreenshot", format="png")["data"])
            width, height, bpp, rows = png_pixels(shot)
            self.assertEqual((width, height), (1280, 800))
            dark = sum(1 for row in rows[::4] for i in range(0, len(row), bpp * 4)
                       if row[i] < 128)
            self.assertGreater(dark, 500, "the screenshot is blank")
            # Printed on A4 and on Letter: at most two pages each.
            for paper, (w_in, h_in) in {"A4": (8.27, 11.69), "Letter": (8.5, 11)}.items():
                pdf = base64.b64decode(browser.send(
                    "Page.printToPDF", paperWidth=w_in, paperHeight=h_in, timeout=30)["data"])
                path = os.path.join(self.tmp, f"{paper}.pdf")
                with open(path, "wb") as f:
                    f.write(pdf)
                self.assertLessEqual(self.pages(path), 2, paper)
            self.assertEqual(browser.problems(), [])
        finally:
            browser.close()

    def pages(self, path):
        return pdf_pages(path)

    def test_pdf_from_rls(self):
        pdf = os.path.join(self.tmp, "report.pdf")
        for paper in ("a4", "letter"):
            out = self.ok("report", "--weeks", "12", "--format", "pdf", "--paper", paper,
                          "--out", pdf)
            self.assertIn("Report written to", out)
            self.assertEqual(os.stat(pdf).st_mode & 0o777, 0o600)
            self.assertLessEqual(self.pages(pdf), 2, paper)
        text = words(subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True,
                                    text=True, check=True).stdout.replace("\u2212", "-"))
        plain = words(subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True,
                                     check=True).stdout)
        report = self.ok("report", "--weeks", "12")
        summary = report.split("In short\n", 1)[1].split("\n\n", 1)[0]
        self.assertIn(words(summary), plain)
        c = self.model["coverage"]
        self.assertIn(f"{c['nights_with_session']} of {c['nights']} nights with a session", plain)
        self.assertIn(f"{c['nights_rated']} rated with a score", plain)
        primary = next(x for x in self.model["comparisons"] if x["primary"])
        self.assertIn(f"{primary['diff']:+.1f} [{primary['ci95'][0]:+.1f},"
                      f"{primary['ci95'][1]:+.1f}]", plain)
        # Weeks across, each figure a row, from the JSON's weeks.
        weeks = self.model["weeks"]
        self.assertLessEqual(len(weeks), 13, "one table")
        mean = lambda v: "\u2013" if v is None else f"{v:.1f}"
        rows = {"Week of": [short_date(w["start"]) for w in weeks],
                "Nights": [w["nights"] for w in weeks],
                "Sessions": [w["sessions"] for w in weeks],
                "Rated": [w["rated"] for w in weeks],
                "Sleep": [mean(w["sleep"]["mean"]) for w in weeks],
                "Restlessness": [mean(w["restless"]["mean"]) for w in weeks],
                "Diary nights": [w["diary_nights"] for w in weeks],
                "SE": ["\u2013" if w["efficiency_pct"] is None else f"{w['efficiency_pct']:.0f}%"
                       for w in weeks]}
        for name, values in rows.items():
            self.assertIn(f"{name} {' '.join(str(v) for v in values)}", text)
        self.assertIn("preceded", plain)
        # The tracked sections print too: the iron flag and the latest IRLS.
        self.assertTrue(self.model["tracked"]["iron"]["ask_doctor"])
        self.assertIn("Guidelines suggest iron for RLS at these levels: ask your doctor about "
                      "iron.", plain)
        latest = self.model["tracked"]["irls"][-1]
        self.assertIn(f"latest {latest['total']} ({latest['band']}, week of {latest['week']})",
                      plain)

    def test_the_locale_chooses_the_paper(self):
        """Without --paper a PDF takes the locale's paper: Letter in the
        United States, A4 in Germany or with no locale; LC_ALL before
        LC_PAPER before LANG."""
        pdf = os.path.join(self.tmp, "report.pdf")
        for env, paper in ((dict(LANG="en_US.UTF-8"), "letter"),
                           (dict(LANG="de_DE.UTF-8"), "A4"),
                           (dict(LANG="C.UTF-8"), "A4"),
                           (dict(LANG="de_DE.UTF-8", LC_PAPER="en_CA.UTF-8"), "letter"),
                           (dict(LC_ALL="fr_FR.UTF-8", LC_PAPER="en_US.UTF-8"), "A4")):
            self.ok("report", "--weeks", "12", "--format", "pdf", "--out", pdf, "-q", **env)
            info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True,
                                  check=True).stdout
            self.assertRegex(info, rf"Page size:.*\({paper}\)", env)
            self.assertLessEqual(pdf_pages(pdf), 2, env)

    def test_signals_leave_no_temporary_page(self):
        """The page and the browser profile in the temporary directory are
        health data: Ctrl-C, SIGTERM or SIGHUP while Chromium prints ends the
        browser, removes them and ends rls by the same signal."""
        tmpdir = os.path.join(self.tmp, "t")
        os.makedirs(tmpdir)
        pdf = os.path.join(self.tmp, "report.pdf")
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            p = subprocess.Popen([RLS, "report", "--format", "pdf", "--out", pdf],
                                 env=self.env(TMPDIR=tmpdir), stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
            deadline = time.monotonic() + 20
            while not os.listdir(tmpdir) and time.monotonic() < deadline:
                time.sleep(0.005)
            self.assertTrue(os.listdir(tmpdir), "rls made its temporary directory")
            p.send_signal(sig)
            self.assertEqual(p.wait(timeout=20), -sig)
            self.assertEqual(os.listdir(tmpdir), [], sig)
            self.assertFalse(os.path.exists(pdf))

    def test_well_formed_and_self_contained(self):
        r = subprocess.run(["xmllint", "--noout", self.page], capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stderr)
        charts = re.findall(r"<svg .*?</svg>", self.html, re.S)
        self.assertEqual(len(charts), len(CHARTS))
        for chart in charts:
            r = subprocess.run(["xmllint", "--noout", "-"], input=chart, capture_output=True,
                               text=True)
            self.assertEqual(r.returncode, 0, r.stderr)
        # The demo's page fits two sheets at full size: no print zoom.
        self.assertNotIn("zoom", self.html)
        self.assertNotRegex(self.html, r"(?i)https?:")
        self.assertNotRegex(self.html, r"(?i)<script|<link|<img|<iframe|@import|src=")


@unittest.skipIf(missing_tools(), f"not installed: {', '.join(missing_tools())} "
                                  "(./dev.sh test installs them)")
class ReportWithSigns(RlsCase):
    """The demo's twelve weeks with signs added in its last week: a higher
    dose and symptoms in the arms. The watch's message is said once, on the
    page and in the PDF, which still prints on two pages."""

    def test_watch_on_the_page_and_in_the_pdf(self):
        self.ok("demo", "--nights", "84", "-q")
        for night in ("2026-11-20", "2026-11-21", "2026-11-22"):
            self.ok("took", "pramipexole", "0.5mg", "--at", f"{night} 21:00", "-q")
            self.ok("rate", "--night", night, "--onset", "19:30", "--spread", "legs,arms", "-q")
        watch = self.json("report", "--weeks", "12")["tracked"]["augmentation_watch"]
        self.assertEqual(sorted(s["kind"] for s in watch["signs"]), ["dose", "spread"])
        page = os.path.join(self.tmp, "report.html")
        self.ok("report", "--weeks", "12", "--format", "html", "--out", page, "-q")
        with open(page, encoding="utf-8") as f:
            html = f.read()
        self.assertEqual(html.count('<section id="watch"'), 1)
        self.assertEqual(html.count('<li class="sign"'), 2)
        self.assertEqual(html.count(watch["message"]), 1)
        r = subprocess.run(["xmllint", "--noout", page], capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stderr)
        pdf = os.path.join(self.tmp, "report.pdf")
        for paper in ("letter", "a4"):  # the PDF's text is checked on A4 below
            self.ok("report", "--weeks", "12", "--format", "pdf", "--paper", paper, "--out", pdf,
                    "-q")
            self.assertLessEqual(pdf_pages(pdf), 2, paper)
        plain = words(subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True,
                                     check=True).stdout)
        self.assertEqual(plain.count(watch["message"]), 1)
        for sign in watch["signs"]:
            self.assertIn(sign["text"], plain)


@unittest.skipIf(missing_tools(), f"not installed: {', '.join(missing_tools())} "
                                  "(./dev.sh test installs them)")
class TrialOnTwoPages(RlsCase):
    """12 demo weeks with a trial still print on two pages of A4 and of
    Letter: its decision leads the summary, its section follows the
    comparisons, its timeline is a strip of blocks, and a page too long for
    two sheets at full size prints a little smaller (never below 85%)."""

    def setUp(self):
        super().setUp()
        self.ok("demo", "--nights", "84", "-q")

    def check_printed(self, *start, now):
        self.ok("trial", "start", *start, "-q", RLS_NOW=now)
        trial = self.json("report", "--weeks", "12")["trial"]
        adherence = trial["adherence"]
        followed = f"; {adherence['followed']} of {adherence['begun']} nights as assigned" \
            if adherence["pct"] is not None else ""
        lead = f"Trial {trial['id']} ({' vs '.join(trial['arms'])}, {trial['state']}{followed}): " \
               f"{trial['decision_text']}"
        for paper, name in (("a4", "A4"), ("letter", "letter")):
            pdf = os.path.join(self.tmp, f"{paper}.pdf")
            self.ok("report", "--weeks", "12", "--format", "pdf", "--paper", paper, "--out", pdf,
                    "--name", "Maria Example", "-q")
            info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True,
                                  check=True).stdout
            self.assertRegex(info, rf"Page size:.*\({name}\)")
            self.assertLessEqual(pdf_pages(pdf), 2, f"{paper}: {start}")
            plain = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True,
                                   check=True).stdout
            squeezed = "".join(plain.split())
            self.assertIn("".join(lead.split()), squeezed)
            self.assertIn("".join(trial["fingerprint"].split()), squeezed)
        page = os.path.join(self.tmp, "report.html")
        self.ok("report", "--weeks", "12", "--format", "html", "--out", page, "--name",
                "Maria Example", "-q")
        with open(page, encoding="utf-8") as f:
            html = f.read()
        zoom = re.search(r"@media print \{ body \{ zoom: ([0-9.]+); \} svg.chart \{ width: "
                         r"(\d+)%; \} \}", html)
        if zoom:
            self.assertEqual(int(zoom.group(2)), round(float(zoom.group(1)) * 100))
        return float(zoom.group(1)) if zoom else 1.0

    def test_a_running_trial(self):
        self.check_printed("none", "standard x2", "--seed", "5", now="2026-11-17T19:00:00Z")

    def test_a_finished_abba_trial_with_washout(self):
        self.check_printed("standard x1", "standard x2", "--design", "abba", "--blocks", "6",
                           "--washout", "2", "--seed", "4", now="2026-10-01T19:00:00Z")

    def test_four_arms_and_signs_of_augmentation(self):
        """The longest page here: a four-arm trial, the watch's signs and a
        name in the header, still on two pages (at a zoom rls finds)."""
        for night in ("2026-11-20", "2026-11-21", "2026-11-22"):
            self.ok("took", "pramipexole", "0.5mg", "--at", f"{night} 21:00", "-q")
            self.ok("rate", "--night", night, "--onset", "19:30", "--spread", "legs,arms", "-q")
        zoom = self.check_printed("none", "standard x1", "standard x2", "left-only x1",
                                  "--washout", "1", "--blocks", "6", "--seed", "4",
                                  now="2026-10-01T19:00:00Z")
        self.assertGreaterEqual(zoom, 0.85)
        self.assertLess(zoom, 1.0)


@unittest.skipIf(missing_tools(), f"not installed: {', '.join(missing_tools())} "
                                  "(./dev.sh test installs them)")
class LongPagesOnTwoPages(RlsCase):
    """Histories a real user could have that make the page long: many
    comparisons (a forest plot in parts that print on either side of a page
    break, and a PDF whose zoom rls steps down until Chromium prints two
    pages), a medicine with a long name (its table stays in its column)."""

    def setUp(self):
        super().setUp()
        self.ok("demo", "--nights", "84", "-q")

    def test_many_comparisons(self):
        for oil in ("neroli", "peppermint", "frankincense"):
            self.ok("oils", "add", oil, "-q")
        self.ok("routines", "add", "heel-only", "--points", "left.sciatic,right.sciatic", "-q")
        for i in range(1, 64):
            args = ["edit", str(i), "-q"]
            args += ["-o", "neroli:3"] if i % 2 == 0 else []
            args += ["-o", "peppermint:3"] if i % 3 == 0 else []
            args += ["-o", "frankincense:3"] if i % 5 < 2 else []
            args += ["-r", "heel-only"] if i % 4 == 1 else []
            args += ["-t", "late-dinner"] if i % 3 == 1 else []
            args += ["-t", "screen-time"] if i % 4 == 2 else []
            if len(args) > 3:
                self.ok(*args)
        model = self.json("report", "--weeks", "12")
        rows = {(c["a"], c["b"]) for c in model["comparisons"] if c["diff"] is not None}
        self.assertGreater(len(rows), 12, "more rows than one part holds")
        page = os.path.join(self.tmp, "report.html")
        self.ok("report", "--weeks", "12", "--format", "html", "--out", page, "-q")
        with open(page, encoding="utf-8") as f:
            html = f.read()
        parts = re.findall(r'<svg id="forest-plot-(\d+)"', html)
        self.assertEqual(parts, [str(i + 1) for i in range(-(-len(rows) // 12))])
        self.assertEqual(html.count('<g class="cmp'),
                         sum(1 for c in model["comparisons"] if c["diff"] is not None))
        pdf = os.path.join(self.tmp, "report.pdf")
        for paper in ("a4", "letter"):
            self.ok("report", "--weeks", "12", "--format", "pdf", "--paper", paper, "--out", pdf,
                    "-q")
            self.assertLessEqual(pdf_pages(pdf), 2, paper)

    def test_a_long_medicine_name_stays_in_its_column(self):
        """...and the page fits screens from a phone's to a desktop's."""
        name = "pregabalin-extended-release"
        self.ok("meds", "add", name, "--unit", "mg", "-q")
        self.ok("took", name, "150mg", "--at", "2026-11-20 19:00", "-q")
        self.ok("took", name, "300mg", "--at", "2026-11-21 19:00", "-q")
        page = os.path.join(self.tmp, "report.html")
        self.ok("report", "--weeks", "12", "--format", "html", "--paper", "letter", "--out",
                page, "-q")
        browser = Browser(os.path.join(self.tmp, "profile"))
        try:
            browser.open("file://" + page)
            browser.send("Emulation.setEmulatedMedia", media="print")
            # Letter's width inside the margins, in CSS pixels.
            browser.send("Emulation.setDeviceMetricsOverride", width=round((8.5 - 22 / 25.4) * 96),
                         height=1000, deviceScaleFactor=1, mobile=False)
            right, left = browser.evaluate("""[
                document.querySelector('#medicines table').getBoundingClientRect().right,
                document.getElementById('iron').getBoundingClientRect().left]""")
            self.assertLessEqual(right, left, "the medicines table runs into Iron")
            # Nor does Iron's table leave its column, on paper or on screens
            # from a phone's width (one column) to a desktop's.
            overflow = """(() => { const s = document.getElementById('iron');
                return s.querySelector('table').getBoundingClientRect().right
                    - s.getBoundingClientRect().right; })()"""
            self.assertLessEqual(browser.evaluate(overflow), 0.5, "print")
            browser.send("Emulation.setEmulatedMedia", media="screen")
            for width in (360, 400, 700, 900, 1280):
                browser.send("Emulation.setDeviceMetricsOverride", width=width, height=1000,
                             deviceScaleFactor=1, mobile=False)
                self.assertLessEqual(browser.evaluate(overflow), 0.5, width)
                # Nothing makes the page wider than the screen (the week
                # table scrolls in its own box).
                self.assertLessEqual(browser.evaluate(
                    "document.documentElement.scrollWidth - document.documentElement.clientWidth"),
                    0, width)
        finally:
            browser.close()


FAKE_CHROMIUM = r"""#!/bin/sh
# A stand-in for Chromium: writes a PDF whose page count depends on the
# page's print zoom, as told by the file "rule" beside it, and logs each run.
here=$(dirname "$0")
for a in "$@"; do
    case $a in --print-to-pdf=*) out=${a#--print-to-pdf=} ;; file://*) page=${a#file://} ;; esac
done
zoom=$(grep -o 'body { zoom: [0-9.]*' "$page" | grep -o '[0-9.]*$')
zoom=${zoom:-1.00}
echo "$zoom" >> "$here/runs"
n=$(wc -l < "$here/runs")
read -r rule < "$here/rule"
case $rule in
    fail-second) [ "$n" -ge 2 ] && exit 1; pages=3 ;;
    always-3) pages=3 ;;
    five) pages=5 ;;
    uncounted) pages=none ;;
    below-0.91) pages=$(awk -v z="$zoom" 'BEGIN { print (z < 0.91 ? 2 : 3) }') ;;
esac
printf '%%PDF-1.4\n1 0 obj\n<</Type /Pages\n/Count %s\n/Kids []>>\nendobj\n' "$pages" > "$out"
"""


class PdfFitWithAFakeChromium(RlsCase):
    """How --format pdf steps the zoom down, with a stand-in for Chromium
    that prints 3 pages until the zoom is small enough: which zooms it
    tries, how many prints, what it says, and that a failed retry keeps the
    first PDF."""

    def setUp(self):
        super().setUp()
        self.ok("demo", "--nights", "84", "-q")
        self.bin = os.path.join(self.tmp, "bin")
        os.makedirs(self.bin)
        fake = os.path.join(self.bin, "chromium")
        with open(fake, "w") as f:
            f.write(FAKE_CHROMIUM)
        os.chmod(fake, 0o755)
        self.pdf = os.path.join(self.tmp, "report.pdf")

    def print_with(self, rule, code=0):
        with open(os.path.join(self.bin, "rule"), "w") as f:
            f.write(rule + "\n")
        runs = os.path.join(self.bin, "runs")
        if os.path.exists(runs):
            os.remove(runs)
        r = self.run_rls("report", "--weeks", "12", "--format", "pdf", "--paper", "letter",
                         "--out", self.pdf, PATH=self.bin + ":" + os.environ["PATH"])
        self.assertEqual(r.returncode, code, r.stderr)
        with open(runs) as f:
            return [float(z) for z in f.read().split()], words(r.stdout)

    def test_the_zoom_steps_down_until_two_pages(self):
        # The demo's page fits at full size by its estimate: 100, then 95,
        # 90 and 85, evenly; 90 is the first under 91.
        zooms, said = self.print_with("below-0.91")
        self.assertEqual(zooms, [1.0, 0.95, 0.9])
        self.assertIn("pdf, 2 pages at 90%).", said)

    def test_no_zoom_fits_the_full_size_print_is_kept(self):
        zooms, said = self.print_with("always-3")
        self.assertEqual(zooms, [1.0, 0.95, 0.9, 0.85])  # four prints, the first one kept
        self.assertIn("pdf, 3 pages).", said)

    def test_far_too_long_no_retries(self):
        zooms, said = self.print_with("five")
        self.assertEqual(zooms, [1.0])
        self.assertIn("pdf, 5 pages).", said)

    def test_pages_not_counted_no_retries_and_no_count_said(self):
        zooms, said = self.print_with("uncounted")
        self.assertEqual(zooms, [1.0])
        self.assertIn("bytes, pdf).", said)

    def test_a_failed_retry_keeps_the_first_pdf(self):
        zooms, said = self.print_with("fail-second")
        self.assertEqual(zooms, [1.0, 0.95])
        self.assertIn("pdf, 3 pages).", said)
        with open(self.pdf, "rb") as f:
            self.assertTrue(f.read().startswith(b"%PDF"))


class TrialReportPdf(RlsCase):
    def test_pdf_with_a_trial_stays_small(self):
        """The trial's arms shade the night chart; a pattern fill there was
        printed as a bitmap, ten times the PDF's size without a trial."""
        self.ok("demo", "--nights", "84", "-q")
        plain = os.path.join(self.tmp, "plain.pdf")
        self.ok("report", "--weeks", "12", "--format", "pdf", "--out", plain, "-q")
        self.ok("trial", "start", "standard x1", "standard x2", "--seed", "3", "-q",
                RLS_NOW="2026-10-20T19:00:00Z")
        pdf = os.path.join(self.tmp, "trial.pdf")
        self.ok("report", "--weeks", "12", "--format", "pdf", "--out", pdf, "-q")
        def images(path):
            with open(path, "rb") as f:
                return f.read().count(b"/Subtype /Image")
        self.assertEqual(images(pdf), images(plain), "the trial's shading adds no bitmap")
        self.assertLess(os.path.getsize(pdf), 2 * os.path.getsize(plain))


class ReportWithoutChromium(RlsCase):
    def test_pdf_without_chromium_names_the_package(self):
        self.ok("demo", "--nights", "28", "-q")
        pdf = os.path.join(self.tmp, "report.pdf")
        empty = os.path.join(self.tmp, "bin")
        os.makedirs(empty)
        line = self.fails(69, "report", "--format", "pdf", "--out", pdf, PATH=empty)
        self.assertEqual(line, "rls: --format pdf needs Chromium: install the Debian package "
                               "chromium")
        self.assertFalse(os.path.exists(pdf))


if __name__ == "__main__":
    unittest.main()
