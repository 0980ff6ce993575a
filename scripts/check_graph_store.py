#!/usr/bin/env python3
"""Integration test against a real graph database: the oxigraph server (PyPI `oxigraph`).

Starts `oxigraph serve --union-default-graph` on 127.0.0.1 (a free port, a temporary store; the
example queries read the union of all named graphs), pushes corpus/ with
`textgraph run --push`, and checks:
  - the store holds exactly the quads of the same run written as N-Quads;
  - pushing twice leaves the same number of triples (each document's graph is replaced);
  - the example queries in queries/*.rq give the expected answers;
  - questions and their answers pushed in separate runs (the seed 2024Z01911 and a made-up answer
    in Tests/Fixtures/question-case) join in the store through their case-number IRIs;
  - a store that is down gives exit status 1 and a message naming the endpoint.
Stops the server at the end, whatever happens.
"""
import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

from checks import Checks
import urllib.parse
import urllib.request

ENTITY = "https://w3id.org/textgraph/entity/"
checks = Checks("graph store checks")
check = checks.check


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def query(port, text):
    """The answer of an ASK query, or the rows of a SELECT query, each a dict of every variable's value ("" when unbound). Read as
    SPARQL JSON results: the CSV results leave a comma in an IRI (#char=3,9) unquoted."""
    data = urllib.parse.urlencode({"query": text}).encode()
    request = urllib.request.Request(f"http://127.0.0.1:{port}/query", data=data,
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        results = json.loads(response.read().decode())
    if "boolean" in results:
        return results["boolean"]
    variables = results["head"]["vars"]
    return [{v: row[v]["value"] if v in row else "" for v in variables} for row in results["results"]["bindings"]]


def start_oxigraph(oxigraph, directory):
    """Starts `oxigraph serve` on a free port of 127.0.0.1 with a store in `directory` and waits
    until it answers; returns the process and the port."""
    port = free_port()
    server = subprocess.Popen([oxigraph, "serve", "--location", os.path.join(directory, "store"), "--bind", f"127.0.0.1:{port}",
                               "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for _ in range(100):
        try:
            query(port, "ASK {}")
            break
        except OSError:
            time.sleep(0.1)
    return server, port


def count(port):
    return int(query(port, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")[0]["n"])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--corpus", default="corpus")
    parser.add_argument("--queries", default="queries")
    parser.add_argument("--answers", default="Tests/Fixtures/question-case/2024Z01911-antwoorden-nuctech-douanescanners.txt")
    args = parser.parse_args()
    oxigraph = shutil.which("oxigraph")
    check(oxigraph is not None, "the oxigraph server is installed (pip install oxigraph)")

    with tempfile.TemporaryDirectory() as tmp:
        server, port = start_oxigraph(oxigraph, tmp)
        try:
            check(server.poll() is None, f"oxigraph serves on 127.0.0.1:{port}")
            endpoint = f"http://127.0.0.1:{port}/store"
            nquads = os.path.join(tmp, "graph.nq")
            result = subprocess.run([args.binary, "run", args.corpus, "--push", endpoint, "--output", nquads, "--quiet"],
                                    capture_output=True, text=True)
            check(result.returncode == 0, f"textgraph run {args.corpus} --push {endpoint} exits 0 {result.stderr.strip()}")
            with open(nquads, encoding="utf-8") as f:
                quads = {line for line in f if line.strip()}
            first = count(port)
            check(first == len(quads), f"the store holds the {len(quads)} quads of the N-Quads output ({first})")
            result = subprocess.run([args.binary, "run", args.corpus, "--push", endpoint, "--quiet"], capture_output=True, text=True)
            check(result.returncode == 0, "pushing the corpus a second time exits 0")
            check(count(port) == first, f"pushing twice leaves the same number of triples ({first})")

            def run_query(name):
                with open(os.path.join(args.queries, name), encoding="utf-8") as f:
                    return query(port, f.read())

            rows = run_query("organizations-mentioned-with-china.rq")
            organizations = {row["organization"] for row in rows}
            check(ENTITY + "org/nuctech" in organizations, f"organizations mentioned with China include Nuctech ({len(rows)} rows)")

            rows = run_query("who-asked-about-nuctech.rq")
            askers = {row["asker"].rsplit("/", 1)[1] for row in rows}
            addressees = {row["addressee"].rsplit("/", 1)[1] for row in rows if row["addressee"]}
            check(askers == {"ingrid-michon-derkzen", "ruben-brekelmans", "wendy-van-eijk-nagel"},
                  f"who asked about Nuctech: {sorted(askers)}")
            check(addressees == {"staatssecretaris-van-financien", "minister-van-buitenlandse-zaken"},
                  f"and whom: {sorted(addressees)}")

            rows = run_query("questions-an-answer-covers.rq")
            covered = {row["answer"].rsplit("#", 1)[1]: sorted(int(n) for n in row["questions"].split(", ")) for row in rows}
            check(covered.get("answer-2-3") == [2, 3], f"answer-2-3 covers questions 2 and 3 ({covered.get('answer-2-3')})")
            check(covered.get("answer-8-9-10") == [8, 9, 10], f"answer-8-9-10 covers questions 8, 9 and 10 ({covered.get('answer-8-9-10')})")

            rows = run_query("sentences-mentioning-nuctech.rq")
            texts = [row["text"] for row in rows]
            check(texts and all("Nuctech" in text for text in texts)
                  and "Hoeveel Nuctech veiligheidsscanners worden momenteel ingezet door de Nederlandse douane?" in texts,
                  f"the {len(texts)} sentences that mention Nuctech, cut from the text by their offsets, each name Nuctech")

            rows = run_query("parties-asking-about-countries.rq")
            pairs = {(row["party"].rsplit("/", 1)[1], row["country"].rsplit("/", 1)[1]) for row in rows}
            check(("vvd", "cn") in pairs and ("vvd", "be") in pairs and ("groenlinks", "cn") in pairs,
                  f"parties asking about countries include VVD→China, VVD→België, GroenLinks→China ({len(pairs)} pairs)")

            # The process across documents: the answers in a run of their own, after the questions.
            questions = os.path.join(args.corpus, "2024Z01911-vragen-nuctech-douanescanners.txt")
            for name, path in (("questions", questions), ("answers", args.answers)):
                result = subprocess.run([args.binary, "run", path, "--push", endpoint, "--quiet"], capture_output=True, text=True)
                check(result.returncode == 0, f"pushing the {name} of 2024Z01911 alone exits 0 {result.stderr.strip()}")
            rows = [row for row in run_query("answers-to-earlier-questions.rq") if row["case"].endswith("/2024Z01911")]
            joined = {int(row["position"]): row for row in rows}
            check(sorted(joined) == list(range(1, 10)),
                  f"the store joins the 9 questions of 2024Z01911 to the answers pushed in another run ({sorted(joined)})")
            check(all(row["questionDocument"].endswith("/2024Z01911-vragen-nuctech-douanescanners.txt")
                      and row["answerDocument"].endswith("/2024Z01911-antwoorden-nuctech-douanescanners.txt")
                      and row["asked"] == "2024-02-07" and row["answered"] == "2024-03-04" for row in rows),
                  "each joined question was asked in the questions' document on 2024-02-07 and answered in the answers' on 2024-03-04")
            check(joined.get(3, {}).get("answer") == joined.get(4, {}).get("answer", "-"), "questions 3 and 4 share one answer across the documents")
        finally:
            server.terminate()
            server.wait(timeout=10)

        down = f"http://127.0.0.1:{free_port()}/store"
        result = subprocess.run([args.binary, "run", args.corpus, "--push", down, "--quiet"], capture_output=True, text=True)
        check(result.returncode == 1 and down in result.stderr and "did not accept" in result.stderr,
              f"a store that is down: exit 1 and a clear message ({result.stderr.strip()[:160]})")

    checks.done()


if __name__ == "__main__":
    main()
