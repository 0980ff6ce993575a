#!/usr/bin/env bash
# Trains the evaluation entity model on CoNLL-2002 Dutch (ned.train, ned.testa as development
# data) and scores it on ned.testb. RESEARCH ONLY: CoNLL-2002 may not be redistributed, so the
# model this writes must never be committed (the shipped model is made by train-ner-default.sh).
#
#   scripts/train-ner-conll.sh OUTDIR
#
# Writes OUTDIR/model, OUTDIR/testb.predictions ("token gold predicted", a blank line between
# sentences) and OUTDIR/testb.score (conlleval's report).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: scripts/train-ner-conll.sh OUTDIR}
data=${CONLL2002_DIR:-../shared/data/conll2002-ned}
mkdir -p "$out"
swift build -c release --product textgraph
bin=.build/release/textgraph
# Word clusters from unlabelled text: the words (not the labels) of ned.train and ned.testa, and
# the other Dutch text in ../shared/data (never ned.testb).
shared=$(dirname "$data")
"$bin" train clusters --output "$out/clusters.tsv" \
    --columns "$data/ned.train" "$data/ned.testa" "$shared/europeana-ner-nl/enp_NL.kb.bio" \
        "$shared"/globalise-voc-ner/*.conll "$shared"/parlamint-nl/*.conllu "$shared"/ud-dutch-*/*.conllu \
    -- $(find "$shared/kamervragen" -name '*.txt' | sort)
# Ten runs with different shuffles (seeds 1-10), their weights averaged into one model.
"$bin" train ner --train "$data/ned.train" --dev "$data/ned.testa" --clusters "$out/clusters.tsv" --output "$out/model" \
    --epochs "${EPOCHS:-12}" --hash-bits "${HASH_BITS:-20}" --seeds "${SEEDS:-10}" \
    --provenance "CoNLL-2002 Dutch ned.train (research only; never redistribute); dev ned.testa"
"$bin" eval ner --model "$out/model" "$data/ned.testb" --predictions "$out/testb.predictions" | tee "$out/testb.score"
