#!/usr/bin/env bash
# Runs `textgraph pipe` under PySpark in local mode (RDD.pipe) over corpus/ and the kamervragen
# texts in ../shared/data, and checks that the union of the outputs is the single-machine graph.
#   scripts/spark-pipe.sh [--partitions N] [--master local[2]]
# Installs what it needs: pyspark and pyoxigraph from PyPI (Java 17 must be there). Builds
# TextGraph in release. Environment: SCRATCH (build folder, default .build).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
command -v java >/dev/null || { echo "spark-pipe: Java 17 is required (apt-get install openjdk-17-jre-headless)" >&2; exit 1; }
for package in pyspark pyoxigraph; do
    python3 -c "import ${package}" 2>/dev/null || {
        echo "spark-pipe: pip installing ${package}" >&2
        python3 -m pip install -q "${package}"
    }
done
scratch="${SCRATCH:-.build}"
swift build -c release --product textgraph --scratch-path "$scratch" >&2
python3 scripts/spark_pipe.py --binary "$scratch/release/textgraph" "$@"
