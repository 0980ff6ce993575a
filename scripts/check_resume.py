#!/usr/bin/env python3
"""Kills a run with SIGKILL at a random point, resumes it, and compares with an uninterrupted run.

Builds a corpus of a few hundred documents (copies of corpus/ and, when present, of the
kamervragen texts in ../shared/data), runs `textgraph run --resume` and kills it with SIGKILL
after a random time (twice, at two random points), then runs the same command again until it
completes. Checks that the output file never looks complete while the run is unfinished, and
that the resumed output is byte-identical to an uninterrupted run's, in N-Quads and Turtle.
"""
import argparse
import glob
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

from checks import Checks

HERE = os.path.dirname(os.path.abspath(__file__))
checks = Checks("resume checks")
check = checks.check


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--documents", type=int, default=300)
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    print(f"random seed {seed}")
    sources = sorted(glob.glob(os.path.join(HERE, "..", "corpus", "*.txt")))
    sources += sorted(glob.glob(os.path.join(HERE, "..", "..", "shared", "data", "kamervragen", "**", "*.txt"), recursive=True))
    with tempfile.TemporaryDirectory() as tmp:
        corpus = os.path.join(tmp, "corpus")
        os.makedirs(corpus)
        for i in range(args.documents):
            shutil.copy(sources[i % len(sources)], os.path.join(corpus, f"doc{i:04d}.txt"))
        # One bad document, so that resumed failures are checked too.
        with open(os.path.join(corpus, "doc0007.txt"), "wb") as f:
            f.write(b"kapot \xff\xfe")

        for extension in ("nq", "ttl"):
            reference = os.path.join(tmp, f"reference.{extension}")
            started = time.monotonic()
            result = subprocess.run([args.binary, "run", corpus, "-o", reference, "--quiet", "--jobs", "2"], capture_output=True)
            duration = time.monotonic() - started
            check(result.returncode == 2, f"uninterrupted run ({extension}) exits 2 for the one bad document, in {duration:.2f} s")

            output = os.path.join(tmp, f"resumed.{extension}")
            command = [args.binary, "run", corpus, "-o", output, "--resume", "--quiet", "--jobs", "2"]
            kills = 0
            for _ in range(2):
                process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                time.sleep(rng.uniform(0.1, 0.8) * duration)
                if process.poll() is None:
                    process.send_signal(signal.SIGKILL)
                    process.wait()
                    kills += 1
                    check(not os.path.exists(output), f"after SIGKILL the output {os.path.basename(output)} does not exist (only .partial)")
            check(kills >= 1, f"the run was killed {kills} time(s) before it ended")
            result = subprocess.run(command, capture_output=True, text=True)
            check(result.returncode == 2, f"the resumed run completes and exits 2 for the bad document ({result.stderr.strip()[:120]})")
            with open(reference, "rb") as a, open(output, "rb") as b:
                check(a.read() == b.read(), f"resumed {extension} output is byte-identical to the uninterrupted run")
            leftovers = [name for name in os.listdir(tmp) if name.startswith(f"resumed.{extension}.")]
            check(not leftovers, f"no journal or partial files are left ({leftovers})")

    checks.done()


if __name__ == "__main__":
    main()
