"""Turtle with readable prefixes, written through pyoxigraph (fast on large graphs), reproducible."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import groupby
from operator import attrgetter, itemgetter
from pathlib import Path

from pyoxigraph import Quad, RdfFormat, Triple, serialize

from kg.export.files import write_bytes_atomically
from kg.vocab import BASE

PREFIXES = {
    "gkg": "https://w3id.org/geokg/ontology#",
    "cameo": "https://w3id.org/geokg/cameo/",
    "actor": f"{BASE}actor/",
    "article": f"{BASE}article/",
    "statement": f"{BASE}statement/",
    "place": f"{BASE}place/",
    "affiliation": f"{BASE}affiliation/",
    "event": f"{BASE}event/",
    "quantity": f"{BASE}quantity/",
    "wd": "http://www.wikidata.org/entity/",
    "dcterms": "http://purl.org/dc/terms/",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


_TRIPLE = attrgetter("triple")
_PREFIX_BLOCK = re.compile(rb"(?:@prefix [^\n]*\n)+")
_SUBJECT_START = re.compile(rb"\n(?=[^\t \n])")


def unique_triples(quads: Iterable[Quad]) -> Iterator[Triple]:
    """The triples of canonical quads, each once: a triple in several named graphs sits on adjacent quads.
    Streamed, so a million of them never pile up as Python objects."""
    return map(itemgetter(0), groupby(map(_TRIPLE, quads)))


def to_turtle(quads: Iterable[Quad]) -> str:
    """The union of all graphs as Turtle, one block per subject.

    ``quads`` come in canonical order (``kg.rdf.canonical``, as ``kg.build`` gives them): sorting is
    done once per build, not once per format, and Turtle keeps that order.
    """
    return turtle_bytes(quads).decode("utf-8")


def turtle_bytes(quads: Iterable[Quad]) -> bytes:
    """``to_turtle`` as UTF-8 bytes, which is what a file gets."""
    body = serialize(unique_triples(quads), format=RdfFormat.TURTLE, prefixes=PREFIXES)
    assert body is not None
    # the serialiser's prefix order is its own (the declarations come first): put them in a fixed order
    head_end = _PREFIX_BLOCK.match(body)
    head, body = (head_end.group(), body[head_end.end() :]) if head_end else (b"", body)
    declarations = sorted(line + b"\n" for line in head.splitlines())
    # a blank line before each subject (literals never hold raw newlines: pyoxigraph escapes them)
    return b"".join(declarations) + b"\n" + _SUBJECT_START.sub(b"\n\n", body.lstrip(b"\n"))


def write_turtle(quads: Iterable[Quad], path: Path) -> None:
    write_bytes_atomically(path, turtle_bytes(quads))
