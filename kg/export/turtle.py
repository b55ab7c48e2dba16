"""Turtle with readable prefixes, written through pyoxigraph (fast on large graphs), reproducible."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import groupby
from operator import attrgetter, itemgetter
from pathlib import Path

from pyoxigraph import Quad, RdfFormat, Triple, serialize

from kg.export.files import write_chunks_atomically
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
_SUBJECT = attrgetter("subject")
_PREFIX_BLOCK = re.compile(rb"(?:@prefix [^\n]*\n)+")
_SUBJECT_START = re.compile(rb"\n(?=[^\t \n])")
CHUNK = 20_000  # triples serialised at once: output is written as a stream of such pieces


def unique_triples(quads: Iterable[Quad]) -> Iterator[Triple]:
    """The triples of canonical quads, each once: a triple in several named graphs sits on adjacent quads.
    Streamed, so a million of them never pile up as Python objects."""
    return map(itemgetter(0), groupby(map(_TRIPLE, quads)))


def subject_chunks(triples: Iterable[Triple], size: int = CHUNK) -> Iterator[list[Triple]]:
    """Lists of about ``size`` triples, never splitting a subject's triples (so serialising the lists one by
    one gives the same text as serialising all at once)."""
    chunk: list[Triple] = []
    for _, same_subject in groupby(triples, key=_SUBJECT):
        chunk.extend(same_subject)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def prefix_declarations(prefixes: dict[str, str]) -> bytes:
    """``@prefix`` lines in a fixed order (the serialiser's order is its own)."""
    return b"".join(sorted(f"@prefix {name}: <{iri}> .\n".encode() for name, iri in prefixes.items()))


def without_prefixes(body: bytes) -> bytes:
    """A serialiser's output without its leading ``@prefix`` block."""
    head = _PREFIX_BLOCK.match(body)
    return body[head.end():] if head else body


def to_turtle(quads: Iterable[Quad]) -> str:
    """The union of all graphs as Turtle, one block per subject.

    ``quads`` come in canonical order (``kg.rdf.canonical``, as ``kg.build`` gives them): sorting is
    done once per build, not once per format, and Turtle keeps that order.
    """
    return turtle_bytes(quads).decode("utf-8")


def turtle_chunks(quads: Iterable[Quad]) -> Iterator[bytes]:
    """``to_turtle`` as a stream of UTF-8 pieces: the prefixes, then the subjects, a chunk at a time."""
    yield prefix_declarations(PREFIXES) + b"\n"
    separator = b""
    for chunk in subject_chunks(unique_triples(quads)):
        body = serialize(chunk, format=RdfFormat.TURTLE, prefixes=PREFIXES)
        assert body is not None
        # a blank line before each subject (literals never hold raw newlines: pyoxigraph escapes them)
        yield separator + _SUBJECT_START.sub(b"\n\n", without_prefixes(body).lstrip(b"\n"))
        separator = b"\n"


def turtle_bytes(quads: Iterable[Quad]) -> bytes:
    """``to_turtle`` as UTF-8 bytes."""
    return b"".join(turtle_chunks(quads))


def write_turtle(quads: Iterable[Quad], path: Path) -> None:
    write_chunks_atomically(path, turtle_chunks(quads))
