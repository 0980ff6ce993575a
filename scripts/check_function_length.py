#!/usr/bin/env python3
"""No function in Sources/ is longer than 80 lines, except the inner loops named in EXEMPT.

    python3 scripts/check_function_length.py [--limit 80] [--list N]

A function is a `func`, `init`, `deinit`, a `subscript`, or a computed property's or accessor's
body; its length is the lines from its declaration to its closing brace. Braces inside strings,
characters and comments do not count. `--list N` prints the N longest functions (to see what is
close to the limit). Exits 1 when a function that is not exempt is over the limit.
"""
import argparse
import pathlib
import re
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from checks import swift_code_lines  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent

# Inner loops whose split measurably costs speed: "File.swift:name" -> why (with the figure).
EXEMPT: dict[str, str] = {}

DECLARATION = re.compile(r"\b(func\s+([^\s(<]+)|init[?!]?\s*[(<]|deinit\b|subscript\s*[(<])")


def functions(path: pathlib.Path):
    """(name, first line, length) of each function in a file."""
    lines = swift_code_lines(path.read_text(encoding="utf-8"), keep_strings=False)
    found = []
    for number, line in enumerate(lines):
        match = DECLARATION.search(line)
        if not match:
            continue
        name = match.group(2) or match.group(1).split("(")[0].split("<")[0].strip()
        # Find the body's opening brace (the signature may span lines), then its closing brace.
        depth, started, end = 0, False, None
        paren = 0
        for index in range(number, min(len(lines), number + 400)):
            text = lines[index][match.start():] if index == number else lines[index]
            for ch in text:
                if ch in "([":
                    paren += 1
                elif ch in ")]":
                    paren -= 1
                elif ch == "{" and paren == 0:
                    depth, started = depth + 1, True
                elif ch == "{":
                    depth += 1
                elif ch == "}":
                    depth -= 1
                    if started and depth == 0:
                        end = index
                        break
            if end is not None or (not started and index > number and lines[index].strip() == ""):
                break
        if started and end is not None:
            found.append((name, number + 1, end - number + 1))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=80)
    parser.add_argument("--list", type=int, default=0, metavar="N")
    parser.add_argument("--sources", default=str(ROOT / "Sources"))
    args = parser.parse_args()
    everything = []
    for path in sorted(pathlib.Path(args.sources).rglob("*.swift")):
        for name, line, length in functions(path):
            everything.append((length, f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}:{line}", f"{path.name}:{name}"))
    everything.sort(reverse=True)
    for length, where, key in everything[:args.list]:
        print(f"{length:5d}  {where}  {key}")
    over = [(length, where, key) for length, where, key in everything if length > args.limit]
    failing = [item for item in over if item[2] not in EXEMPT]
    for length, where, key in over:
        if key in EXEMPT:
            print(f"function length: {where} {key} is {length} lines, exempt: {EXEMPT[key]}")
        else:
            print(f"function length: {where} {key} is {length} lines, over {args.limit}", file=sys.stderr)
    stale = [key for key in EXEMPT if not any(item[2] == key for item in over)]
    for key in stale:
        print(f"function length: {key} is exempt but no longer over {args.limit} lines: take it off EXEMPT", file=sys.stderr)
    if failing or stale:
        print(f"function length checks: 0 passed, 1 failed ({len(failing)} over {args.limit} lines of {len(everything)} functions)")
        return 1
    print(f"function length checks: 1 passed, 0 failed ({len(everything)} functions in Sources/, none over {args.limit} lines"
          f"{f' but the {len(over)} exempt' if over else ''})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
