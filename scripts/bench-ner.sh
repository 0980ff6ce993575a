#!/usr/bin/env bash
# The entity recognizer's speed on one core: the stage alone (eval stage-speed), and
# `textgraph run --jobs 1` with and without the model over the same corpus, taking turns,
# fastest of ROUNDS (default 7) each, in wall time and in CPU time.
#
#   scripts/bench-ner.sh [CORPUS_DIR]      (default ../shared/data/kamervragen)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/data/kamervragen}
swift build -c release --product textgraph >/dev/null
bin=.build/release/textgraph
"$bin" eval stage-speed "$corpus" --repetitions 5 | grep -E "EntityRecognizer|all stages|documents"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# One core: pinned to CPU 0 where taskset exists. Wall time and CPU time (user + system, which
# other processes on a shared machine disturb less), the fastest of ROUNDS runs of each.
pin=()
command -v taskset >/dev/null && pin=(taskset -c 0)
rounds=${ROUNDS:-7}
declare -A wall cpu
for mode in with without; do wall[$mode]=999999; cpu[$mode]=999999; done
for _ in $(seq "$rounds"); do
    for mode in with without; do
        args=()
        [ "$mode" = without ] && args=(--no-model)
        /usr/bin/time -o "$out/time" -f "%e %U %S" "${pin[@]}" "$bin" run "$corpus" --jobs 1 --quiet --output "$out/$mode.nq" "${args[@]}"
        read -r elapsed user system < "$out/time"
        used=$(echo "$user + $system" | bc)
        wall[$mode]=$(echo "if ($elapsed < ${wall[$mode]}) $elapsed else ${wall[$mode]}" | bc)
        cpu[$mode]=$(echo "if ($used < ${cpu[$mode]}) $used else ${cpu[$mode]}" | bc)
    done
done
echo "textgraph run --jobs 1, one core, fastest of $rounds: with the model ${wall[with]} s wall, ${cpu[with]} s CPU;" \
    "without ${wall[without]} s wall, ${cpu[without]} s CPU"
echo "speed with the model = $(echo "scale=3; ${wall[without]} / ${wall[with]}" | bc) of without (wall)," \
    "$(echo "scale=3; ${cpu[without]} / ${cpu[with]}" | bc) (CPU)"
