#!/usr/bin/env bash
# Builds TextGraph (release) and the knowledge graph of corpus/.
#   scripts/build-graph.sh                 writes graph.nt
#   scripts/build-graph.sh out/graph.ttl   any of .nt, .nq, .ttl
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product textgraph
output="${1:-graph.nt}"
mkdir -p "$(dirname "$output")"
.build/release/textgraph run corpus --output "$output"
