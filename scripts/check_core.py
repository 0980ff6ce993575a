#!/usr/bin/env python3
"""The core stays domain-free: Sources/Pipeline imports no module of the project and names no
parliamentary, gold, RDF-serialization or language-specific type.

    python3 scripts/check_core.py [--core Sources/Pipeline]

Two checks over the core's Swift files, with comments and documentation left out (they may
mention the stages that use the core; the code may not):

1. imports: only the standard library's modules (Synchronization, Foundation, the C library)
   may be imported; no target of this package (Stages and its role modules, Render, CLibXML2, PipelineTesting,
   TextGraphCommands, CMallocTuning) and no other package.
2. names: no identifier or string literal from the deny-list below: the parliamentary domain
   (questions, answers, ministers, the Kamer), evaluation gold, the RDF serialization (triples,
   terms, quads, Turtle, sinks, vocabularies, namespaces), and language-specific defaults (a
   language tag such as "nl", Dutch word lists).

Prints one line per problem (file:line: what and why) and a summary; exits 1 on any problem.
"""
import argparse
import pathlib
import re
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from checks import swift_code_lines  # noqa: E402

ALLOWED_IMPORTS = {"Swift", "Synchronization", "Foundation", "FoundationEssentials", "Glibc", "Darwin", "Musl",
                   "Dispatch", "_Concurrency"}

# Whole identifiers, or the start of a camel-case identifier (e.g. "Question" also catches
# "QuestionNumber", "Questions"); matched case-sensitively against code only.
DENIED_NAMES = {
    "parliament": ["Question", "Answer", "Utterance", "Speaker", "Asker", "Minister", "Kamer", "Parliament",
                   "Parliamentary", "Party", "Ministry", "Motion", "Kamerstuk", "Aanhangsel", "Structure"],
    "gold and evaluation": ["Gold", "Evaluation", "Score", "CoNLL"],
    "RDF serialization": ["Triple", "Quad", "NQuads", "NTriples", "Turtle", "RDF", "Term", "GraphFragment",
                          "GraphSink", "GraphStatement", "Vocabulary", "Namespace", "Prefix", "NIF", "SPARQL",
                          "schema", "owl", "rdfs", "xsd", "skos", "dcterms"],
    "a language": ["Dutch", "Nederlands", "English", "Stopword", "Abbreviation"],
    "readers and formats": ["TEI", "XML", "libxml", "Gazetteer"],
}

# String literals that tie the core to one language or vocabulary.
DENIED_STRINGS = [
    (re.compile(r'^"[a-z]{2}(-[A-Za-z]{2})?"$'), "a language tag"),
    # Document IRIs (w3id.org/textgraph/doc/) are the core's own: a document is named by it.
    (re.compile(r'https?://(schema\.org|www\.w3\.org|purl\.org|persistence\.uni-leipzig|w3id\.org/textgraph/(ns|graph)|lexvo)'),
     "a vocabulary's namespace"),
]

IMPORT = re.compile(r"^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:public\s+|package\s+|internal\s+|private\s+|fileprivate\s+)?"
                    r"import\s+(?:(?:struct|class|enum|protocol|func|var|let|typealias)\s+)?([A-Za-z_][\w.]*)")
STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"')
IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def denied_identifier(identifier: str) -> tuple[str, str] | None:
    for reason, names in DENIED_NAMES.items():
        for name in names:
            if identifier == name:
                return name, reason
            # A camel-case part: at the start followed by an upper-case letter or "s", or after
            # a lower-case letter when the name starts upper-case (e.g. "isQuestion").
            for match in re.finditer(re.escape(name), identifier):
                start, end = match.span()
                before_ok = start == 0 or (name[0].isupper() and identifier[start - 1].islower()) or identifier[start - 1] == "_"
                after = identifier[end:end + 1]
                after_ok = after == "" or after.isupper() or after == "_" or (after == "s" and identifier[end + 1:end + 2] in ("", "_") or (after == "s" and identifier[end + 1:end + 2].isupper()))
                if before_ok and after_ok:
                    return name, reason
    return None


def check(core: pathlib.Path) -> list[str]:
    problems = []
    files = sorted(core.rglob("*.swift"))
    if not files:
        return [f"{core}: no Swift files (wrong --core?)"]
    for path in files:
        for number, line in enumerate(swift_code_lines(path.read_text(encoding="utf-8"), keep_strings=True), start=1):
            where = f"{path}:{number}"
            imported = IMPORT.match(line)
            if imported:
                module = imported.group(1).split(".")[0]
                if module not in ALLOWED_IMPORTS:
                    problems.append(f"{where}: imports {module}; the core may import only the standard library's modules")
                continue
            for literal in STRING.findall(line):
                for pattern, reason in DENIED_STRINGS:
                    if pattern.search(literal):
                        problems.append(f"{where}: the string {literal} is {reason}, which belongs to a stage module")
            code = STRING.sub('""', line)
            for identifier in IDENTIFIER.findall(code):
                denied = denied_identifier(identifier)
                if denied:
                    name, reason = denied
                    problems.append(f"{where}: '{identifier}' names {reason} ('{name}'), which belongs to a stage module")
    return problems


def self_test() -> list[str]:
    """The check itself catches what it is for: a planted file with an import of Stages, a
    parliamentary type, an RDF type and a language default gives a problem for each, and its
    comments give none."""
    import tempfile
    planted = (
        'import Stages\n'
        '/// Mentions Question, Triple and "nl" in documentation only.\n'
        'public struct QuestionNumber { var triples: [Triple] = []; var language = "nl" }\n'
        'let ok = "w3id.org/textgraph/doc/"  // Turtle in a comment\n'
    )
    with tempfile.TemporaryDirectory() as folder:
        (pathlib.Path(folder) / "Planted.swift").write_text(planted)
        found = check(pathlib.Path(folder))
    expected = ["imports Stages", "'QuestionNumber'", "'Triple'", '"nl" is a language tag']
    missing = [e for e in expected if not any(e in problem for problem in found)]
    extra = [problem for problem in found if ":2:" in problem or ":4:" in problem]
    return [f"self-test: the planted file's {m} was not reported" for m in missing] + \
        [f"self-test: reported a comment or an allowed string: {e}" for e in extra]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--core", default=str(pathlib.Path(__file__).resolve().parent.parent / "Sources" / "Pipeline"))
    args = parser.parse_args()
    core = pathlib.Path(args.core)
    problems = self_test() + check(core)
    for problem in problems:
        print(f"core check: {problem}", file=sys.stderr)
    files = len(list(core.rglob("*.swift")))
    if problems:
        print(f"core checks: 0 passed, 1 failed: {len(problems)} problem(s) in {files} files of {core}")
        return 1
    print(f"core checks: 3 passed, 0 failed (the self-test, the imports and the deny-list over {files} files of {core})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
