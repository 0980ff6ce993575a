#!/usr/bin/env bash
# TextGraph's speed and memory beside spaCy, ucto and xmllint, in one run (see scripts/benchmark.py).
#   scripts/benchmark.sh [--small-mb 10] [--large-mb 100] [--repeat 5]
#   scripts/benchmark.sh --versus OLD_BINARY [--library CUSTOM_STAGE_BINARY] --repeat 41
# Installs what it needs on a fresh Debian machine: apt ucto, libxml2-utils (xmllint), time,
# python3-venv; spaCy and rdflib in a virtual environment in /tmp (no model download:
# spacy.blank("nl")). Builds TextGraph in release. Corpora go to /tmp/textgraph-benchmark.
# Environment: SCRATCH (build folder, default .build), VENV (default /tmp/textgraph-bench-venv).
# Not run by CI: it prints PASS or FAIL per ratio and exits 0 unless a tool cannot run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

missing=()
for pair in ucto:ucto xmllint:libxml2-utils taskset:util-linux; do
    command -v "${pair%%:*}" >/dev/null || missing+=("${pair#*:}")
done
[[ -x /usr/bin/time ]] || missing+=(time)
python3 -c "import venv, ensurepip" 2>/dev/null || missing+=(python3-venv)
if ((${#missing[@]})); then
    echo "benchmark: installing ${missing[*]}" >&2
    sudo=""
    [[ $(id -u) == 0 ]] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

venv="${VENV:-/tmp/textgraph-bench-venv}"
if ! "$venv/bin/python" -c "import spacy, rdflib" 2>/dev/null; then
    echo "benchmark: installing spaCy and rdflib in $venv" >&2
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install -q --upgrade pip
    "$venv/bin/python" -m pip install -q spacy rdflib
fi

scratch="${SCRATCH:-.build}"
swift build -c release --product textgraph --scratch-path "$scratch" >&2
"$venv/bin/python" scripts/benchmark.py --binary "$scratch/release/textgraph" --python "$venv/bin/python" "$@"
