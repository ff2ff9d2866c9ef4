#!/bin/sh
# Benchmarks, run on demand (./dev.sh bench), never as a timed test.
# Times rls's everyday commands with hyperfine (warm cache, median of >= 20
# runs) on a 90-night database and a 10-year one, and the demo generator on
# 100,000 nights; peak memory with GNU time.
set -eu
cd "$(dirname "$0")/.."
RLS=${RLS:-$PWD/build/rls}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TZ=Europe/Berlin RLS_NOW=2026-11-25T07:30:00Z

echo "== machine"
echo "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "rls $($RLS --version | cut -d' ' -f2), SQLite $(sqlite3 --version 2>/dev/null | cut -d' ' -f1 || echo '(system)')"

"$RLS" --db "$work/small.db" demo --nights 90 >/dev/null
"$RLS" --db "$work/ten-years.db" demo --nights 3650 >/dev/null

echo "== everyday commands (90 nights, then 10 years of nights)"
for db in small ten-years; do
    hyperfine --warmup 3 --min-runs 20 -N --style basic --export-markdown "$work/$db.md" \
        --prepare "cp $work/$db.db $work/$db-run.db" \
        -n "log ($db)" "$RLS --db $work/$db-run.db log --no-input -p heart=5 -p lateral=4 -p knee=3 -p left.sciatic=6 -p left.foot=2 -p ball=3 -p right.sciatic=4 -p right.foot=1 -o valerian:3 -o lavender -o chamomile" \
        -n "list ($db)" "$RLS --db $work/$db.db list --weeks 4" \
        -n "list --json ($db)" "$RLS --db $work/$db.db list --weeks 4 --json" \
        -n "version" "$RLS --version" >/dev/null
    cat "$work/$db.md"
done

echo "== demo generator, 100,000 nights"
/usr/bin/time -f "%e s elapsed, %M KiB peak" "$RLS" --db "$work/big.db" demo --nights 100000
ls -l "$work/big.db" | awk '{printf "database size: %.1f MiB\n", $5 / 1048576}'

echo "== peak memory (KiB)"
for args in "--version" "list --weeks 4" "log --no-input -p heart=5 -o lavender"; do
    /usr/bin/time -f "%M KiB  rls $args" "$RLS" --db "$work/ten-years.db" $args >/dev/null
done
