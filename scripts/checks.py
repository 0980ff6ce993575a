"""Shared by the check scripts: numbered pass/fail lines and the closing summary CI reads."""
import sys


class Checks:
    """Prints `ok: …` for each check that holds; on the first that does not, prints `FAIL: …`,
    the closing line `NAME: N passed, 1 failed`, and exits 1."""

    def __init__(self, name):
        self.name = name
        self.passed = 0

    def check(self, condition, message):
        if not condition:
            print(f"FAIL: {message}", file=sys.stderr)
            print(f"{self.name}: {self.passed} passed, 1 failed")
            sys.exit(1)
        self.passed += 1
        print(f"ok: {message}")

    def done(self):
        print(f"{self.name}: {self.passed} passed, 0 failed")
