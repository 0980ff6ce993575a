#!/usr/bin/env python3
"""Word lists that scripts/build-gazetteers.sh filters reference names with.

Reads Dutch text from the open data in ../shared/data (never the CoNLL-2002 files, which are for
research only, and never the 19 kamervragen of the evaluation's development set, listed in
../shared/eval/kamervragen/gold.json) and writes two lists, one word or name a line:

  common-words.txt    words Dutch writes in lowercase at least as often as capitalized (and at
                      least 5 times): 'best', 'huizen', 'putten'. A place or an abbreviation of
                      that name needs more than its name to be found ('gemeente Best').
  attested-names.txt  capitalized words and hyphenated names seen at least twice: the exonyms
                      Dutch uses ('Parijs', 'Peking', 'Oost-Jeruzalem'), so that GeoNames'
                      unlabelled alternate names can be kept when Dutch text uses them.

Sources: Europeana Newspapers NL (CC0), UD Dutch Alpino and LassySmall (CC BY-SA 4.0; only word
counts are taken), ParlaMint-NL (CC BY 4.0), the Handelingen XML, the other kamervragen texts
(government publications), and the titles of the BWB and the Tweede Kamer's bills (public domain /
CC0). Deterministic: the lists are sorted.

Usage: scripts/dutch_word_lists.py DATA_DIR OUT_DIR
"""
import collections
import csv
import glob
import json
import os
import re
import sys

WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)


def tokens(data):
    """Yields (token, sentence_initial) for each word of the sources."""
    # One token per line (Europeana BIO, CoNLL-U FORM column).
    for path in [os.path.join(data, "europeana-ner-nl", "enp_NL.kb.bio")]:
        first = True
        with open(path, encoding="utf-8") as f:
            for line in f:
                parts = line.split()
                if not parts:
                    first = True
                    continue
                yield parts[0], first
                first = parts[0] in {".", "!", "?", ":"}
    for path in sorted(glob.glob(os.path.join(data, "ud-dutch-*", "*.conllu"))) + sorted(
        glob.glob(os.path.join(data, "parlamint-nl", "*.conllu"))
    ):
        first = True
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#"):
                    continue
                cols = line.rstrip("\n").split("\t")
                if len(cols) < 2:
                    first = True
                    continue
                if not cols[0].isdigit():
                    continue
                yield cols[1], first
                first = False
    # Running text: Handelingen XML (tags removed) and the BWB's and the Kamer's titles.
    texts = []
    for path in sorted(glob.glob(os.path.join(data, "handelingen-xml", "*.xml"))):
        with open(path, encoding="utf-8", errors="replace") as f:
            texts.append(re.sub(r"<[^>]+>", " ", f.read()))
    gold = os.path.join(data, "..", "eval", "kamervragen", "gold.json")
    development = set(json.load(open(gold, encoding="utf-8"))["documents"]) if os.path.exists(gold) else None
    for path in sorted(glob.glob(os.path.join(data, "kamervragen", "*", "*"))):
        key = os.path.relpath(path, data)
        if development is None or key in development or not path.endswith((".txt", ".md")):
            continue  # without the list of the development set, no kamervragen at all
        with open(path, encoding="utf-8", errors="replace") as f:
            texts.append(f.read())
    csv.field_size_limit(1 << 24)
    for path, column in [
        (os.path.join(data, "bwb-wetten", "bwb_regelingen_2017.tsv"), "opschrift"),
        (os.path.join(data, "tk-opendata-2025", "tk_wetgevingszaken.tsv"), "titel"),
    ]:
        with open(path, encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                texts.append(row.get(column) or "")
    for text in texts:
        for sentence in re.split(r"(?<=[.!?])\s+|\n\s*\n", text):
            for k, match in enumerate(WORD.finditer(sentence)):
                yield match.group(0), k == 0


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    data, out = sys.argv[1], sys.argv[2]
    lower = collections.Counter()
    capital = collections.Counter()
    for token, initial in tokens(data):
        token = token.strip("'’-")
        if not token or not token[0].isalpha():
            continue
        key = token.lower()
        if token[0].islower():
            lower[key] += 1
        elif not initial:
            capital[key] += 1
            capital[token] += 0  # keep the written form known
    common = sorted(w for w, n in lower.items() if n >= 5 and n >= capital[w])
    written = collections.Counter()
    for token, n in capital.items():
        if token[:1].isupper():
            written[token] = capital[token.lower()]
    attested = sorted(w for w, n in written.items() if n >= 2)
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "common-words.txt"), "w", encoding="utf-8") as f:
        f.write("".join(w + "\n" for w in common))
    with open(os.path.join(out, "attested-names.txt"), "w", encoding="utf-8") as f:
        f.write("".join(w + "\n" for w in attested))
    print(f"word lists: {len(common)} common words, {len(attested)} attested names", file=sys.stderr)


if __name__ == "__main__":
    main()
