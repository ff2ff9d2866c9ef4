"""The man page and the shell completions cover the whole CLI, checked
against the command tree rls itself prints (rls __spec); completions are
exercised in real bash, fish and zsh; the install lays files where the
system looks for them."""

import os
import re
import shutil
import subprocess
import unittest

from rlstest import RLS, SOURCE_DIR, RlsCase, Terminal

MAN = os.path.join(SOURCE_DIR, "man", "rls.1")
COMPLETIONS = os.path.join(SOURCE_DIR, "completions")
BASH_COMPLETION = "/usr/share/bash-completion/bash_completion"


class ZshTerminal(Terminal):
    """An interactive zsh (not rls) on a pseudo-terminal; or another shell."""

    def __init__(self, env, argv=("zsh", "-i")):
        import fcntl
        import pty
        import struct
        import termios
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
        self.proc = subprocess.Popen(list(argv), stdin=slave, stdout=slave, stderr=slave,
                                     env=env, start_new_session=True)
        os.close(slave)
        self.screen = ""
        self.transcript = ""

    def keys(self, text):
        os.write(self.master, text.encode())


def spec():
    """{command path: [options]} from the binary itself."""
    out = subprocess.run([RLS, "__spec"], capture_output=True, text=True, check=True).stdout
    tree = {}
    for line in out.splitlines():
        path, _, option = line.partition("\t")
        tree.setdefault(path, [])
        if option:
            tree[path].append(option)
    return tree


def man_sections():
    """{".SH/.SS title": text}, with roff escapes for '-' removed."""
    with open(MAN, encoding="utf-8") as f:
        text = re.sub(r"\\f[BIRP]", "", f.read().replace("\\-", "-"))
    sections = {}
    title = None
    for line in text.splitlines():
        m = re.match(r'^\.S[HS] "?([^"]*)"?$', line)
        if m:
            title = m.group(1)
            sections[title] = ""
        elif title:
            sections[title] += line + "\n"
    return sections


def own_options(options):
    """A command's own options (those not inherited from the root)."""
    return [o for o in options if o.startswith("-") and o not in ("-h", "--help")]


class ManPage(unittest.TestCase):
    @unittest.skipUnless(shutil.which("mandoc"), "mandoc not installed")
    def test_lint_clean(self):
        r = subprocess.run(["mandoc", "-T", "lint", "-W", "warning", MAN], capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)

    def test_every_command_and_option_is_documented(self):
        sections = man_sections()
        tree = spec()
        for option in tree["rls"]:
            self.assertIn(option, sections["GLOBAL OPTIONS"], f"global {option}")
        for path, options in tree.items():
            if path == "rls":
                continue
            words = path.split()
            section = " ".join(words[:2])  # "rls points add" is documented under "rls points"
            self.assertIn(section, sections, f"no section for {path}")
            if len(words) > 2:
                self.assertIn(f"{words[1]} {words[2]}", sections[section])
            for option in own_options(options):
                self.assertRegex(sections[section], r"(?<![\w-])" + re.escape(option) + r"(?![\w-])",
                                 f"{path} {option} missing from the man page")

    def test_synopsis_names_every_command(self):
        """A command added without a SYNOPSIS line is missed by whoever reads
        only the top of the page (irls, took, meds, lab, tag and skip were)."""
        synopsis = man_sections()["SYNOPSIS"]
        lines = set(synopsis.splitlines())
        for path in spec():
            words = path.split()
            if len(words) == 2:
                self.assertIn(f".B {path}", lines, f"{path} missing from the SYNOPSIS")

    def test_every_exit_code_and_variable(self):
        sections = man_sections()
        for code in ("0", "1", "64", "65", "66", "70", "73", "74", "75", "77", "130"):
            self.assertRegex(sections["EXIT STATUS"], rf"\.B {code}\n")
        for var in ("RLS_DB", "XDG_DATA_HOME", "HOME", "TZ", "NO_COLOR", "RLS_NOW", "LC_PAPER"):
            self.assertIn(var, sections["ENVIRONMENT"])


@unittest.skipUnless(os.path.exists(BASH_COMPLETION), "bash-completion not installed")
class BashCompletion(RlsCase):
    def complete(self, line):
        """Runs the real completion function for `line` and returns COMPREPLY."""
        script = f"""
            source {BASH_COMPLETION}
            source {COMPLETIONS}/rls.bash
            line={line!r}
            COMP_LINE=$line COMP_POINT=${{#line}}
            read -ra COMP_WORDS <<< "$line"
            [[ $line == *' ' ]] && COMP_WORDS+=("")
            COMP_CWORD=$((${{#COMP_WORDS[@]}} - 1))
            _rls
            printf '%s\\n' "${{COMPREPLY[@]}}"
        """
        env = self.env(PATH=os.path.dirname(RLS) + ":" + os.environ["PATH"])
        r = subprocess.run(["bash", "--norc", "-c", script], capture_output=True, text=True, env=env)
        self.assertEqual(r.returncode, 0, r.stderr)
        return set(r.stdout.split())

    def test_commands_and_every_option(self):
        tree = spec()
        commands = {p.split()[1] for p in tree if len(p.split()) == 2}
        self.assertEqual(self.complete("rls "), commands)
        for path, options in tree.items():
            if path == "rls":
                continue
            offered = self.complete(path + " -")
            for option in (o for o in options if o.startswith("-")):
                self.assertIn(option, offered, f"bash: {path} {option}")

    def test_values_from_the_database(self):
        self.ok("log", "-p", "heart=3", "-t", "caffeine", "--no-input")
        self.assertEqual(self.complete("rls log -p left.h"), {"left.heart="})
        self.assertEqual(self.complete("rls log --oil lav"), {"lavender"})
        self.assertEqual(self.complete("rls log --routine "), {"standard"})
        self.assertEqual(self.complete("rls log -t caf"), {"caffeine"})
        self.assertEqual(self.complete("rls show "), {"1"})
        self.assertEqual(self.complete("rls log -p hea"), {"heart="})  # as the README writes it
        self.assertEqual(self.complete("rls log --oil chamo"), {"chamomile"})
        self.assertEqual(self.complete("rls --color a"), {"auto", "always"})
        self.assertEqual(self.complete("rls points "), {"add"})

    def test_session_numbers_listed_newest_first_in_a_real_bash(self):
        """Tab twice in an interactive bash: readline lists 12 11 10 ... 1, not
        1 10 11 12 2 as text sorting would."""
        for day in range(1, 13):
            self.ok("log", "--at", f"2026-11-{day:02d} 21:00", "-p", "heart=3", "--no-input")
        rc = os.path.join(self.tmp, "bashrc")
        with open(rc, "w") as f:
            f.write(f"source {BASH_COMPLETION}\nsource {COMPLETIONS}/rls.bash\nPS1='> '\n")
        env = self.env(TERM="xterm", PATH=os.path.dirname(RLS) + ":" + os.environ["PATH"])
        t = ZshTerminal(env, ("bash", "--rcfile", rc, "-i"))
        try:
            t.expect("> ")
            t.keys("rls show \t\t")
            t.expect(r"12 +11 +10 +9 +8 +7 +6 +5 +4 +3 +2 +1\b")
        finally:
            t.proc.kill()
            t.wait()

    def test_a_config_key_once_given_is_not_offered_again(self):
        self.ok("list")  # the database exists, as it does for anyone completing
        self.assertEqual(self.complete("rls config "), {"cutoff", "primary"})
        self.assertEqual(self.complete("rls config cutoff "), set())
        self.assertEqual(self.complete("rls config primary "), set())


@unittest.skipUnless(shutil.which("fish"), "fish not installed")
class FishCompletion(RlsCase):
    def complete(self, line):
        env = self.env(PATH=os.path.dirname(RLS) + ":" + os.environ["PATH"])
        r = subprocess.run(["fish", "--no-config", "-c",
                            f"source {COMPLETIONS}/rls.fish; complete -C {line!r}"],
                           capture_output=True, text=True, env=env)
        self.assertEqual(r.returncode, 0, r.stderr)
        return {l.split("\t")[0] for l in r.stdout.splitlines()}

    def test_commands_and_every_option(self):
        tree = spec()
        commands = {p.split()[1] for p in tree if len(p.split()) == 2}
        self.assertTrue(commands <= self.complete("rls "))
        for path, options in tree.items():
            offered = self.complete(path + " -") | self.complete(path + " --")
            for option in (o for o in options if o.startswith("-")):
                self.assertIn(option, offered, f"fish: {path} {option}")

    def test_values_from_the_database(self):
        self.ok("log", "-p", "heart=3", "--no-input")
        self.assertIn("left.heart=", self.complete("rls log -p "))
        self.assertIn("roman-chamomile", self.complete("rls log --oil "))
        self.assertIn("1", self.complete("rls show "))
        self.assertIn("heart=", self.complete("rls log -p hea"))

    def test_sessions_newest_first_with_their_night(self):
        for day in range(1, 13):
            self.ok("log", "--at", f"2026-11-{day:02d} 21:00", "-p", "heart=3", "--no-input")
        env = self.env(PATH=os.path.dirname(RLS) + ":" + os.environ["PATH"])
        r = subprocess.run(["fish", "--no-config", "-c",
                            f"source {COMPLETIONS}/rls.fish; complete -C 'rls show '"],
                           capture_output=True, text=True, env=env, check=True)
        lines = r.stdout.splitlines()
        self.assertEqual([l.split("\t")[0] for l in lines][:3], ["12", "11", "10"])
        self.assertEqual(lines[0], "12\t2026-11-12 standard x1")


    def test_a_config_key_once_given_is_not_offered_again(self):
        self.ok("list")
        self.assertIn("cutoff", self.complete("rls config "))
        self.assertNotIn("cutoff", self.complete("rls config cutoff "))
        self.assertNotIn("primary", self.complete("rls config cutoff "))

@unittest.skipUnless(shutil.which("zsh"), "zsh not installed")
class ZshCompletion(RlsCase):
    def test_loads_under_compinit(self):
        script = f"""
            fpath=({COMPLETIONS} $fpath)
            autoload -Uz compinit && compinit -u -d {self.tmp}/zcompdump
            (( $+functions[_rls] )) || autoload -Uz _rls
            [[ $_comps[rls] == _rls ]] || exit 3
        """
        r = subprocess.run(["zsh", "-f", "-c", script], capture_output=True, text=True, env=self.env())
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertEqual(r.stderr, "")

    def test_real_completion_in_an_interactive_zsh(self):
        """Types into an interactive zsh on a pty and presses Tab."""
        zdotdir = os.path.join(self.tmp, "zdot")
        os.makedirs(zdotdir)
        with open(os.path.join(zdotdir, ".zshrc"), "w") as f:
            f.write(f"fpath=({COMPLETIONS} $fpath)\n"
                    f"autoload -Uz compinit && compinit -u -d {zdotdir}/.zcompdump\n"
                    "PS1='> '\n")
        self.ok("log", "-p", "heart=4", "--no-input")
        env = self.env(ZDOTDIR=zdotdir, TERM="xterm", PATH=os.path.dirname(RLS) + ":" + os.environ["PATH"])
        t = ZshTerminal(env)
        try:
            t.expect("> ")
            t.keys("rls rep\t")
            t.expect(r"rls report")
            t.keys("\x15rls log -p left.he\t")  # Ctrl-U clears the line first
            t.expect(r"rls log -p left\.heart(\x1b\[1m)?=")
            t.keys("\x15rls log -p hea\t")  # a short name, as the README writes it
            t.expect(r"rls log -p heart(\x1b\[1m)?=")
            t.keys("\x15rls show \t")
            t.expect(r"rls show 1")
            t.keys("\x15rls log --roun\t")
            t.expect(r"rls log --rounds")
        finally:
            t.proc.kill()
            t.wait()

    def test_session_numbers_newest_first_with_their_night(self):
        zdotdir = os.path.join(self.tmp, "zdot")
        os.makedirs(zdotdir)
        with open(os.path.join(zdotdir, ".zshrc"), "w") as f:
            f.write(f"fpath=({COMPLETIONS} $fpath)\n"
                    f"autoload -Uz compinit && compinit -u -d {zdotdir}/.zcompdump\n"
                    "PS1='> '\n")
        for day in range(1, 13):
            self.ok("log", "--at", f"2026-11-{day:02d} 21:00", "-p", "heart=3", "--no-input")
        env = self.env(ZDOTDIR=zdotdir, TERM="xterm", PATH=os.path.dirname(RLS) + ":" + os.environ["PATH"])
        t = ZshTerminal(env)
        try:
            t.expect("> ")
            t.keys("rls show \t")
            t.expect(r"1 +-- 2026-11-01 standard x1")
            listing = re.findall(r"(\d+) +-- (2026-11-\d\d) standard x1", t.transcript)
            self.assertEqual([n for n, _ in listing][:12],
                             ["12", "11", "10", "9", "8", "7", "6", "5", "4", "3", "2", "1"])
            self.assertEqual(listing[0], ("12", "2026-11-12"))
        finally:
            t.proc.kill()
            t.wait()

    def test_every_command_and_option_is_in_the_script(self):
        with open(os.path.join(COMPLETIONS, "_rls"), encoding="utf-8") as f:
            text = f.read()
        for path, options in spec().items():
            words = path.split()
            if len(words) >= 2:
                self.assertIn(f"'{words[1]}:", text, f"zsh: command {words[1]}")
            for option in (o for o in options if o.startswith("-")):
                if option.startswith("--"):
                    self.assertRegex(text, re.escape(option) + r"[=\['}]", f"zsh: {path} {option}")
                else:
                    self.assertIn(option + ",", text, f"zsh: {path} {option}")


class Install(RlsCase):
    def test_install_puts_files_in_standard_places(self):
        build_dir = os.path.dirname(os.path.abspath(RLS))
        prefix = os.path.join(self.tmp, "prefix")
        r = subprocess.run(["cmake", "--install", build_dir, "--prefix", prefix],
                           capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stderr)
        for rel in ("bin/rls", "share/man/man1/rls.1", "share/bash-completion/completions/rls",
                    "share/zsh/site-functions/_rls", "share/fish/vendor_completions.d/rls.fish"):
            self.assertTrue(os.path.isfile(os.path.join(prefix, rel)), rel)


if __name__ == "__main__":
    unittest.main(verbosity=2)
