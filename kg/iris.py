"""Stable IRIs for everything users reference: the same input gives the same IRI on every run.

Instances live under ``BASE`` (``https://w3id.org/geokg/id/``):
``actor/<key>`` (the Wikidata id for curated actors, else a slug of the name), ``article/<id>``
(the slug of the file name), ``statement/<article>_<start>_<end>`` (the quote's character offsets),
``place/<slug>``, ``affiliation/<person>_<org>_<role>`` (an office held), ``event/<article>_<start>_<end>_<target>``
(the trigger's offsets), ``quantity/<article>_<start>_<end>``; each article's triples
form the named graph ``graph/<article>``, and the cross-article actor descriptions the graph
``graph/actors``. Keys and ids given through the library API may hold any character: ``segment``
percent-encodes all but letters, digits and "-", so every IRI is valid.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from kg.models import slugify
from kg.vocab import BASE

_PLAIN = re.compile(r"[A-Za-z0-9-]*")


def segment(value: str) -> str:
    """An id or key as it stands in an IRI: letters, digits and "-" as they are (every slug, every Wikidata
    id), any other character percent-encoded as UTF-8, so that any ``str`` gives a valid IRI (RFC 3987) and
    distinct values distinct IRIs: "_" still separates parts, "." is no dot-segment, a lone surrogate is
    encoded as it stands."""
    if _PLAIN.fullmatch(value):
        return value
    return quote(value.encode("utf-8", "surrogatepass"), safe="").replace("_", "%5F").replace(
        ".", "%2E").replace("~", "%7E")


def actor_iri(key: str) -> str:
    return f"{BASE}actor/{segment(key)}"


def article_iri(article_id: str) -> str:
    return f"{BASE}article/{segment(article_id)}"


def statement_iri(article_id: str, start: int, end: int) -> str:
    return f"{BASE}statement/{segment(article_id)}_{start}_{end}"


def event_iri(article_id: str, start: int, end: int, agent: str, target: str) -> str:
    """One act of one agent toward one target: "China and Russia support X" is two events of one verb."""
    return f"{BASE}event/{segment(article_id)}_{start}_{end}_{segment(agent)}_{segment(target)}"


def quantity_iri(article_id: str, start: int, end: int) -> str:
    return f"{BASE}quantity/{segment(article_id)}_{start}_{end}"


def affiliation_iri(person: str, org: str, role: str) -> str:
    return f"{BASE}affiliation/{segment(person)}_{segment(org)}_{slugify(role)}"


def place_iri(name: str) -> str:
    return f"{BASE}place/{slugify(name)}"


def article_graph_iri(article_id: str) -> str:
    return f"{BASE}graph/{segment(article_id)}"


ACTORS_GRAPH = f"{BASE}graph/actors"
VOCABULARY_GRAPH = f"{BASE}graph/vocabulary"  # the CAMEO concepts the graph uses
