#!/usr/bin/env python3
"""Checks that the modules of the built-in stages form layers: each role depends only on the
core, on libxml2 and on the roles below it, and `Stages` (the standard pipeline) on all of them.

    python3 scripts/check_layers.py

The roles, from the bottom (README, "Products"): support, input, segmentation, entities,
relations, parliament, output, evaluation; `Stages` sits on top and re-exports them. Each is a
module of its own in a folder of Sources/Stages, so the compiler already refuses a use of a role
that a module does not depend on, and SwiftPM refuses a cycle. What neither refuses is a
dependency that points the wrong way in an order without a cycle (input on entities, say): this
check reads the targets from `swift package dump-package` and refuses that, and a target of the
folder that is no role here. It exits 1 on a violation, naming the target and the dependency.
"""

import json
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent

# Bottom to top, each with its folder under Sources/Stages.
ROLES = [
    ("TextGraphSupport", "Support"),
    ("TextGraphInput", "Input"),
    ("TextGraphSegmentation", "Segmentation"),
    ("TextGraphEntities", "Entities"),
    ("TextGraphRelations", "Relations"),
    ("TextGraphParliament", "Parliament"),
    ("TextGraphOutput", "Output"),
    ("TextGraphEvaluation", "Evaluation"),
]
TOP = "Stages"
BELOW_EVERY_ROLE = {"Pipeline", "CLibXML2"}


def dependencies(target):
    """The names of the targets and products a target of dump-package's JSON depends on."""
    names = []
    for dependency in target.get("dependencies", []):
        for kind in ("byName", "target", "product"):
            if kind in dependency:
                names.append(dependency[kind][0])
    return names


def violations(targets):
    """(target, problem) for each dependency upwards, each role in the wrong folder, each missing role."""
    found = []
    by_name = {target["name"]: target for target in targets}
    rank = {name: index for index, (name, _) in enumerate(ROLES)}
    for index, (name, folder) in enumerate(ROLES):
        target = by_name.get(name)
        if target is None:
            found.append((name, "is no target of Package.swift"))
            continue
        if target.get("path") != f"Sources/Stages/{folder}":
            found.append((name, f"lives in {target.get('path')}, not Sources/Stages/{folder}"))
        for dependency in dependencies(target):
            if dependency in BELOW_EVERY_ROLE:
                continue
            if dependency not in rank or rank[dependency] >= index:
                found.append((name, f"depends on {dependency}, which is not a role below it"))
    top = by_name.get(TOP)
    if top is None:
        found.append((TOP, "is no target of Package.swift"))
    else:
        missing = {name for name, _ in ROLES if name != "TextGraphEvaluation"} - set(dependencies(top))
        found.extend((TOP, f"does not depend on {name}, so it cannot re-export it") for name in sorted(missing))
    return found


def self_test():
    """The check passes the layered order and finds an upward dependency, on made-up targets."""
    targets = [
        {"name": name, "path": f"Sources/Stages/{folder}",
         "dependencies": [{"byName": [lower, None]} for lower, _ in ROLES[:index]]}
        for index, (name, folder) in enumerate(ROLES)
    ]
    targets.append({"name": TOP, "dependencies": [{"byName": [name, None]} for name, _ in ROLES]})
    if violations(targets):
        return False
    targets[1]["dependencies"].append({"target": ["TextGraphEntities", None]})
    return violations(targets) == [("TextGraphInput", "depends on TextGraphEntities, which is not a role below it")]


def main():
    if not self_test():
        print("layer checks: 0 passed, 1 failed: the check's self-test", file=sys.stderr)
        return 1
    dump = subprocess.run(["swift", "package", "dump-package"], cwd=ROOT, capture_output=True, text=True, check=True)
    found = violations(json.loads(dump.stdout)["targets"])
    for name, problem in found:
        print(f"Package.swift: {name} {problem}", file=sys.stderr)
    if found:
        print(f"layer checks: 1 passed, 1 failed ({len(found)} problems)", file=sys.stderr)
        return 1
    print(f"layer checks: 2 passed, 0 failed (the self-test; {len(ROLES)} role modules of Sources/Stages "
          f"depend only on roles below them, and {TOP} on every role)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
