#!/usr/bin/env bash
# Rewrites the golden graphs of corpus/ (Tests/Fixtures/golden/corpus.{nt,nq,ttl}) with what the
# debug build writes now. Run it only for a change meant to change the graph, and say in the
# commit what changed and why; a refactoring must leave them byte-identical.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product textgraph
for format in nt nq ttl; do
    .build/debug/textgraph run corpus --output "Tests/Fixtures/golden/corpus.$format" --quiet
done
git diff --stat -- Tests/Fixtures/golden
