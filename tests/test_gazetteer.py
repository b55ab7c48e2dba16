"""Integrity of the curated gazetteer shipped in ``kg/data/gazetteer/*.jsonl``.

Wikidata ids in countries.jsonl and organizations.jsonl were checked against public tables that pair
an id with its label (see kg/data/gazetteer/SOURCES.md): every state against two Wikidata-derived
country tables (Our World in Data's CountriesRegions table and conzept's countries.js), which agree on
id and ISO codes; intergovernmental bodies against supraverden's table of supranational bodies and
their Wikidata items; the rest against ROR records, Wikidata-derived lookup tables and the project's
gold files. An entry whose id could not be confirmed carries none and has a slug key instead.
``VERIFIED_IDS`` below is the fixed spot-check of such confirmed ids.

The checks read the files directly, so they also cover the people files written separately.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

GAZETTEER = Path(__file__).resolve().parents[1] / "kg" / "data" / "gazetteer"
ACTOR_TYPES = {"Person", "Organization", "Country", "Group"}
QID = re.compile(r"^Q[1-9][0-9]*$")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Fields in the order every line writes them (absent ones skipped).
FIELD_ORDER = ("key", "label", "type", "wikidata", "aliases", "demonyms", "seats", "codes", "affiliations")
SURFACE_FIELDS = ("aliases", "demonyms", "seats")

# ISO 3166-1 alpha-3 codes of the 193 member states of the United Nations.
_UN_MEMBERS_TEXT = """
    AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA
    BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD DNK
    DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB
    GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO
    LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU
    NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR MDA ROU RUS RWA
    KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE
    SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB
    ZWE
"""
UN_MEMBERS_ALPHA3 = frozenset(_UN_MEMBERS_TEXT.split())

# Ids confirmed in at least one Wikidata-derived public table (see the module docstring).
VERIFIED_IDS = {
    "Q159": ("Russia", "Country"),
    "Q30": ("United States", "Country"),
    "Q212": ("Ukraine", "Country"),
    "Q148": ("China", "Country"),
    "Q145": ("United Kingdom", "Country"),
    "Q142": ("France", "Country"),
    "Q183": ("Germany", "Country"),
    "Q801": ("Israel", "Country"),
    "Q794": ("Iran", "Country"),
    "Q43": ("Turkey", "Country"),
    "Q55": ("Netherlands", "Country"),
    "Q219060": ("Palestine", "Country"),
    "Q865": ("Taiwan", "Country"),
    "Q1246": ("Kosovo", "Country"),
    "Q237": ("Vatican City", "Country"),
    "Q7184": ("NATO", "Organization"),
    "Q458": ("European Union", "Organization"),
    "Q1065": ("United Nations", "Organization"),
    "Q37470": ("United Nations Security Council", "Organization"),
    "Q8886": ("European Council", "Organization"),
    "Q8896": ("Council of the European Union", "Organization"),
    "Q41984": ("International Atomic Energy Agency", "Organization"),
    "Q2429253": ("Islamic State", "Organization"),
}


def _load() -> dict[str, list[dict[str, Any]]]:
    files: dict[str, list[dict[str, Any]]] = {}
    for path in sorted(GAZETTEER.glob("*.jsonl")):
        rows = []
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                pytest.fail(f"{path.name}:{number} does not parse: {exc}")
            assert isinstance(row, dict), f"{path.name}:{number} is not an object"
            rows.append(row)
        files[path.name] = rows
    return files


FILES = _load()
ENTRIES = [row for rows in FILES.values() for row in rows]
BY_KEY = {row["key"]: row for row in ENTRIES}


def test_the_state_and_organisation_files_are_present() -> None:
    assert {"countries.jsonl", "organizations.jsonl"} <= set(FILES)


@pytest.mark.parametrize("name", sorted(FILES))
def test_each_line_has_the_required_fields_in_order(name: str) -> None:
    for row in FILES[name]:
        assert isinstance(row.get("key"), str) and row["key"], row
        assert isinstance(row.get("label"), str) and row["label"], row
        assert row.get("type") in ACTOR_TYPES, row
        unknown = set(row) - set(FIELD_ORDER)
        assert not unknown, f"{row['key']}: unknown fields {unknown}"
        assert list(row) == [f for f in FIELD_ORDER if f in row], f"{row['key']}: fields out of order"
        for field in (*SURFACE_FIELDS, "codes"):
            assert all(isinstance(s, str) and s for s in row.get(field, [])), f"{row['key']}.{field}"


@pytest.mark.parametrize("name", sorted(FILES))
def test_each_file_is_sorted_by_label(name: str) -> None:
    labels = [row["label"].casefold() for row in FILES[name]]
    assert labels == sorted(labels)


def test_keys_are_unique_across_files() -> None:
    seen: dict[str, int] = defaultdict(int)
    for row in ENTRIES:
        seen[row["key"]] += 1
    assert [key for key, count in seen.items() if count > 1] == []


def test_wikidata_ids_are_well_formed_unique_and_used_as_keys() -> None:
    ids = [row["wikidata"] for row in ENTRIES if "wikidata" in row]
    assert all(QID.match(qid) for qid in ids), [qid for qid in ids if not QID.match(qid)]
    assert len(ids) == len(set(ids))
    for row in ENTRIES:
        if "wikidata" in row:
            assert row["key"] == row["wikidata"], row["key"]
        else:
            assert SLUG.match(row["key"]), f"{row['key']}: a key without a Wikidata id must be a slug"


def test_groups_have_no_wikidata_id() -> None:
    assert [row["key"] for row in ENTRIES if row["type"] == "Group" and "wikidata" in row] == []


def test_affiliations_point_at_existing_states_or_organisations() -> None:
    for row in ENTRIES:
        for office in row.get("affiliations", []):
            target = BY_KEY.get(office.get("org"))
            assert target is not None, f"{row['key']}: unknown org {office.get('org')!r}"
            assert target["type"] in {"Country", "Organization"}, f"{row['key']} -> {target['key']}"


def test_no_surface_form_names_two_entries() -> None:
    """Labels, aliases, demonyms, seats and alpha-3 codes (which the gazetteer reads as names)."""
    owners: dict[str, set[str]] = defaultdict(set)
    for row in ENTRIES:
        forms = [row["label"], *(s for field in SURFACE_FIELDS for s in row.get(field, []))]
        forms += [code for code in row.get("codes", []) if len(code) == 3]
        for form in forms:
            owners[form.casefold()].add(row["key"])
    clashes = {form: sorted(keys) for form, keys in owners.items() if len(keys) > 1}
    assert clashes == {}


def test_names_shared_by_two_states_are_given_to_neither() -> None:
    forms = {s.casefold() for row in ENTRIES for field in SURFACE_FIELDS for s in row.get(field, [])}
    forms |= {row["label"].casefold() for row in ENTRIES}
    assert {"congo", "congolese", "korea", "korean", "koreans"}.isdisjoint(forms)


def test_every_un_member_state_is_a_country_with_its_codes() -> None:
    countries = [row for row in ENTRIES if row["type"] == "Country"]
    assert len(UN_MEMBERS_ALPHA3) == 193
    alpha3 = {code for row in countries for code in row.get("codes", []) if len(code) == 3}
    assert UN_MEMBERS_ALPHA3 - alpha3 == set()
    for row in countries:
        codes = row.get("codes", [])
        assert codes == [] or (len(codes) == 2 and len(codes[0]) == 2 and len(codes[1]) == 3), row["key"]
    with_alpha3 = [row for row in countries if any(len(code) == 3 for code in row.get("codes", []))]
    assert len(with_alpha3) == len(UN_MEMBERS_ALPHA3) + 3  # + Palestine, Vatican City, Taiwan


def test_observer_and_partially_recognised_states_are_present() -> None:
    labels = {row["label"] for row in ENTRIES if row["type"] == "Country"}
    assert {"Palestine", "Vatican City", "Taiwan", "Kosovo"} <= labels


@pytest.mark.parametrize(("qid", "expected"), sorted(VERIFIED_IDS.items()))
def test_verified_ids_label_the_expected_actor(qid: str, expected: tuple[str, str]) -> None:
    row = BY_KEY.get(qid)
    assert row is not None, f"{qid} missing"
    assert (row["label"], row["type"]) == expected


def test_states_carry_demonyms_and_seats_but_not_as_aliases() -> None:
    russia, us, uk = BY_KEY["Q159"], BY_KEY["Q30"], BY_KEY["Q145"]
    assert {"Russian", "Russians"} <= set(russia["demonyms"])
    assert {"Moscow", "Kremlin"} <= set(russia["seats"])
    assert {"Washington", "White House"} <= set(us["seats"])
    assert {"US", "U.S.", "USA", "America"} <= set(us["aliases"])
    assert {"Downing Street", "Whitehall", "London"} <= set(uk["seats"])
    assert {"Kyiv", "Kiev"} <= set(BY_KEY["Q212"]["seats"])
    for row in ENTRIES:
        if row["type"] == "Country":
            aliases = {a.casefold() for a in row["aliases"]}
            others = {s.casefold() for s in row.get("demonyms", []) + row.get("seats", [])}
            assert aliases.isdisjoint(others), row["key"]


def test_brussels_is_belgiums_seat_only() -> None:
    holders = [row["key"] for row in ENTRIES if "Brussels" in row.get("seats", [])]
    assert holders == ["Q31"]
