#!/usr/bin/env python3
"""The whole-pipeline entity figure: `textgraph run` over CoNLL-2002 ned.testb written as text,
the graph's mentions mapped to PER/ORG/LOC/MISC by their classes, entity spans scored as
conlleval scores them.

    python3 scripts/ner_pipeline_eval.py [--binary .build/release/textgraph] [--extra-args "..."]

Each CoNLL document becomes one text file, each sentence a paragraph of its tokens joined by
spaces. A mention counts as a predicted name over the gold tokens it covers exactly (it starts at
a token's start and ends at a token's end). Classes: Person → PER; Organization,
GovernmentOrganization, PoliticalParty, Corporation, NGO, EducationalOrganization → ORG; Country,
AdministrativeArea, Place, City, State, Continent → LOC; adjectival mentions ("Belgische") and any
other class (Legislation, Thing, …) → MISC; values (dates, numbers) are not names.
"""
import argparse
import os
import re
import shlex
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from conlleval import chunks  # noqa: E402

ORG = {"Organization", "GovernmentOrganization", "PoliticalParty", "Corporation", "NGO", "EducationalOrganization",
       "NewsMediaOrganization", "ResearchOrganization"}
LOC = {"Country", "AdministrativeArea", "Place", "City", "State", "Continent"}


def read_conll(path):
    documents, sentences, tokens, tags = [], [], [], []
    for line in open(path, encoding="utf-8"):
        fields = line.split()
        if not fields:
            if tokens:
                sentences.append((tokens, tags))
            tokens, tags = [], []
            continue
        if fields[0] == "-DOCSTART-":
            if tokens:
                sentences.append((tokens, tags))
            tokens, tags = [], []
            if sentences:
                documents.append(sentences)
            sentences = []
            continue
        tokens.append(fields[0])
        tags.append(fields[-1])
    if tokens:
        sentences.append((tokens, tags))
    if sentences:
        documents.append(sentences)
    return documents


def coarse(classes, form):
    if form in ("value",):
        return None
    if form == "adjectival":
        return "MISC"
    names = {c.rsplit("/", 1)[-1].rsplit("#", 1)[-1] for c in classes}
    if "Person" in names:
        return "PER"
    if names & ORG:
        return "ORG"
    if names & LOC:
        return "LOC"
    return "MISC" if names else None


TRIPLE = re.compile(r'^<([^>]*)> <([^>]*)> (.*) \.$')


def mentions(graph_path):
    """(document IRI, begin, end) -> (classes, form) for each nif:Phrase with a class."""
    nodes = {}
    for line in open(graph_path, encoding="utf-8"):
        m = TRIPLE.match(line.strip())
        if not m:
            continue
        s, p, o = m.groups()
        if "#char=" not in s:
            continue
        node = nodes.setdefault(s, {"classes": set(), "form": "name", "phrase": False})
        if p.endswith("#taClassRef"):
            node["classes"].add(o.strip("<>"))
        elif p.endswith("#mentionForm"):
            node["form"] = o.split('"')[1]
        elif p.endswith("22-rdf-syntax-ns#type") and o.endswith("#Phrase>"):
            node["phrase"] = True
    result = {}
    for iri, node in nodes.items():
        if not node["phrase"]:
            continue
        doc, span = iri.split("#char=")
        begin, end = map(int, span.split(","))
        result.setdefault(doc, []).append((begin, end, coarse(node["classes"], node["form"])))
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/release/textgraph")
    parser.add_argument("--testb", default="../shared/data/conll2002-ned/ned.testb")
    parser.add_argument("--extra-args", default="")
    parser.add_argument("--predictions", help="write 'token gold predicted' lines here")
    args = parser.parse_args()
    documents = read_conll(args.testb)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = os.path.join(tmp, "testb")
        os.makedirs(corpus)
        offsets = []  # per document, per sentence, per token: (begin, end) in code points
        for d, document in enumerate(documents):
            text, doc_offsets = "", []
            for tokens, _ in document:
                sentence = []
                for token in tokens:
                    sentence.append((len(text), len(text) + len(token)))
                    text += token + " "
                text = text[:-1] + "\n\n"
                doc_offsets.append(sentence)
            offsets.append(doc_offsets)
            with open(os.path.join(corpus, f"doc{d:04d}.txt"), "w", encoding="utf-8") as f:
                f.write(text)
        graph = os.path.join(tmp, "graph.nt")
        command = [args.binary, "run", corpus, "--output", graph, "--quiet"] + shlex.split(args.extra_args)
        run = subprocess.run(command, capture_output=True, text=True)
        if run.returncode not in (0, 2):
            sys.exit(f"textgraph run failed ({run.returncode}): {run.stderr}")
        found = mentions(graph)
    by_name = {}
    for doc, spans in found.items():
        name = doc.rsplit("/", 1)[-1]
        by_name[name] = spans
    lines, counts = [], {"gold": {}, "found": {}, "correct": {}}
    for d, document in enumerate(documents):
        spans = sorted((s for s in by_name.get(f"doc{d:04d}.txt", []) if s[2]), key=lambda s: (s[0], -(s[1] - s[0])))
        for (tokens, gold), sentence in zip(document, offsets[d]):
            predicted = ["O"] * len(tokens)
            starts = {b: i for i, (b, _) in enumerate(sentence)}
            ends = {e: i for i, (_, e) in enumerate(sentence)}
            for begin, end, type_ in spans:
                if begin in starts and end in ends and starts[begin] <= ends[end]:
                    first, last = starts[begin], ends[end]
                    if all(t == "O" for t in predicted[first:last + 1]):
                        predicted[first] = "B-" + type_
                        for k in range(first + 1, last + 1):
                            predicted[k] = "I-" + type_
            gc, pc = chunks(gold), chunks(predicted)
            for c in gc:
                counts["gold"][c[2]] = counts["gold"].get(c[2], 0) + 1
            for c in pc:
                counts["found"][c[2]] = counts["found"].get(c[2], 0) + 1
                if c in gc:
                    counts["correct"][c[2]] = counts["correct"].get(c[2], 0) + 1
            lines += [f"{t} {g} {p}" for t, g, p in zip(tokens, gold, predicted)] + [""]
    if args.predictions:
        with open(args.predictions, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")

    def prf(c, f, g):
        p, r = (c / f if f else 0.0), (c / g if g else 0.0)
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    total = prf(*(sum(counts[k].values()) for k in ("correct", "found", "gold")))
    print(f"textgraph run {' '.join(shlex.split(args.extra_args))} over ned.testb ({len(documents)} documents): "
          f"precision {total[0]:.4f} recall {total[1]:.4f} entity F1 {total[2]:.4f}")
    for t in ("LOC", "MISC", "ORG", "PER"):
        p, r, f = prf(counts["correct"].get(t, 0), counts["found"].get(t, 0), counts["gold"].get(t, 0))
        print(f"  {t:4}: precision {p:.4f} recall {r:.4f} F1 {f:.4f} (found {counts['found'].get(t, 0)}, gold {counts['gold'].get(t, 0)})")


if __name__ == "__main__":
    main()
