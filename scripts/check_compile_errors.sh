#!/usr/bin/env bash
# Checks what the compiler accepts and rejects, against the modules of the debug build (run after
# `swift build`):
# - Tests/CompileChecks/MismatchedChain.swift and MismatchedChainUntyped.swift (a chain whose
#   stages do not fit, in `try Pipeline { … }` with and without a type to return) must fail, with
#   an error that names both mismatched types (WordCount, Headline); MatchedChain.swift, the
#   control, must compile;
# - Tests/CompileChecks/StorePush/main.swift (the README's push to a graph store, as top-level code
#   of a Swift 6 program) must compile to SIL, where data-race safety is checked;
#   NonSendableSink/main.swift, its control, must fail there with "risks causing data races".
set -uo pipefail
cd "$(dirname "$0")/.."
modules=.build/debug/Modules
[[ -d $modules ]] || modules=.build/debug
libxml=$(pkg-config --cflags libxml-2.0 2>/dev/null || echo -I/usr/include/libxml2)
passed=0
failed=0
pass() { echo "ok: $1"; passed=$((passed + 1)); }
fail() { echo "FAIL: $1"; [[ -n ${2:-} ]] && echo "$2"; failed=$((failed + 1)); }
typecheck() { swiftc -typecheck -swift-version 6 -I "$modules" "$1" 2>&1; }
# shellcheck disable=SC2086
sil() { swiftc -emit-sil -o /dev/null -swift-version 6 -I "$modules" -I Sources/CLibXML2 $libxml "$1" 2>&1; }
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
if output=$(sil Tests/CompileChecks/StorePush/main.swift); then
    pass "the README's push to a graph store compiles as top-level code under Swift 6"
else
    fail "StorePush/main.swift does not compile:" "$output"
fi
if output=$(sil Tests/CompileChecks/NonSendableSink/main.swift); then
    fail "NonSendableSink/main.swift compiles: the check does not see data races"
elif [[ $(first_error "$output") == *"risks causing data races"* ]]; then
    pass "a sink that is not Sendable is rejected there: $(first_error "$output")"
else
    fail "NonSendableSink/main.swift fails for another reason:" "$output"
fi
echo "compile checks: $passed passed, $failed failed"
[[ $failed == 0 ]]
