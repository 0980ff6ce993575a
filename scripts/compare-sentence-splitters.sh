#!/usr/bin/env bash
# Scores TextGraph, ucto, pysbd and spaCy's sentencizer on the same gold texts, in one run,
# and prints one table (boundary and token precision, recall, F1).
#   scripts/compare-sentence-splitters.sh                 UD Dutch LassySmall test
#   scripts/compare-sentence-splitters.sh A.conllu ...    other CoNLL-U gold files
# Environment: SCRATCH (build folder, default .build), KEEP (folder to keep texts and predictions in).
# Exits 1 when TextGraph's boundary F1 is below the best peer's on a file.
set -euo pipefail
cd "$(dirname "$0")/.."
# The peers: ucto from Debian, pysbd and spaCy from PyPI (spaCy's blank "nl" needs no model).
scripts/setup.sh --peers

scratch="${SCRATCH:-.build}"
swift build -c release --product textgraph --scratch-path "$scratch" >&2
binary="$scratch/release/textgraph"

if (($# == 0)); then
    set -- ../shared/data/ud-dutch-lassysmall/nl_lassysmall-ud-test.conllu
fi
echo "ucto $(ucto --version 2>&1 | head -1 | sed 's/.*version //'), pysbd $(python3 -c 'import pysbd; print(pysbd.__version__)' 2>/dev/null || echo '?'), spaCy $(python3 -c 'import spacy; print(spacy.__version__)')"
exec python3 scripts/compare_sentence_splitters.py --textgraph "$binary" ${KEEP:+--keep "$KEEP"} "$@"
