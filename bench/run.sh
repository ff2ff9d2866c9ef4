#!/bin/sh
# Benchmarks, run on demand (./dev.sh bench), never as a timed test.
# Each rls command is timed beside a floor - a minimal C++ program doing the
# same inherent work (bench/floor_*.cpp) - in one hyperfine run, so every
# figure is also a ratio. Medians of >= 20 runs, warm cache. Peak memory
# with GNU time. timewarrior and taskwarrior do a comparable add and report.
set -eu
cd "$(dirname "$0")/.."
RLS=$PWD/build/rls
FLOORS=$PWD/build/bench
cmake --build build --target bench_floors >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TZ=Europe/Berlin RLS_NOW=2026-11-25T07:30:00Z
from=2026-10-28
to=2026-11-24

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'),"\
     "$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(. /etc/os-release; echo "$PRETTY_NAME")"
echo "rls $("$RLS" --version | cut -d' ' -f2)"

start=$(date +%s.%N)
# The longest history rls accepts: nights from 2000-01-01 (core/limits.hpp).
"$RLS" --db "$work/big.db" demo --nights 9800 -q
end=$(date +%s.%N)
echo "demo --nights 9800: $(echo "$end - $start" | bc) s, $(du -m "$work/big.db" | cut -f1) MiB"
"$RLS" --db "$work/ten.db" demo --nights 3650 -q

LOG_ARGS="log --no-input -q -p heart=5 -p lateral=4 -p knee=3 -p left.sciatic=6 -p left.foot=2 -p ball=3 -p right.sciatic=4 -p right.foot=1 -o valerian:3 -o lavender -o chamomile"
run() { # name, then commands
    name=$1
    shift
    hyperfine -N --warmup 5 --min-runs 30 --style none --export-json "$work/$name.json" "$@" 2>&1 >/dev/null | grep -v -e "Statistical outliers" -e "^ *$" || true
    test -s "$work/$name.json"
}
run log --prepare "cp $work/ten.db $work/run.db" \
    "$RLS --db $work/run.db $LOG_ARGS" \
    "$FLOORS/floor_log $work/run.db"
run report \
    "$RLS --db $work/ten.db report --weeks 4" \
    "$FLOORS/floor_report $work/ten.db $from $to" \
    "$FLOORS/floor_report $work/ten.db $from $to --zone" \
    "$RLS --db $work/big.db report --weeks 4"
# The page for a doctor: a year of a 10-year history, HTML beside text.
run html "$RLS --db $work/ten.db report --weeks 52" \
    "$RLS --db $work/ten.db report --weeks 52 --format html"
html_bytes=$("$RLS" --db "$work/ten.db" report --weeks 52 --format html | wc -c)
run small "$RLS --db $work/ten.db remind" "$FLOORS/floor_remind $work/ten.db" \
    "$RLS --version" "$FLOORS/floor_version" \
    "$RLS --db $work/ten.db __complete points" \
    "$RLS --db $work/ten.db list --weeks 4"

# timewarrior and taskwarrior on the same machine, for a comparable add and report.
export TIMEWARRIORDB="$work/timew" TASKDATA="$work/task" TASKRC="$work/taskrc"
mkdir -p "$TIMEWARRIORDB" "$TASKDATA"
printf 'data.location=%s\nconfirmation=off\nverbose=nothing\n' "$TASKDATA" > "$TASKRC"
yes | timew :yes >/dev/null 2>&1 || true
for i in $(seq 200); do
    timew track "2026-06-$(( i % 28 + 1 ))T21:00" - "2026-06-$(( i % 28 + 1 ))T21:25" massage :quiet >/dev/null 2>&1 || true
    task add "massage $i" >/dev/null 2>&1 || true
done
cp -r "$TIMEWARRIORDB" "$work/timew-seed"
run others --prepare "sh -c 'rm -rf $TIMEWARRIORDB && cp -r $work/timew-seed $TIMEWARRIORDB'" \
    "timew track 2026-11-24T21:00 - 2026-11-24T21:25 massage :quiet" \
    "timew summary 2026-10-28 - 2026-11-25" \
    "task add massage tonight" \
    "task list"

python3 - "$work" "$html_bytes" <<'PY'
import json, sys
work = sys.argv[1]
html_bytes = int(sys.argv[2])
def medians(name):
    with open(f"{work}/{name}.json") as f:
        return [r["median"] * 1000 for r in json.load(f)["results"]]
log, floor_log = medians("log")
report, floor_report, floor_report_zone, report_big = medians("report")
remind, floor_remind, version, floor_version, complete, listing = medians("small")
text52, html52 = medians("html")
tw_add, tw_report, task_add, task_report = medians("others")
rows = [
    ("rls log (8 points, 3 oils)", log, floor_log, None, "1.25x"),
    ("rls report --weeks 4, 10 years", report, floor_report, floor_report_zone, "2x"),
    ("rls report --weeks 4, 9,800 nights (27 years)", report_big, report, None, "1.3x of 10 years"),
    ("rls report --weeks 52 --format html, 10 years", html52, text52, None, "3x of text"),
    ("rls remind", remind, floor_remind, None, "1.25x"),
    ("rls --version", version, floor_version, None, "1.25x"),
    ("rls __complete points", complete, None, None, ""),
    ("rls list --weeks 4, 10 years", listing, None, None, ""),
]
print("| command | median | floor | ratio | floor + zone lookup | ratio | target |")
print("| --- | ---: | ---: | ---: | ---: | ---: | --- |")
for name, t, floor, zone, target in rows:
    cells = [f"{t:.2f} ms"]
    cells += [f"{floor:.2f} ms", f"{t / floor:.2f}x"] if floor else ["", ""]
    cells += [f"{zone:.2f} ms", f"{t / zone:.2f}x"] if zone else ["", ""]
    print(f"| {name} | " + " | ".join(cells) + f" | {target} |")
print()
print("| same machine | add | report |")
print("| --- | ---: | ---: |")
print(f"| rls (log / report --weeks 4) | {log:.2f} ms | {report:.2f} ms |")
print(f"| timewarrior (track / summary) | {tw_add:.2f} ms | {tw_report:.2f} ms |")
print(f"| taskwarrior (add / list) | {task_add:.2f} ms | {task_report:.2f} ms |")
print()
print(f"rls log / task add: {log / task_add:.2f}x (target: below 1)")
print(f"report --weeks 52 --format html, 10 years: {html_bytes / 1000:.0f} kB (target: < 300 kB)")
PY

echo
echo "peak memory (max RSS):"
for args in "--version" "remind" "report --weeks 4" "$LOG_ARGS"; do
    /usr/bin/time -f "%M KiB  rls $args" "$RLS" --db "$work/ten.db" $args >/dev/null
done 2>&1 | cut -c1-60
/usr/bin/time -f "%M KiB  rls report --weeks 4 on 9,800 nights" "$RLS" --db "$work/big.db" report --weeks 4 2>&1 >/dev/null
