#!/usr/bin/env bash
# Runs every test: the Swift unit and integration tests, then the graph checks with real RDF
# parsers (rapper, pyoxigraph) over the graphs the CLI builds from corpus/, the checks over the
# real corpora in ../shared/data, and the integration test with the oxigraph server.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test

# No warnings in our own targets (dependencies are built without the flag).
swift build --build-tests -Xswiftc -warnings-as-errors -Xswiftc -require-explicit-sendable 2>&1 | tee /tmp/textgraph-build.log
if grep -E "^/.*/(Sources|Tests)/.*warning:" /tmp/textgraph-build.log; then
    echo "test: the build has warnings" >&2
    exit 1
fi
swift test --skip-build 2>&1 | tee /tmp/textgraph-test.log
scripts/check_compile_errors.sh

python3 scripts/check_graph.py --binary .build/debug/textgraph --corpus corpus
python3 scripts/check_corpora.py --binary .build/debug/textgraph
python3 scripts/check_graph_store.py --binary .build/debug/textgraph
python3 scripts/check_resume.py --binary .build/debug/textgraph
python3 scripts/entities_per_document.py --binary .build/debug/textgraph --quiet
