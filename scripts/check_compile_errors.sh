#!/usr/bin/env bash
# Checks that the compiler rejects a chain of stages whose types do not match: type-checks
# Tests/CompileChecks/MismatchedChain.swift (must fail) and MatchedChain.swift (must pass, the
# control) against the Pipeline module of the debug build. Run after `swift build`.
set -uo pipefail
cd "$(dirname "$0")/.."
modules=.build/debug/Modules
[[ -d $modules ]] || modules=.build/debug
check() { swiftc -typecheck -swift-version 6 -I "$modules" "$1" 2>&1; }
if ! output=$(check Tests/CompileChecks/MatchedChain.swift); then
    echo "FAIL: the matched chain does not compile:"; echo "$output"
    echo "compile checks: 0 passed, 1 failed"; exit 1
fi
echo "ok: a chain whose stages match compiles"
if output=$(check Tests/CompileChecks/MismatchedChain.swift); then
    echo "FAIL: a chain whose stages do not match compiles"
    echo "compile checks: 1 passed, 1 failed"; exit 1
fi
echo "ok: a chain whose stages do not match is rejected: $(echo "$output" | grep -m1 'error:' | sed 's/.*error: //')"
echo "compile checks: 2 passed, 0 failed"
