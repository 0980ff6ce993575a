#!/usr/bin/env bash
# Runs every test: the Swift unit and integration tests, then the graph checks with real RDF
# parsers (rapper, pyoxigraph) over the graphs the CLI builds from corpus/, the checks over the
# real corpora in ../shared/data, the integration test with the oxigraph server, and the rendered
# site in headless Chromium (screenshots in out/render/screenshots, or $TEXTGRAPH_ARTIFACTS/screenshots).
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
python3 scripts/check_core.py
# The role modules of Sources/Stages as layers: no dependency on a role above (Package.swift).
python3 scripts/check_layers.py
python3 scripts/check_function_length.py
# What the benchmark's --versus verdict reads (turn order, median, its interval), on made-up runs.
python3 scripts/benchmark.py --self-test
# The house style (.swift-format: swift-nio's line length of 120), checked as the toolchain's
# swift-format lints it; `swift-format format -i -r Sources Tests Examples Fuzz Package.swift` fixes most.
if swift-format lint --strict -r --parallel Sources Tests Examples Fuzz Package.swift; then
    echo "format checks: 1 passed, 0 failed (swift-format lint --strict, .swift-format)"
else
    echo "format checks: 0 passed, 1 failed: run swift-format format -i -r Sources Tests Examples Fuzz Package.swift" >&2
    exit 1
fi

# The bundled reference gazetteers are what scripts/build-gazetteers.sh makes from ../shared/data.
if [[ -d ../shared/data ]] || [[ "${CI:-}" == "true" ]]; then
    rebuilt="$(mktemp -d)"
    TEXTGRAPH=.build/debug/textgraph scripts/build-gazetteers.sh ../shared/data "$rebuilt" 2>/dev/null
    if diff -r --exclude=README.md "$rebuilt" Sources/Stages/Entities/Resources/Gazetteer/Reference >/dev/null; then
        echo "gazetteer checks: 1 passed, 0 failed (the reference gazetteers rebuild byte-identical)"
    else
        echo "gazetteer checks: 0 passed, 1 failed: scripts/build-gazetteers.sh gives other files than the bundled ones" >&2
        diff -r --exclude=README.md "$rebuilt" Sources/Stages/Entities/Resources/Gazetteer/Reference | head -20 >&2
        exit 1
    fi
    rm -rf "$rebuilt"
    # And the compiled gazetteer is what `textgraph gazetteer compile` makes of the folder.
    compiled="$(mktemp -d)"
    cp -r Sources/Stages/Entities/Resources/Gazetteer "$compiled/"
    .build/debug/textgraph gazetteer compile "$compiled/Gazetteer" 2>/dev/null
    if cmp -s "$compiled/Gazetteer/bundled.gazetteer" Sources/Stages/Entities/Resources/Gazetteer/bundled.gazetteer; then
        echo "gazetteer checks: 1 passed, 0 failed (the compiled gazetteer compiles byte-identical)"
    else
        echo "gazetteer checks: 0 passed, 1 failed: bundled.gazetteer is not what textgraph gazetteer compile makes" >&2
        exit 1
    fi
    rm -rf "$compiled"
else
    echo "gazetteer checks: skipped: ../shared/data is absent (with CI=true this fails instead)"
fi

python3 scripts/check_graph.py --binary .build/debug/textgraph --corpus corpus
python3 scripts/check_corpora.py --binary .build/debug/textgraph
python3 scripts/check_graph_store.py --binary .build/debug/textgraph
python3 scripts/check_custom_stage.py --binary .build/debug/textgraph
python3 scripts/check_resume.py --binary .build/debug/textgraph
python3 scripts/check_hostile_corpus.py --binary .build/debug/textgraph
python3 scripts/measure_memory.py --binary .build/debug/textgraph --only cap
python3 scripts/entities_per_document.py --binary .build/debug/textgraph --quiet
python3 scripts/check_render.py --binary .build/debug/textgraph --corpus corpus

# The fuzz targets, briefly (Fuzz/README.md): an instrumented debug build (about 50 s from
# scratch on two cores; release takes about 5 minutes), replays of the fixed crashes in
# Fuzz/Regressions, then each target for FUZZ_SECONDS. A crash fails the run.
FUZZ_CONFIGURATION="${FUZZ_CONFIGURATION:-debug}" scripts/fuzz.sh all "${FUZZ_SECONDS:-20}"
