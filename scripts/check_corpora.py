#!/usr/bin/env python3
"""Reads the real corpora in ../shared/data with the textgraph binary and checks what it kept.

  - ParlaMint TEI samples: every <seg> (parsed with Python's own XML parser; for .ana files
    rebuilt from <w>/<pc> and join="right") appears whole in the nif:isString of its document;
  - kamervragen TXT and Markdown documents: each document's text is the nif:isString of its
    context, whole (line ends normalized, byte-order mark removed);
  - one nif:Context per input document;
  - the damaged Handelingen XML files are all read (repaired) or fail with a reason.

Without ../shared/data the checks are skipped with a message, unless CI=true: then they fail.
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import pyoxigraph as ox

from checks import Checks

NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
TEI = "{http://www.tei-c.org/ns/1.0}"
checks = Checks("corpus checks")
check = checks.check


def seg_texts(path):
    """The text of every <seg>, white space collapsed; .ana segs rebuilt from their tokens."""
    texts = []
    for seg in ET.parse(path).getroot().iter(TEI + "seg"):
        tokens = [e for e in seg.iter() if e.tag in (TEI + "w", TEI + "pc")]
        if tokens:
            out = ""
            for token in tokens:
                out += token.text.strip() + ("" if token.get("join") == "right" else " ")
            texts.append(out.strip())
        else:
            texts.append(" ".join("".join(seg.itertext()).split()))
    return texts


def contexts(graph_path):
    store = ox.Store()
    store.load(path=graph_path, format=ox.RdfFormat.N_TRIPLES)
    rows = store.query(f"SELECT ?c ?s WHERE {{ ?c a <{NIF}Context> ; <{NIF}isString> ?s }}")
    result = {}
    for row in rows:
        iri = row["c"].value
        result[iri.split("/doc/", 1)[1].split("#char=")[0]] = row["s"].value
    return result


def run(binary, inputs, output, report, *extra):
    result = subprocess.run([binary, "run", *inputs, "--output", output, "--report", report, "--quiet", *extra],
                            capture_output=True, text=True)
    return result.returncode, result.stderr


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data"))
    args = parser.parse_args()
    data = os.path.normpath(args.data)
    if not os.path.isdir(data):
        if os.environ.get("CI") == "true":
            print(f"FAIL: {data} is missing and CI=true", file=sys.stderr)
            sys.exit(1)
        print(f"corpus checks skipped: {data} is absent (a clone without ../shared)")
        return

    with tempfile.TemporaryDirectory() as tmp:
        graph = os.path.join(tmp, "graph.nt")
        report = os.path.join(tmp, "report.json")
        parlamint = os.path.join(data, "parlamint-nl")
        kamervragen = os.path.join(data, "kamervragen")
        status, stderr = run(args.binary, [parlamint, kamervragen], graph, report, "--exclude", "*listPerson.xml",
                             "--tei-persons", os.path.join(parlamint, "ParlaMint-NL-listPerson.xml"))
        check(status == 0, f"textgraph reads ParlaMint and kamervragen without failures ({stderr.strip()[:300]})")
        found = contexts(graph)

        tei_files = sorted(p for p in glob.glob(os.path.join(parlamint, "*.xml")) if not p.endswith("listPerson.xml"))
        text_files = sorted(glob.glob(os.path.join(kamervragen, "**", "*.txt"), recursive=True)
                            + glob.glob(os.path.join(kamervragen, "**", "*.md"), recursive=True))
        check(len(found) == len(tei_files) + len(text_files),
              f"one nif:Context per input document ({len(found)} for {len(tei_files)} TEI + {len(text_files)} text files)")

        for path in tei_files:
            key = "parlamint-nl/" + os.path.basename(path)
            text = found.get(key, "")
            segs = seg_texts(path)
            missing = [s for s in segs if s not in text]
            check(segs and not missing, f"all {len(segs)} <seg> of {key} appear whole in its nif:isString {missing[:1]}")

        for path in text_files:
            key = os.path.relpath(path, data)
            with open(path, encoding="utf-8-sig") as f:
                expected = f.read().replace("\r\n", "\n").replace("\r", "\n")
            check(found.get(key) == expected, f"{key} ({len(expected)} characters) is the whole nif:isString of its context")

        handelingen = os.path.join(data, "handelingen-xml")
        status, stderr = run(args.binary, [handelingen], graph, report, "--include", "*.xml")
        with open(report) as f:
            summary = json.load(f)
        files = glob.glob(os.path.join(handelingen, "*.xml"))
        check(summary["documentsRead"] == len(files), f"all {len(files)} damaged Handelingen files are read")
        check(all(f["reason"] for f in summary["failures"]), "every Handelingen failure says why")
        repaired = [w for w in summary["warnings"] if "repaired" in w["reason"] or "byte-order mark" in w["reason"]]
        check(summary["documentsSucceeded"] == len(files) and repaired,
              f"{summary['documentsSucceeded']} Handelingen files read after {len(repaired)} repairs, each reported as a warning")

    checks.done()


if __name__ == "__main__":
    main()
