#!/usr/bin/env bash
# Measures the gazetteer at scale (issue 5's acceptance: with a gazetteer of at least 100,000
# names, tagging runs at least 20 MB/s on one core, and loading that gazetteer takes under a
# second). Builds textgraph in release mode, then in a scratch folder (never committed):
#   1. a gazetteer of >= 100,000 names: the ParlaMint-NL people and ISO 3166 countries imported
#      with `textgraph gazetteer import`, plus synthetic organizations whose names are built
#      from words of the kamervragen texts (so the text is full of partial matches);
#   2. a text of >= 20 MB: the kamervragen texts of ../shared/data, repeated;
# and runs `textgraph gazetteer bench`, which prints the figures (one core, best of 3 rounds).
#
# Then, one core, with the bundled gazetteer alone: the gazetteer's load and tagging speed, and
# the CPU time of a two-document run (`textgraph run corpus`), best of 5.
#
# Usage: scripts/bench-gazetteer.sh [WORKDIR]   (default /tmp/textgraph-bench-gazetteer)
# Environment: SCRATCH=.build-x to build in another scratch folder; DATA=path to shared/data;
# BASELINE=path/to/an/older/textgraph to measure it too, the two taking turns.
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-/tmp/textgraph-bench-gazetteer}"
scratch="${SCRATCH:-.build}"
data="${DATA:-../shared/data}"
mkdir -p "$work"

swift build -c release --scratch-path "$scratch" --product textgraph >&2
bin="$scratch/release/textgraph"

# The text: every kamervragen text, repeated to at least 20 MB.
find "$data/kamervragen" -type f \( -name '*.txt' -o -name '*.md' \) | LC_ALL=C sort > "$work/texts.list"
[ -s "$work/texts.list" ] || { echo "bench: no kamervragen texts under $data" >&2; exit 1; }
: > "$work/text.txt"
while [ "$(stat -c %s "$work/text.txt")" -lt 20000000 ]; do
    xargs -d '\n' cat < "$work/texts.list" >> "$work/text.txt"
done

# The gazetteer: real people and countries, and synthetic organizations.
"$bin" gazetteer import tei-persons "$data/parlamint-nl/ParlaMint-NL-listPerson.xml" -o "$work/people.tsv"
"$bin" gazetteer import iso3166 "$data/iso-codes-nl/iso_3166-1.json" "$data/iso-codes-nl/iso_3166-1.nl.po" -o "$work/countries.tsv"
python3 - "$work/texts.list" "$work/organizations.tsv" <<'PY'
import random, re, sys
words = set()
for path in open(sys.argv[1]).read().split("\n"):
    if path:
        words.update(re.findall(r"\b[A-ZÀ-Ý][a-zà-ÿ]{2,}\b", open(path, encoding="utf-8").read()))
words = sorted(words)
rng = random.Random(5)
suffixes = ["B.V.", "N.V.", "Holding", "Groep", "Nederland", "International", "Stichting", "Vereniging", "Fonds", "Instituut"]
seen = set()
with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write("# synthetic organizations for scripts/bench-gazetteer.sh\n")
    out.write("id\ttype\tlabel@nl\tlabel@en\taliases\tadjectives\tsame_as\n")
    n = 0
    while n < 40000:
        a, b = rng.choice(words), rng.choice(words)
        if (a, b) in seen:
            continue
        seen.add((a, b))
        acronym = "".join(rng.choice("ABCDEFGHIJKLMNOPRSTUVWZ") for _ in range(rng.randint(3, 5)))
        out.write(f"org/bench-{n}\tOrganization\t{a} {b} {rng.choice(suffixes)}\t\t{a} {b}|{acronym}\t\t\n")
        n += 1
    for k, word in enumerate(rng.sample(words, min(5000, len(words)))):
        out.write(f"org/bench-word-{k}\tOrganization\t{word}\t\t\t\t\n")
PY

echo "text: $(stat -c %s "$work/text.txt") bytes from $(wc -l < "$work/texts.list") kamervragen files"
"$bin" gazetteer check "$work/people.tsv" "$work/countries.tsv" "$work/organizations.tsv" --with-bundled --limit 0 | grep -E '^(total|names shared)'
taskset -c 0 "$bin" gazetteer bench --gazetteer "$work/people.tsv" --gazetteer "$work/countries.tsv" \
    --gazetteer "$work/organizations.tsv" "$work/text.txt"

# The bundled gazetteer alone (it has grown with the reference lists), and the two-document run.
binaries=("$bin")
[[ -n "${BASELINE:-}" ]] && binaries=("$BASELINE" "$bin")
cpu_of_run() {  # user+system seconds of one `textgraph run corpus`
    local out="$work/corpus.nt"
    /usr/bin/time -f "%U %S" -o "$work/time.txt" taskset -c 0 "$1" run corpus --output "$out" --quiet >/dev/null 2>&1
    awk '{printf "%.3f", $1 + $2}' "$work/time.txt"
}
for b in "${binaries[@]}"; do
    echo "== $b: bundled gazetteer alone, 20 MB of kamervragen text, one core"
    taskset -c 0 "$b" gazetteer bench "$work/text.txt" --rounds 3 | grep -E '^(gazetteer|load|matching|tagging)'
done
declare -A best
for round in 1 2 3 4 5; do
    for b in "${binaries[@]}"; do
        t=$(cpu_of_run "$b")
        if [[ -z "${best[$b]:-}" ]] || awk -v a="$t" -v b="${best[$b]}" 'BEGIN{exit !(a < b)}'; then best[$b]=$t; fi
    done
done
for b in "${binaries[@]}"; do echo "two-document run (textgraph run corpus), CPU seconds, best of 5: ${best[$b]}  ($b)"; done
