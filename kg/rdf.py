"""Extractions -> quads in the contract vocabulary (``ontology/geokg.ttl``). RDF types start here.

Each article's statements, mentions and affiliations go in the article's named graph; the
description of each actor (type, labels, Wikidata id), shared by all articles, in ``graph/actors``.
Quads come out in a canonical order so that every serialisation is byte-for-byte reproducible.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from functools import lru_cache

from pyoxigraph import BlankNode, Literal, NamedNode, Quad
from rdflib import Literal as RdfLiteral
from rdflib import URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

from kg.iris import (
    ACTORS_GRAPH,
    VOCABULARY_GRAPH,
    actor_iri,
    affiliation_iri,
    article_graph_iri,
    article_iri,
    event_iri,
    place_iri,
    quantity_iri,
    statement_iri,
)
from kg.models import ACTOR_TYPES, Actor, ActorType, Extraction, Quantity, clean_text
from kg.vocab import GKG, cameo_concept, goldstein_scale, ontology_graph

WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"
_WIKIDATA_ID = re.compile(r"Q[0-9]+")
# The XSD date types by precision: the lexical form ([0-9], not \d: "٢٠٢٥" is no year) and how to make
# it a whole day, to check that it is one of the calendar (a leap year for a month and day: "--02-29")
_DATE_TYPES: tuple[tuple[re.Pattern[str], URIRef, Callable[[str], str]], ...] = (
    (re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}"), XSD.date, lambda v: v),
    (re.compile(r"[0-9]{4}-[0-9]{2}"), XSD.gYearMonth, lambda v: v + "-01"),
    (re.compile(r"[0-9]{4}"), XSD.gYear, lambda v: v + "-01-01"),
    (re.compile(r"--[0-9]{2}-[0-9]{2}"), XSD.gMonthDay, lambda v: "2000" + v[1:]),
)
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_DURATION = re.compile(r"-?P(?!$)(?:[0-9]+Y)?(?:[0-9]+M)?(?:[0-9]+D)?"
                       r"(?:T(?!$)(?:[0-9]+H)?(?:[0-9]+M)?(?:[0-9]+(?:\.[0-9]+)?S)?)?")
# Term = what may stand in a quad's object position
Term = NamedNode | Literal | BlankNode


@lru_cache(maxsize=4096)  # bounded: instance IRIs pass through too, and a build's memory must not grow
def node(term: str) -> NamedNode:
    """The pyoxigraph node of a vocabulary term or instance IRI."""
    return NamedNode(str(term))


def text(value: str) -> Literal:
    """A string literal. Every one goes through here, cleaned of what xsd:string cannot hold: whatever text
    an ``Extraction`` holds, from the reader or from the library API, the graph is valid RDF."""
    return Literal(clean_text(value))


def integer(value: int) -> Literal:
    return Literal(str(value), datatype=node(XSD.integer))


def decimal(value: Decimal) -> Literal:
    """An xsd:decimal in its canonical form ("-10", "3.4"), as parsers give it back: a graph read from
    Turtle and written again is the same bytes."""
    return Literal(format(value.normalize(), "f"), datatype=node(XSD.decimal))


def boolean(value: bool) -> Literal:
    return Literal("true" if value else "false", datatype=node(XSD.boolean))


def date_type(value: str) -> URIRef | None:
    """The XSD date type ``value`` is a valid lexical form of ("2025-06", a gYearMonth), or None."""
    for pattern, datatype, day in _DATE_TYPES:
        if pattern.fullmatch(value):
            try:
                datetime.date.fromisoformat(day(value))
            except ValueError:
                return None
            return datatype
    return None


def date_literal(value: str) -> Literal | None:
    """An article's date: an xsd:date or (year unknown) an xsd:gMonthDay, or None when it is neither."""
    datatype = date_type(value)
    return Literal(value, datatype=node(datatype)) if datatype in (XSD.date, XSD.gMonthDay) else None


ACTOR_CLASS: dict[ActorType, URIRef] = {actor_type: GKG[actor_type] for actor_type in ACTOR_TYPES}


def actor_quads(actor: Actor) -> Iterator[Quad]:
    """The cross-article description of one actor."""
    graph = node(ACTORS_GRAPH)
    subject = node(actor_iri(actor.key))
    yield Quad(subject, node(RDF.type), node(ACTOR_CLASS[actor.type]), graph)
    yield Quad(subject, node(RDFS.label), text(actor.label), graph)
    for alias in actor.aliases:
        yield Quad(subject, node(SKOS.altLabel), text(alias), graph)
    if actor.wikidata and _WIKIDATA_ID.fullmatch(actor.wikidata):  # anything else names no Wikidata item
        yield Quad(subject, node(OWL.sameAs), node(WIKIDATA_ENTITY + actor.wikidata), graph)
    if actor.nationality:
        yield Quad(subject, node(GKG.nationality), node(actor_iri(actor.nationality)), graph)


def article_quads(extraction: Extraction) -> Iterator[Quad]:
    """The article node, what was said in it, who is mentioned in it, and who holds which office."""
    article = extraction.article
    graph = node(article_graph_iri(article.id))
    subject = node(article_iri(article.id))

    def quad(s: NamedNode, p: URIRef, o: Term) -> Quad:
        return Quad(s, node(p), o, graph)

    yield quad(subject, RDF.type, node(GKG.Article))
    yield quad(subject, DCTERMS.source, text(article.source))
    if article.title:
        yield quad(subject, DCTERMS.title, text(article.title))
    date = date_literal(article.date) if article.date else None
    if date is not None:
        yield quad(subject, DCTERMS.date, date)
    if article.outlet:
        yield quad(subject, DCTERMS.publisher, text(article.outlet))
    for line in article.summary:
        yield quad(subject, DCTERMS.abstract, text(line))
    if article.place:
        place = node(place_iri(article.place))
        yield quad(subject, DCTERMS.spatial, place)
        yield quad(place, RDF.type, node(GKG.Place))
        yield quad(place, RDFS.label, text(article.place))
    for actor in extraction.actors:
        yield quad(node(actor_iri(actor.key)), GKG.mentionedIn, subject)
    for affiliation in extraction.affiliations:
        person, org = node(actor_iri(affiliation.person)), node(actor_iri(affiliation.org))
        yield quad(person, GKG.affiliatedWith, org)
        if affiliation.role:  # the n-ary form keeps the title of the office
            office = node(affiliation_iri(affiliation.person, affiliation.org, affiliation.role))
            yield quad(office, RDF.type, node(GKG.Affiliation))
            yield quad(office, GKG.holder, person)
            yield quad(office, GKG.organization, org)
            yield quad(office, GKG.role, text(affiliation.role))
    for statement in extraction.statements:
        s = node(statement_iri(article.id, statement.start, statement.end))
        yield quad(s, RDF.type, node(GKG.Statement))
        yield quad(s, GKG.source, subject)
        yield quad(s, GKG.quote, text(statement.quote))
        yield quad(s, GKG.direct, boolean(statement.direct))
        if statement.cue:
            yield quad(s, GKG.cue, text(statement.cue))
        if statement.speaker:
            yield quad(s, GKG.speaker, node(actor_iri(statement.speaker)))
        else:  # kept, and said to be unattributed, rather than given a guessed speaker
            yield quad(s, RDF.type, node(GKG.UnattributedStatement))
            if statement.speaker_text:
                yield quad(s, GKG.speakerText, text(statement.speaker_text))
        if statement.target:  # a statement aimed at someone is an interaction too: agent, target, type
            yield quad(s, GKG.target, node(actor_iri(statement.target)))
            if statement.speaker:
                yield quad(s, GKG.agent, node(actor_iri(statement.speaker)))
            if statement.event_type:
                yield from _type_quads(quad, s, statement.event_type)
        yield from _quantity_quads(quad, s, article.id, statement.quantities)
        for mentioned in statement.mentions:
            yield quad(s, GKG.mentions, node(actor_iri(mentioned)))
        yield quad(s, GKG.quoteStart, integer(statement.start))
        yield quad(s, GKG.quoteEnd, integer(statement.end))
        yield quad(s, GKG.charStart, integer(statement.evidence_start))
        yield quad(s, GKG.charEnd, integer(statement.evidence_end))
        yield quad(s, GKG.evidence, text(statement.evidence))


    for event in extraction.events:
        if event.negated or event.hypothetical:
            continue  # not asserted as having happened: kept, flagged, in the Extraction only
        e = node(event_iri(article.id, event.start, event.end, event.agent, event.target))
        yield quad(e, RDF.type, node(GKG.Event))
        yield quad(e, GKG.source, subject)
        yield quad(e, GKG.agent, node(actor_iri(event.agent)))
        yield quad(e, GKG.target, node(actor_iri(event.target)))
        yield from _type_quads(quad, e, event.code)
        yield quad(e, GKG.trigger, text(event.trigger))
        yield quad(e, GKG.charStart, integer(event.evidence_start))
        yield quad(e, GKG.charEnd, integer(event.evidence_end))
        yield quad(e, GKG.evidence, text(event.evidence))
        yield from _quantity_quads(quad, e, article.id, event.quantities)


QuadMaker = Callable[[NamedNode, URIRef, Term], Quad]


def _type_quads(quad: QuadMaker, owner: NamedNode, code: str) -> Iterator[Quad]:
    """An interaction's CAMEO type, and that type's value on the Goldstein scale (as GDELT rows carry it)."""
    yield quad(owner, GKG.eventType, node(cameo_concept(code)))
    yield quad(owner, GKG.goldsteinScale, decimal(goldstein_scale()[code]))


def _quantity_quads(quad: QuadMaker, owner: NamedNode, article_id: str,
                    quantities: tuple[Quantity, ...]) -> Iterator[Quad]:
    for quantity in quantities:
        q = node(quantity_iri(article_id, quantity.start, quantity.end))
        yield quad(owner, GKG.quantity, q)
        yield quad(q, RDF.type, node(GKG.Quantity))
        yield quad(q, RDFS.label, text(quantity.text))
        yield quad(q, GKG.quantityKind, text(quantity.kind))
        yield quad(q, GKG.value, quantity_value(quantity))
        if quantity.unit:
            yield quad(q, GKG.unit, text(quantity.unit))


def quantity_value(quantity: Quantity) -> Literal:
    """The value typed by its kind: a decimal, an xsd:duration, or the XSD date type of its precision; a
    string when it is not of that type's lexical form (a week, "2025-W24", has no XSD type)."""
    value = quantity.value
    if quantity.kind == "duration":
        datatype = XSD.duration if _DURATION.fullmatch(value) else XSD.string
    elif quantity.kind == "date":
        datatype = date_type(value) or XSD.string
    else:
        datatype = XSD.decimal if _DECIMAL.fullmatch(value) else XSD.string
    return text(value) if datatype == XSD.string else Literal(value, datatype=node(datatype))


def cameo_quads(codes: Iterable[str]) -> Iterator[Quad]:
    """The CAMEO concepts the graph uses and the codes above them, as the ontology describes them."""
    ontology = ontology_graph()
    graph = node(VOCABULARY_GRAPH)
    used = set(codes)
    # with their roots, which carry the quad class, and a four-digit code's three-digit code (its skos:broader)
    for code in sorted(used | {c[:2] for c in used} | {c[:3] for c in used if len(c) == 4}):
        concept = cameo_concept(code)
        for p in (RDF.type, SKOS.notation, SKOS.prefLabel, SKOS.broader, SKOS.inScheme, GKG.quadClass,
                  GKG.goldsteinScale):
            for o in ontology.objects(concept, p):
                yield Quad(node(concept), node(p), _from_rdflib(o), graph)


def _from_rdflib(term: object) -> NamedNode | Literal:
    """An ontology term read with rdflib, as a pyoxigraph term (datatype and language kept)."""
    if isinstance(term, URIRef):
        return node(term)
    assert isinstance(term, RdfLiteral)
    if term.datatype == XSD.decimal:
        return decimal(Decimal(str(term)))
    if term.datatype is not None:
        return Literal(str(term), datatype=node(term.datatype))
    return Literal(str(term), language=term.language)


def canonical(quads: Iterable[Quad]) -> list[Quad]:
    """Quads without duplicates in canonical order: the order of their N-Quads lines (subject first), so
    every serialisation of a build is reproducible byte for byte."""
    return sorted(set(quads), key=str)


def event_codes(extraction: Extraction) -> set[str]:
    """The CAMEO codes an article's graph uses (``cameo_quads`` describes them in ``graph/vocabulary``)."""
    return ({e.code for e in extraction.events if not (e.negated or e.hypothetical)}
            | {s.event_type for s in extraction.statements if s.event_type and s.target})


def to_quads(extractions: Iterable[Extraction], actors: Iterable[Actor]) -> list[Quad]:
    """The whole graph of a few articles, in memory: every article's graph and the given actor descriptions.
    (``kg.build`` makes the same graph as a stream, for corpora of any size.)"""
    quads: list[Quad] = []
    codes: set[str] = set()
    for extraction in extractions:
        quads.extend(article_quads(extraction))
        codes |= event_codes(extraction)
    for actor in actors:
        quads.extend(actor_quads(actor))
    quads.extend(cameo_quads(codes))
    return canonical(quads)
