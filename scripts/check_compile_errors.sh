#!/usr/bin/env bash
# Checks what the compiler accepts and rejects, against the modules of the debug build (run after
# `swift build`):
# Tests/CompileChecks/MismatchedChain.swift and MismatchedChainUntyped.swift (a chain whose stages
# do not fit, in `try Pipeline { … }` with and without a type to return) must fail, with an error
# that names both mismatched types (WordCount, Headline); MatchedChain.swift, the control, must
# compile.
set -uo pipefail
cd "$(dirname "$0")/.."
modules=.build/debug/Modules
[[ -d $modules ]] || modules=.build/debug
passed=0
failed=0
pass() { echo "ok: $1"; passed=$((passed + 1)); }
fail() { echo "FAIL: $1"; [[ -n ${2:-} ]] && echo "$2"; failed=$((failed + 1)); }
typecheck() { swiftc -typecheck -swift-version 6 -I "$modules" "$1" 2>&1; }
first_error() { echo "$1" | grep -m1 'error:' | sed 's/.*error: //'; }

if output=$(typecheck Tests/CompileChecks/MatchedChain.swift); then
    pass "a chain whose stages match compiles (typed and untyped)"
else
    fail "the matched chain does not compile:" "$output"
fi
for file in MismatchedChain MismatchedChainUntyped; do
    if output=$(typecheck "Tests/CompileChecks/$file.swift"); then
        fail "$file.swift: a chain whose stages do not match compiles"
        continue
    fi
    message=$(first_error "$output")
    if [[ $message == *"'WordCount'"* && $message == *"'Headline'"* ]]; then
        pass "$file.swift is rejected naming both types: $message"
    else
        fail "$file.swift is rejected, but the first error does not name WordCount and Headline: $message" "$output"
    fi
done
echo "compile checks: $passed passed, $failed failed"
[[ $failed == 0 ]]
