#!/usr/bin/env bash
# Builds the libFuzzer targets (Fuzz/, instrumented with -sanitize=fuzzer,address) and runs each
# for a given time.
#
#   scripts/fuzz.sh TARGET|all SECONDS
#
# TARGET is one of: xml text-decoder tokenizer gazetteer rdf. Each target first replays the
# inputs in Fuzz/Regressions/<its executable>/ (crashes found before, now fixed), then fuzzes for
# SECONDS, seeded from ../shared/data and corpus/ (scripts/fuzz_seeds.py), keeping what it finds
# in out/fuzz/<target>/corpus and crashes in out/fuzz/<target>/artifacts. It prints, per target,
# executions, exec/s, coverage (cov: edges, ft: features) from libFuzzer's final stats and PASS or
# FAIL; the exit status is non-zero when any target crashed, timed out or ran out of memory.
# Without ../shared/data only corpus/ and Fuzz/Seeds seed the runs (with CI=true that is an error).
#
# FUZZ_CONFIGURATION=debug builds without optimization: about 50 s instead of about 5 minutes
# from scratch on two cores, but each execution is slower (scripts/test.sh uses it for its short
# smoke run; long runs should use the default, release).
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { echo "usage: scripts/fuzz.sh xml|text-decoder|tokenizer|gazetteer|rdf|all SECONDS" >&2; exit 1; }
[[ $# -eq 2 && "$2" =~ ^[0-9]+$ ]] || usage

declare -A executables=(
    [xml]=XMLReaderFuzzer [text-decoder]=TextDecoderFuzzer [tokenizer]=TokenizerFuzzer
    [gazetteer]=GazetteerFuzzer [rdf]=RDFWriterFuzzer
)
# The longest input libFuzzer makes, per target: XML files are larger than texts; the whole
# pipeline (rdf) is the slowest per byte.
declare -A max_len=([xml]=65536 [text-decoder]=16384 [tokenizer]=16384 [gazetteer]=16384 [rdf]=8192)
order=(xml text-decoder tokenizer gazetteer rdf)
if [[ "$1" == all ]]; then targets=("${order[@]}"); else
    [[ -n "${executables[$1]:-}" ]] || usage
    targets=("$1")
fi
seconds="$2"

shared=../shared/data
if [[ ! -d "$shared" ]]; then
    if [[ "${CI:-}" == "true" ]]; then
        echo "fuzz: ../shared/data is absent; CI needs it for the seeds" >&2
        exit 1
    fi
    echo "fuzz: ../shared/data is absent: seeding from corpus/ and Fuzz/Seeds only" >&2
fi

# The backtracer can hang for minutes on a crash (DESIGN.md); libFuzzer prints its own stack.
export SWIFT_BACKTRACE=enable=no
# Stop at the first ASan report; no symbolizer needed for the summary.
export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:symbolize=1}"

build_start=$(date +%s)
mkdir -p out/fuzz
# lld: gold fails on the instrumented objects ("internal error in format_file_lineno").
configuration="${FUZZ_CONFIGURATION:-release}"
[[ "$configuration" == release || "$configuration" == debug ]] || { echo "fuzz: FUZZ_CONFIGURATION is release or debug" >&2; exit 1; }
if ! swift build --package-path Fuzz --scratch-path .build-fuzz -c "$configuration" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld >out/fuzz/build.log 2>&1; then
    grep -E "error|warning" out/fuzz/build.log >&2 || tail -20 out/fuzz/build.log >&2
    echo "fuzz: the build failed (out/fuzz/build.log)" >&2
    exit 1
fi
bin=".build-fuzz/$configuration"
for target in "${targets[@]}"; do
    [[ -x "$bin/${executables[$target]}" ]] || { echo "fuzz: the build did not make $bin/${executables[$target]}" >&2; exit 1; }
done
echo "fuzz: built ($configuration) in $(( $(date +%s) - build_start )) s"

failed=0
for target in "${targets[@]}"; do
    executable="${executables[$target]}"
    dir="out/fuzz/$target"
    mkdir -p "$dir/corpus" "$dir/artifacts"
    rm -rf "$dir/seeds"
    python3 scripts/fuzz_seeds.py "$target" "$dir/seeds" --shared "$shared" --max-bytes 4096
    status=PASS

    # Crashes found before replay first: each must now run clean.
    regressions=(Fuzz/Regressions/"$executable"/*)
    if [[ -e "${regressions[0]}" ]]; then
        if "$bin/$executable" -rss_limit_mb=2048 -timeout=10 "${regressions[@]}" >"$dir/regressions.log" 2>&1; then
            echo "$target: ${#regressions[@]} regression inputs replayed clean"
        else
            echo "$target: a regression input fails again (see $dir/regressions.log)" >&2
            tail -20 "$dir/regressions.log" >&2
            status=FAIL
        fi
    fi

    set +e
    "$bin/$executable" "$dir/corpus" "$dir/seeds" \
        -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len="${max_len[$target]}" \
        -artifact_prefix="$dir/artifacts/" -print_final_stats=1 >"$dir/fuzz.log" 2>&1
    code=$?
    set -e
    [[ $code -eq 0 ]] || status=FAIL
    executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/fuzz.log" | tail -1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$dir/fuzz.log" | tail -1)
    coverage=$(grep -Eo 'cov: [0-9]+ ft: [0-9]+' "$dir/fuzz.log" | tail -1)
    echo "$target: ${executions:-?} executions, ${speed:-?} exec/s, ${coverage:-cov: ? ft: ?} in ${seconds} s: $status"
    if [[ $status == FAIL ]]; then
        failed=1
        grep -E "^(==[0-9]+==ERROR|SUMMARY|Fatal error|.*invariant violated|artifact_prefix|Test unit written)" "$dir/fuzz.log" | head -10 >&2 || true
        echo "$target: log in $dir/fuzz.log" >&2
    fi
done
exit $failed
