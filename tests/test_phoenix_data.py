"""Integrity of the Phoenix data converted into ``kg/data/phoenix/`` by ``scripts/convert_phoenix.py``.

The files are read directly (no spaCy, no package import beyond the standard library). When the source
dictionaries are there (``../shared/resources/petrarch2`` next to the repository), the script is run into a
temporary folder and must reproduce the committed files byte for byte.
"""

from __future__ import annotations

import datetime
import difflib
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from kg.gazetteer import normalise_name

ROOT = Path(__file__).resolve().parents[1]
PHOENIX = ROOT / "kg" / "data" / "phoenix"
GAZETTEER = ROOT / "kg" / "data" / "gazetteer"
SOURCE = ROOT.parent / "shared" / "resources" / "petrarch2"
SCRIPT = ROOT / "scripts" / "convert_phoenix.py"
FILES = ("actors.jsonl", "agents.tsv", "discards.txt", "english_words.txt", "LICENSE", "README.md", "SCOWL-README.txt")
FIELD_ORDER = ("key", "label", "type", "aliases", "acronyms", "country", "affiliations", "titles", "phoenix")
AFFILIATION_FIELDS = ("org", "role", "sector", "from", "to")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
QID = re.compile(r"^Q[1-9][0-9]*$")


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def actors() -> list[dict[str, Any]]:
    return _jsonl(PHOENIX / "actors.jsonl")


@pytest.fixture(scope="module")
def curated() -> dict[str, dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    for path in sorted(GAZETTEER.glob("*.jsonl")):
        for row in _jsonl(path):
            rows[row["key"]] = row
    return rows


@pytest.fixture(scope="module")
def by_key(actors: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {row["key"]: row for row in actors}


def test_files_exist() -> None:
    for name in FILES:
        assert (PHOENIX / name).is_file(), name
        assert (PHOENIX / name).stat().st_size > 0, name


def test_actor_lines_are_compact_and_ordered(actors: list[dict[str, Any]]) -> None:
    assert len(actors) > 10_000
    lines = (PHOENIX / "actors.jsonl").read_text(encoding="utf-8").splitlines()
    keys = [row["key"] for row in actors]
    assert keys == sorted(keys)
    for line, row in zip(lines, actors, strict=True):
        assert list(row) == [f for f in FIELD_ORDER if f in row], row["key"]
        assert json.dumps(row, ensure_ascii=False, separators=(", ", ": ")) == line
        for field, value in row.items():
            assert value not in ("", [], {}, None), (row["key"], field)


def test_keys_unique(actors: list[dict[str, Any]]) -> None:
    keys = [row["key"] for row in actors]
    assert len(keys) == len(set(keys))
    for key in keys:
        assert SLUG.match(key) or QID.match(key), key


def test_types_and_fields(actors: list[dict[str, Any]]) -> None:
    for row in actors:
        assert row["type"] in ("Person", "Organization"), row
        assert row["label"].strip() == row["label"] and row["label"]
        if row["type"] == "Person":
            assert "phoenix" not in row and "acronyms" not in row, row["key"]
        else:
            assert "affiliations" not in row and "titles" not in row, row["key"]
        for field in ("aliases", "acronyms", "titles", "phoenix"):
            values = row.get(field, [])
            assert all(isinstance(v, str) and v.strip() == v and v for v in values), (row["key"], field)
            assert len(values) == len(set(values)), (row["key"], field)
        assert row.get("aliases", []) == sorted(row.get("aliases", []), key=lambda a: (a.casefold(), a))


def test_person_aliases_are_never_one_word(actors: list[dict[str, Any]]) -> None:
    for row in actors:
        if row["type"] == "Person":
            for alias in row.get("aliases", []):
                assert len(alias.split()) >= 2, (row["key"], alias)


def test_curated_keys_keep_curated_label_and_type(actors: list[dict[str, Any]], curated: dict[str, dict]) -> None:
    matched = [row for row in actors if row["key"] in curated]
    assert len(matched) > 100
    for row in matched:
        assert row["label"] == curated[row["key"]]["label"]
        assert row["type"] == curated[row["key"]]["type"]


def test_references_resolve(actors: list[dict[str, Any]], curated: dict[str, dict]) -> None:
    known = set(curated) | {row["key"] for row in actors}
    countries = {key for key, row in curated.items() if row["type"] == "Country"}
    for row in actors:
        if "country" in row:
            assert row["country"] in countries, (row["key"], row["country"])
        for affiliation in row.get("affiliations", []):
            assert list(affiliation) == [f for f in AFFILIATION_FIELDS if f in affiliation], row["key"]
            assert affiliation["org"] in known, (row["key"], affiliation)


def test_dates_are_iso_and_ordered(actors: list[dict[str, Any]]) -> None:
    for row in actors:
        for affiliation in row.get("affiliations", []):
            dates = [affiliation[f] for f in ("from", "to") if f in affiliation]
            for date in dates:
                assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", date), (row["key"], date)
                datetime.date.fromisoformat(date)
            if len(dates) == 2:
                assert dates[0] <= dates[1], (row["key"], affiliation)


def test_known_actors(by_key: dict[str, dict[str, Any]]) -> None:
    putin = by_key["Q7747"]
    assert putin["country"] == "Q159"
    assert {"org": "Q159", "sector": "GOV", "from": "1999-12-31", "to": "2008-05-07"} in putin["affiliations"]
    annan = by_key["Q1254"]
    assert any(a["org"] == "Q1065" and a["sector"] == "IGO" for a in annan["affiliations"])
    assert "IGOUNO" in by_key["Q1065"]["phoenix"]
    labels = {row["label"] for row in by_key.values()}
    assert "Helmand" not in labels and "Herat" not in labels  # provinces and cities of country entries


def test_country_entries_not_emitted(actors: list[dict[str, Any]], curated: dict[str, dict]) -> None:
    assert not any(curated.get(row["key"], {}).get("type") == "Country" for row in actors)


def test_no_name_is_a_curated_name_of_another_actor(
    actors: list[dict[str, Any]], curated: dict[str, dict[str, Any]]
) -> None:
    """Rule 2: curated surface forms (labels, aliases, seats, demonyms, 3-letter codes) win."""
    forms: dict[str, set[str]] = {}
    for key, row in curated.items():
        codes = [c for c in row.get("codes") or [] if len(c) == 3]
        for name in [row["label"], *(row.get("aliases") or []), *(row.get("seats") or []),
                     *(row.get("demonyms") or []), *codes]:
            forms.setdefault(normalise_name(name), set()).add(key)
    assert "white house" in forms and "conservative" in forms  # a seat of the United States, a party demonym
    clashes = [
        (row["key"], name)
        for row in actors
        for name in [row["label"], *row.get("aliases", []), *row.get("acronyms", [])]
        if forms.get(normalise_name(name), set()) - {row["key"]}
    ]
    assert not clashes, clashes[:20]
    labels = {normalise_name(row["label"]) for row in actors if row["key"] not in curated}
    assert "white house" not in labels and "kremlin" not in labels


def test_aliases_of_one_actor(by_key: dict[str, dict[str, Any]]) -> None:
    """Rule 1: the bodies Phoenix lists as synonyms are apart; a person's alias keeps the given name."""
    hasc = by_key["house-armed-services-committee"]
    assert not {"Senate Foreign Relations Committee", "Senate", "Senate Armed Services Committee"} & set(
        hasc.get("aliases", [])
    )
    sfrc = by_key["senate-foreign-relations-committee"]
    assert sfrc["type"] == "Organization" and sfrc["country"] == "Q30" and sfrc["phoenix"] == ["USAGOVLEG"]
    assert "Senate Intelligence Committee" in by_key["senate-select-committee-on-intelligence"]["aliases"]
    assert "James Brown" not in by_key["Q10648"].get("aliases", [])  # Gordon Brown
    assert "Party of God" not in by_key["Q41053"].get("aliases", [])
    assert "Nusra Front" in by_key["jabhat-al-nusra"]["aliases"]
    assert by_key["people-s-liberation-army"].get("aliases", []) == ["Peoples Liberation Army"]
    assert "INLA" in by_key["irish-national-liberation-army"]["acronyms"]
    for row in by_key.values():
        for alias in row.get("aliases", []):
            assert normalise_name(alias) != "senate", row["key"]
        if row["type"] == "Person":
            for alias in row.get("aliases", []):
                # a person's alias shares a word with the label, or is spelt nearly as it is
                words, label = set(normalise_name(alias).split()), set(normalise_name(row["label"]).split())
                similar = difflib.SequenceMatcher(None, normalise_name(alias), normalise_name(row["label"])).ratio()
                assert words & label or similar >= 0.6, (row["key"], alias)


def test_acronyms(actors: list[dict[str, Any]], by_key: dict[str, dict[str, Any]]) -> None:
    """Rule 3: three characters or more and no English word; three-letter acronyms stay."""
    lines = (PHOENIX / "english_words.txt").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# ")
    words = [line for line in lines if not line.startswith("#")]
    assert words == sorted(set(words)) and all(re.fullmatch(r"[a-z]+", w) for w in words)
    english = set(words)
    assert {"senate", "eta", "milf"} <= english and "isa" not in english
    for row in actors:
        for acronym in row.get("acronyms", []):
            letters = re.sub(r"[^A-Za-z0-9]", "", acronym)
            assert len(letters) >= 3 and letters.lower() not in english, (row["key"], acronym)
    assert by_key["islamic-shashantantra-andolon"]["acronyms"] == ["ISA"]
    assert "ETA" not in by_key["basque-fatherland-and-freedom"].get("acronyms", [])


def test_agents() -> None:
    lines = (PHOENIX / "agents.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# ")
    rows = [line.split("\t") for line in lines[1:]]
    assert all(len(r) == 3 for r in rows)
    assert rows == sorted(rows) and len({tuple(r) for r in rows}) == len(rows)
    for phrase, code, affix in rows:
        assert phrase == " ".join(phrase.split()) and phrase == phrase.lower(), phrase
        assert re.fullmatch(r"[A-Z0-9]+", code), code
        assert affix in ("suffix", "prefix")
    table = {(p, c, a) for p, c, a in rows}
    assert ("police", "COP", "suffix") in table
    assert ("rebel", "REB", "suffix") in table and ("rebels", "REB", "suffix") in table
    assert ("policeman", "COP", "suffix") in table and ("policewomen", "COP", "suffix") in table
    assert ("peacekeeping troops", "IGO", "prefix") in table


def test_discards() -> None:
    lines = (PHOENIX / "discards.txt").read_text(encoding="utf-8").splitlines()
    assert lines == sorted(set(lines)) and lines
    for line in lines:
        assert line == line.lower() and line == line.strip() and "  " not in line
        assert "+" not in line[1:]
    assert any(line.startswith("+") for line in lines)


def test_licence() -> None:
    text = (PHOENIX / "LICENSE").read_text(encoding="utf-8")
    first, _, rest = text.partition("\n")
    assert "actors.jsonl" in first and "agents.tsv" in first and "discards.txt" in first
    assert "The MIT License (MIT)" in rest
    assert "Copyright (c) 2014 Open Event Data" in rest
    assert "Permission is hereby granted, free of charge" in rest
    assert 'THE SOFTWARE IS PROVIDED "AS IS"' in rest


@pytest.mark.skipif(
    not (SOURCE / "Phoenix.Countries.actors.txt").is_file(), reason=f"no source dictionaries in {SOURCE}"
)
def test_script_reproduces_files(tmp_path: Path) -> None:
    if (SOURCE / "LICENSE").is_file():
        assert (SOURCE / "LICENSE").read_text(encoding="utf-8") in (PHOENIX / "LICENSE").read_text(encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(SOURCE), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for name in FILES:
        assert (tmp_path / name).read_bytes() == (PHOENIX / name).read_bytes(), name
