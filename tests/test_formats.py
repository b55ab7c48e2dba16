"""Every RDF format and ``kg export``: the same triples (and quads) in rdflib and pyoxigraph, byte-stable."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph
import pytest
import rdflib
from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, Store, Triple
from rdflib.namespace import OWL, RDF

import kg
from kg.cli import main
from kg.export import EXPORTERS, ExportError, export, output_name
from kg.export.jsonld import load_context
from kg.iris import ACTORS_GRAPH, VOCABULARY_GRAPH, article_graph_iri
from kg.resources import ontology_path
from kg.sources import RDF_FORMATS as SOURCE_FORMATS
from kg.vocab import GKG_NS, ontology_graph

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
ARTICLES = {
    "strikes.txt": (
        "Strikes on Kyiv\n\n"
        "Kyiv, March 3 (Wire) -- Russia attacked Ukraine overnight with drones and missiles, the Ukrainian "
        "air force said.\n\n"
        "French President Emmanuel Macron condemned Russia after the strikes. \"Europe will not look away,\" "
        "Macron said.\n"
    ),
    "talks.txt": (
        "Talks in Ankara\n\n"
        "Turkey hosted Greece for talks on the islands on Monday. Greek Prime Minister Kyriakos Mitsotakis "
        "met with Turkish President Recep Tayyip Erdogan in Ankara.\n\n"
        "\"We want calm waters, \u00e7ok sakin,\" Mitsotakis told reporters.\n"
    ),
}
RDF_FORMATS = {"ttl": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig", "jsonld": "json-ld"}
GRAPH_FORMATS = ("nq", "trig")
RDFLIB_DEFAULT = "urn:x-rdflib:default"


def write_articles(folder: Path) -> Path:
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[kg.BuildResult, Path]:
    articles = write_articles(tmp_path_factory.mktemp("articles"))
    out = tmp_path_factory.mktemp("out")
    result = kg.build([SEEDS, articles], out, formats=tuple(EXPORTERS))
    return result, out


def triples_of(quads: object) -> set[Triple]:
    return {Triple(q.subject, q.predicate, q.object) for q in quads}  # type: ignore[attr-defined]


def oxigraph_term(term: rdflib.term.Node) -> NamedNode | Literal:
    if isinstance(term, rdflib.URIRef):
        return NamedNode(str(term))
    assert isinstance(term, rdflib.Literal), f"unexpected term {term!r}"
    if term.language:
        return Literal(str(term), language=term.language)
    return Literal(str(term), datatype=NamedNode(str(term.datatype)) if term.datatype else None)


def rdflib_quads(path: Path, fmt: str) -> set[Quad]:
    dataset = rdflib.Dataset()
    dataset.parse(path, format=RDF_FORMATS[fmt])
    out = set()
    for s, p, o, g in dataset.quads((None, None, None, None)):
        name = str(g.identifier if isinstance(g, rdflib.Graph) else g)
        graph = DefaultGraph() if name == RDFLIB_DEFAULT else NamedNode(name)
        out.add(Quad(oxigraph_term(s), oxigraph_term(p), oxigraph_term(o), graph))  # type: ignore[arg-type]
    return out


def test_every_format_is_written_under_its_file_name(built: tuple[kg.BuildResult, Path]) -> None:
    result, out = built
    assert {p.name for p in result.written} == {output_name(n) for n in EXPORTERS}
    assert {"graph.nt", "graph.nq", "graph.trig", "graph.jsonld", "graph.events.csv"} <= {
        p.name for p in out.iterdir()}


@pytest.mark.parametrize("fmt", sorted(RDF_FORMATS))
def test_format_parses_in_pyoxigraph_and_rdflib_to_the_triples_built(
        built: tuple[kg.BuildResult, Path], fmt: str) -> None:
    result, out = built
    path = out / output_name(fmt)
    expected = triples_of(result.quads)
    assert len(expected) > 300
    assert triples_of(pyoxigraph.parse(path=path, format=SOURCE_FORMATS[f".{fmt}"])) == expected
    assert triples_of(rdflib_quads(path, fmt)) == expected


@pytest.mark.parametrize("fmt", GRAPH_FORMATS)
def test_graph_aware_formats_keep_every_named_graph(built: tuple[kg.BuildResult, Path], fmt: str) -> None:
    result, out = built
    path = out / output_name(fmt)
    expected = set(result.quads)
    graphs = {q.graph_name.value for q in expected if isinstance(q.graph_name, NamedNode)}
    assert {ACTORS_GRAPH, VOCABULARY_GRAPH, article_graph_iri("strikes"), article_graph_iri("talks")} <= graphs
    assert set(pyoxigraph.parse(path=path, format=SOURCE_FORMATS[f".{fmt}"])) == expected
    assert rdflib_quads(path, fmt) == expected


def test_every_format_is_byte_identical_across_runs(built: tuple[kg.BuildResult, Path],
                                                    tmp_path: Path) -> None:
    _, first = built
    (tmp_path / "in").mkdir()
    again = kg.build([SEEDS, write_articles(tmp_path / "in")], tmp_path / "out", formats=tuple(EXPORTERS))
    for path in again.written:
        assert path.read_bytes() == (first / path.name).read_bytes(), path.name


def test_ntriples_and_nquads_are_sorted_lines_without_duplicates(built: tuple[kg.BuildResult, Path]) -> None:
    _, out = built
    for name in ("graph.nt", "graph.nq"):
        lines = (out / name).read_text(encoding="utf-8").splitlines()
        assert lines == sorted(set(lines)), name


def test_trig_uses_the_turtle_prefixes_and_names_graphs_readably(built: tuple[kg.BuildResult, Path]) -> None:
    _, out = built
    text = (out / "graph.trig").read_text(encoding="utf-8")
    assert "@prefix gkg: <https://w3id.org/geokg/ontology#> ." in text
    assert "\ngraph:actors {\n" in text and "\ngraph:strikes {\n" in text
    assert "\tactor:Q159 a gkg:Country ;" in text


def test_jsonld_embeds_the_shipped_context_and_uses_short_names(built: tuple[kg.BuildResult, Path]) -> None:
    _, out = built
    document = json.loads((out / "graph.jsonld").read_text(encoding="utf-8"))
    shipped = json.loads(ontology_path("context.jsonld").read_text(encoding="utf-8"))
    assert document["@context"] == shipped["@context"]
    assert "context.jsonld" in document["@comment"]
    nodes = {node["@id"]: node for node in document["@graph"]}
    russia = nodes["actor:Q159"]
    assert russia["@type"] == "Country" and russia["label"] == "Russia" and russia["sameAs"] == "wd:Q159"
    (attack,) = [n for i, n in nodes.items() if i.startswith("event:strikes_") and n["target"] == "actor:Q212"]
    assert attack["agent"] == "actor:Q159" and attack["eventType"] == "cameo:190"
    assert isinstance(attack["charStart"], int) and attack["charStart"] > 0  # a JSON number: xsd:integer


def test_the_context_names_every_term_of_the_ontology() -> None:
    context = load_context()
    ontology = ontology_graph()
    terms = {str(s) for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
             for s in ontology.subjects(RDF.type, kind) if str(s).startswith(GKG_NS)}
    named = set(context.terms)
    # gkg:quantity would clash with the instance prefix quantity: and is written gkg:quantity
    assert terms - named == {f"{GKG_NS}quantity"}
    for iri in terms & named:
        assert context.terms[iri].name == iri.removeprefix(GKG_NS)


@pytest.fixture(scope="module")
def store_folder(built: tuple[kg.BuildResult, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    result, _ = built
    folder = tmp_path_factory.mktemp("store")
    store = Store(str(folder))
    store.extend(result.quads)
    store.flush()
    del store  # closed: kg export opens it read-only
    return folder


@pytest.mark.parametrize("source", ["graph.ttl", "graph.nq", "graph.trig", "graph.jsonld", "graph.nt", "store"])
def test_kg_export_gives_the_same_triples_from_any_source(built: tuple[kg.BuildResult, Path], store_folder: Path,
                                                          tmp_path: Path, source: str) -> None:
    result, out = built
    path = store_folder if source == "store" else out / source
    written = export([path], tmp_path, ["nt", "nq", "jsonld"])
    assert [p.name for p in written] == ["graph.nt", "graph.nq", "graph.jsonld"]
    assert (tmp_path / "graph.nt").read_bytes() == (out / "graph.nt").read_bytes()
    assert (tmp_path / "graph.jsonld").read_bytes() == (out / "graph.jsonld").read_bytes()
    if source in ("graph.nq", "graph.trig", "store"):  # graph-aware sources keep their graphs
        assert (tmp_path / "graph.nq").read_bytes() == (out / "graph.nq").read_bytes()
    else:  # triples-only sources land in the default graph
        quads = list(pyoxigraph.parse(path=tmp_path / "graph.nq", format=pyoxigraph.RdfFormat.N_QUADS))
        assert all(isinstance(q.graph_name, DefaultGraph) for q in quads)
        assert triples_of(quads) == triples_of(result.quads)


def test_kg_export_writes_html_and_event_csv_from_an_export(built: tuple[kg.BuildResult, Path],
                                                            tmp_path: Path) -> None:
    _, out = built
    assert main(["export", str(out / "graph.nq"), "--format", "html,events-csv", "-o", str(tmp_path)]) == 0
    assert "Emmanuel Macron" in (tmp_path / "graph.html").read_text(encoding="utf-8")
    assert (tmp_path / "graph.events.csv").read_bytes() == (out / "graph.events.csv").read_bytes()


def test_kg_export_names_a_bad_source_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text("<a> <b> .\n", encoding="utf-8")
    for source in (tmp_path / "missing.nq", broken, tmp_path / "notes.txt"):
        assert main(["export", str(source), "--format", "nt", "-o", str(tmp_path / "out")]) == 1
        err = capsys.readouterr().err
        assert err.startswith(f"kg export: cannot read {source}") and err.count("\n") == 1, err
    assert not (tmp_path / "out").exists()
    assert main(["export", str(broken), "--format", "xml", "-o", str(tmp_path)]) == 2
    with pytest.raises(ExportError, match="unknown format"):
        export([broken], tmp_path, ["xml"])


def test_unusual_terms_survive_every_format(tmp_path: Path) -> None:
    """Literals and IRIs the articles rarely produce: escapes, languages, odd numbers, IRIs no prefix fits."""
    xsd = "http://www.w3.org/2001/XMLSchema#"
    s, g = NamedNode("https://w3id.org/geokg/id/statement/x_1_2"), NamedNode(article_graph_iri("x"))
    objects: list[NamedNode | Literal] = [
        Literal('a "quoted", \\ back-slashed\nline \u00e9\u4e2d \U0001f600'), Literal("Bonjour", language="fr"),
        Literal("007", datatype=NamedNode(xsd + "integer")),
        Literal("12345678901234567890", datatype=NamedNode(xsd + "integer")),
        Literal("-3", datatype=NamedNode(xsd + "integer")), Literal("1", datatype=NamedNode(xsd + "boolean")),
        Literal("5.50", datatype=NamedNode(xsd + "decimal")), Literal("P10Y", datatype=NamedNode(xsd + "duration")),
        NamedNode("http://www.wikidata.org/entity//odd"), NamedNode("https://w3id.org/geokg/cameo/"),
        NamedNode("urn:example:elsewhere"),
    ]
    predicates = [NamedNode(f"{GKG_NS}quote"), NamedNode(f"{GKG_NS}charStart"), NamedNode(f"{GKG_NS}target"),
                  NamedNode("http://example.org/p")]
    quads = [Quad(s, p, o, graph) for p in predicates for o in objects for graph in (g, DefaultGraph())]
    for fmt in RDF_FORMATS:
        path = tmp_path / output_name(fmt)
        EXPORTERS[fmt](quads, path)
        expected = set(quads) if fmt in GRAPH_FORMATS else triples_of(quads)
        parsed = set(pyoxigraph.parse(path=path, format=SOURCE_FORMATS[f".{fmt}"]))
        assert (parsed if fmt in GRAPH_FORMATS else triples_of(parsed)) == expected, fmt
        in_rdflib = rdflib_quads(path, fmt)  # rdflib normalises lexical forms ("007" -> "7"): so must we
        assert (in_rdflib if fmt in GRAPH_FORMATS else triples_of(in_rdflib)) == {
            normalised(q) for q in expected}, fmt


def normalised(statement: Quad | Triple) -> Quad | Triple:
    """The statement with its literal as rdflib reads it back."""
    value = statement.object
    if isinstance(value, Literal):
        term = rdflib.Literal(value.value, lang=value.language,
                              datatype=None if value.language else rdflib.URIRef(value.datatype.value))
        value = oxigraph_term(term)
    if isinstance(statement, Quad):
        return Quad(statement.subject, statement.predicate, value, statement.graph_name)
    return Triple(statement.subject, statement.predicate, value)
