#!/usr/bin/env python3
"""Silver NER training data: the bundled gazetteers' names over unlabelled Dutch parliamentary
text, as `textgraph run --no-model` finds them, written as two CoNLL columns.

    python3 scripts/make_silver_ner.py --binary .build/release/textgraph OUT.conll [TEXT_DIR ...]

Keeps only the sentences where the gazetteers leave no name unlabelled: every capitalized word
not at the start of the sentence lies in a mention, and there is at least one mention. Classes:
Person → PER; organizations → ORG; countries and places → LOC; laws and adjectival mentions
("Chinese") → MISC; offices and values → not names. The 19 documents of the kamervragen gold
(../shared/eval/kamervragen/gold.json) are left out, so the evaluation stays unseen.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ner_pipeline_eval import coarse  # noqa: E402

TRIPLE = re.compile(r'^<([^>]*)> <([^>]*)> (.*) \.$')
TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*\.?|[^\w\s]", re.UNICODE)


def unescape(literal):
    body = literal[1:literal.rindex('"')]
    return re.sub(r'\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)',
                  lambda m: chr(int(m.group(1)[1:], 16)) if m.group(1)[0] in "uU" and len(m.group(1)) > 1
                  else {"n": "\n", "r": "\r", "t": "\t", '"': '"', "\\": "\\"}.get(m.group(1), m.group(1)), body)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/release/textgraph")
    parser.add_argument("--gold", default="../shared/eval/kamervragen/gold.json")
    parser.add_argument("output")
    parser.add_argument("inputs", nargs="*", default=["../shared/data/kamervragen"])
    args = parser.parse_args()
    data_root = os.path.normpath(os.path.join(os.path.dirname(args.gold), "../../data"))
    held_out = {os.path.normpath(os.path.join(data_root, k)) for k in json.load(open(args.gold))["documents"]}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = os.path.join(tmp, "corpus")
        count = 0
        for root in args.inputs:
            for folder, _, files in os.walk(root):
                for name in sorted(files):
                    path = os.path.normpath(os.path.join(folder, name))
                    if path in held_out or not name.endswith((".txt", ".md", ".xml")):
                        continue
                    target = os.path.join(corpus, f"{count:05d}-{name}")
                    os.makedirs(corpus, exist_ok=True)
                    shutil.copy(path, target)
                    count += 1
        graph = os.path.join(tmp, "graph.nt")
        run = subprocess.run([args.binary, "run", corpus, "--no-model", "--output", graph, "--quiet"], capture_output=True, text=True)
        if run.returncode not in (0, 2):
            sys.exit(run.stderr)
        texts, nodes = {}, {}
        for line in open(graph, encoding="utf-8"):
            m = TRIPLE.match(line.strip())
            if not m or "#char=" not in m.group(1):
                continue
            s, p, o = m.groups()
            if p.endswith("#isString"):
                texts[s.split("#char=")[0]] = unescape(o)
            node = nodes.setdefault(s, {"classes": set(), "form": "name", "phrase": False})
            if p.endswith("#taClassRef"):
                node["classes"].add(o.strip("<>"))
            elif p.endswith("#mentionForm"):
                node["form"] = o.split('"')[1]
            elif o.endswith("#Phrase>"):
                node["phrase"] = True
    mentions = {}
    for iri, node in nodes.items():
        if node["phrase"]:
            doc, span = iri.split("#char=")
            begin, end = map(int, span.split(","))
            names = {c.rsplit("/", 1)[-1].rsplit("#", 1)[-1] for c in node["classes"]}
            type_ = None if "Office" in names else coarse(node["classes"], node["form"])
            mentions.setdefault(doc, []).append((begin, end, type_))
    kept = total = 0
    with open(args.output, "w", encoding="utf-8") as out:
        for doc in sorted(texts):
            out.write("-DOCSTART- O\n\n")
            text = texts[doc]
            spans = mentions.get(doc, [])
            for paragraph in re.split(r"\n", text):
                offset = text.find(paragraph) if paragraph else 0
                tokens = [(m.start() + offset, m.end() + offset, m.group()) for m in TOKEN.finditer(paragraph)]
                sentence = []
                for token in tokens + [None]:
                    if token is not None:
                        sentence.append(token)
                    if token is None or token[2] in (".", "!", "?"):
                        if sentence:
                            total += 1
                            labelled = label(sentence, spans)
                            if labelled:
                                kept += 1
                                out.write("\n".join(f"{t} {g}" for t, g in labelled) + "\n\n")
                        sentence = []
    print(f"{kept} of {total} sentences kept from {len(texts)} documents", file=sys.stderr)


def label(sentence, spans):
    tags = ["O"] * len(sentence)
    any_name = False
    for begin, end, type_ in spans:
        inside = [i for i, (b, e, _) in enumerate(sentence) if b >= begin and e <= end]
        if not inside:
            continue
        if type_ is None:
            for i in inside:
                tags[i] = "X"
            continue
        any_name = True
        tags[inside[0]] = "B-" + type_
        for i in inside[1:]:
            tags[i] = "I-" + type_
    if not any_name or len(sentence) < 4:
        return None
    for i, (_, _, word) in enumerate(sentence):
        if i > 0 and tags[i] == "O" and word[:1].isupper():
            return None
    return [(w, "O" if t == "X" else t) for (_, _, w), t in zip(sentence, tags)]


if __name__ == "__main__":
    main()
