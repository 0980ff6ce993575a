#!/usr/bin/env bash
# The entity recognizer's speed on one core: the stage alone (eval stage-speed), and
# `textgraph run --jobs 1` with and without the model over the same corpus, taking turns,
# fastest of five each.
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
best_with=999999
best_without=999999
for _ in 1 2 3 4 5; do
    for mode in with without; do
        args=()
        [ "$mode" = without ] && args=(--no-model)
        start=$(date +%s.%N)
        "$bin" run "$corpus" --jobs 1 --quiet --output "$out/$mode.nq" "${args[@]}"
        elapsed=$(echo "$(date +%s.%N) - $start" | bc)
        if [ "$mode" = with ]; then
            best_with=$(echo "if ($elapsed < $best_with) $elapsed else $best_with" | bc)
        else
            best_without=$(echo "if ($elapsed < $best_without) $elapsed else $best_without" | bc)
        fi
    done
done
echo "textgraph run --jobs 1: with the model ${best_with} s, without ${best_without} s;" \
    "speed with the model = $(echo "scale=3; $best_without / $best_with" | bc) of without"
