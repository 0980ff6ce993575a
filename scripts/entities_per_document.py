#!/usr/bin/env python3
"""Prints, per document of ../shared/data/kamervragen, the people and organizations TextGraph
found, with a gazetteer imported from the ParlaMint person list added to the bundled one.

Also reports whether the members of parliament who ask the questions are linked: for every
document whose text says "Vragen van het lid X" or "Vragen van de leden X en Y" (the kamervragen
heading), the graph should say `<document> tg:askedBy <person>` (and the document's questions
have them as schema:author).

    scripts/entities_per_document.py --binary .build/debug/textgraph [--quiet]
"""
import argparse
import collections
import os
import re
import subprocess
import sys
import tempfile

import pyoxigraph as ox

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "data"))
PREFIXES = """
PREFIX schema: <http://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX tg: <https://w3id.org/textgraph/ns#>
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--quiet", action="store_true", help="print only the summary")
    args = parser.parse_args()
    if not os.path.isdir(DATA):
        if os.environ.get("CI") == "true":
            sys.exit(f"FAIL: {DATA} is missing and CI=true")
        print(f"skipped: {DATA} is absent")
        return
    with tempfile.TemporaryDirectory() as tmp:
        people = os.path.join(tmp, "parlamint-people.tsv")
        subprocess.run([args.binary, "gazetteer", "import", "tei-persons",
                        os.path.join(DATA, "parlamint-nl", "ParlaMint-NL-listPerson.xml"), "--output", people], check=True,
                       capture_output=True)
        graph = os.path.join(tmp, "graph.nt")
        result = subprocess.run([args.binary, "run", os.path.join(DATA, "kamervragen"), "--gazetteer", people,
                                 "--output", graph, "--quiet"], capture_output=True, text=True)
        if result.returncode not in (0, 2):
            sys.exit(f"textgraph failed: {result.stderr}")
        store = ox.Store()
        store.load(path=graph, format=ox.RdfFormat.N_TRIPLES)

        found = collections.defaultdict(lambda: {"Person": set(), "Organization": set()})
        query = PREFIXES + """
            SELECT ?path ?kind ?label WHERE {
              ?doc tg:sourcePath ?path ; schema:mentions ?e .
              ?e a ?type .
              VALUES (?type ?kind) { (schema:Person "Person") (schema:Organization "Organization")
                (schema:GovernmentOrganization "Organization") (schema:Corporation "Organization")
                (schema:PoliticalParty "Organization") }
              OPTIONAL { ?e rdfs:label ?label FILTER(lang(?label) = "nl") }
            }"""
        for row in store.query(query):
            if row["label"] is not None:
                found[row["path"].value][row["kind"].value].add(row["label"].value)
        askers = collections.defaultdict(set)
        for row in store.query(PREFIXES + """
            SELECT ?path ?label WHERE { ?doc tg:askedBy ?p ; tg:sourcePath ?path .
              ?p a schema:Person ; rdfs:label ?label FILTER(lang(?label) = "nl") }"""):
            askers[row["path"].value].add(row["label"].value)

        asked = []
        for root, _, names in os.walk(os.path.join(DATA, "kamervragen")):
            for name in sorted(names):
                if not name.endswith((".txt", ".md")):
                    continue
                path = os.path.join(root, name)
                text = open(path, encoding="utf-8").read()
                if re.search(r"Vragen van (het lid|de leden) ", text):
                    asked.append(os.path.relpath(path, DATA))

        for path in sorted(found):
            if args.quiet:
                continue
            print(path)
            print("  people:        " + ", ".join(sorted(found[path]["Person"])))
            print("  organizations: " + ", ".join(sorted(found[path]["Organization"])))
            if askers.get(path):
                print("  asked by:      " + ", ".join(sorted(askers[path])))
        linked = [path for path in asked if askers.get(path)]
        print(f"documents with people or organizations: {len(found)}")
        print(f"question documents whose askers are linked: {len(linked)} of {len(asked)}")
        for path in sorted(set(asked) - set(linked)):
            print(f"  not linked: {path}")
        print(f"askers linked: {len(linked)} passed, {len(asked) - len(linked)} failed")
        if len(linked) < len(asked):
            sys.exit(1)


if __name__ == "__main__":
    main()
