#!/usr/bin/env bash
# Benchmarks TextGraph's tokenizer + sentence splitter against ucto, both on one core.
#   scripts/bench-segmentation.sh
# Builds a ~50 MB text by repeating the kamervragen texts (../shared/data/kamervragen, in
# /tmp, never committed), times TextGraph on it (release build, pinned to one core), times
# ucto on a 2 MB sample of the same text (ucto is slow), and prints MB/s for both and the ratio.
# Environment: SCRATCH (build folder, default .build), BENCH_DIR (default /tmp/textgraph-bench),
# SIZE_MB (default 50), UCTO_MB (default 2).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --peers

scratch="${SCRATCH:-.build}"
swift build -c release --product textgraph --scratch-path "$scratch" >&2
binary="$scratch/release/textgraph"

data=../shared/data/kamervragen
[[ -d "$data" ]] || { echo "bench: $data is missing" >&2; exit 1; }
dir="${BENCH_DIR:-/tmp/textgraph-bench}"
mkdir -p "$dir"
big="$dir/kamervragen-${SIZE_MB:-50}MB.txt"
sample="$dir/kamervragen-${UCTO_MB:-2}MB.txt"

# The corpus repeated to the size, documents apart by a blank line; the sample is its start,
# cut at a line end so that no character is split.
python3 - "$data" "$big" "$sample" "${SIZE_MB:-50}" "${UCTO_MB:-2}" <<'PY'
import pathlib, sys
data, big, sample, size_mb, sample_mb = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
files = sorted(p for p in pathlib.Path(data).rglob("*") if p.suffix in (".txt", ".md") and p.name != "index.tsv")
corpus = "\n\n".join(p.read_text(encoding="utf-8") for p in files) + "\n\n"
size = size_mb * 1_000_000
text = corpus * (size // len(corpus.encode("utf-8")) + 1)
encoded = text.encode("utf-8")
cut = encoded.rfind(b"\n", 0, size) + 1
pathlib.Path(big).write_bytes(encoded[:cut])
cut = encoded.rfind(b"\n", 0, sample_mb * 1_000_000) + 1
pathlib.Path(sample).write_bytes(encoded[:cut])
print(f"bench: {len(files)} kamervragen files, {len(corpus.encode('utf-8'))} bytes, repeated to {pathlib.Path(big).stat().st_size} bytes", file=sys.stderr)
PY

seconds() { python3 -c 'import sys; print(f"{(int(sys.argv[2]) - int(sys.argv[1])) / 1e9:.3f}")' "$1" "$2"; }
big_bytes=$(stat -c %s "$big")
sample_bytes=$(stat -c %s "$sample")

# TextGraph: the segmentation itself (in-process, best of 3), and the whole process (read, decode, segment).
inprocess=$(taskset -c 0 "$binary" eval segment-speed "$big" --repetitions 3 --json)
start=$(date +%s%N)
taskset -c 0 "$binary" eval segment-speed "$big" >/dev/null
end=$(date +%s%N)
whole=$(seconds "$start" "$end")

# ucto on the sample: whole process, one sentence per line, output discarded.
start=$(date +%s%N)
taskset -c 0 ucto -L nld -n "$sample" /dev/null 2>/dev/null
end=$(date +%s%N)
ucto_seconds=$(seconds "$start" "$end")

python3 - "$inprocess" "$whole" "$big_bytes" "$ucto_seconds" "$sample_bytes" <<'PY'
import json, sys
result = json.loads(sys.argv[1])
whole, big_bytes, ucto_seconds, sample_bytes = float(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
tg = result["megabytesPerSecond"]
tg_whole = big_bytes / 1e6 / whole
ucto = sample_bytes / 1e6 / ucto_seconds
print(f"textgraph segmentation : {result['bytes'] / 1e6:7.1f} MB in {result['seconds']:7.3f} s = {tg:8.1f} MB/s "
      f"({result['tokens']} tokens, {result['sentences']} sentences; one core, best of 3)")
print(f"textgraph whole process: {big_bytes / 1e6:7.1f} MB in {whole:7.3f} s = {tg_whole:8.1f} MB/s (read, decode, segment)")
print(f"ucto -L nld -n         : {sample_bytes / 1e6:7.1f} MB in {ucto_seconds:7.3f} s = {ucto:8.3f} MB/s (one core, whole process)")
print(f"ratio: {tg / ucto:.0f}x (segmentation), {tg_whole / ucto:.0f}x (whole process); target 100x")
PY
