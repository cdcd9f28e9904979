#!/usr/bin/env bash
# Long fuzz run: the fuzz suites of `swift test` (Tests/FuzzTests) with many more inputs, bigger
# huge values and 100,000-level nesting, once per seed. Prints the inputs tried per kind and the time.
#
#   bench/fuzz.sh                      # 5,000 mutated inputs per kind, seeds 1 2 3
#   ITERATIONS=20000 SEEDS="7 8" bench/fuzz.sh
#
# A crash kills the test process: the input being read is then in $WORK/last/<kind>.input (its label,
# which says how it was made, in <kind>.label), and the script says so.
set -euo pipefail

cd "$(dirname "$0")/.."
ITERATIONS="${ITERATIONS:-5000}"
SEEDS="${SEEDS:-1 2 3}"
WORK="${WORK:-$(mktemp -d /tmp/k8sup-fuzz.XXXXXX)}"
mkdir -p "$WORK"
FILTER='FuzzTests'

echo "building tests..."
swift build --build-tests >"$WORK/build.log" 2>&1 || { tail -n 30 "$WORK/build.log"; exit 1; }

started=$(date +%s)
status=0
for seed in $SEEDS; do
    mkdir -p "$WORK/last"
    stats="$WORK/stats-$seed.txt"
    : >"$stats"
    echo "seed $seed: $ITERATIONS inputs per kind..."
    seed_started=$(date +%s)
    if ! K8SUP_FUZZ_ITERATIONS="$ITERATIONS" K8SUP_FUZZ_SEED="$seed" K8SUP_FUZZ_STATS="$stats" \
        K8SUP_FUZZ_LAST_INPUT="$WORK/last" swift test --skip-build --filter "$FILTER" >"$WORK/test-$seed.log" 2>&1; then
        status=1
        echo "seed $seed: FAILED (log: $WORK/test-$seed.log)"
        grep -E '^(✘|↳)' "$WORK/test-$seed.log" | grep -v 'Testing Library\|Target Platform' | head -n 40 || true
        # Suites that never reported totals were still running when the process died.
        for label in "$WORK"/last/*.label; do
            kind=$(basename "$label" .label)
            if ! grep -q "^$kind " "$stats"; then
                echo "  $kind did not finish: last input $(cat "$label") in $WORK/last/$kind.input"
            fi
        done
    fi
    printf '  %-28s %10s %9s %9s  %s\n' kind inputs seconds slowest 'slowest input'
    sort "$stats" | while read -r kind inputs seconds slowest label; do
        printf '  %-28s %10s %9s %9s  %s\n' "$kind" "$inputs" "$seconds" "$slowest" "$label"
    done
    total=$(awk '{ sum += $2 } END { print sum + 0 }' "$stats")
    echo "seed $seed: $total inputs in $(($(date +%s) - seed_started))s"
done
echo "all seeds: $(cat "$WORK"/stats-*.txt | awk '{ sum += $2 } END { print sum + 0 }') inputs in" \
    "$(($(date +%s) - started))s (work directory $WORK)"
exit "$status"
