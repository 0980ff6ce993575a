#!/usr/bin/env python3
"""Builds the seed corpus of one fuzz target from ../shared/data and corpus/.

    scripts/fuzz_seeds.py TARGET OUTDIR [--shared DIR]

Nothing from ../shared/data is copied into the repository: the seeds are made at run time, in
OUTDIR (under out/fuzz/). Texts are cut into pieces of at most --max-bytes (at paragraph ends),
so that libFuzzer starts from inputs it runs quickly. Prints one line saying what it used.
"""
import argparse
import hashlib
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
TARGETS = ("xml", "text-decoder", "tokenizer", "gazetteer", "rdf")


def pieces(text: str, limit: int):
    """The text cut at blank lines into pieces of at most `limit` UTF-8 bytes."""
    piece = ""
    for paragraph in text.split("\n\n"):
        candidate = piece + "\n\n" + paragraph if piece else paragraph
        if len(candidate.encode()) > limit and piece:
            yield piece
            candidate = paragraph
        while len(candidate.encode()) > limit:
            cut = candidate.encode()[:limit].decode("utf-8", "ignore")
            yield cut
            candidate = candidate[len(cut):]
        piece = candidate
    if piece.strip():
        yield piece


def conllu_texts(path: pathlib.Path, per_seed: int):
    """The `# text = ` lines of a CoNLL-U file, `per_seed` sentences to a seed."""
    sentences = [line[len("# text = "):] for line in path.read_text("utf-8").splitlines() if line.startswith("# text = ")]
    for i in range(0, min(len(sentences), 40 * per_seed), per_seed):
        yield " ".join(sentences[i:i + per_seed])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("target", choices=TARGETS)
    parser.add_argument("outdir", type=pathlib.Path)
    parser.add_argument("--shared", type=pathlib.Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--max-bytes", type=int, default=4096)
    args = parser.parse_args()
    out = args.outdir
    out.mkdir(parents=True, exist_ok=True)
    shared = args.shared if args.shared.is_dir() else None
    seeds = []

    texts = [p.read_text("utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]
    if shared:
        texts += [p.read_text("utf-8") for p in sorted((shared / "kamervragen").rglob("*.md"))]
        for name in ("ud-dutch-lassysmall/nl_lassysmall-ud-test.conllu", "ud-dutch-alpino/nl_alpino-ud-test.conllu"):
            if (shared / name).is_file():
                texts += list(conllu_texts(shared / name, 10))
    text_pieces = [piece.encode() for text in texts for piece in pieces(text, args.max_bytes)]

    xml = [p.read_bytes() for p in sorted((ROOT / "Fuzz" / "Seeds" / "xml").glob("*.xml"))]
    if shared:
        for folder in ("handelingen-xml", "parlamint-nl", "tk-opendata-2025"):
            xml += [p.read_bytes() for p in sorted((shared / folder).glob("*.xml"))]

    if args.target == "xml":
        seeds = xml
    elif args.target == "text-decoder":
        for piece in text_pieces[:60]:
            text = piece.decode()
            seeds.append(piece)
            seeds.append(b"\xef\xbb\xbf" + piece.replace(b"\n", b"\r\n"))  # byte-order mark, CRLF
            seeds.append(b"\xff\xfe" + text.encode("utf-16-le"))
            seeds.append(b"\xfe\xff" + text.encode("utf-16-be"))
            try:
                seeds.append(text.encode("cp1252"))  # é as one byte: not UTF-8
            except UnicodeEncodeError:
                pass
    elif args.target in ("tokenizer", "gazetteer"):
        seeds = text_pieces
    elif args.target == "rdf":
        seeds = [piece for piece in text_pieces if len(piece) <= 2048] + [x for x in xml if len(x) <= 8192]

    for seed in seeds:
        (out / hashlib.sha1(seed).hexdigest()).write_bytes(seed)
    print(f"seeds: {len(set(seeds))} for {args.target} from corpus/"
          + (f" and {shared}" if shared else " only (../shared/data is absent)"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
