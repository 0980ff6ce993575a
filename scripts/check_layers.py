#!/usr/bin/env python3
"""Checks that the folders of Sources/Stages form layers: a file uses only the types of its own
role and of the roles below it, never of a role above.

    python3 scripts/check_layers.py

The roles, from the bottom (README, "Products"): support, input, text, entities, relations,
parliament, output, evaluation, and the standard pipeline at the top. They are the modules that
`Stages` is to be split into (#14, step 3; evaluation is already the module TextGraphEvaluation):
while they share one module the compiler lets any file use any other, so this check keeps the
layering that the split needs.

What it reads: the types each file declares at its top level (struct, enum, class, protocol,
actor, typealias), and the capitalized names each file uses outside comments and string
literals. A name that a role above declares is a violation. Members added by extensions and free
functions are not followed. It exits 1 on a violation, with the file, the name and both roles.
"""

import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
STAGES = ROOT / "Sources" / "Stages"

# Bottom to top; each folder of Sources/Stages belongs to one role, files at the top to the last.
ROLES = [
    ("support", ["Support"]),
    ("input", ["Input", "Readers", "XML"]),
    ("text", ["Segmentation"]),
    ("entities", ["Entities"]),
    ("relations", ["Relations"]),
    ("parliament", ["Structure"]),
    ("output", ["Graph", "RDF"]),
    ("evaluation", ["Evaluation"]),
    ("standard pipeline", []),
]
RANK = {name: rank for rank, (name, _) in enumerate(ROLES)}
FOLDER_ROLE = {folder: name for name, folders in ROLES for folder in folders}

DECLARATION = re.compile(
    r"^(?:@\w+(?:\([^)\n]*\))?\s+)*(?:(?:public|package|internal|fileprivate|private|final|indirect)\s+)*"
    r"(?:struct|enum|class|protocol|actor|typealias)\s+([A-Z]\w*)",
    re.M,
)
NAME = re.compile(r"\b[A-Z]\w*\b")


def role_of(path):
    parts = path.relative_to(STAGES).parts
    if len(parts) == 1:
        return ROLES[-1][0]
    if parts[0] not in FOLDER_ROLE:
        sys.exit(f"check_layers: {path.relative_to(ROOT)}: the folder {parts[0]} has no role in ROLES")
    return FOLDER_ROLE[parts[0]]


def code_only(text):
    """The text without comments and string literals (multi-line ones too), lines kept."""
    text = re.sub(r'"""(?:.|\n)*?"""', lambda m: "\n" * m.group(0).count("\n"), text)
    text = re.sub(r"/\*(?:.|\n)*?\*/", lambda m: "\n" * m.group(0).count("\n"), text)
    text = re.sub(r"//[^\n]*", "", text)
    return re.sub(r'"(?:[^"\\\n]|\\.)*"', '""', text)


def violations(files):
    """(file, line, name, its role, the role that declares the name) for each use upwards."""
    declared = {}
    for path, text in files.items():
        for name in DECLARATION.findall(text):
            declared.setdefault(name, role_of(path))
    found = []
    for path, text in files.items():
        role = role_of(path)
        for number, line in enumerate(text.split("\n"), 1):
            for name in set(NAME.findall(line)):
                owner = declared.get(name)
                if owner is not None and RANK[owner] > RANK[role]:
                    found.append((path, number, name, role, owner))
    return found


def self_test():
    """The check finds an upward use and passes a downward one, on made-up files."""
    lower = STAGES / "Support" / "Lower.swift"
    upper = STAGES / "Graph" / "Upper.swift"
    files = {
        lower: code_only('struct Lower {}\n// Upper in a comment\nlet s = "Upper in a string"\nlet u = Upper()\n'),
        upper: code_only("public struct Upper { let lower = Lower() }\n"),
    }
    found = violations(files)
    return [(f.name, n, name) for f, n, name, _, _ in found] == [("Lower.swift", 4, "Upper")]


def main():
    if not self_test():
        print("layer checks: 0 passed, 1 failed: the check's self-test", file=sys.stderr)
        return 1
    files = {path: code_only(path.read_text(encoding="utf-8")) for path in sorted(STAGES.rglob("*.swift"))}
    found = violations(files)
    for path, number, name, role, owner in found:
        print(f"{path.relative_to(ROOT)}:{number}: {role} uses {name}, which {owner} declares (a role above)",
              file=sys.stderr)
    if found:
        print(f"layer checks: 1 passed, 1 failed ({len(found)} uses upwards)", file=sys.stderr)
        return 1
    print(f"layer checks: 2 passed, 0 failed (the self-test; {len(files)} files of Sources/Stages in "
          f"{len(ROLES)} roles, no use upwards)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
