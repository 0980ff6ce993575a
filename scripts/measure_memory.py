#!/usr/bin/env python3
"""Measures textgraph's peak memory as the corpus grows and as one document grows.

1. Corpus: peak RSS on 200 and on 2,000 XML documents. Streaming means memory stays bounded as
   the corpus grows: it fails when the figure for 2,000 is more than --limit (1.5) times that for
   200. The documents are copies of the real XML in ../shared/data (ParlaMint TEI and
   Handelingen), each made distinct by its number; without ../shared they are generated.
2. One document (--document-sizes, in MB; default 10 and 30): real kamervragen text from
   ../shared/data joined into one text file, through the whole pipeline to N-Quads, N-Triples and
   Turtle. It fails when the peak RSS of a document is over --per-byte (50) times its size, or a
   30 MB document's over 1.5 GB.
   And one 20 MB line under a 1.5 GiB address cap (it used to abort the process).
3. A batch under an address-space cap (--cap-mb, 1024: `ulimit -v`): the seeds of corpus/ and
   one document of --huge-mb (100) MB, once with the default --max-document-size and once with
   it raised so that the memory budget has to refuse the document. Both must exit 2, fail that
   document alone with a clear reason, and write the seeds' graphs whole.

    scripts/measure_memory.py --binary .build/release/textgraph [--jobs 2] [--only corpus|document|cap]
"""
import argparse
import glob
import os
import resource
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DATA = os.path.join(ROOT, "..", "shared", "data")


def templates():
    paths = sorted(glob.glob(os.path.join(DATA, "parlamint-nl", "ParlaMint-NL_*.xml"))
                   + glob.glob(os.path.join(DATA, "handelingen-xml", "*.xml")))
    if paths:
        return [open(p, "rb").read() for p in paths], "copies of ../shared/data XML"
    paragraph = "<p>De minister van Buitenlandse Zaken sprak met China en België over Nuctech en de Douane.</p>"
    return [("<?xml version='1.0'?><doc>" + paragraph * 200 + "</doc>").encode()], "generated XML"


def make_corpus(directory, count, sources):
    os.makedirs(directory)
    total = 0
    for i in range(count):
        source = sources[i % len(sources)]
        # A comment with the number keeps every document distinct without touching its text.
        body = source.replace(b"?>", f"?><!-- copy {i} -->".encode(), 1) if source.lstrip().startswith((b"<?xml", b"\xef")) else source
        with open(os.path.join(directory, f"doc{i:05d}.xml"), "wb") as f:
            f.write(body)
        total += len(body)
    return total


def kamervragen_text():
    """The real kamervragen texts of ../shared/data, joined; else the seeds of corpus/."""
    paths = sorted(glob.glob(os.path.join(DATA, "kamervragen", "**", "*.txt"), recursive=True))
    origin = "real kamervragen text from ../shared/data"
    if not paths:
        paths = sorted(glob.glob(os.path.join(ROOT, "corpus", "*.txt")))
        origin = "the seeds of corpus/ (../shared is absent)"
    return "\n\n".join(open(p, encoding="utf-8").read() for p in paths).encode(), origin


def one_document(path, megabytes, blob):
    """Writes a text file of `megabytes` MB made of `blob` repeated, cut at a character boundary."""
    target = int(megabytes * 1_000_000)
    with open(path, "wb") as f:
        written = 0
        while written < target:
            piece = blob[: target - written]
            piece = piece.decode("utf-8", "ignore").encode()
            f.write(piece + b"\n\n")
            written += len(piece) + 2
    return os.path.getsize(path)


def run(command, cap_bytes=None):
    """Runs a command; returns (exit code, peak RSS in KiB, stderr)."""
    def limit():
        if cap_bytes:
            resource.setrlimit(resource.RLIMIT_AS, (cap_bytes, cap_bytes))
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=limit)
    stderr = process.stderr.read().decode(errors="replace")
    _, status, usage = os.wait4(process.pid, 0)
    return os.waitstatus_to_exitcode(status), usage.ru_maxrss, stderr


def corpus_growth(args, tmp):
    sources, origin = templates()
    results = {}
    for count in (200, 2000):
        corpus = os.path.join(tmp, f"corpus{count}")
        size = make_corpus(corpus, count, sources)
        output = os.path.join(tmp, f"graph{count}.nq")
        code, rss, stderr = run([args.binary, "run", corpus, "--output", output, "--jobs", args.jobs, "--quiet"])
        if code not in (0, 2):
            sys.exit(f"run over {count} documents exited {code}: {stderr}")
        results[count] = rss
        print(f"{count:5d} XML documents ({size / 1e6:6.1f} MB, {origin}): peak RSS {rss / 1024:7.1f} MiB")
    ratio = results[2000] / results[200]
    print(f"ratio 2000/200: {ratio:.2f} (limit {args.limit})")
    return ratio <= args.limit


def document_growth(args, tmp):
    blob, origin = kamervragen_text()
    ok = True
    for megabytes in args.document_sizes:
        corpus = os.path.join(tmp, f"one{megabytes}")
        os.makedirs(corpus)
        size = one_document(os.path.join(corpus, "document.txt"), megabytes, blob)
        for extension in ("nq", "nt", "ttl"):
            output = os.path.join(tmp, f"one{megabytes}.{extension}")
            code, rss, stderr = run([args.binary, "run", corpus, "--output", output, "--jobs", "1", "--quiet"])
            per_byte = rss * 1024 / size
            limit_ok = per_byte <= args.per_byte and (megabytes < 30 or rss * 1024 <= 1.5 * 2**30)
            verdict = "ok" if code == 0 and limit_ok else "FAIL"
            ok &= verdict == "ok"
            print(f"one document of {size / 1e6:5.1f} MB ({origin}) to .{extension:3s}: exit {code}, peak RSS "
                  f"{rss / 1024:7.1f} MiB = {per_byte:4.1f} x its size (limit {args.per_byte:g} x, "
                  f"and 1.5 GiB at 30 MB): {verdict}")
            if code != 0:
                print("  " + stderr.strip().replace("\n", "\n  "))
            if os.path.exists(output):
                os.remove(output)
        shutil.rmtree(corpus)
    return ok


def capped_batch(args, tmp):
    corpus = os.path.join(tmp, "capped")
    os.makedirs(corpus)
    seeds = sorted(glob.glob(os.path.join(ROOT, "corpus", "*")))
    for seed in seeds:
        shutil.copy(seed, corpus)
    blob, _ = kamervragen_text()
    huge = os.path.join(corpus, "huge.txt")
    size = one_document(huge, args.huge_mb, blob)
    cap = args.cap_mb * 2**20
    ok = True
    for label, extra in (("default --max-document-size", []),
                         ("--max-document-size raised, so the memory budget must refuse it", ["--max-document-size", str(size * 2)])):
        output = os.path.join(tmp, "capped.nq")
        code, rss, stderr = run([args.binary, "run", corpus, "--output", output, "--jobs", "2"] + extra, cap_bytes=cap)
        errors = [line for line in stderr.splitlines() if "error:" in line]
        graphs = set()
        if os.path.exists(output):
            with open(output, encoding="utf-8") as f:
                for line in f:
                    graphs.add(line.rsplit(" ", 2)[-2])
        seed_names = [os.path.basename(s) for s in seeds]
        written = [name for name in seed_names if any(name.replace(" ", "%20") in g for g in graphs)]
        verdict = "ok" if (code == 2 and len(errors) == 1 and "huge.txt" in errors[0] and len(written) == len(seed_names)) else "FAIL"
        ok &= verdict == "ok"
        print(f"under a {args.cap_mb} MiB address cap, {len(seeds)} seeds and one {size / 1e6:.0f} MB document ({label}): "
              f"exit {code}, peak RSS {rss / 1024:.1f} MiB, seeds written {len(written)}/{len(seed_names)}: {verdict}")
        for line in errors:
            print("  " + line)
        if code not in (0, 2):
            print("  " + stderr.strip()[-800:].replace("\n", "\n  "))
    return ok


def long_line(args, tmp):
    """The case that used to abort the process: one 20 MB line under a 1.5 GiB address cap."""
    blob, _ = kamervragen_text()
    seeds = sorted(glob.glob(os.path.join(ROOT, "corpus", "*")))
    ok = True
    # The case that used to abort the process: one 20 MB line under a 1.5 GiB cap.
    line_dir = os.path.join(tmp, "line")
    os.makedirs(line_dir)
    with open(os.path.join(line_dir, "line.txt"), "wb") as f:
        f.write(blob.replace(b"\n", b" ")[:20_000_000].decode("utf-8", "ignore").encode() * max(1, 20_000_000 // max(1, len(blob))))
    for seed in seeds:
        shutil.copy(seed, line_dir)
    size = os.path.getsize(os.path.join(line_dir, "line.txt"))
    code, rss, stderr = run([args.binary, "run", line_dir, "--output", os.path.join(tmp, "line.nq"), "--jobs", "2"], cap_bytes=int(1.5 * 2**30))
    errors = [line for line in stderr.splitlines() if "error:" in line]
    # Either it fits and goes through, or the budget refuses it alone; the process never aborts.
    verdict = "ok" if code == 0 or (code == 2 and len(errors) == 1 and "line.txt" in errors[0]) else "FAIL"
    ok &= verdict == "ok"
    print(f"under a 1536 MiB address cap, {len(seeds)} seeds and one {size / 1e6:.0f} MB line: exit {code}, "
          f"peak RSS {rss / 1024:.1f} MiB: {verdict}")
    for line in errors:
        print("  " + line)
    return ok


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--jobs", default="2")
    parser.add_argument("--limit", type=float, default=1.5)
    parser.add_argument("--per-byte", type=float, default=50)
    parser.add_argument("--document-sizes", type=float, nargs="+", default=[10, 30])
    parser.add_argument("--cap-mb", type=int, default=1024)
    parser.add_argument("--huge-mb", type=float, default=100)
    parser.add_argument("--only", choices=["corpus", "document", "cap"])
    args = parser.parse_args()
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        if args.only in (None, "corpus"):
            ok &= corpus_growth(args, tmp)
        if args.only in (None, "document"):
            ok &= document_growth(args, tmp)
            ok &= long_line(args, tmp)
        if args.only in (None, "cap"):
            ok &= capped_batch(args, tmp)
    print("memory checks: " + ("passed" if ok else "FAILED"))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
