#!/usr/bin/env python3
"""Builds and runs Examples/CustomStage, a user's package that inserts a stage of its own into
TextGraph's standard pipeline and adds statements to the graph, and checks what it writes.

For each format (.nq, .nt, .ttl), parsed with pyoxigraph: the custom statements (predicates under
https://example.org/) are there, and everything else is exactly what `textgraph run corpus`
writes. Then it pushes to a real oxigraph server from code and asks the store for the custom
statements.

    scripts/check_custom_stage.py --binary .build/debug/textgraph
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

import pyoxigraph

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checks import Checks  # noqa: E402
from check_graph_store import query, start_oxigraph  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
EXAMPLE = os.path.join(ROOT, "Examples", "CustomStage")
CUSTOM = "https://example.org/"
FORMATS = {"nq": pyoxigraph.RdfFormat.N_QUADS, "nt": pyoxigraph.RdfFormat.N_TRIPLES, "ttl": pyoxigraph.RdfFormat.TURTLE}


def statements(path, extension):
    with open(path, "rb") as f:
        parsed = pyoxigraph.parse(f, format=FORMATS[extension])
        return {(str(q.subject), str(q.predicate), str(q.object), str(q.graph_name) if extension == "nq" else "") for q in parsed}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    args = parser.parse_args()
    checks = Checks("custom stage checks")
    check = checks.check
    started = time.time()
    build = subprocess.run(["swift", "build", "--package-path", EXAMPLE], capture_output=True, text=True)
    check(build.returncode == 0, f"Examples/CustomStage builds against TextGraph by path ({time.time() - started:.0f} s)"
          + ("" if build.returncode == 0 else "\n" + build.stdout[-3000:] + build.stderr[-3000:]))
    tool = os.path.join(EXAMPLE, ".build", "debug", "custom-stage")
    with tempfile.TemporaryDirectory() as tmp:
        for extension in FORMATS:
            custom_path = os.path.join(tmp, f"custom.{extension}")
            standard_path = os.path.join(tmp, f"standard.{extension}")
            run = subprocess.run([tool, "corpus", "--output", custom_path], cwd=ROOT, capture_output=True, text=True)
            check(run.returncode == 0, f"custom-stage corpus --output custom.{extension} exits 0 {run.stderr.strip()}")
            subprocess.run([args.binary, "run", "corpus", "--output", standard_path, "--quiet"], cwd=ROOT, check=True)
            custom = statements(custom_path, extension)
            standard = statements(standard_path, extension)
            added = {s for s in custom if s[1].startswith("<" + CUSTOM)}
            counts = [s for s in added if s[1] == f"<{CUSTOM}questionCount>"]
            questions = [s for s in added if s[1] == f"<{CUSTOM}isQuestion>"]
            check(len(counts) == 2 and len(questions) > 0,
                  f".{extension}: the custom statements are there ({len(questions)} question sentences, a count for each of the 2 documents)")
            check(all("#char=" in s[0] for s in questions), f".{extension}: question sentences are named by their NIF strings")
            check(custom - added == standard, f".{extension}: the rest is exactly the standard graph ({len(standard)} statements)")

        # A push from code into a real store.
        oxigraph = shutil.which("oxigraph")
        check(oxigraph is not None, "the oxigraph server is installed (pip install oxigraph)")
        server, port = start_oxigraph(oxigraph, tmp)
        try:
            check(server.poll() is None, f"oxigraph serves on 127.0.0.1:{port}")
            endpoint = f"http://127.0.0.1:{port}/store"
            run = subprocess.run([tool, "corpus", "--output", os.path.join(tmp, "pushed.nq"), "--push", endpoint],
                                 cwd=ROOT, capture_output=True, text=True)
            check(run.returncode == 0, f"custom-stage pushes to {endpoint} {run.stderr.strip()}")
            rows = query(port, f"SELECT ?doc ?n WHERE {{ GRAPH ?g {{ ?doc <{CUSTOM}questionCount> ?n }} }} ORDER BY ?doc")
            check(len(rows) == 2, f"the store answers the custom statements: {[(r['doc'].rsplit('/', 1)[-1], r['n']) for r in rows]}")
            pushed = statements(os.path.join(tmp, "pushed.nq"), "nq")
            stored = int(query(port, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")[0]["n"])
            check(stored == len(pushed), f"the store holds the {len(pushed)} quads the example wrote ({stored})")
        finally:
            server.terminate()
            server.wait()
    checks.done()


if __name__ == "__main__":
    main()
