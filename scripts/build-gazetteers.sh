#!/usr/bin/env bash
# Builds the bundled reference gazetteers (Sources/Stages/Entities/Resources/Gazetteer/Reference) from the
# open data in ../shared/data, with textgraph's own importers. Reproducible: the same data gives
# byte-identical files. The hand-made lists in Sources/Stages/Entities/Resources/Gazetteer win where the
# two disagree (textgraph gazetteer merge). Sources and licences: Reference/README.md.
#
#   scripts/build-gazetteers.sh [DATA_DIR] [OUT_DIR]
#
# DATA_DIR defaults to ../shared/data, OUT_DIR to the bundled folder. TEXTGRAPH=path/to/binary
# skips the build.
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-../shared/data}"
out="${2:-Sources/Stages/Entities/Resources/Gazetteer/Reference}"
[[ -d "$data" ]] || { echo "build-gazetteers: no data folder at $data" >&2; exit 1; }
if [[ -z "${TEXTGRAPH:-}" ]]; then
    scripts/setup.sh
    swift build -c release --product textgraph >&2
    TEXTGRAPH=.build/release/textgraph
fi
tg() { "$TEXTGRAPH" "$@"; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 scripts/dutch_word_lists.py "$data" "$work/words"

# 1. The registers: municipalities, provinces and water boards; members and parties; laws.
tg gazetteer import tooi "$data"/tooi-organisaties/tooi_{gemeenten,provincies,waterschappen}.tsv \
    "$data/wikidata-gemeenten/gemeenten_wikidata_tooi.tsv" -o "$work/10-tooi.tsv"
tg gazetteer import tk-people "$data/tk-opendata-2025/tk_personen.tsv" "$data/tk-opendata-2025/tk_fracties.tsv" \
    -o "$work/20-people-tk.tsv"
tg gazetteer import bwb "$data/bwb-wetten/bwb_regelingen_2017.tsv" "$data/bwb-wetten/bwb_afkortingen_uit_teksten.tsv" \
    --exclude "$work/words/common-words.txt" -o "$work/30-laws-bwb.tsv"
tg gazetteer import tk-laws "$data/tk-opendata-2025/tk_wetgevingszaken.tsv" -o "$work/40-laws-tk.tsv"

curated=()
for file in Sources/Stages/Entities/Resources/Gazetteer/*.tsv; do curated+=(--curated "$file"); done
rm -rf "$work/merged" && mkdir -p "$work/merged"
tg gazetteer merge "${curated[@]}" --output-dir "$work/merged" \
    "$work/10-tooi.tsv" "$work/20-people-tk.tsv" "$work/30-laws-bwb.tsv" "$work/40-laws-tk.tsv"

# 2. Abbreviations of the names known so far (and of organisations and laws they plainly name),
#    then places, which lose the names the lists above already use.
known=()
for file in Sources/Stages/Entities/Resources/Gazetteer/*.tsv "$work"/merged/*.tsv; do known+=(--known "$file"); done
tg gazetteer import abbreviations "$data/afkortingen-mined/afkortingen_definities.tsv" "${known[@]}" \
    --exclude "$work/words/common-words.txt" -o "$work/50-abbreviations.tsv"
tg gazetteer import geonames "$data/geonames-places/geonames_nl_be_sr_caribbean_pop500.tsv" \
    --attested "$work/words/attested-names.txt" --exclude "$work/words/common-words.txt" -o "$work/60-places-geonames.tsv"
tg gazetteer import geonames "$data/geonames-places/geonames_world_pop100k.tsv" \
    --attested "$work/words/attested-names.txt" --exclude "$work/words/common-words.txt" -o "$work/70-cities-geonames.tsv"
above=("${curated[@]}")
for file in "$work"/merged/*.tsv; do above+=(--curated "$file"); done
tg gazetteer merge "${above[@]}" --output-dir "$work/merged" \
    --noisy "$work/60-places-geonames.tsv" --noisy "$work/70-cities-geonames.tsv" \
    "$work/50-abbreviations.tsv" "$work/60-places-geonames.tsv" "$work/70-cities-geonames.tsv"

mkdir -p "$out"
rm -f "$out"/*.tsv
# The temporary folder's name is not part of the result.
for file in "$work"/merged/*.tsv; do
    sed "s|$work/||g; s|$data/|shared/data/|g" "$file" >"$out/$(basename "$file")"
done
echo "build-gazetteers: wrote $(ls "$out"/*.tsv | wc -l) files to $out" >&2
# The compiled form of the bundled folder (the curated lists beside the reference lists), which
# makes loading fast: only for the bundled folder, as a compiled file names its folder's files.
if [[ "$out" == "Sources/Stages/Entities/Resources/Gazetteer/Reference" ]]; then
    tg gazetteer compile Sources/Stages/Entities/Resources/Gazetteer
fi
