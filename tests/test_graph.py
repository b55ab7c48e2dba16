"""The exported graph: parses in rdflib and pyoxigraph, conforms to the shapes, uses only defined terms."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest
from pyshacl import validate
from rdflib import Graph
from rdflib.namespace import DCTERMS, RDF, SKOS

import kg
from kg.resources import ontology_path
from kg.vocab import GKG, defined_terms, ontology_graph

TEXT = (
    "Leaders trade words over the summit\n\n"
    "Berlin, March 3 (Reuters) - German Chancellor Olaf Scholz met French President Emmanuel Macron "
    "in Berlin on Monday. \"Europe must defend itself,\" Scholz said.\n\n"
    "Macron agreed. \"We will spend what it takes,\" the French president said, \"and we will do it "
    "together with NATO.\"\n"
)


@pytest.fixture(scope="module")
def turtle(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("in")
    (folder / "summit.txt").write_text(TEXT, encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    kg.build([folder], out, formats=["ttl"])
    return (out / "graph.ttl").read_text(encoding="utf-8")


def test_turtle_parses_in_rdflib_and_pyoxigraph_to_the_same_triples(turtle: str) -> None:
    graph = Graph().parse(data=turtle, format="turtle")
    triples = list(pyoxigraph.parse(turtle.encode(), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(graph) == len(triples) > 40


def test_article_metadata_comes_from_title_and_dateline(turtle: str) -> None:
    graph = Graph().parse(data=turtle, format="turtle")
    (article,) = graph.subjects(RDF.type, GKG.Article)
    assert str(graph.value(article, DCTERMS.title)) == "Leaders trade words over the summit"
    assert str(graph.value(article, DCTERMS.date)) == "--03-03"
    assert str(graph.value(article, DCTERMS.publisher)) == "Reuters"


def test_graph_conforms_to_the_shapes(turtle: str) -> None:
    data = Graph().parse(data=turtle, format="turtle")
    shapes = Graph().parse(ontology_path("shapes.ttl"))
    conforms, _, report = validate(data, shacl_graph=shapes, ont_graph=ontology_graph(), inference="none")
    assert conforms, report


def test_every_gkg_term_used_is_defined(turtle: str) -> None:
    data = Graph().parse(data=turtle, format="turtle")
    namespace = "https://w3id.org/geokg/ontology#"
    used = {str(t)[len(namespace):] for triple in data for t in triple if str(t).startswith(namespace)}
    assert used and used <= set(defined_terms(ontology_graph()))


def test_speakers_link_to_the_actors_they_talk_about(turtle: str) -> None:
    data = Graph().parse(data=turtle, format="turtle")
    rows = {(str(s), str(q)) for s, q in data.query(
        "PREFIX gkg: <https://w3id.org/geokg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>"
        " SELECT ?name ?quote WHERE { ?s gkg:speaker/rdfs:label ?name ; gkg:quote ?quote }")}
    assert rows == {
        ("Olaf Scholz", "Europe must defend itself"),
        ("Emmanuel Macron", "We will spend what it takes"),
        ("Emmanuel Macron", "and we will do it together with NATO."),
    }


def test_ontology_is_found_from_the_source_tree() -> None:
    assert ontology_path("geokg.ttl") == Path(__file__).resolve().parents[1] / "ontology" / "geokg.ttl"


def test_an_event_carries_the_goldstein_value_of_its_type(turtle: str) -> None:
    graph = Graph().parse(data=turtle, format="turtle")
    found = [(str(graph.value(t, SKOS.notation)), float(value))
             for e, value in graph.subject_objects(GKG.goldsteinScale) if (e, RDF.type, GKG.Event) in graph
             for t in graph.objects(e, GKG.eventType)]
    assert ("040", 1.0) in found  # Scholz met Macron: consult, +1.0 on the Goldstein scale
