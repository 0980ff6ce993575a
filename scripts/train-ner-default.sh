#!/usr/bin/env bash
# Rebuilds the entity model shipped with TextGraph, Sources/Stages/Entities/Resources/Recognizer/default.tgner,
# from data whose licences allow redistribution (never CoNLL-2002): Europeana Newspapers NER NL
# (CC0), GLOBALISE VOC NER (MIT), the ParlaMint-NL samples (CC BY 4.0, silver), and silver labels
# of the bundled gazetteers over the kamervragen and Handelingen texts (Dutch government publications), leaving out
# the 19 documents of the kamervragen evaluation. See Resources/Recognizer/MODEL.md.
#
#   scripts/train-ner-default.sh [OUTPUT]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-Sources/Stages/Entities/Resources/Recognizer/default.tgner}
data=../shared/data
swift build -c release --product textgraph
bin=.build/release/textgraph
silver=$(mktemp -t silver-XXXXXX.conll)
trap 'rm -f "$silver"' EXIT
python3 scripts/make_silver_ner.py --binary "$bin" "$silver" "$data/kamervragen" "$data/handelingen-xml"
"$bin" train ner \
    --train "$data/europeana-ner-nl/enp_NL.kb.bio" \
        "$data/globalise-voc-ner/globalise_trainA_dev.conll" "$data/globalise-voc-ner/globalise_trainB.conll" \
        "$data/globalise-voc-ner/globalise_inference_extra.conll" \
        "$data/parlamint-nl/ParlaMint-NL_2017-01-26-tweedekamer-4.conllu" \
        "$data/parlamint-nl/ParlaMint-NL_2022-07-12-eerstekamer-3.ana.xml" \
        "$silver" \
    --dev "$data/globalise-voc-ner/globalise_test.conll" \
    --epochs 10 --hash-bits 18 --seeds "${SEEDS:-1}" --minimum-weight "${MINIMUM_WEIGHT:-0}" --output "$out" \
    --provenance "TextGraph default entity model. Trained by scripts/train-ner-default.sh on Europeana Newspapers NER NL (CC0), GLOBALISE VOC NER train/extra (MIT; dev: its test split), ParlaMint-NL samples (CC BY 4.0, silver), and bundled-gazetteer silver labels over kamervragen and Handelingen texts (Dutch government publications). Nothing from the CoNLL shared tasks."
