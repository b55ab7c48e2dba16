"""Integrity of the Wikidata-derived data in ``kg/data/wikidata/``, written by ``scripts/convert_wikidata.py``.

The files are read directly (no spaCy, no package import beyond the standard library). When the fetched
snapshots of the source repositories are there (``/work/.mirror`` or ``$KG_WIKIDATA_MIRROR``), the script is
run into a temporary folder and must reproduce the committed files byte for byte.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from kg.gazetteer import first_day, last_day

ROOT = Path(__file__).resolve().parents[1]
WIKIDATA = ROOT / "kg" / "data" / "wikidata"
GAZETTEER = ROOT / "kg" / "data" / "gazetteer"
SCRIPT = ROOT / "scripts" / "convert_wikidata.py"
MIRROR = Path(os.environ.get("KG_WIKIDATA_MIRROR", "/work/.mirror"))
FILES = ("officeholders.jsonl", "gazetteer_ids.tsv")
FIELD_ORDER = ("key", "label", "type", "wikidata", "aliases", "country", "affiliations")
OFFICE_FIELDS = ("org", "role", "from", "to")
QID = re.compile(r"^Q[1-9][0-9]*$")
DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
ACCEPTED_TIERS = ("name+office", "name~(", "name+country+years", "party name+country")


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def holders() -> list[dict[str, Any]]:
    return _jsonl(WIKIDATA / "officeholders.jsonl")


@pytest.fixture(scope="module")
def by_key(holders: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {row["key"]: row for row in holders}


@pytest.fixture(scope="module")
def curated() -> dict[str, dict[str, Any]]:
    return {row["key"]: row for path in sorted(GAZETTEER.glob("*.jsonl")) for row in _jsonl(path)}


@pytest.fixture(scope="module")
def ids() -> list[dict[str, str]]:
    lines = (WIKIDATA / "gazetteer_ids.tsv").read_text(encoding="utf-8").splitlines()
    body = [line for line in lines if not line.startswith("#")]
    header = body[0].split("\t")
    assert header == ["label", "qid", "tier", "evidence", "source"]
    return [dict(zip(header, line.split("\t"), strict=True)) for line in body[1:]]


def test_files_exist() -> None:
    for name in (*FILES, "SOURCES.md"):
        assert (WIKIDATA / name).is_file(), name
        assert (WIKIDATA / name).stat().st_size > 0, name


def test_lines_are_compact_and_ordered(holders: list[dict[str, Any]]) -> None:
    assert len(holders) > 20_000
    lines = (WIKIDATA / "officeholders.jsonl").read_text(encoding="utf-8").splitlines()
    keys = [row["key"] for row in holders]
    assert keys == sorted(keys)
    for line, row in zip(lines, holders, strict=True):
        assert json.dumps(row, ensure_ascii=False) == line, row["key"]
        assert list(row) == [f for f in FIELD_ORDER if f in row], row["key"]
        for field, value in row.items():
            assert value not in ("", [], {}, None), (row["key"], field)
        for office in row["affiliations"]:
            assert list(office) == [f for f in OFFICE_FIELDS if f in office], row["key"]
            assert all(isinstance(v, str) and v.strip() == v and v for v in office.values()), row["key"]


def test_qids_well_formed_and_keys_unique(holders: list[dict[str, Any]]) -> None:
    keys = [row["key"] for row in holders]
    assert len(keys) == len(set(keys))
    for row in holders:
        assert QID.match(row["key"]) and row["wikidata"] == row["key"], row["key"]
        assert row["type"] == "Person", row["key"]
        assert row["label"].strip() == row["label"] and not QID.match(row["label"]), row["key"]
        aliases = row.get("aliases", [])
        assert len(aliases) == len(set(aliases)) and row["label"] not in aliases, row["key"]


def test_references_are_curated_keys(holders: list[dict[str, Any]], curated: dict[str, dict[str, Any]]) -> None:
    countries = {key for key, row in curated.items() if row["type"] == "Country"}
    bodies = {key for key, row in curated.items() if row["type"] == "Organization"}
    for row in holders:
        if "country" in row:
            assert row["country"] in countries, (row["key"], row["country"])
            assert row["country"] in {o["org"] for o in row["affiliations"]}, row["key"]
        for office in row["affiliations"]:
            assert office["org"] in countries | bodies, (row["key"], office)
        # a person's QID is never the key of a curated state or body
        assert curated.get(row["key"], {}).get("type", "Person") == "Person", row["key"]


def test_dates_are_valid_and_ordered(holders: list[dict[str, Any]]) -> None:
    for row in holders:
        for office in row["affiliations"]:
            for field in ("from", "to"):
                if field in office:
                    assert DATE.match(office[field]), (row["key"], office)
                    first_day(office[field]), last_day(office[field])  # a real calendar day
            if "from" in office and "to" in office:
                assert first_day(office["from"]) <= last_day(office["to"]), (row["key"], office)


@pytest.mark.parametrize(
    ("qid", "label", "office"),
    [
        ("Q311278", "Jack Straw",
         {"org": "Q145", "role": "Foreign Secretary", "from": "2001-06-08", "to": "2006-05-05"}),
        ("Q47216", "Condoleezza Rice",
         {"org": "Q30", "role": "Secretary of State", "from": "2005-01-26", "to": "2009-01-20"}),
        ("Q697258", "Nobutaka Machimura",
         {"org": "Q17", "role": "Foreign Minister", "from": "2004-09-27", "to": "2005-10-31"}),
    ],
)
def test_spot_checks(by_key: dict[str, dict[str, Any]], qid: str, label: str, office: dict[str, str]) -> None:
    row = by_key[qid]
    assert row["label"] == label
    assert office in row["affiliations"]


def test_un_secretaries_general(by_key: dict[str, dict[str, Any]]) -> None:
    for qid in ("Q1254", "Q1253", "Q311440"):  # Kofi Annan, Ban Ki-moon, António Guterres
        assert any(o["org"] == "Q1065" and o["role"] == "Secretary-General" for o in by_key[qid]["affiliations"]), qid


def test_ids_of_curated_actors(ids: list[dict[str, str]], curated: dict[str, dict[str, Any]]) -> None:
    """Every id found is written into the curated files (under the QID, the label unchanged), but the
    held-back ones; every QID is found for one actor only."""
    assert len(ids) > 800
    qids = [row["qid"] for row in ids]
    assert len(qids) == len(set(qids))
    for row in ids:
        assert QID.match(row["qid"]) and row["tier"].startswith(ACCEPTED_TIERS), row
        assert row["evidence"] and row["source"], row
        assert curated[row["qid"]]["label"] == row["label"], row
        assert curated[row["qid"]]["wikidata"] == row["qid"], row


def test_curated_people_have_their_line(ids: list[dict[str, str]], by_key: dict[str, dict[str, Any]]) -> None:
    """A person linked by an office has a line of offices here, under the same QID, unless the offices
    that linked them are local ones (a mayor of Istanbul or Kyiv), which the file leaves out."""
    people = [row for row in ids if row["tier"] != "party name+country"]
    missing = [row["label"] for row in people if row["qid"] not in by_key]
    assert len(missing) <= len(people) // 100, missing


@pytest.mark.skipif(
    not (MIRROR / "every-politician-scrapers+united-kingdom-cabinet" / "repo").is_dir(),
    reason=f"no fetched snapshots in {MIRROR}",
)
def test_script_reproduces_files(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--mirror", str(MIRROR), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for name in FILES:
        assert (tmp_path / name).read_bytes() == (WIKIDATA / name).read_bytes(), name
