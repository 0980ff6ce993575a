#!/usr/bin/env python3
"""Scores TextGraph, ucto, pysbd and spaCy's sentencizer on the same gold texts, in one run.

Usage: compare_sentence_splitters.py --textgraph BINARY GOLD.conllu...

For each gold file:
1. `textgraph eval sentences GOLD --dump-text DIR` writes the running text TextGraph rebuilds
   from the gold (one file per document, index.tsv naming them), so every system sees
   exactly the same text.
2. Each peer segments each text; its sentences (and tokens, where it gives them) are mapped
   back to character offsets of the text and written as JSON lines.
3. `textgraph eval sentences GOLD --predicted FILE --json` scores them with the same rules as
   TextGraph's own score (boundaries inside paragraphs, tokens by exact span), so there is
   one scorer for all systems.

Peers: ucto (Debian package `ucto`, `-L nld -n`: one sentence per line, paragraphs apart),
pysbd (`Segmenter(language="nl", clean=False)`), spaCy (`spacy.blank("nl")` with the
rule-based `sentencizer`; no model is needed). scripts/compare-sentence-splitters.sh installs
them.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile


def read_index(directory):
    """The (file name, document id) pairs that --dump-text wrote."""
    with open(os.path.join(directory, "index.tsv"), encoding="utf-8") as handle:
        return [tuple(line.rstrip("\n").split("\t", 1)) for line in handle if line.strip()]


class Aligner:
    """Maps strings a system produced back to offsets in the text, in order.

    Systems print tokens or sentences without offsets; each piece is looked for from where the
    previous one ended, skipping white space. A piece that is not found there (a system that
    changed a character) is searched for a little further on, and otherwise taken to cover as
    many non-space characters as it has; such pieces are counted, so that a poor alignment is
    visible instead of silently lowering a score.
    """

    def __init__(self, text):
        self.text = text
        self.position = 0
        self.misaligned = 0

    def next(self, piece):
        piece = piece.strip()
        if not piece:
            return None
        text = self.text
        position = self.position
        while position < len(text) and text[position].isspace():
            position += 1
        if text.startswith(piece, position):
            start = position
        else:
            found = text.find(piece, position, position + 200 + len(piece))
            if found >= 0:
                start = found
            else:
                self.misaligned += 1
                start = position
                remaining = len([c for c in piece if not c.isspace()])
                end = start
                while end < len(text) and remaining > 0:
                    if not text[end].isspace():
                        remaining -= 1
                    end += 1
                self.position = end
                return (start, end)
        self.position = start + len(piece)
        return (start, self.position)


def strip_span(text, start, end):
    """A span without the white space at its edges, or None when only white space is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def run_ucto(text):
    """ucto -L nld -n: one sentence per line, tokens separated by spaces, paragraphs apart."""
    result = subprocess.run(
        ["ucto", "-L", "nld", "-n", "--filter=NO"], input=text.encode("utf-8"),
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=True,
    )
    aligner = Aligner(text)
    sentences, tokens = [], []
    for line in result.stdout.decode("utf-8").split("\n"):
        spans = [aligner.next(token) for token in line.split(" ") if token.strip()]
        spans = [span for span in spans if span]
        if spans:
            tokens.extend(spans)
            sentences.append((spans[0][0], spans[-1][1]))
    return sentences, tokens, aligner.misaligned


def make_pysbd():
    import pysbd

    segmenter = pysbd.Segmenter(language="nl", clean=False)

    def run(text):
        aligner = Aligner(text)
        sentences = [aligner.next(sentence) for sentence in segmenter.segment(text)]
        return [s for s in sentences if s], None, aligner.misaligned

    return run


def make_spacy():
    import spacy

    nlp = spacy.blank("nl")
    nlp.add_pipe("sentencizer")
    nlp.max_length = 10_000_000

    def run(text):
        doc = nlp(text)
        sentences = [strip_span(text, s.start_char, s.end_char) for s in doc.sents]
        tokens = [(t.idx, t.idx + len(t.text)) for t in doc if not t.is_space]
        return [s for s in sentences if s], tokens, 0

    return run


def textgraph_score(binary, gold, predicted=None, system=None):
    command = [binary, "eval", "sentences", gold, "--json"]
    if predicted:
        command += ["--predicted", predicted, "--system", system]
    output = subprocess.run(command, stdout=subprocess.PIPE, check=True).stdout
    return json.loads(output)["total"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--textgraph", required=True, help="the textgraph binary")
    parser.add_argument("--keep", help="keep the texts and predictions in this folder")
    parser.add_argument("gold", nargs="+", help="gold .conllu files")
    args = parser.parse_args()

    peers = [("ucto", run_ucto), ("pysbd", make_pysbd()), ("spacy-sentencizer", make_spacy())]
    work = args.keep or tempfile.mkdtemp(prefix="textgraph-compare-")
    rows = []
    for number, gold in enumerate(args.gold):
        directory = os.path.join(work, f"gold-{number}")
        subprocess.run([args.textgraph, "eval", "sentences", gold, "--dump-text", directory],
                       stdout=subprocess.DEVNULL, check=True)
        documents = read_index(directory)
        texts = {}
        for name, document in documents:
            with open(os.path.join(directory, name), encoding="utf-8", newline="") as handle:
                texts[document] = handle.read()
        rows.append((gold, "textgraph", textgraph_score(args.textgraph, gold), 0))
        for system, segment in peers:
            predicted = os.path.join(work, f"gold-{number}-{system}.jsonl")
            misaligned = 0
            with open(predicted, "w", encoding="utf-8") as out:
                for _, document in documents:
                    sentences, tokens, missed = segment(texts[document])
                    misaligned += missed
                    entry = {"document": document, "sentences": [list(s) for s in sentences]}
                    if tokens is not None:
                        entry["tokens"] = [list(t) for t in tokens]
                    out.write(json.dumps(entry, ensure_ascii=False) + "\n")
            rows.append((gold, system, textgraph_score(args.textgraph, gold, predicted, system), misaligned))

    header = ["gold", "system", "sentences", "boundary P", "boundary R", "boundary F1",
              "token P", "token R", "token F1", "misaligned"]
    table = [header]
    for gold, system, score, misaligned in rows:
        b, t = score["boundaries"], score.get("tokens")
        token_cells = [f"{t['precision']:.4f}", f"{t['recall']:.4f}", f"{t['f1']:.4f}"] if t else ["-", "-", "-"]
        table.append([os.path.basename(gold), system, str(score["predictedSentences"]),
                      f"{b['precision']:.4f}", f"{b['recall']:.4f}", f"{b['f1']:.4f}"] + token_cells + [str(misaligned)])
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    for row in table:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())
    print(f"\nboundary = sentence end inside a paragraph (paragraph ends not scored); "
          f"token = exact span; gold sentences: {', '.join(str(s['goldSentences']) for _, n, s, _ in rows if n == 'textgraph')}")

    # Exit non-zero when TextGraph is not at least as good as the best peer on any gold file.
    failed = False
    for gold in args.gold:
        scores = {system: score["boundaries"]["f1"] for g, system, score, _ in rows if g == gold}
        best_peer = max(f1 for system, f1 in scores.items() if system != "textgraph")
        if scores["textgraph"] < best_peer:
            print(f"{os.path.basename(gold)}: TextGraph's boundary F1 {scores['textgraph']:.4f} is below the best peer's {best_peer:.4f}",
                  file=sys.stderr)
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
