#!/usr/bin/env python3
"""An independent conlleval: scores "token gold predicted" lines (a blank line between
sentences) as the CoNLL shared tasks' conlleval.pl does, with its chunk rules (an I- tag that
does not continue a chunk of its type starts one), and prints its report.

    python3 scripts/conlleval.py PREDICTIONS
With seqeval installed, also prints seqeval's entity F1 (default mode) as a second opinion.
"""
import sys
from collections import Counter


def end_of_chunk(prev_tag, tag, prev_type, type_):
    return (prev_tag in "BI" and tag in "BO") or (prev_tag in "BI" and tag == "I" and prev_type != type_)


def start_of_chunk(prev_tag, tag, prev_type, type_):
    return tag == "B" or (tag == "I" and prev_tag == "O") or (tag == "I" and prev_type != type_)


def chunks(tags):
    result, start, prev_tag, prev_type = set(), None, "O", ""
    for i, label in enumerate(tags + ["O"]):
        tag, type_ = (label[0], label[2:]) if label != "O" else ("O", "")
        if end_of_chunk(prev_tag, tag, prev_type, type_) and start is not None:
            result.add((start, i - 1, prev_type))
            start = None
        if start_of_chunk(prev_tag, tag, prev_type, type_):
            start = i
        prev_tag, prev_type = tag, type_
    return result


def main(path):
    sentences, gold, pred = [], [], []
    for line in open(path, encoding="utf-8"):
        fields = line.split()
        if not fields:
            if gold:
                sentences.append((gold, pred))
            gold, pred = [], []
            continue
        gold.append(fields[-2])
        pred.append(fields[-1])
    if gold:
        sentences.append((gold, pred))
    found, correct, golds = Counter(), Counter(), Counter()
    tokens = right = 0
    for g, p in sentences:
        tokens += len(g)
        right += sum(a == b for a, b in zip(g, p))
        gc, pc = chunks(g), chunks(p)
        for c in gc:
            golds[c[2]] += 1
        for c in pc:
            found[c[2]] += 1
            if c in gc:
                correct[c[2]] += 1

    def prf(c, f, g):
        p = c / f if f else 0.0
        r = c / g if g else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    total = prf(sum(correct.values()), sum(found.values()), sum(golds.values()))
    print(f"processed {tokens} tokens with {sum(golds.values())} phrases; found: {sum(found.values())} phrases; correct: {sum(correct.values())}.")
    print(f"accuracy: {100 * right / tokens:6.2f}%; precision: {100 * total[0]:6.2f}%; recall: {100 * total[1]:6.2f}%; FB1: {100 * total[2]:6.2f}")
    for t in sorted(set(golds) | set(found)):
        p, r, f = prf(correct[t], found[t], golds[t])
        print(f"{t:>17}: precision: {100 * p:6.2f}%; recall: {100 * r:6.2f}%; FB1: {100 * f:6.2f}  {found[t]}")
    try:
        from seqeval.metrics import f1_score
        print(f"seqeval entity F1: {f1_score([g for g, _ in sentences], [p for _, p in sentences]):.4f}")
    except ImportError:
        pass


if __name__ == "__main__":
    main(sys.argv[1])
