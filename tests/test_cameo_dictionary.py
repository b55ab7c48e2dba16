"""The CAMEO verb dictionary: its converted data (``kg/data/cameo/``) and the matcher of
``kg.extract.cameo`` with the events it gives, on sentences written for these tests, with the real model."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from spacy.language import Language

from kg.extract.cameo import cameo_dictionary
from kg.nlp import load_pipeline
from kg.vocab import cameo_codes
from tests.test_events import pairs

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "kg" / "data" / "cameo"
SOURCE = ROOT.parent / "shared" / "resources" / "petrarch2"
SCRIPT = ROOT / "scripts" / "convert_cameo.py"


def _records() -> list[dict[str, object]]:
    return [json.loads(line) for line in (DATA / "verbs.jsonl").read_text(encoding="utf-8").splitlines()]


def test_files_and_licence() -> None:
    assert sorted(p.name for p in DATA.iterdir()) == ["LICENSE", "README.md", "verbs.jsonl"]
    assert "MIT License" in (DATA / "LICENSE").read_text(encoding="utf-8")
    assert "openeventdata/petrarch2" in (DATA / "README.md").read_text(encoding="utf-8")


def test_every_code_of_the_dictionary_is_a_concept_of_the_ontology() -> None:
    codes: set[str] = set()
    for record in _records()[1:]:
        codes.update(c for c in (record["code"], record["back"]) if c)
        for entry in [*record["verbs"], *record["patterns"]]:  # type: ignore[misc]
            codes.update(c for c in (entry.get("code"), entry.get("back")) if c)
    assert len(codes) > 200
    assert codes <= cameo_codes(), sorted(codes - cameo_codes())


def test_size_and_synonym_sets() -> None:
    records = _records()
    synsets = records[0]["synsets"]
    assert isinstance(synsets, dict) and "&WEAPON" in synsets
    patterns = sum(len(r["patterns"]) for r in records[1:])  # type: ignore[arg-type]
    verbs = sum(len(r["verbs"]) for r in records[1:])  # type: ignore[arg-type]
    assert len(records) - 1 > 350 and patterns > 4500 and verbs > 1800
    used = {w for r in records[1:] for w in json.dumps(r["patterns"]).split('"') if w.startswith("&")}
    assert len(used - set(synsets)) <= 2  # &DEMONSTRATION and &WEATHER are used but never defined


@pytest.mark.skipif(not (SOURCE / "CAMEO.2.0.txt").is_file(), reason="needs ../shared/resources/petrarch2")
def test_the_script_reproduces_the_data(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(SCRIPT), str(SOURCE), "--out", str(tmp_path)], check=True)
    for name in ("verbs.jsonl", "README.md", "LICENSE"):
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes(), name


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def _match(nlp: Language, text: str, verb: str) -> tuple[str | None, str | None, str]:
    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    found = cameo_dictionary().match(token)
    assert found is not None, f"{verb!r} is no verb of the dictionary"
    return found.code, found.back, found.id


@pytest.mark.parametrize(("text", "verb", "code", "back"), [
    ("The army rushed aid to the villages.", "rushed", "070", None),  # pattern "* AID"
    ("Rebels blew up a pipeline.", "blew", "1712", None),  # "+BLOW_UP": a verb of two words
    ("The president visited Brazil.", "visited", "042", "043"),  # the block's pair: a visit, and hosting it
    ("The minister hosted his counterpart.", "hosted", "043", "042"),
    ("The court placed him under surveillance.", "placed", "173", None),  # "(UNDER SURVEILLANCE)"
])
def test_patterns_and_codes(nlp: Language, text: str, verb: str, code: str, back: str | None) -> None:
    assert _match(nlp, text, verb)[:2] == (code, back)


def test_the_most_specific_pattern_wins(nlp: Language) -> None:
    general = _match(nlp, "They halted the program.", "halted")
    specific = _match(nlp, "They halted economic aid to the region.", "halted")
    assert general[2] == "CANCEL" and general[0] is None  # the verb alone is no event
    assert specific[0] is not None and specific[0].startswith("1") and specific[2].startswith("CANCEL:")


EVENTS = [
    ("The United States imposed curbs on China.", {("United States", "China", "170")}, "verb-and-preposition"),
    ("The United States imposed tariffs on China.", {("United States", "China", "163")},
     "the-noun-says-which-act"),
    ("Japan halted economic aid to Myanmar.", {("Japan", "Myanmar", "162")}, "pattern-object-then-to"),
    ("Twitter closed the accounts of RT.", set(), "verb-alone-no-event"),
    ("Brazil took a place with Argentina.", set(), "own-code-no-target-by-with"),
    ("Iran welcomed the decision by Iraq.", {("Iran", "Iraq", "051")}, "act-of-actor"),
    ("Tuesday's meeting was hosted by Ghana.", set(), "a-meeting-is-no-actor"),
]


@pytest.mark.parametrize(("text", "expected"), [pytest.param(t, e, id=i) for t, e, i in EVENTS])
def test_events_from_the_dictionary(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert pairs(text) == expected


def test_a_verb_of_several_blocks_reads_the_same_in_every_process() -> None:
    """"beat" is in two blocks: the choice must not follow the process's string hashing."""
    script = ("from kg.nlp import load_pipeline; from kg.extract.cameo import cameo_dictionary; "
              "doc = load_pipeline()('Smith was beaten by Jones in the primary.'); "
              "print(cameo_dictionary().match(doc[2]).id)")
    ids = {subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, text=True,
                          env={**os.environ, "PYTHONHASHSEED": seed}).stdout.strip() for seed in ("1", "2", "3")}
    assert len(ids) == 1 and ids != {""}
