#!/usr/bin/env python3
"""Runs `textgraph pipe` under PySpark (local mode, RDD.pipe) and checks that the union of the
partitions' outputs is the graph one `textgraph pipe` run makes over the same documents.

    python3 scripts/spark_pipe.py --binary .build/release/textgraph [--partitions 4]

The documents are corpus/ and, when present, the kamervragen texts in ../shared/data, as JSON
lines ({"id": ..., "text": ...}). Each Spark partition pipes its lines through its own
`textgraph pipe`; entity descriptions repeat across partitions, so the outputs are compared as
sets of quads, parsed with pyoxigraph (or, without it, as N-Quads lines: TextGraph writes
canonical N-Quads, one quad per line, always the same bytes for the same quad).

Prints both counts and PASS or FAIL; exits 1 on FAIL.
"""

import argparse
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"


def documents():
    """(id, text) of corpus/ and the kamervragen texts, in a stable order."""
    paths = sorted((ROOT / "corpus").glob("*.txt"))
    kamervragen = SHARED / "kamervragen"
    if kamervragen.is_dir():
        paths += sorted(p for p in kamervragen.rglob("*") if p.suffix in (".txt", ".md"))
    for path in paths:
        base = ROOT if path.is_relative_to(ROOT) else SHARED
        yield str(path.relative_to(base)), path.read_text(encoding="utf-8")


def quads(nquads_bytes):
    """The set of quads in N-Quads text: parsed with pyoxigraph when it is there, else lines."""
    try:
        import pyoxigraph
    except ImportError:
        return {line for line in nquads_bytes.decode("utf-8").split("\n") if line.strip()}, "N-Quads lines"
    parsed = pyoxigraph.parse(nquads_bytes, format=pyoxigraph.RdfFormat.N_QUADS)
    return set(parsed), "quads parsed by pyoxigraph"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=str(ROOT / ".build" / "release" / "textgraph"))
    parser.add_argument("--partitions", type=int, default=4)
    parser.add_argument("--master", default="local[2]")
    args = parser.parse_args()

    binary = str(pathlib.Path(args.binary).resolve())
    work = pathlib.Path(tempfile.mkdtemp(prefix="textgraph-spark-"))
    try:
        lines_path = work / "documents.jsonl"
        with open(lines_path, "w", encoding="utf-8") as out:
            count = 0
            for doc_id, text in documents():
                out.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n")
                count += 1
        print(f"spark-pipe: {count} documents as JSON lines ({lines_path.stat().st_size} bytes)")

        # One machine: the whole input through one textgraph pipe.
        with open(lines_path, "rb") as stdin:
            single = subprocess.run([binary, "pipe", "--quiet"], stdin=stdin, capture_output=True, check=False)
        if single.returncode != 0:
            print(single.stderr.decode("utf-8", "replace"), file=sys.stderr)
            print(f"FAIL: textgraph pipe exited with {single.returncode}")
            return 1

        # Spark: each partition's lines through its own textgraph pipe (one job each: Spark runs
        # partitions in parallel).
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
        from pyspark import SparkConf, SparkContext

        conf = SparkConf().setMaster(args.master).setAppName("textgraph-pipe")
        conf = conf.set("spark.ui.enabled", "false").set("spark.driver.memory", "2g")
        sc = SparkContext(conf=conf)
        sc.setLogLevel("ERROR")
        try:
            rdd = sc.textFile(str(lines_path), minPartitions=args.partitions)
            partitions = rdd.getNumPartitions()
            piped = rdd.pipe(f"{binary} pipe --quiet --jobs 1", checkCode=True)
            spark_lines = piped.collect()
        finally:
            sc.stop()
        spark_bytes = ("\n".join(spark_lines) + "\n").encode("utf-8")

        single_set, how = quads(single.stdout)
        spark_set, _ = quads(spark_bytes)
        single_lines = sum(1 for line in single.stdout.split(b"\n") if line.strip())
        print(f"single machine: {single_lines} lines, {len(single_set)} distinct {how}")
        print(f"spark ({args.master}, {partitions} partitions): {len(spark_lines)} lines, {len(spark_set)} distinct {how}")
        if single_set == spark_set:
            print("PASS: the union of the Spark partitions' outputs is the single-machine graph")
            return 0
        missing = single_set - spark_set
        extra = spark_set - single_set
        print(f"FAIL: {len(missing)} quads missing from the Spark output, {len(extra)} extra")
        for quad in list(missing)[:5]:
            print(f"  missing: {quad}")
        for quad in list(extra)[:5]:
            print(f"  extra:   {quad}")
        return 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
