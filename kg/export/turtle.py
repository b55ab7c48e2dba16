"""Turtle with readable prefixes, written through pyoxigraph (fast on large graphs), reproducible."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pyoxigraph import Quad, RdfFormat, Triple, serialize

from kg.export.files import write_text_atomically
from kg.rdf import canonical
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


def to_turtle(quads: Iterable[Quad]) -> str:
    """The union of all graphs as Turtle: one block per subject, blocks in a stable order."""
    triples = [Triple(q.subject, q.predicate, q.object) for q in canonical(quads)]
    unique = list(dict.fromkeys(triples))
    body = serialize(unique, format=RdfFormat.TURTLE, prefixes=PREFIXES)
    assert body is not None
    lines = body.decode("utf-8").splitlines()
    # the serialiser's prefix order is its own: put the declarations in a fixed order
    declared = sorted(line for line in lines if line.startswith("@prefix"))
    lines = declared + [line for line in lines if not line.startswith("@prefix")]
    out: list[str] = []
    for line in lines:
        # a blank line before each subject and after the prefixes (pyoxigraph escapes newlines in literals)
        starts_block = not line.startswith(("\t", " "))
        if out and starts_block and not (line.startswith("@prefix") and out[-1].startswith("@prefix")):
            out.append("")
        out.append(line)
    return "\n".join(out) + "\n"


def write_turtle(quads: Iterable[Quad], path: Path) -> None:
    write_text_atomically(path, to_turtle(quads))
