"""Stable IRIs for everything users reference: the same input gives the same IRI on every run.

Instances live under ``BASE`` (``https://w3id.org/geokg/id/``):
``actor/<key>`` (the Wikidata id for curated actors, else a slug of the name), ``article/<id>``
(the slug of the file name), ``statement/<article>_<start>_<end>`` (the quote's character offsets),
``place/<slug>``, ``affiliation/<person>_<org>_<role>`` (an office held), ``event/<article>_<start>_<end>_<target>``
(the trigger's offsets), ``quantity/<article>_<start>_<end>``; each article's triples
form the named graph ``graph/<article>``, and the cross-article actor descriptions the graph
``graph/actors``.
"""

from __future__ import annotations

from kg.models import slugify
from kg.vocab import BASE


def actor_iri(key: str) -> str:
    return f"{BASE}actor/{key}"


def article_iri(article_id: str) -> str:
    return f"{BASE}article/{article_id}"


def statement_iri(article_id: str, start: int, end: int) -> str:
    return f"{BASE}statement/{article_id}_{start}_{end}"


def event_iri(article_id: str, start: int, end: int, target: str) -> str:
    return f"{BASE}event/{article_id}_{start}_{end}_{target}"


def quantity_iri(article_id: str, start: int, end: int) -> str:
    return f"{BASE}quantity/{article_id}_{start}_{end}"


def affiliation_iri(person: str, org: str, role: str) -> str:
    return f"{BASE}affiliation/{person}_{org}_{slugify(role)}"


def place_iri(name: str) -> str:
    return f"{BASE}place/{slugify(name)}"


def article_graph_iri(article_id: str) -> str:
    return f"{BASE}graph/{article_id}"


ACTORS_GRAPH = f"{BASE}graph/actors"
VOCABULARY_GRAPH = f"{BASE}graph/vocabulary"  # the CAMEO concepts the graph uses
