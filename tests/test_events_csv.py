"""The event-data CSV (``graph.events.csv``): one row per interaction, GDELT/PLOVER-like columns."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat, Store

import kg
from kg.export import export
from kg.export.events_csv import COLUMNS, cameo_table, event_rows, to_events_csv

ARTICLES = {
    "strikes.txt": (
        "Strikes on Kyiv\n\n"
        "Kyiv, March 3 (Wire) -- Russia attacked Ukraine overnight with drones and missiles, the Ukrainian "
        "air force said.\n\n"
        "French President Emmanuel Macron condemned Russia after the strikes. \"Europe will not look away,\" "
        "Macron said.\n\n"
        "NATO praised Poland for its swift response.\n"
    ),
    "talks.txt": (
        "Talks in Ankara\n\n"
        "Turkey hosted Greece for talks on the islands on Monday. Greek Prime Minister Kyriakos Mitsotakis "
        "met with Turkish President Recep Tayyip Erdogan in Ankara.\n"
    ),
}
QUAD_CLASS_OF_ROOT = {**dict.fromkeys(range(1, 6), 1), **dict.fromkeys(range(6, 10), 2),
                      **dict.fromkeys(range(10, 15), 3), **dict.fromkeys(range(15, 21), 4)}


@pytest.fixture(scope="module")
def table(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, str]]:
    folder = tmp_path_factory.mktemp("articles")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    result = kg.build([folder], out, formats=["events-csv"], date="2025-03-03")
    assert [p.name for p in result.written] == ["graph.events.csv"]
    raw = (out / "graph.events.csv").read_bytes()
    assert raw.startswith(b"event_id,date,") and b"\r\n" in raw  # RFC 4180 line ends
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))


def row(table: list[dict[str, str]], source: str, target: str) -> dict[str, str]:
    (found,) = [r for r in table if r["source_actor"] == source and r["target_actor"] == target]
    return found


def test_columns_are_the_event_data_layout(table: list[dict[str, str]]) -> None:
    assert tuple(table[0]) == COLUMNS == (
        "event_id", "date", "source_actor", "source_country", "target_actor", "target_country", "cameo_code",
        "cameo_root", "quad_class", "goldstein", "cue_or_trigger", "text", "article", "article_title", "char_start",
        "char_end")


def test_an_attack_is_a_material_conflict_between_two_states(table: list[dict[str, str]]) -> None:
    attack = row(table, "Russia", "Ukraine")
    assert attack["event_id"].startswith("https://w3id.org/geokg/id/event/strikes_")
    assert (attack["source_country"], attack["target_country"]) == ("RUS", "UKR")
    assert (attack["cameo_code"], attack["cameo_root"], attack["quad_class"], attack["goldstein"]) == (
        "190", "19", "4", "-10.0")
    assert attack["cue_or_trigger"] == "attack"
    assert attack["text"] == ("Russia attacked Ukraine overnight with drones and missiles, the Ukrainian air "
                              "force said.")  # the comma inside made it a quoted field
    assert attack["date"] == "2025-03-03"
    assert attack["article"] == "https://w3id.org/geokg/id/article/strikes"
    assert attack["article_title"] == "Strikes on Kyiv"


def test_offsets_locate_the_text_in_the_article(table: list[dict[str, str]]) -> None:
    for r in table:
        name = r["article"].rsplit("/", 1)[-1] + ".txt"
        assert ARTICLES[name][int(r["char_start"]):int(r["char_end"])] == r["text"], r["event_id"]


def test_a_person_takes_the_country_of_the_state_they_serve(table: list[dict[str, str]]) -> None:
    condemned = row(table, "Emmanuel Macron", "Russia")  # a statement aimed at Russia
    assert condemned["event_id"].startswith("https://w3id.org/geokg/id/statement/strikes_")
    assert (condemned["source_country"], condemned["target_country"]) == ("FRA", "RUS")
    assert (condemned["cameo_root"], condemned["quad_class"], condemned["cue_or_trigger"]) == ("11", "3", "condemn")
    meeting = row(table, "Kyriakos Mitsotakis", "Recep Tayyip Erdoğan")
    assert (meeting["source_country"], meeting["target_country"]) == ("GRC", "TUR")
    assert (meeting["cameo_code"], meeting["quad_class"]) == ("040", "1")


def test_a_report_about_an_actor_is_a_statement_aimed_at_it(table: list[dict[str, str]]) -> None:
    reported = row(table, "Ukraine", "Russia")  # "Russia attacked Ukraine …, the Ukrainian air force said"
    assert (reported["cameo_code"], reported["cue_or_trigger"]) == ("010", "say")
    assert reported["event_id"].startswith("https://w3id.org/geokg/id/statement/strikes_")


def test_an_organisation_has_no_country(table: list[dict[str, str]]) -> None:
    praise = row(table, "NATO", "Poland")
    assert (praise["source_country"], praise["target_country"]) == ("", "POL")
    assert (praise["cameo_root"], praise["quad_class"]) == ("05", "1")


def test_rows_are_sorted_and_quad_classes_follow_the_cameo_roots(table: list[dict[str, str]]) -> None:
    keys = [(r["article"], int(r["char_start"]), int(r["char_end"]), r["event_id"]) for r in table]
    assert keys == sorted(keys) and len(keys) == 6
    for r in table:
        assert r["cameo_code"].startswith(r["cameo_root"])
        assert int(r["quad_class"]) == QUAD_CLASS_OF_ROOT[int(r["cameo_root"])]


def test_the_ontology_gives_every_cameo_code_its_root_quad_class_and_goldstein_value() -> None:
    codes = cameo_table()
    roots = {root for _, root, _, _ in codes.values()}
    assert roots == {f"{n:02d}" for n in range(1, 21)}
    for code, root, quad_class, goldstein in codes.values():
        assert code.startswith(root) and quad_class == QUAD_CLASS_OF_ROOT[int(root)], code
        assert -10 <= float(goldstein) <= 10, code
    values = {code: goldstein for code, _, _, goldstein in codes.values()}
    assert (values["057"], values["190"], values["010"], values["1952"]) == ("8.0", "-10.0", "0.0", "-10.0")


GRAPH = """
@prefix gkg: <https://w3id.org/geokg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix actor: <https://w3id.org/geokg/id/actor/> .
@prefix cameo: <https://w3id.org/geokg/cameo/> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<https://w3id.org/geokg/id/article/a> a gkg:Article ; dcterms:title "Title, with \\"quotes\\"" .
actor:Q142 a gkg:Country ; rdfs:label "France" .
actor:Q183 a gkg:Country ; rdfs:label "Germany" .
actor:envoy a gkg:Person ; rdfs:label "Jean Envoyé" ; gkg:affiliatedWith actor:Q142, actor:Q183 .
actor:club a gkg:Organization ; rdfs:label "Club" ; gkg:affiliatedWith actor:Q183 .
<https://w3id.org/geokg/id/statement/a_10_20> a gkg:Statement, gkg:UnattributedStatement ;
    gkg:source <https://w3id.org/geokg/id/article/a> ; gkg:target actor:club ; gkg:eventType cameo:112 ;
    gkg:cue "accuse" ; gkg:quote "line one,\\n\\"line two\\"" ; gkg:quoteStart 10 ; gkg:quoteEnd 20 .
<https://w3id.org/geokg/id/statement/a_30_40> a gkg:Statement ; gkg:speaker actor:envoy ;
    gkg:source <https://w3id.org/geokg/id/article/a> ; gkg:target actor:Q142 ; gkg:cue "say" ;
    gkg:quote "no type" ; gkg:quoteStart 30 ; gkg:quoteEnd 40 .
<https://w3id.org/geokg/id/statement/a_50_60> a gkg:Statement ; gkg:speaker actor:envoy ;
    gkg:source <https://w3id.org/geokg/id/article/a> ; gkg:quote "no target" ; gkg:quoteStart 50 ; gkg:quoteEnd 60 .
"""


def test_unattributed_untyped_and_awkward_text_round_trip_through_csv() -> None:
    store = Store()
    store.load(GRAPH.encode(), format=RdfFormat.TURTLE)
    rows = event_rows(store)
    assert [r.event_id.rsplit("/", 1)[-1] for r in rows] == ["a_10_20", "a_30_40"]  # no target, no row
    unattributed, untyped = rows
    assert (unattributed.source_actor, unattributed.source_country) == ("", "")
    assert (unattributed.target_actor, unattributed.target_country) == ("Club", "DEU")  # an affiliated body
    assert (unattributed.cameo_code, unattributed.cameo_root, unattributed.quad_class) == ("112", "11", 3)
    assert unattributed.goldstein == "-2.0"
    assert (untyped.source_actor, untyped.source_country) == ("Jean Envoyé", "DEU")  # two states: smallest code
    assert (untyped.cameo_code, untyped.cameo_root, untyped.quad_class) == ("", "", None)
    parsed = list(csv.reader(io.StringIO(to_events_csv(store), newline="")))
    assert parsed[1][COLUMNS.index("text")] == 'line one,\n"line two"'
    assert parsed[1][COLUMNS.index("article_title")] == 'Title, with "quotes"'
    assert parsed[2][COLUMNS.index("quad_class")] == parsed[2][COLUMNS.index("goldstein")] == ""


def test_the_csv_is_the_same_from_a_turtle_export(table: list[dict[str, str]], tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    kg.build([folder], tmp_path, formats=["ttl"], date="2025-03-03")
    assert export([tmp_path / "graph.ttl"], tmp_path / "out", ["events-csv"])
    again = list(csv.DictReader(io.StringIO((tmp_path / "out" / "graph.events.csv").read_text(encoding="utf-8"),
                                            newline="")))
    assert again == table
