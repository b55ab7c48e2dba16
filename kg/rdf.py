"""Extractions -> quads in the contract vocabulary (``ontology/geokg.ttl``). RDF types start here.

Each article's statements, mentions and affiliations go in the article's named graph; the
description of each actor (type, labels, Wikidata id), shared by all articles, in ``graph/actors``.
Quads come out in a canonical order so that every serialisation is byte-for-byte reproducible.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Quad
from rdflib import URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

from kg.iris import ACTORS_GRAPH, actor_iri, affiliation_iri, article_graph_iri, article_iri, place_iri, statement_iri
from kg.models import Actor, Extraction
from kg.vocab import GKG

WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_MONTH_DAY = re.compile(r"--\d{2}-\d{2}")
# Term = what may stand in a quad's object position
Term = NamedNode | Literal | BlankNode


@cache
def node(term: str) -> NamedNode:
    """The pyoxigraph node of a vocabulary term or instance IRI."""
    return NamedNode(str(term))


def text(value: str) -> Literal:
    return Literal(value)


def integer(value: int) -> Literal:
    return Literal(str(value), datatype=node(XSD.integer))


def boolean(value: bool) -> Literal:
    return Literal("true" if value else "false", datatype=node(XSD.boolean))


def date_literal(value: str) -> Literal | None:
    if _ISO_DATE.fullmatch(value):
        return Literal(value, datatype=node(XSD.date))
    if _MONTH_DAY.fullmatch(value):
        return Literal(value, datatype=node(XSD.gMonthDay))
    return None


ACTOR_CLASS: dict[str, URIRef] = {
    "Person": GKG.Person, "Organization": GKG.Organization, "Country": GKG.Country, "Group": GKG.Group,
}


def actor_quads(actor: Actor) -> Iterator[Quad]:
    """The cross-article description of one actor."""
    graph = node(ACTORS_GRAPH)
    subject = node(actor_iri(actor.key))
    yield Quad(subject, node(RDF.type), node(ACTOR_CLASS[actor.type]), graph)
    yield Quad(subject, node(RDFS.label), text(actor.label), graph)
    for alias in actor.aliases:
        yield Quad(subject, node(SKOS.altLabel), text(alias), graph)
    if actor.wikidata:
        yield Quad(subject, node(OWL.sameAs), node(WIKIDATA_ENTITY + actor.wikidata), graph)


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
        if statement.target:
            yield quad(s, GKG.target, node(actor_iri(statement.target)))
        for mentioned in statement.mentions:
            yield quad(s, GKG.mentions, node(actor_iri(mentioned)))
        yield quad(s, GKG.quoteStart, integer(statement.start))
        yield quad(s, GKG.quoteEnd, integer(statement.end))
        yield quad(s, GKG.charStart, integer(statement.evidence_start))
        yield quad(s, GKG.charEnd, integer(statement.evidence_end))
        yield quad(s, GKG.evidence, text(statement.evidence))


_PREDICATE_ORDER = {str(RDF.type): "0", str(RDFS.label): "1"}


def _sort_key(quad: Quad) -> tuple[str, str, str, str]:
    graph = "" if isinstance(quad.graph_name, DefaultGraph) else str(quad.graph_name)
    predicate = quad.predicate.value
    return (str(quad.subject), _PREDICATE_ORDER.get(predicate, "2") + predicate, str(quad.object), graph)


def canonical(quads: Iterable[Quad]) -> list[Quad]:
    """Quads without duplicates, in a stable order (subject, then type and label first)."""
    return sorted(set(quads), key=_sort_key)


def to_quads(extractions: Iterable[Extraction], actors: Iterable[Actor]) -> list[Quad]:
    """The whole graph of a build: every article's graph and the merged actor descriptions."""
    quads: list[Quad] = []
    for extraction in extractions:
        quads.extend(article_quads(extraction))
    for actor in actors:
        quads.extend(actor_quads(actor))
    return canonical(quads)
