"""rls remind, and the reminder recipes shipped in contrib/ and shown in the
README and man page: each recipe's own command line is run (not the
scheduler) against a temporary database at fixed times, with a stand-in
notify-send that records what it was asked to show."""

import json
import os
import re
import shutil
import subprocess
import unittest

from rlstest import RLS, SOURCE_DIR, RlsCase

CRONTAB = os.path.join(SOURCE_DIR, "contrib", "cron", "rls.crontab")
SERVICE = os.path.join(SOURCE_DIR, "contrib", "systemd", "rls-remind.service")
TIMER = os.path.join(SOURCE_DIR, "contrib", "systemd", "rls-remind.timer")

# Berlin is UTC+1 in November.
MORNING = "2026-11-25T08:00:00Z"   # 09:00
EVENING = "2026-11-25T20:30:00Z"   # 21:30
AFTERNOON = "2026-11-25T14:00:00Z"  # 15:00


def cron_commands():
    """(minute, hour, command) of each crontab line."""
    lines = []
    with open(CRONTAB, encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                fields = line.split(None, 5)
                lines.append((int(fields[0]), int(fields[1]), fields[5].strip()))
    return lines


def exec_start():
    with open(SERVICE, encoding="utf-8") as f:
        line = next(l for l in f if l.startswith("ExecStart="))
    return line[len("ExecStart="):].strip()


class Remind(RlsCase):
    def test_nothing_due_prints_nothing(self):
        self.ok("rate", "--sleep", "6", RLS_NOW=EVENING)
        self.ok("log", "--at", "21:00", "--no-input", RLS_NOW=EVENING)
        r = self.run_rls("remind", "--exit-code", RLS_NOW=EVENING)
        self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "", ""))
        self.assertEqual(self.json("remind", RLS_NOW=EVENING), [])

    def test_due_items_and_exit_code(self):
        r = self.run_rls("remind", RLS_NOW=EVENING)
        self.assertEqual(r.returncode, 0)
        self.assertEqual(r.stdout.splitlines(), [
            "Tonight's massage is not logged yet (night of 2026-11-25): rls log",
            "Last night is not rated yet (night of 2026-11-24): rls rate"])
        self.assertEqual(self.run_rls("remind", "--exit-code", RLS_NOW=EVENING).returncode, 1)
        items = json.loads(self.run_rls("remind", "--json", RLS_NOW=EVENING).stdout)
        self.assertEqual([(i["kind"], i["night"]) for i in items],
                         [("session", "2026-11-25"), ("rating", "2026-11-24")])
        # In the afternoon only the rating is due; --after moves the evening.
        self.assertEqual(self.json("remind", RLS_NOW=AFTERNOON)[0]["kind"], "rating")
        self.assertEqual(len(self.json("remind", RLS_NOW=AFTERNOON)), 1)
        self.assertEqual(len(self.json("remind", "--after", "14:30", RLS_NOW=AFTERNOON)), 2)
        self.fails(64, "remind", "--after", "7pm")


class Recipes(RlsCase):
    def setUp(self):
        super().setUp()
        self.bin = os.path.join(self.tmp, "bin")
        os.makedirs(self.bin)
        os.symlink(os.path.abspath(RLS), os.path.join(self.bin, "rls"))
        self.notes = os.path.join(self.tmp, "notifications")
        stub = os.path.join(self.bin, "notify-send")
        with open(stub, "w") as f:
            f.write('#!/bin/sh\nfor a in "$@"; do printf "%s\\n" "$a"; done >> "$NOTES"\necho --- >> "$NOTES"\n')
        os.chmod(stub, 0o755)

    def shell(self, command, now):
        env = self.env(RLS_NOW=now, PATH=self.bin + ":/usr/bin:/bin", NOTES=self.notes)
        return subprocess.run(["/bin/sh", "-c", command], capture_output=True, text=True, env=env, timeout=30)

    def notifications(self):
        if not os.path.exists(self.notes):
            return []
        with open(self.notes) as f:
            return [n.strip("\n").split("\n") for n in f.read().split("---\n") if n.strip()]

    def test_crontab_lines(self):
        lines = cron_commands()
        self.assertEqual([(m, h) for m, h, _ in lines], [(30, 21), (0, 9), (30, 21)])
        # The evening mail line at 21:30 and the morning one at 09:00.
        r = self.shell(lines[0][2], EVENING)
        self.assertEqual(r.returncode, 0)
        self.assertIn("Tonight's massage is not logged yet", r.stdout)
        r = self.shell(lines[1][2], MORNING)
        self.assertEqual(r.stdout, "Last night is not rated yet (night of 2026-11-24): rls rate\n")
        # The notification line shows both items in one notification.
        r = self.shell(lines[2][2], EVENING)
        self.assertEqual(r.stdout, "")
        (note,) = self.notifications()
        self.assertEqual(note[:3], ["-a", "rls", "Restless legs diary"])
        self.assertIn("Tonight's massage is not logged yet", note[3])
        # Once everything is done: no mail (no output), no notification.
        self.ok("log", "--no-input", RLS_NOW=EVENING)
        self.ok("rate", "--sleep", "7", RLS_NOW=EVENING)
        for _, _, command in lines:
            r = self.shell(command, EVENING)
            self.assertEqual((r.stdout, r.stderr), ("", ""))
        self.assertEqual(len(self.notifications()), 1)

    def test_systemd_service_command(self):
        command = exec_start()
        self.assertTrue(command.startswith("/bin/sh -c '") and command.endswith("'"))
        script = command[len("/bin/sh -c '"):-1]
        r = self.shell(script, MORNING)
        self.assertEqual(r.returncode, 0, r.stderr)
        (note,) = self.notifications()
        self.assertEqual(note[3], "Last night is not rated yet (night of 2026-11-24): rls rate")
        self.ok("rate", "--sleep", "7", RLS_NOW=MORNING)
        r = self.shell(script, MORNING)
        self.assertEqual(r.returncode, 0)
        self.assertEqual(len(self.notifications()), 1)
        # An rls failure is not hidden from the journal.
        r = subprocess.run(["/bin/sh", "-c", script], capture_output=True, text=True,
                           env=self.env(RLS_NOW=MORNING, PATH=self.bin + ":/usr/bin:/bin",
                                        NOTES=self.notes, TZ="Nowhere/Special"))
        self.assertEqual(r.returncode, 64)

    @unittest.skipUnless(shutil.which("systemd-analyze"), "systemd-analyze not installed")
    def test_units_verify(self):
        r = subprocess.run(["systemd-analyze", "verify", SERVICE, TIMER], capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stderr)

    def test_recipes_in_readme_and_man_page_match_contrib(self):
        with open(os.path.join(SOURCE_DIR, "README.md"), encoding="utf-8") as f:
            readme = f.read()
        with open(os.path.join(SOURCE_DIR, "man", "rls.1"), encoding="utf-8") as f:
            man = f.read().replace("\\-", "-").replace("\\e", "\\").replace("\\(dq", '"')
        for _, _, command in cron_commands()[:2]:
            self.assertIn(command, readme)
            self.assertIn(command, man)
        self.assertIn(exec_start(), readme)
        self.assertIn(cron_commands()[2][2], readme)


if __name__ == "__main__":
    unittest.main(verbosity=2)
