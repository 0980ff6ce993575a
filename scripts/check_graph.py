#!/usr/bin/env python3
"""Builds the graph of a corpus with the textgraph binary and checks it with real RDF parsers.

Checks, each printed as it passes:
  - every format (N-Triples, N-Quads, Turtle) is accepted by rapper and loads into pyoxigraph;
  - the three formats carry the same triples;
  - output is byte-identical across runs and across --jobs 1 and --jobs 2;
  - one nif:Context per input document, holding its text;
  - for every phrase (and, with --sentence-text, every sentence) the context's text between its
    offsets equals its anchorOf; every sentence has offsets and a context, and its text only with
    --sentence-text;
  - the names of the foundation issue are linked mentions of typed, labelled entities, and all
    mentions of one name link to one entity.
Exits non-zero on the first failed check.
"""
import argparse
import os
import subprocess
import sys
import tempfile

import pyoxigraph as ox

from checks import Checks

NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
ITS = "http://www.w3.org/2005/11/its/rdf#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SCHEMA = "http://schema.org/"

# The names as they stand in the seed documents, and the schema.org class each must have.
EXPECTED = [
    ("Nuctech", "Corporation"), ("China", "Country"), ("België", "Country"), ("Verenigde Staten", "Country"),
    ("Australië", "Country"), ("Canada", "Country"), ("AIVD", "GovernmentOrganization"),
    ("NCTV", "GovernmentOrganization"), ("TNO", "GovernmentOrganization"), ("Douane", "GovernmentOrganization"),
    ("VVD", "PoliticalParty"), ("Michon-Derkzen", "Person"), ("Brekelmans", "Person"), ("Van Eijk-Nagel", "Person"),
    ("Ministerie van Buitenlandse Zaken", "GovernmentOrganization"), ("Tweede Kamer", "GovernmentOrganization"),
    ("Van Ojik", "Person"), ("Diks", "Person"), ("GroenLinks", "PoliticalParty"), ("Kaag", "Person"),
    ("Xinjiang", "AdministrativeArea"), ("Wassenaar Arrangement", "Organization"),
    ("dual-useverordening", "Legislation"), ("Europese Raad", "GovernmentOrganization"),
    ("Europese Commissie", "GovernmentOrganization"),
]

checks = Checks("graph checks")
check = checks.check


def run(binary, corpus, output, *extra):
    result = subprocess.run([binary, "run", corpus, "--output", output, "--quiet", *extra], capture_output=True, text=True)
    check(result.returncode == 0, f"textgraph run {corpus} --output {os.path.basename(output)} {' '.join(extra)} exits 0 ({result.stderr.strip()})")


def rapper(path, syntax):
    result = subprocess.run(["rapper", "-i", syntax, "-c", path], capture_output=True, text=True)
    ok = result.returncode == 0 and "Error" not in result.stderr
    check(ok, f"rapper -i {syntax} accepts {os.path.basename(path)}: {result.stderr.strip().splitlines()[-1] if result.stderr.strip() else ''}")


def load(path, fmt):
    store = ox.Store()
    store.load(path=path, format=fmt)
    return store


def triples(store):
    return {(q.subject, q.predicate, q.object) for q in store}


PREFIXES = """
PREFIX schema: <http://schema.org/>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX tg: <https://w3id.org/textgraph/ns#>
"""
ENTITY = "https://w3id.org/textgraph/entity/"


def structure_checks(store):
    """The parliamentary structure, relations, dates and identifiers of the seed documents."""
    def rows(text):
        return list(store.query(PREFIXES + text))

    def document(name):
        found = [r["d"].value for r in rows("SELECT ?d WHERE { ?d a schema:DigitalDocument ; tg:sourcePath ?p }")
                 if name in r["d"].value]
        return found[0] if found else None

    questions2024 = document("2024Z01911")
    answers2019 = document("2019Z15231")
    check(questions2024 and answers2019, "both seed documents are in the graph")

    def questions(doc):
        return rows(f"SELECT ?q ?n WHERE {{ ?q a schema:Question ; schema:isPartOf <{doc}> ; schema:position ?n }}")

    q2024 = questions(questions2024)
    check(sorted(int(r["n"].value) for r in q2024) == list(range(1, 10)), f"9 questions in the 2024 document ({len(q2024)})")
    vvd = {"ingrid-michon-derkzen", "ruben-brekelmans", "wendy-van-eijk-nagel"}
    for r in q2024:
        authors = {a["a"].value.rsplit("/", 1)[1] for a in rows(f"SELECT ?a WHERE {{ <{r['q'].value}> schema:author ?a }}")}
        check(authors == vvd, f"question {r['n'].value} of 2024 is authored by the three VVD members {sorted(authors)}")
    for person in sorted(vvd):
        parties = {p["p"].value for p in rows(f"SELECT ?p WHERE {{ <{ENTITY}person/{person}> schema:memberOf ?p }}")}
        check(parties == {ENTITY + "party/vvd"}, f"{person} schema:memberOf VVD")
    q2019 = questions(answers2019)
    check(sorted(int(r["n"].value) for r in q2019) == list(range(1, 11)), f"10 questions in the 2019 document ({len(q2019)})")

    def answers_of(doc, number):
        return {r["a"].value for r in rows(f"""SELECT ?a WHERE {{ ?q schema:isPartOf <{doc}> ; schema:position ?n ;
            schema:acceptedAnswer ?a FILTER(?n = {number}) }}""")}
    shared = answers_of(answers2019, 2)
    check(len(shared) == 1 and shared == answers_of(answers2019, 3), "questions 2 and 3 share one answer")
    shared = answers_of(answers2019, 8)
    check(len(shared) == 1 and shared == answers_of(answers2019, 9) == answers_of(answers2019, 10), "questions 8, 9 and 10 share one answer")
    answer_authors = {r["x"].value for r in rows(f"SELECT ?x WHERE {{ ?a a schema:Answer ; schema:isPartOf <{answers2019}> ; schema:author ?x }}")}
    check(answer_authors == {ENTITY + "person/sigrid-kaag"}, f"the 2019 answers are authored by the minister, Kaag {sorted(answer_authors)}")

    evidence = rows(f"""SELECT ?count (COUNT(?e) AS ?n) WHERE {{ ?s a tg:RelationStatement ; rdf:subject <{ENTITY}country/cn> ;
        rdf:predicate tg:coOccursWith ; rdf:object <{ENTITY}org/nuctech> ; tg:count ?count ; tg:evidence ?e }} GROUP BY ?count""")
    check(evidence and int(evidence[0]["n"].value) >= 1, f"Nuctech and China are related through co-occurrence, with evidence {[(r['count'].value, r['n'].value) for r in evidence]}")

    dates = {r["v"].value for r in rows("SELECT ?v WHERE { ?m tg:value ?v ; <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf> \"7 februari 2024\" }")}
    check(dates == {"2024-02-07"}, "'7 februari 2024' gives \"2024-02-07\"^^xsd:date")
    identifiers = {r["i"].value for r in rows(f"SELECT ?i WHERE {{ <{questions2024}> dcterms:identifier ?i }}")}
    check(identifiers == {"2024Z01911"}, "2024Z01911 is the identifier of its document")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--corpus", required=True)
    args = parser.parse_args()
    documents = sorted(
        os.path.join(root, name)
        for root, _, names in os.walk(args.corpus)
        for name in names
        if name.endswith((".txt", ".md", ".text")) and not name.startswith(".")
    )

    with tempfile.TemporaryDirectory() as tmp:
        paths = {fmt: os.path.join(tmp, f"graph.{fmt}") for fmt in ("nt", "nq", "ttl")}
        for path in paths.values():
            run(args.binary, args.corpus, path)
        rapper(paths["nt"], "ntriples")
        rapper(paths["nq"], "nquads")
        rapper(paths["ttl"], "turtle")

        stores = {
            "nt": load(paths["nt"], ox.RdfFormat.N_TRIPLES),
            "nq": load(paths["nq"], ox.RdfFormat.N_QUADS),
            "ttl": load(paths["ttl"], ox.RdfFormat.TURTLE),
        }
        sets = {fmt: triples(store) for fmt, store in stores.items()}
        check(len(sets["nt"]) > 1000, f"pyoxigraph loads {len(sets['nt'])} triples from N-Triples")
        check(sets["nt"] == sets["nq"], "N-Quads carry the same triples as N-Triples")
        check(sets["nt"] == sets["ttl"], "Turtle carries the same triples as N-Triples")
        with open(paths["nq"], "rb") as f:
            lines = [line for line in f.read().split(b"\n") if line]
        check(len(lines) == len(set(lines)) == len(stores["nq"]),
              f"no statement is written twice: {len(lines)} N-Quads lines, {len(set(lines))} distinct, {len(stores['nq'])} quads loaded")
        graphs = {q.graph_name for q in stores["nq"]}
        check(len(graphs) == len(documents) + 1, f"N-Quads have one named graph per document plus the entities graph ({len(graphs)})")

        for jobs in ("1", "2"):
            again = os.path.join(tmp, f"again-{jobs}.nt")
            run(args.binary, args.corpus, again, "--jobs", jobs)
            with open(again, "rb") as a, open(paths["nt"], "rb") as b:
                check(a.read() == b.read(), f"output with --jobs {jobs} is byte-identical to the first run")

        store = stores["nt"]
        contexts = {
            str(row["c"].value): row["s"].value
            for row in store.query(f"SELECT ?c ?s WHERE {{ ?c a <{NIF}Context> ; <{NIF}isString> ?s }}")
        }
        check(len(contexts) == len(documents), f"one nif:Context per input document ({len(contexts)})")
        texts = set(contexts.values())
        for path in documents:
            with open(path, encoding="utf-8-sig") as f:
                text = f.read().replace("\r\n", "\n").replace("\r", "\n")
            check(text in texts, f"the text of {path} is the nif:isString of a context")

        def anchors(store):
            rows = list(store.query(f"""
                SELECT ?x ?c ?b ?e ?a WHERE {{
                  ?x <{NIF}referenceContext> ?c ; <{NIF}beginIndex> ?b ; <{NIF}endIndex> ?e ; <{NIF}anchorOf> ?a }}"""))
            return rows, [r for r in rows if contexts[str(r["c"].value)][int(r["b"].value):int(r["e"].value)] != r["a"].value]

        def count(store, query):
            return int(next(iter(store.query(query)))["n"].value)

        anchored, bad = anchors(store)
        check(anchored and not bad, f"for all {len(anchored)} phrases the context text between the offsets equals anchorOf {bad[:3]}")
        sentences = count(store, f"SELECT (COUNT(?s) AS ?n) WHERE {{ ?s a <{NIF}Sentence> }}")
        placed = count(store, f"""SELECT (COUNT(?s) AS ?n) WHERE {{ ?s a <{NIF}Sentence> ;
            <{NIF}beginIndex> ?b ; <{NIF}endIndex> ?e ; <{NIF}referenceContext> ?c }}""")
        texted = count(store, f"SELECT (COUNT(?s) AS ?n) WHERE {{ ?s a <{NIF}Sentence> ; <{NIF}anchorOf> ?a }}")
        phrases = count(store, f"SELECT (COUNT(?s) AS ?n) WHERE {{ ?s a <{NIF}Sentence>, <{NIF}Phrase> }}")
        check(sentences > 100 and placed == sentences and texted == phrases,
              f"all {sentences} sentences have offsets and a context, and no text of their own "
              f"(the {texted} with an anchor are mentions too)")
        with_text = os.path.join(tmp, "sentence-text.nt")
        run(args.binary, args.corpus, with_text, "--sentence-text")
        anchored_all, bad_all = anchors(load(with_text, ox.RdfFormat.N_TRIPLES))
        check(len(anchored_all) > len(anchored) and not bad_all,
              f"with --sentence-text, for all {len(anchored_all)} phrases and sentences the context text between the offsets equals anchorOf {bad_all[:3]}")

        mentions = list(store.query(f"""
            SELECT ?anchor ?entity WHERE {{ ?m a <{NIF}Phrase> ; <{NIF}anchorOf> ?anchor .
              OPTIONAL {{ ?m <{ITS}taIdentRef> ?entity }} }}"""))
        for name, cls in EXPECTED:
            found = [
                r for r in mentions
                if r["anchor"].value == name or r["anchor"].value.endswith(" " + name) or r["anchor"].value.startswith(name + " ")
            ]
            linked = {str(r["entity"].value) for r in found if r["entity"] is not None}
            check(found and all(r["entity"] is not None for r in found) and len(linked) == 1,
                  f"'{name}': {len(found)} mentions, all linked to one entity {sorted(linked)}")
            entity = ox.NamedNode(next(iter(linked)))
            types = {str(q.object.value) for q in store.quads_for_pattern(entity, ox.NamedNode(RDF_TYPE), None)}
            labels = [q.object.value for q in store.quads_for_pattern(entity, ox.NamedNode(RDFS_LABEL), None)]
            check(SCHEMA + cls in types and labels, f"'{name}' → {entity.value.rsplit('/', 2)[-2:]} is a schema:{cls} labelled {labels[:2]}")

        structure_checks(store)

    checks.done()


if __name__ == "__main__":
    main()
