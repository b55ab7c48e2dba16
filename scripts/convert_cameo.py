#!/usr/bin/env python3
"""Convert the PETRARCH2 CAMEO verb dictionary into ``kg/data/cameo/verbs.jsonl``.

    .venv/bin/python scripts/convert_cameo.py [SOURCE_DIR] [--out DIR] [--report]

SOURCE_DIR holds ``CAMEO.2.0.txt`` of openeventdata/petrarch2 ``petrarch2/data/dictionaries/``
(default ``../shared/resources/petrarch2`` next to the repository). Standard library only; the output
is byte-identical on every run. What is kept, and how ``kg.extract.cameo`` reads it, is in the
``README.md`` this script writes beside the data.

The dictionary (documented in the repository's ``docs/source/dictionaries.rst``) holds synonym sets
(``&NAME`` then ``+WORD`` lines), then verb blocks: a ``--- NAME [CODE] ---`` header, the block's verbs
(``WORD {IRREGULAR FORMS} [CODE]``; ``+CORDON_OFF``, ``WIRE_+TAP`` for verbs of several words), and
patterns ``- SUBJECT-SIDE WORDS * OBJECT-SIDE WORDS (PREP WORDS) [CODE]``. Words in braces are one
noun phrase (head last); ``&NAME`` stands for any member of a synonym set; ``$``, ``+``, ``^`` and ``%``
mark where the source, the target, an actor that is neither, and both are; ``[A:B]`` codes a pair of
events, A from the source to the target and B back; ``[---]`` says the words are no event. The
``~`` verb transformations of PETRARCH's clause combination are not converted (the extractor reads the
modality of governing clauses itself).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ONTOLOGY = REPO / "ontology" / "geokg.ttl"
DEFAULT_SOURCE = REPO.parent / "shared" / "resources" / "petrarch2"
DEFAULT_OUT = REPO / "kg" / "data" / "cameo"
DICTIONARY = "CAMEO.2.0.txt"
SOURCE_REPO = "openeventdata/petrarch2"
SOURCE_COMMIT = "676801cd9cb2924bbbad09f86d15c9323e7097bf"
SOURCE_PATH = "petrarch2/data/dictionaries/CAMEO.2.0.txt"
MARKERS = {"$": "source", "+": "target", "^": "other", "%": "both"}
CODE = re.compile(r"^\d{2,4}$")


@dataclass
class Block:
    name: str
    code: str | None
    back: str | None
    verbs: list[dict[str, object]] = field(default_factory=list)
    patterns: list[dict[str, object]] = field(default_factory=list)


@dataclass
class Report:
    counts: Counter[str] = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)


def scheme_codes() -> frozenset[str]:
    """The notations of the ontology's CAMEO scheme (CAMEO 1.1b3), read from ``ontology/geokg.ttl``."""
    return frozenset(re.findall(r'skos:notation "(\d+)"', ONTOLOGY.read_text(encoding="utf-8")))


def _in_scheme(code: str, report: Report, line_no: int) -> str:
    """A code of the scheme: one the scheme lacks ("1213", an ICEWS extension) becomes its parent."""
    codes = scheme_codes()
    original = code
    while code not in codes and len(code) > 2:
        code = code[:-1]
    if code != original:
        report.notes.append(f"line {line_no}: code {original!r} is not in CAMEO 1.1b3: read as {code!r}")
    return code


def _code(raw: str, report: Report, line_no: int) -> tuple[str | None, str | None]:
    """``[042:043]`` -> ("042", "043"); ``[:173]`` -> (None, "173"); ``[---]`` -> (None, None)."""
    first, _, second = raw.strip("[]").partition(":")
    codes: list[str | None] = []
    for part in (first, second):
        part = part.strip()
        if part.endswith("!") and CODE.match(part[:-1]):  # "[080!]": a stray mark after a code
            report.notes.append(f"line {line_no}: code {part!r} read as {part[:-1]!r}")
            part = part[:-1]
        if part and part != "---" and not CODE.match(part):
            report.notes.append(f"line {line_no}: code {part!r} is not a CAMEO code: no event")
            part = ""
        codes.append(_in_scheme(part, report, line_no) if part and part != "---" else None)
    return codes[0], codes[1]


def _words(text: str) -> list[str]:
    """A phrase as lower-case words: ``FINANCIAL_AID`` -> ["financial", "aid"]; ``&FOOD`` stays a
    set reference; a trailing ``_`` (no plural) is dropped."""
    return [w if w.startswith("&") else w.lower() for w in text.replace("_", " ").split()]


def _tokens(text: str) -> list[str]:
    """Pattern text as tokens, a brace or parenthesis group being one token."""
    tokens: list[str] = []
    depth = 0
    current = ""
    for char in text:
        if char in "({":
            depth += 1
        elif char in ")}":
            depth -= 1
        if char.isspace() and depth == 0:
            if current:
                tokens.append(current)
            current = ""
        else:
            current += char
    if current:
        tokens.append(current)
    return tokens


def _side(text: str) -> tuple[list[list[str]], list[dict[str, object]], dict[str, str]]:
    """The noun phrases, prepositional phrases and actor markers of one side of a pattern."""
    nouns: list[list[str]] = []
    preps: list[dict[str, object]] = []
    markers: dict[str, str] = {}
    for token in _tokens(text):
        if token in MARKERS:
            markers[MARKERS[token]] = "object"
        elif token.startswith("("):
            inner = _tokens(token[1:-1])
            prep = inner[0].lower()
            objects: list[list[str]] = []
            for part in inner[1:]:
                if part in MARKERS:
                    markers[MARKERS[part]] = prep
                else:
                    objects.append(_words(part.strip("{}")))
            preps.append({"prep": prep, "objects": objects} if objects else {"prep": prep})
        else:
            nouns.append(_words(token.strip("{}")))
    return nouns, preps, markers


def _verb(line: str, block: Block, report: Report, line_no: int) -> None:
    """A verb line: its base form, irregular forms and the words before or after it."""
    text = line.split("#")[0]
    code_match = re.search(r"\[[^\]]*\]", text)
    if code_match:
        code, back = _code(code_match.group(0), report, line_no)
        text = text[:code_match.start()]
    else:
        code, back = block.code, block.back
    forms_match = re.search(r"\{([^}]*)\}", text)
    forms = forms_match.group(1).split() if forms_match else []
    base = text[:forms_match.start()] if forms_match else text
    base = base.strip()
    if not base:
        return

    def parts(word: str) -> tuple[list[str], str, list[str]]:
        if "_" not in word:
            return [], word.lstrip("+").lower(), []
        words = word.split("_")
        head = next((i for i, w in enumerate(words) if w.startswith("+")), 0)
        return ([w.lower() for w in words[:head] if w], words[head].lstrip("+").lower(),
                [w.lower() for w in words[head + 1:] if w])

    before, lemma, after = parts(base)
    inflected = sorted({parts(form)[1] for form in forms} - {lemma})
    block.verbs.append(_filled(lemma=lemma, forms=inflected, before=before, after=after)
                       | {"code": code} | _filled(back=back))
    report.counts["verbs"] += 1


def _filled(**fields: object) -> dict[str, object]:
    """The fields that hold something, in order: the data leaves empty ones out."""
    return {name: value for name, value in fields.items() if value}


def _pattern(line: str, block: Block, report: Report, line_no: int) -> None:
    text = line[1:].split("#")[0]
    code_match = re.search(r"\[[^\]]*\]\s*$", text.strip())
    if code_match is None or "*" not in text:
        report.notes.append(f"line {line_no}: pattern without a code or '*': skipped")
        return
    code, back = _code(code_match.group(0), report, line_no)
    body = text.strip()[:code_match.start()]
    before, _, after = body.partition("*")
    subject, subject_preps, subject_markers = _side(before)
    objects, preps, markers = _side(after)
    where = {**{k: "subject" for k in subject_markers}, **markers}
    block.patterns.append(
        _filled(subject=subject, subject_preps=subject_preps, objects=objects, preps=preps,
                actors=dict(sorted(where.items())))
        | {"code": code} | _filled(back=back) | {"line": line_no})
    report.counts["patterns"] += 1


def convert(source: Path) -> tuple[dict[str, list[list[str]]], list[Block], Report]:
    """Synonym sets and verb blocks of the dictionary, in file order."""
    report = Report()
    synsets: dict[str, list[list[str]]] = {}
    blocks: list[Block] = []
    current_set: str | None = None
    in_patterns = False
    lines = source.read_text(encoding="latin-1").splitlines()
    for line_no, line in enumerate(lines, 1):
        stripped = line.strip()
        if stripped.startswith("####### VERB PATTERNS"):
            in_patterns = True
            continue
        if not stripped or stripped.startswith("#"):
            continue
        if not in_patterns:
            if stripped.startswith("&"):
                current_set = stripped.split("#")[0].strip()
                synsets[current_set] = []
            elif stripped.startswith("+") and current_set is not None:
                member = _words(stripped[1:].split("#")[0].strip())
                if member:
                    synsets[current_set].append(member)
            continue
        if stripped.startswith("~"):
            report.counts["transformations (not converted)"] += 1
        elif stripped.startswith("---"):
            name = stripped.strip("- ").split("[")[0].strip()
            header_code = re.search(r"\[[^\]]*\]", stripped)
            code, back = _code(header_code.group(0), report, line_no) if header_code else (None, None)
            blocks.append(Block(name, code, back))
            report.counts["blocks"] += 1
        elif stripped.startswith("-"):
            if blocks:
                _pattern(stripped, blocks[-1], report, line_no)
        elif blocks:
            _verb(stripped, blocks[-1], report, line_no)
    used = {w for b in blocks for p in b.patterns for w in json.dumps(p).split('"') if w.startswith("&")}
    undefined = sorted(used - set(synsets))
    if undefined:
        report.notes.append(f"synonym sets used but not defined (their patterns never match): {undefined}")
    report.counts["synonym sets"] = len(synsets)
    report.counts["synonym set members"] = sum(len(v) for v in synsets.values())
    return synsets, blocks, report


README = """# The CAMEO verb dictionary

`verbs.jsonl` is converted from `CAMEO.2.0.txt` of the repository `{repo}`, commit `{commit}`,
`{path}` (MIT licence, Copyright (c) 2015 Open Event Data Alliance; see `LICENSE`). Regenerate with

    .venv/bin/python scripts/convert_cameo.py [SOURCE_DIR] [--out DIR] [--report]

(default source `../shared/resources/petrarch2`). The output is byte-identical on every run;
`tests/test_cameo_dictionary.py` checks the file and, when the source is there, that the script
reproduces it. `kg.extract.cameo` matches it on the dependency parse.

## `verbs.jsonl`
The first line holds the synonym sets: `{{"synsets": {{"&NAME": [[word, ...], ...]}}}}` ({members} members of
{sets} sets), each member a phrase of lower-case words, head last. Then one verb block a line, in the
dictionary's order ({blocks} blocks, {verbs} verbs, {patterns} patterns):

- `block`, and the block's own `code` and `back` (null: the verb alone is no event);
- `verbs`: `lemma`, irregular `forms`, the words `before` or `after` a verb of several words
  ("cordon off": after `off`), and its `code`/`back` (the verb's own, else the block's);
- `patterns`, in file order: `subject` (noun phrases on the subject side), `subject_preps`, `objects`
  (noun phrases, particles and complements on the object side), `preps` (a preposition and the noun
  phrases of its object, if any), `actors` (where the pattern puts the `source`, `target`, `other` or
  `both` actor: `subject`, `object` or a preposition), `code`, `back` and the source `line`.

A noun phrase is a list of words; `&NAME` stands for any member of a synonym set. `code` is the act
of the source toward the target, `back` the act of the target toward the source of a paired code
(`[042:043]`: a visit, and hosting it); null codes (`[---]`) mark words that are no event.

## Decisions
- Codes are those of the ontology's CAMEO 1.1b3 scheme: a code the scheme lacks becomes its nearest
  parent ({outside}), and `080!` is read as `080`.
- Plurals are not generated: the matcher compares a word with a token's form and its lemma.
- The {transformations} `~` transformations (PETRARCH's rewriting of "A said A will attack B") are not
  converted: the extractor reads reported speech and the modality of governing clauses itself.
- Synonym sets used but never defined match nothing: {undefined}.
"""


def write(out: Path, synsets: dict[str, list[list[str]]], blocks: list[Block], report: Report,
          licence: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "LICENSE").write_bytes(licence.read_bytes())
    outside = sorted({n.split("'")[1] + " -> " + n.split("'")[3] for n in report.notes if "not in CAMEO" in n})
    undefined = next((n.split(": ", 1)[1] for n in report.notes if n.startswith("synonym sets used")), "none")
    counts = report.counts
    (out / "README.md").write_text(README.format(
        repo=SOURCE_REPO, commit=SOURCE_COMMIT, path=SOURCE_PATH, members=counts["synonym set members"],
        sets=counts["synonym sets"], blocks=counts["blocks"], verbs=counts["verbs"], patterns=counts["patterns"],
        outside=", ".join(outside) or "none", transformations=counts["transformations (not converted)"],
        undefined=undefined), encoding="utf-8")
    lines = [json.dumps({"synsets": synsets}, ensure_ascii=False, sort_keys=True)]
    for block in blocks:
        lines.append(json.dumps({"block": block.name, "code": block.code, "back": block.back, "verbs": block.verbs,
                                 "patterns": block.patterns}, ensure_ascii=False))
    (out / "verbs.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", nargs="?", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--report", action="store_true", help="print counts and decisions on stderr")
    args = parser.parse_args(argv)
    path = args.source / DICTIONARY
    if not path.is_file():
        raise SystemExit(f"no {DICTIONARY} in {args.source}")
    synsets, blocks, report = convert(path)
    write(args.out, synsets, blocks, report, args.source / "LICENSE")
    if args.report:
        for name, count in sorted(report.counts.items()):
            print(f"{count:8d} {name}", file=sys.stderr)
        for note in report.notes:
            print(note, file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
