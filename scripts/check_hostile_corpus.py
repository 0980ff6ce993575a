#!/usr/bin/env python3
"""Runs textgraph once over a corpus holding every hostile case we know of, plus the seeds.

The run must exit 2, write the seeds' graph whole (the same quads as a clean run over the seeds
alone), report every hostile input with its reason (one line on standard error each, and an entry
in --report), publish nothing from outside the corpus, follow no link, hang on nothing, and leave
no file behind in $TMPDIR or beside the output. A second part pipes hostile JSON lines through
`textgraph pipe`.

    scripts/check_hostile_corpus.py --binary .build/debug/textgraph
"""
import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SECRET = "SECRET-9f2c1e-never-publish"
results = []


def check(name, ok, detail=""):
    results.append(ok)
    print(("ok: " if ok else "FAIL: ") + name + ("" if ok or not detail else f" ({detail})"))


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())


def build(corpus, outside):
    """Makes the hostile corpus; returns {case: a piece of the name the error line must hold}."""
    seeds = sorted(os.listdir(os.path.join(ROOT, "corpus")))
    for seed in seeds:
        shutil.copy(os.path.join(ROOT, "corpus", seed), os.path.join(corpus, seed))
    write(os.path.join(outside, "secret.txt"), f"Geheim: {SECRET} over China.\n")
    cases = {}
    # The corpus tree.
    os.mkfifo(os.path.join(corpus, "fifo.txt"))
    cases["a FIFO"] = "fifo.txt"
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(os.path.join(corpus, "socket.txt"))
    cases["a socket"] = "socket.txt"
    os.symlink("/dev/zero", os.path.join(corpus, "device.txt"))
    cases["a link to a device"] = "device.txt"
    os.makedirs(os.path.join(corpus, "sub"))
    os.symlink("..", os.path.join(corpus, "sub", "up"))
    cases["a link loop"] = "sub/up"
    os.symlink("self-b.txt", os.path.join(corpus, "self-a.txt"))
    os.symlink("self-a.txt", os.path.join(corpus, "self-b.txt"))
    cases["two links to each other"] = "self-a.txt"
    cases["two links to each other (the other)"] = "self-b.txt"
    os.symlink(os.path.join(outside, "secret.txt"), os.path.join(corpus, "leak.txt"))
    cases["a link out of the corpus"] = "leak.txt"
    os.symlink(os.path.join(outside, "nothing-here.txt"), os.path.join(corpus, "dangling.txt"))
    cases["a dangling link"] = "dangling.txt"
    write(os.fsencode(os.path.join(corpus, "bad-name-")) + b"\xff\xfe.txt", "Tekst over België.\n")
    cases["a file name that is not UTF-8"] = "bad-name-"
    # A file deeper than PATH_MAX (4096 bytes), made one directory at a time.
    here = os.getcwd()
    os.chdir(corpus)
    for _ in range(22):
        os.mkdir("d" * 200)
        os.chdir("d" * 200)
    write(os.path.join(os.getcwd() if len(os.getcwd()) < 4000 else ".", "deep.txt"), "Diep in de boom, over China.\n")
    os.chdir(here)
    # The walk cannot even list the deepest directory: that directory is what fails.
    cases["a path longer than PATH_MAX"] = "d" * 200
    # Bad content.
    write(os.path.join(corpus, "empty.xml"), b"")
    cases["an empty XML file"] = "empty.xml"
    write(os.path.join(corpus, "empty.txt"), b"")
    cases["an empty text file"] = "empty.txt"
    write(os.path.join(corpus, "malformed.xml"), "<doc><p>Open en nooit dicht</doc>\n<tweede/>")
    cases["malformed XML"] = "malformed.xml"
    laughs = '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "lollollollollollollollollollol">' + "".join(
        f'<!ENTITY {chr(98 + k)} "' + f"&{chr(97 + k)};" * 10 + '">' for k in range(9)) + "]><l>&j;</l>"
    write(os.path.join(corpus, "laughs.xml"), laughs)
    cases["an entity bomb"] = "laughs.xml"
    write(os.path.join(corpus, "external.xml"),
          f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file://{outside}/secret.txt">]><d>&x;</d>')
    cases["an external entity"] = "external.xml"
    write(os.path.join(corpus, "network.xml"),
          '<?xml version="1.0"?><!DOCTYPE d SYSTEM "http://127.0.0.1:9/evil.dtd"><d>&x;</d>')
    cases["a DTD on the network"] = "network.xml"
    write(os.path.join(corpus, "latin1.txt"), "Caf\xe9 in Br\xfcssel.\n".encode("latin-1"))
    cases["invalid UTF-8"] = "latin1.txt"
    write(os.path.join(corpus, "binary.txt"), bytes(range(256)) * 64)
    cases["a binary file"] = "binary.txt"
    write(os.path.join(corpus, "too-large.txt"), ("Een regel over Nederland. " * 1000 + "\n") * 120)
    cases["a file over --max-document-size"] = "too-large.txt"
    # Names that must go through, not fail (resume and the graph keep them exactly).
    write(os.path.join(corpus, "tab\tand\nline.txt"), "Een document met een rare naam over China.\n")
    return seeds, cases, listener


def quads_of(path, graphs=None):
    lines = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            graph = line.rstrip(" .\n").rsplit(" ", 1)[-1]
            if graphs is None or graph in graphs:
                lines.add(line)
    return lines


def graph_names(path):
    names = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            names.add(line.rstrip(" .\n").rsplit(" ", 1)[-1])
    return names


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = os.path.join(tmp, "corpus")
        second = os.path.join(tmp, "second", "corpus")
        outside = os.path.join(tmp, "outside")
        temporary = os.path.join(tmp, "tmpdir")
        for d in (corpus, second, outside, temporary):
            os.makedirs(d)
        seeds, cases, listener = build(corpus, outside)
        # The same id from two inputs: the second must fail, not merge.
        shutil.copy(os.path.join(corpus, seeds[0]), os.path.join(second, seeds[0]))
        cases["a duplicate id from a second input"] = seeds[0]

        clean = os.path.join(tmp, "clean.nq")
        seed_dir = os.path.join(tmp, "seeds", "corpus")
        os.makedirs(seed_dir)
        for seed in seeds:
            shutil.copy(os.path.join(corpus, seed), seed_dir)
        subprocess.run([binary, "run", seed_dir, "-o", clean, "--quiet"], check=True, timeout=300)

        output = os.path.join(tmp, "out", "graph.nq")
        os.makedirs(os.path.dirname(output))
        report = os.path.join(tmp, "report.json")
        env = dict(os.environ, TMPDIR=temporary)
        try:
            run = subprocess.run([binary, "run", corpus, second, "-o", output, "--report", report,
                                  "--max-document-size", "1000000", "--jobs", "2"],
                                 cwd=tmp, env=env, capture_output=True, timeout=300)
        except subprocess.TimeoutExpired:
            check("the run ends (nothing hangs it)", False, "still running after 300 s")
            sys.exit(1)
        listener.close()
        stderr = run.stderr.decode("utf-8", "replace")
        errors = [line for line in stderr.splitlines() if line.startswith("textgraph: error: ")]
        check("the run exits 2", run.returncode == 2, f"exit {run.returncode}: {stderr[-500:]}")
        with open(report, encoding="utf-8") as f:
            failures = json.load(f)["failures"]
        for case, needle in cases.items():
            if needle is None:
                print(f"skipped: {case}: this file system cannot hold it")
                continue
            line = [e for e in errors if needle in e]
            entry = [f for f in failures if needle in f["document"]]
            reasons = "; ".join(e[len("textgraph: error: "):] for e in line)
            check(f"{case} is reported with its reason: {reasons[:160]}", len(line) >= 1 and len(entry) >= 1 and all(f["reason"] for f in entry),
                  f"stderr lines {len(line)}, report entries {len(entry)}")
        check("two links to each other are called a loop, not dangling",
              any("self-a.txt" in e and "a loop of symbolic links" in e for e in errors), "\n".join(errors))
        reported = len(errors)
        expected = sum(1 for n in cases.values() if n is not None)
        check(f"no other input failed ({reported} errors for {expected} hostile cases)", reported == expected, "\n".join(errors))
        check("every problem is one line of standard error", all(l.startswith("textgraph: ") for l in stderr.splitlines() if l.strip()))

        seed_graphs = {g for g in graph_names(clean) if "entities" not in g}
        check("the seeds' graphs are written whole (same quads as a clean run of the seeds)",
              quads_of(output, seed_graphs) == quads_of(clean, seed_graphs) and len(seed_graphs) == len(seeds))
        with open(output, encoding="utf-8", errors="replace") as f:
            text = f.read()
        check("nothing from outside the corpus is published", SECRET not in text)
        check("the file with a tab and a line break in its name goes through", "tab%09and%0Aline" in text)
        check("no temporary file is left in $TMPDIR", os.listdir(temporary) == [])
        check("only the graph is left beside the output", os.listdir(os.path.dirname(output)) == ["graph.nq"])

        # With --follow-symlinks: loops are refused (device and inode), a device is still no file.
        followed = os.path.join(tmp, "followed.nq")
        try:
            run = subprocess.run([binary, "run", corpus, "-o", followed, "--follow-symlinks", "--max-document-size", "1000000"],
                                 cwd=tmp, env=env, capture_output=True, timeout=300)
            ferr = run.stderr.decode("utf-8", "replace")
            check("with --follow-symlinks the run ends and exits 2", run.returncode == 2, f"exit {run.returncode}")
            check("with --follow-symlinks the loop sub/up is refused as a loop",
                  any("sub/up" in l and "loop" in l for l in ferr.splitlines()), ferr)
            check("with --follow-symlinks two links to each other are refused",
                  any("self-a.txt" in l for l in ferr.splitlines()) and any("self-b.txt" in l for l in ferr.splitlines()), ferr)
            check("with --follow-symlinks a link to a device is refused as no regular file",
                  any("device.txt" in l and "regular file" in l for l in ferr.splitlines()), ferr)
            check("with --follow-symlinks every seed is read once", all(
                sum(1 for g in graph_names(followed) if g.endswith(seed.replace(" ", "%20") + ">")) == 1 for seed in seeds))
        except subprocess.TimeoutExpired:
            check("with --follow-symlinks the run ends (no loop is walked)", False, "still running after 300 s")

        # A directory the run may not list: as root, run as nobody (root may list everything).
        unreadable = tempfile.mkdtemp()
        try:
            os.chmod(unreadable, 0o755)
            plain = os.path.join(unreadable, "corpus")
            os.makedirs(os.path.join(plain, "closed"))
            for seed in seeds:
                shutil.copy(os.path.join(corpus, seed), plain)
            write(os.path.join(plain, "closed", "hidden.txt"), "Niet te lezen.\n")
            os.chmod(os.path.join(plain, "closed"), 0)
            os.chmod(plain, 0o755)
            out_dir = os.path.join(unreadable, "out")
            os.makedirs(out_dir)
            os.chmod(out_dir, 0o777)
            prefix = []
            if os.geteuid() == 0:
                prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] if shutil.which("setpriv") else None
            if prefix is None:
                print("skipped: an unreadable directory: running as root without setpriv")
            else:
                run = subprocess.run(prefix + [binary, "run", plain, "-o", os.path.join(out_dir, "g.nq")],
                                     capture_output=True, timeout=120)
                uerr = run.stderr.decode("utf-8", "replace")
                check("a directory that cannot be listed is reported with its reason, the rest is written (exit 2)",
                      run.returncode == 2 and any("closed" in l and "Permission denied" in l for l in uerr.splitlines())
                      and os.path.exists(os.path.join(out_dir, "g.nq")), f"exit {run.returncode}: {uerr[-400:]}")
        finally:
            os.chmod(os.path.join(unreadable, "corpus", "closed"), 0o755)
            shutil.rmtree(unreadable)

        # JSON lines: paths are refused without --root, and confined to it with one.
        lines = "\n".join(json.dumps(x) for x in [
            {"id": "ok", "text": "Een vraag over China."},
            {"id": "abs", "path": os.path.join(outside, "secret.txt")},
            {"id": "rel", "path": "../outside/secret.txt"},
            {"id": "ok", "text": "Hetzelfde id nog eens."},
        ]) + "\n{not json\n"
        piped = subprocess.run([binary, "pipe", "--root", corpus, "--quiet"], input=lines.encode(), env=env,
                               capture_output=True, timeout=120)
        out = piped.stdout.decode("utf-8", "replace")
        perr = piped.stderr.decode("utf-8", "replace")
        check("pipe exits 2", piped.returncode == 2, f"exit {piped.returncode}")
        check("pipe publishes nothing from outside --root", SECRET not in out)
        check("pipe reports the absolute path, the path out of the root, the duplicate id and the bad line",
              len([l for l in perr.splitlines() if "error:" in l]) == 4, perr)
        check("pipe leaves no temporary file in $TMPDIR", os.listdir(temporary) == [])
    passed = sum(results)
    print(f"hostile corpus checks: {passed} passed, {len(results) - passed} failed")
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
