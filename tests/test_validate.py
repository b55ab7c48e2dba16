"""``kg validate`` (SHACL shapes, gkg terms, CAMEO concepts) and ``kg ontology``."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest

import kg
from kg.cli import main
from kg.query import SourceError
from kg.resources import ontology_path
from kg.validate import validate

PREFIXES = """
@prefix gkg: <https://w3id.org/geokg/ontology#> .
@prefix cameo: <https://w3id.org/geokg/cameo/> .
@prefix actor: <https://w3id.org/geokg/id/actor/> .
@prefix article: <https://w3id.org/geokg/id/article/> .
@prefix statement: <https://w3id.org/geokg/id/statement/> .
@prefix event: <https://w3id.org/geokg/id/event/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
"""
GOOD = PREFIXES + """
article:a a gkg:Article ; dcterms:source "a.txt" .
actor:Q1 a gkg:Person ; rdfs:label "Ann Example" ; gkg:mentionedIn article:a .
actor:Q2 a gkg:Country ; rdfs:label "Examplia" ; gkg:mentionedIn article:a .
statement:a_0_5 a gkg:Statement ; gkg:source article:a ; gkg:speaker actor:Q1 ; gkg:quote "Hello" ;
    gkg:direct true ; gkg:quoteStart 1 ; gkg:quoteEnd 6 ; gkg:charStart 0 ; gkg:charEnd 20 ;
    gkg:evidence "\\"Hello,\\" Ann said." .
event:a_9_16_Q2 a gkg:Event ; gkg:source article:a ; gkg:agent actor:Q1 ; gkg:target actor:Q2 ;
    gkg:eventType cameo:111 ; gkg:trigger "criticised" ; gkg:charStart 21 ; gkg:charEnd 50 ;
    gkg:evidence "Ann criticised Examplia." .
"""
# the same graph broken three ways: a statement without its source, a misspelt term, an unknown CAMEO code
BROKEN = (GOOD.replace("gkg:Statement ; gkg:source article:a ;", "gkg:Statement ;")
          .replace("gkg:speaker actor:Q1", "gkg:speeker actor:Q1")
          .replace("cameo:111", "cameo:999"))


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("seed")
    kg.build(["seeds"], folder, formats=["ttl"])
    return folder / "graph.ttl"


def test_the_seed_graph_is_valid(seed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = validate([seed])
    assert report.conforms and report.violations == () and report.triples > 250
    assert main(["validate", str(seed)]) == 0
    assert capsys.readouterr().out.startswith("valid: ")


def test_a_hand_written_good_graph_is_valid(tmp_path: Path) -> None:
    (tmp_path / "good.ttl").write_text(GOOD, encoding="utf-8")
    assert validate([tmp_path / "good.ttl"]).conforms


def test_a_broken_graph_gives_one_line_per_violation(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "broken.ttl").write_text(BROKEN, encoding="utf-8")
    assert main(["validate", str(tmp_path / "broken.ttl")]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "SHACL shapes (ontology/shapes.ttl): 1",
        "  statement:a_0_5  gkg:source  A statement or event has exactly one gkg:source, "
        "the gkg:Article it was read from.",
        "terms not defined in the gkg ontology: 1",
        "  statement:a_0_5  gkg:speeker  gkg:speeker is not a term of the gkg ontology",
        "CAMEO concepts not in the scheme: 1",
        "  event:a_9_16_Q2  gkg:eventType  cameo:999 is not a concept of the CAMEO scheme",
        "3 violations: 26 triples checked against shapes.ttl, the gkg vocabulary and CAMEO",
    ]


def test_four_digit_cameo_codes_are_concepts_and_codes_outside_the_scheme_are_not(tmp_path: Path) -> None:
    (tmp_path / "finer.ttl").write_text(GOOD.replace("cameo:111", "cameo:1122"), encoding="utf-8")
    assert validate([tmp_path / "finer.ttl"]).conforms
    (tmp_path / "unknown.ttl").write_text(GOOD.replace("cameo:111", "cameo:1213"), encoding="utf-8")
    assert [(v.group, v.line()) for v in validate([tmp_path / "unknown.ttl"]).violations] == [
        ("cameo", "event:a_9_16_Q2  gkg:eventType  cameo:1213 is not a concept of the CAMEO scheme")]
    (tmp_path / "long.ttl").write_text(GOOD.replace("cameo:111", "cameo:11221"), encoding="utf-8")
    assert {v.group for v in validate([tmp_path / "long.ttl"]).violations} == {"shapes", "cameo"}


def test_a_misspelt_class_and_a_wrong_literal_type_are_found(tmp_path: Path) -> None:
    broken = GOOD.replace("actor:Q2 a gkg:Country", "actor:Q2 a gkg:Contry").replace("gkg:direct true",
                                                                                      'gkg:direct "yes"')
    (tmp_path / "broken.ttl").write_text(broken, encoding="utf-8")
    lines = {v.line() for v in validate([tmp_path / "broken.ttl"]).violations}
    assert "actor:Q2  rdf:type  gkg:Contry is not a term of the gkg ontology" in lines
    assert "statement:a_0_5  gkg:direct  A statement has exactly one gkg:direct, an xsd:boolean." in lines


def test_named_graphs_are_validated_as_one_union(seed: Path, tmp_path: Path) -> None:
    """Actor types live in graph/actors and their mentions in article graphs: checked together they pass."""
    result = kg.build(["seeds"])
    nq = tmp_path / "graph.nq"
    pyoxigraph.serialize(result.quads, output=str(nq), format=pyoxigraph.RdfFormat.N_QUADS)
    assert validate([nq]).conforms
    store = pyoxigraph.Store(str(tmp_path / "store"))
    store.extend(result.quads)
    del store
    assert validate([tmp_path / "store"]).conforms


def test_unreadable_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "bad.ttl").write_text(PREFIXES + "actor:Q1 rdfs:label .\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"bad\.ttl"):
        validate([tmp_path / "bad.ttl"])
    for name in ("bad.ttl", "missing.ttl"):
        assert main(["validate", str(tmp_path / name)]) == 2
        err = capsys.readouterr().err
        assert name in err and "Traceback" not in err and err.count("\n") == 1


def test_ontology_writes_the_shipped_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ontology", "-o", str(tmp_path / "onto")]) == 0
    assert f"wrote {tmp_path / 'onto' / 'geokg.ttl'}" in capsys.readouterr().out
    for name in ("geokg.ttl", "shapes.ttl"):
        assert (tmp_path / "onto" / name).read_bytes() == ontology_path(name).read_bytes()
    monkeypatch.chdir(tmp_path)
    assert main(["ontology"]) == 0  # default: the current folder
    assert (tmp_path / "shapes.ttl").read_bytes() == ontology_path("shapes.ttl").read_bytes()


def test_an_event_with_two_agents_is_a_violation(tmp_path: Path) -> None:
    (tmp_path / "two.ttl").write_text(GOOD.replace("gkg:agent actor:Q1 ;", "gkg:agent actor:Q1, actor:Q2 ;"),
                                      encoding="utf-8")
    report = validate([tmp_path / "two.ttl"])
    assert not report.conforms
    assert any("at most one gkg:agent" in v.message for v in report.violations)
