"""Shared by the check scripts: numbered pass/fail lines and the closing summary CI reads, and
the reading of Swift sources without their comments."""
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


def swift_code_lines(source: str, keep_strings: bool) -> list[str]:
    """The lines of a Swift source with its comments blanked out (block comments may span lines,
    and nest) and its string literals, single-line and multi-line, kept as they are or, with
    `keep_strings` false, reduced to their quotes (so that braces in them do not count)."""
    lines, depth, in_string, multiline = [], 0, False, False
    for raw in source.split("\n"):
        out, i = [], 0
        while i < len(raw):
            two, ch = raw[i:i + 2], raw[i]
            if depth:
                if two == "/*":
                    depth, i = depth + 1, i + 2
                elif two == "*/":
                    depth, i = depth - 1, i + 2
                else:
                    i += 1
                continue
            if multiline:
                if raw[i:i + 3] == '"""':
                    multiline, i = False, i + 3
                    out.append('"""' if keep_strings else '"')
                else:
                    if keep_strings:
                        out.append(ch)
                    i += 1
                continue
            if in_string:
                if ch == "\\":
                    if keep_strings:
                        out.append(raw[i:i + 2])
                    i += 2
                    continue
                if ch == '"':
                    in_string = False
                    out.append('"')
                elif keep_strings:
                    out.append(ch)
                i += 1
                continue
            if raw[i:i + 3] == '"""':
                multiline, i = True, i + 3
                out.append('"""' if keep_strings else '"')
                continue
            if two == "//":
                break
            if two == "/*":
                depth, i = depth + 1, i + 2
                continue
            in_string = ch == '"'
            out.append(ch)
            i += 1
        in_string = False
        lines.append("".join(out))
    return lines
