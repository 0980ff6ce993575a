#!/usr/bin/env python3
"""Measures textgraph's peak memory on 200 and on 2,000 XML documents and prints both.

Streaming means memory stays bounded as the corpus grows: the script fails when the peak RSS
for 2,000 documents is more than 1.5 times that for 200. The documents are copies of the real
XML in ../shared/data (ParlaMint TEI and Handelingen), each made distinct by its number; without
../shared they are generated.

    scripts/measure_memory.py --binary .build/release/textgraph [--jobs 2]
"""
import argparse
import glob
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def templates():
    data = os.path.join(HERE, "..", "..", "shared", "data")
    paths = sorted(glob.glob(os.path.join(data, "parlamint-nl", "ParlaMint-NL_*.xml"))
                   + glob.glob(os.path.join(data, "handelingen-xml", "*.xml")))
    if paths:
        return [open(p, "rb").read() for p in paths], "copies of ../shared/data XML"
    paragraph = "<p>De minister van Buitenlandse Zaken sprak met China en België over Nuctech en de Douane.</p>"
    return [("<?xml version='1.0'?><doc>" + paragraph * 200 + "</doc>").encode()], "generated XML"


def make_corpus(directory, count, sources):
    os.makedirs(directory)
    total = 0
    for i in range(count):
        source = sources[i % len(sources)]
        # A comment with the number keeps every document distinct without touching its text.
        body = source.replace(b"?>", f"?><!-- copy {i} -->".encode(), 1) if source.lstrip().startswith((b"<?xml", b"\xef")) else source
        with open(os.path.join(directory, f"doc{i:05d}.xml"), "wb") as f:
            f.write(body)
        total += len(body)
    return total


def peak_rss_kib(command):
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    stderr = process.stderr.read().decode(errors="replace")
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 2):
        sys.exit(f"{' '.join(command)} exited {code}: {stderr}")
    return usage.ru_maxrss


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--jobs", default="2")
    parser.add_argument("--limit", type=float, default=1.5)
    args = parser.parse_args()
    sources, origin = templates()
    with tempfile.TemporaryDirectory() as tmp:
        results = {}
        for count in (200, 2000):
            corpus = os.path.join(tmp, f"corpus{count}")
            size = make_corpus(corpus, count, sources)
            output = os.path.join(tmp, f"graph{count}.nq")
            rss = peak_rss_kib([args.binary, "run", corpus, "--output", output, "--jobs", args.jobs, "--quiet"])
            results[count] = rss
            print(f"{count:5d} XML documents ({size / 1e6:6.1f} MB, {origin}): peak RSS {rss / 1024:7.1f} MiB")
        ratio = results[2000] / results[200]
        print(f"ratio 2000/200: {ratio:.2f} (limit {args.limit})")
        if ratio > args.limit:
            sys.exit(1)


if __name__ == "__main__":
    main()
