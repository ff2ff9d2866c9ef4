#!/bin/sh
# The two quick-start commands, and a few more for developers.
#   ./dev.sh demo      install what is missing, build, make a demo database, show its report
#   ./dev.sh test      install what is missing, build, run every test
#   ./dev.sh sanitize  the tests again under AddressSanitizer + UBSan
#   ./dev.sh fuzz [S]  libFuzzer on every input parser, S seconds each (default 60)
#   ./dev.sh bench     benchmarks (bench/run.sh)
# Works on a fresh Debian 12 as root, or as a user with sudo.
set -eu
cd "$(dirname "$0")"

# Build: compiler, CMake, Ninja and the libraries. Test: Python for the
# end-to-end tests, the shells for completion tests, mandoc for the man page,
# statsmodels and SciPy for the cross-check of the report's statistics,
# Chromium, poppler-utils and libxml2-utils for the HTML report in a real
# browser (its PDF pages and text, xmllint).
BUILD_PACKAGES="g++ cmake ninja-build pkgconf bc libcli11-dev libsqlitecpp-dev libsqlite3-dev
    libhowardhinnant-date-dev doctest-dev nlohmann-json3-dev libfmt-dev tzdata python3"
TEST_PACKAGES="bash-completion zsh fish mandoc python3-statsmodels python3-scipy python3-numpy
    chromium poppler-utils libxml2-utils"
BENCH_PACKAGES="hyperfine time timewarrior taskwarrior"
FUZZ_PACKAGES="clang libclang-rt-14-dev"

install_missing() {
    missing=""
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
            missing="$missing $p"
    done
    [ -z "$missing" ] && return 0
    echo "Installing:$missing"
    if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
}

build() {
    cmake --preset "$1" >/dev/null
    cmake --build --preset "$1"
}

case "${1:-}" in
demo)
    install_missing $BUILD_PACKAGES
    build default
    db=build/demo/rls.db
    rm -f "$db"
    ./build/rls --db "$db" demo
    echo
    ./build/rls --db "$db" report --weeks 4
    echo
    echo "That was a demo database ($db). Try: ./build/rls --db $db list"
    echo "The page for a doctor: ./build/rls --db $db report --weeks 12 --format pdf --out report.pdf"
    echo "Manual: man ./man/rls.1"
    ;;
test)
    install_missing $BUILD_PACKAGES $TEST_PACKAGES
    build default
    ctest --preset default
    ;;
sanitize)
    install_missing $BUILD_PACKAGES $TEST_PACKAGES
    build sanitize
    ctest --preset sanitize
    ;;
fuzz)
    install_missing $BUILD_PACKAGES $FUZZ_PACKAGES
    build fuzz
    ctest --preset fuzz # every seed and past crash still passes
    seconds=${2:-60}
    work=$(mktemp -d)
    for target in when duration point_spec oil_spec import; do
        mkdir -p "$work/$target"
        echo "fuzz_$target: ${seconds} s"
        # New inputs go to a scratch corpus; crashes are written to $work.
        if ! (cd "$work" && "$OLDPWD/build-fuzz/tests/fuzz/fuzz_$target" -max_total_time="$seconds" \
            -print_final_stats=1 "$work/$target" "$OLDPWD/tests/fuzz/corpus/$target" 2>&1 |
            grep -E "^(Done|stat::number_of_executed_units|==|SUMMARY)"); then :; fi
        if find "$work" -maxdepth 1 -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' |
            grep -q .; then
            echo "fuzz_$target found a problem; inputs in $work. Add each to" \
                "tests/fuzz/corpus/$target/ and a unit test, then fix."
            exit 1
        fi
    done
    rm -rf "$work"
    echo "fuzz: no crashes"
    ;;
bench)
    install_missing $BUILD_PACKAGES $BENCH_PACKAGES
    build default
    bench/run.sh
    ;;
*)
    sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'
    exit 64
    ;;
esac
