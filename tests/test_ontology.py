"""The ontology, the SHACL shapes and the closed namespace generated from them."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pyoxigraph
import pyshacl
import pytest
import rdflib.namespace
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, SH, SKOS
from rdflib.term import Node

import kg.resources
import kg.vocab
from kg.resources import data_path, ontology_path
from kg.vocab import CAMEO, GKG, GKG_NS, cameo_concept, class_body, defined_terms

ROOT = Path(__file__).resolve().parents[1]
CONTRACT = ROOT.parent / "shared" / "eval" / "CONTRACT.md"

# The gkg terms of ../shared/eval/CONTRACT.md, so that the check runs without ../shared.
CONTRACT_TERMS = frozenset({
    "Article", "Actor", "Person", "Organization", "Country", "Group", "Place", "mentionedIn",
    "affiliatedWith", "role", "Statement", "Event", "speaker", "quote", "direct", "cue", "mentions",
    "agent", "target", "eventType", "source", "charStart", "charEnd", "evidence",
})
# rdflib's XSD namespace warns when pytest probes module attributes, so it is not imported by name.
XSD = Namespace(str(rdflib.namespace.XSD))
# Terms of other vocabularies that kg.rdf writes on articles and the ontology says how it uses.
DCTERMS_USED = (DCTERMS.source, DCTERMS.title, DCTERMS.date, DCTERMS.spatial, DCTERMS.publisher,
                DCTERMS.abstract)
PROPERTY_KINDS = (OWL.ObjectProperty, OWL.DatatypeProperty)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ontology_path("geokg.ttl"), format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(ontology_path("shapes.ttl"), format="turtle")


def english(graph: Graph, subject: Node, predicate: URIRef) -> list[str]:
    return [str(o) for o in graph.objects(subject, predicate)
            if isinstance(o, Literal) and o.language == "en" and str(o).strip()]


# ---------------------------------------------------------------- the files


@pytest.mark.parametrize("name", ["geokg.ttl", "shapes.ttl"])
def test_files_parse_with_rdflib_and_pyoxigraph(name: str) -> None:
    path = ontology_path(name)
    triples = list(pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(triples) == len(Graph().parse(path, format="turtle")) > 100


def test_ontology_header(ontology: Graph) -> None:
    header = URIRef("https://w3id.org/geokg/ontology")
    assert (header, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(header, OWL.versionInfo) == Literal("0.1.0")
    assert english(ontology, header, DCTERMS.title) and english(ontology, header, DCTERMS.description)
    assert ontology.value(header, DCTERMS.license) is not None


# ---------------------------------------------------------------- the terms


def contract_terms(text: str) -> set[str]:
    """Every gkg term named in the rows of the contract's table."""
    rows = [line for line in text.splitlines() if line.startswith("|")]
    return {term for row in rows for term in re.findall(r"`gkg:(\w+)`", row)}


def test_contract_table_is_read() -> None:
    table = "| term | kind |\n| `gkg:Person`, `gkg:Group` | classes, see `gkg:Actor` |\nnot `gkg:Other`"
    assert contract_terms(table) == {"Person", "Group", "Actor"}


@pytest.mark.shared
@pytest.mark.skipif(not CONTRACT.is_file(), reason="../shared/eval/CONTRACT.md is not here")
def test_hard_coded_terms_are_those_of_the_contract() -> None:
    assert contract_terms(CONTRACT.read_text(encoding="utf-8")) == CONTRACT_TERMS


def test_every_contract_term_is_defined(ontology: Graph) -> None:
    assert CONTRACT_TERMS - set(defined_terms(ontology)) == set()


def test_every_term_has_label_comment_domain_and_range(ontology: Graph) -> None:
    terms = defined_terms(ontology)
    assert len(terms) >= len(CONTRACT_TERMS)
    for name, kind in terms.items():
        term = URIRef(GKG_NS + name)
        assert english(ontology, term, RDFS.label), name
        assert english(ontology, term, RDFS.comment), name
        if kind in PROPERTY_KINDS:
            assert ontology.value(term, RDFS.domain) is not None, name
            assert ontology.value(term, RDFS.range) is not None, name


@pytest.mark.parametrize(("term", "datatype"), [
    (GKG.direct, XSD.boolean), (GKG.charStart, XSD.integer), (GKG.charEnd, XSD.integer),
    (GKG.quoteStart, XSD.integer), (GKG.quoteEnd, XSD.integer), (GKG.quote, XSD.string),
    (GKG.quadClass, XSD.integer), (GKG.goldsteinScale, XSD.decimal),
])
def test_literal_ranges_match_what_the_code_writes(ontology: Graph, term: URIRef, datatype: URIRef) -> None:
    assert ontology.value(term, RDFS.range) == datatype


def test_actor_classes_are_subclasses_of_actor(ontology: Graph) -> None:
    for actor_class in (GKG.Person, GKG.Organization, GKG.Country, GKG.Group):
        assert (actor_class, RDFS.subClassOf, GKG.Actor) in ontology
    assert (GKG.Statement, RDFS.subClassOf, GKG.Event) in ontology


def test_terms_of_other_vocabularies_are_declared(ontology: Graph) -> None:
    for term in DCTERMS_USED:
        assert english(ontology, term, RDFS.comment), term


# ---------------------------------------------------------------- the closed namespace


def test_gkg_namespace_is_exactly_the_ontology(ontology: Graph) -> None:
    assert set(GKG.__annotations__) == set(defined_terms(ontology))


def test_gkg_namespace_is_generated_from_the_ontology(ontology: Graph) -> None:
    source = Path(kg.vocab.__file__).read_text(encoding="utf-8")
    marker = "    # generated by `python -m kg.vocab` from ontology/geokg.ttl: "
    generated = source.split(marker + "begin\n", 1)[1].split("\n" + marker + "end", 1)[0]
    assert generated == class_body(ontology), "run `python -m kg.vocab` and paste its output into GKG"


def test_misspelt_term_raises() -> None:
    assert GKG.speaker == URIRef(GKG_NS + "speaker")
    with pytest.raises(AttributeError):
        _ = GKG.Speeker


def test_cameo_concept_accepts_only_codes_of_the_scheme() -> None:
    assert cameo_concept("11") == URIRef("https://w3id.org/geokg/cameo/11")
    assert cameo_concept("193") == CAMEO["193"]
    assert cameo_concept("1121") == CAMEO["1121"]
    for unknown in ("11x", "099", "1", "1213", "21", "12345"):
        with pytest.raises(ValueError, match=unknown):
            cameo_concept(unknown)


# ---------------------------------------------------------------- CAMEO


def notation(graph: Graph, concept: Node) -> str:
    return str(graph.value(concept, SKOS.notation))


def test_cameo_scheme_has_the_twenty_roots(ontology: Graph) -> None:
    scheme = CAMEO[""]
    assert (scheme, RDF.type, SKOS.ConceptScheme) in ontology
    tops = set(ontology.objects(scheme, SKOS.hasTopConcept))
    assert tops == set(ontology.subjects(SKOS.topConceptOf, scheme))
    assert sorted(notation(ontology, top) for top in tops) == [f"{n:02d}" for n in range(1, 21)]
    assert ontology.value(CAMEO["01"], SKOS.prefLabel) == Literal("Make public statement", lang="en")


def test_every_second_level_code_has_its_root_as_broader(ontology: Graph) -> None:
    codes = {notation(ontology, c): c for c in ontology.subjects(SKOS.inScheme, CAMEO[""])}
    finer = [code for code in codes if len(code) == 3]
    assert len(finer) > 140
    for code in finer:
        assert set(ontology.objects(codes[code], SKOS.broader)) == {codes[code[:2]]}, code
    for concept in codes.values():
        assert (concept, RDF.type, SKOS.Concept) in ontology
        assert english(ontology, concept, SKOS.prefLabel)


@pytest.mark.parametrize(("code", "label"), [
    ("111", "Criticize or denounce"), ("112", "Accuse"), ("036", "Express intent to meet or negotiate"),
    ("042", "Make a visit"), ("043", "Host a visit"), ("163", "Impose embargo, boycott, or sanctions"),
    ("193", "Fight with small arms and light weapons"),
])
def test_second_level_labels(ontology: Graph, code: str, label: str) -> None:
    assert ontology.value(CAMEO[code], SKOS.prefLabel) == Literal(label, lang="en")


def test_roots_carry_the_gdelt_quad_class(ontology: Graph) -> None:
    expected = {**dict.fromkeys(range(1, 6), 1), **dict.fromkeys(range(6, 10), 2),
                **dict.fromkeys(range(10, 15), 3), **dict.fromkeys(range(15, 21), 4)}
    for root, quad_class in expected.items():
        assert ontology.value(CAMEO[f"{root:02d}"], GKG.quadClass) == Literal(quad_class)


# ---------------------------------------------------------------- SHACL

VALID = """
@prefix gkg: <https://w3id.org/geokg/ontology#> .
@prefix cameo: <https://w3id.org/geokg/cameo/> .
@prefix art: <https://w3id.org/geokg/id/article/> .
@prefix actor: <https://w3id.org/geokg/id/actor/> .
@prefix place: <https://w3id.org/geokg/id/place/> .
@prefix st: <https://w3id.org/geokg/id/statement/> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

art:harbour a gkg:Article ;
    dcterms:source "harbour.txt" ;
    dcterms:title "Ministers trade words over harbour dues" ;
    dcterms:date "--03-14"^^xsd:gMonthDay ;
    dcterms:publisher "Gazette" ;
    dcterms:abstract "Dues are up." , "Talks stall." ;
    dcterms:spatial place:port-lumen .
place:port-lumen a gkg:Place ; rdfs:label "Port Lumen" .

actor:Q1000001 a gkg:Person ;
    rdfs:label "Ada Brightwater" ; skos:altLabel "Brightwater" ;
    owl:sameAs <http://www.wikidata.org/entity/Q1000001> ;
    gkg:mentionedIn art:harbour ;
    gkg:affiliatedWith actor:ruritania .
actor:ruritania a gkg:Country ; rdfs:label "Ruritania" ; gkg:mentionedIn art:harbour .
actor:dock-unions a gkg:Group ; rdfs:label "dock unions" ; gkg:mentionedIn art:harbour .

st:harbour_1_17 a gkg:Statement ;
    gkg:source art:harbour ;
    gkg:quote "The dues are fair" ; gkg:direct true ; gkg:cue "say" ;
    gkg:speaker actor:Q1000001 ; gkg:target actor:dock-unions ; gkg:mentions actor:ruritania ;
    gkg:eventType cameo:111 ;
    gkg:quoteStart 1 ; gkg:quoteEnd 18 ; gkg:charStart 0 ; gkg:charEnd 34 ;
    gkg:evidence "\\"The dues are fair,\\" Brightwater said." .
"""
ID = Namespace("https://w3id.org/geokg/id/")
STATEMENT = ID["statement/harbour_1_17"]
PERSON = ID["actor/Q1000001"]


def violations(data: Graph, ontology: Graph | None, shapes: Graph) -> set[tuple[str, str]]:
    """(focus node, message) of every violation, validating the way kg.resources documents."""
    conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes, ont_graph=ontology, inference="none")
    assert isinstance(report, Graph)
    found = {(str(report.value(r, SH.focusNode)), str(report.value(r, SH.resultMessage)))
             for r in report.subjects(RDF.type, SH.ValidationResult)}
    assert conforms == (not found)
    return found


def valid_graph() -> Graph:
    return Graph().parse(data=VALID, format="turtle")


def test_valid_graph_conforms(ontology: Graph, shapes: Graph) -> None:
    assert violations(valid_graph(), ontology, shapes) == set()


def test_subclasses_are_known_only_through_the_ontology(shapes: Graph) -> None:
    found = violations(valid_graph(), None, shapes)
    assert (str(STATEMENT), "A statement has at most one gkg:speaker, a gkg:Actor.") in found


def drop_source(graph: Graph) -> None:
    graph.remove((STATEMENT, GKG.source, None))


def second_type(graph: Graph) -> None:
    graph.add((PERSON, RDF.type, GKG.Organization))


def sameas_elsewhere(graph: Graph) -> None:
    graph.set((PERSON, OWL.sameAs, URIRef("http://dbpedia.org/resource/Ada_Brightwater")))


def offset_as_string(graph: Graph) -> None:
    graph.set((STATEMENT, GKG.charStart, Literal("0")))


def event_type_outside_cameo(graph: Graph) -> None:
    graph.set((STATEMENT, GKG.eventType, URIRef("https://example.org/criticize")))


def unmentioned_actor(graph: Graph) -> None:
    graph.remove((PERSON, GKG.mentionedIn, None))


def date_as_string(graph: Graph) -> None:
    graph.set((ID["article/harbour"], DCTERMS.date, Literal("14 March")))


@pytest.mark.parametrize(("breakage", "focus", "message"), [
    (drop_source, STATEMENT,
     "A statement or event has exactly one gkg:source, the gkg:Article it was read from."),
    (second_type, PERSON,
     "An actor is typed with exactly one of gkg:Person, gkg:Organization, gkg:Country, gkg:Group."),
    (sameas_elsewhere, PERSON,
     "An actor's owl:sameAs is a Wikidata entity IRI, http://www.wikidata.org/entity/Q…"),
    (offset_as_string, STATEMENT,
     "A statement or event has exactly one gkg:charStart, an xsd:integer from 0 up to its gkg:charEnd."),
    (event_type_outside_cameo, STATEMENT,
     "An event's gkg:eventType is a concept of the CAMEO scheme, https://w3id.org/geokg/cameo/<code>."),
    (unmentioned_actor, PERSON, "An actor is gkg:mentionedIn at least one gkg:Article."),
    (date_as_string, ID["article/harbour"],
     "An article has at most one dcterms:date, an xsd:date or (year unknown) an xsd:gMonthDay."),
])
def test_broken_graph_is_reported(ontology: Graph, shapes: Graph, breakage: Callable[[Graph], None],
                                  focus: URIRef, message: str) -> None:
    data = valid_graph()
    breakage(data)
    assert (str(focus), message) in violations(data, ontology, shapes)


# ---------------------------------------------------------------- resources


def test_ontology_path_prefers_the_packaged_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "kg"
    for folder in (package / "ontology", tmp_path / "ontology"):
        folder.mkdir(parents=True)
        (folder / "geokg.ttl").write_text("", encoding="utf-8")
    monkeypatch.setattr(kg.resources, "_PACKAGE", package)
    assert ontology_path("geokg.ttl") == package / "ontology" / "geokg.ttl"
    (package / "ontology" / "geokg.ttl").unlink()
    assert ontology_path("geokg.ttl") == tmp_path / "ontology" / "geokg.ttl"
    with pytest.raises(FileNotFoundError, match=r"shapes\.ttl"):
        ontology_path("shapes.ttl")


def test_paths_in_the_source_tree() -> None:
    assert ontology_path("geokg.ttl") == ROOT / "ontology" / "geokg.ttl"
    verbs = data_path("lexicons", "reporting_verbs.txt")
    assert verbs == ROOT / "kg" / "data" / "lexicons" / "reporting_verbs.txt"
    assert verbs.is_file()
