"""N-Triples, N-Quads and TriG, written by pyoxigraph's serialisers, byte-for-byte reproducible.

* ``graph.nt``: the union of all graphs, each triple once, lines sorted;
* ``graph.nq``: every quad with its named graph (``graph/<article>``, ``graph/actors``,
  ``graph/vocabulary``; triples read from a triples-only file stay in the default graph), lines sorted;
* ``graph.trig``: the same quads, one block per named graph (default graph first, then graphs in IRI
  order), subjects in a stable order, with the prefixes of the Turtle export.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pyoxigraph import DefaultGraph, Quad, RdfFormat, serialize

from kg.export.files import write_bytes_atomically
from kg.export.turtle import PREFIXES, unique_triples
from kg.vocab import BASE

TRIG_PREFIXES = {**PREFIXES, "graph": f"{BASE}graph/"}


def to_ntriples(quads: Iterable[Quad]) -> bytes:
    """The union of all graphs as N-Triples: canonical quads give sorted lines, each triple once."""
    body = serialize(unique_triples(quads), format=RdfFormat.N_TRIPLES)
    assert body is not None
    return body


def to_nquads(quads: Iterable[Quad]) -> bytes:
    """Every quad as N-Quads: canonical quads give sorted lines."""
    body = serialize(quads, format=RdfFormat.N_QUADS)
    assert body is not None
    return body


def _graph_key(quad: Quad) -> str:
    return "" if isinstance(quad.graph_name, DefaultGraph) else str(quad.graph_name)


def to_trig(quads: Iterable[Quad]) -> bytes:
    """TriG: the default graph first, then one block per named graph, each in canonical subject order."""
    ordered = sorted(quads, key=_graph_key)  # stable: the canonical order is kept within each graph
    body = serialize(ordered, format=RdfFormat.TRIG, prefixes=TRIG_PREFIXES)
    assert body is not None
    lines = body.decode("utf-8").splitlines()
    # the serialiser's prefix order is its own: put the declarations in a fixed order
    declared = sorted(line for line in lines if line.startswith("@prefix"))
    out: list[str] = list(declared)
    in_graph = False
    for line in lines:
        if line.startswith("@prefix"):
            continue
        if in_graph:
            if line == "}":
                in_graph = False
            elif line.startswith("\t") and not line.startswith("\t\t") and not out[-1].endswith("{"):
                out.append("")  # a blank line before each subject of a graph block
        elif not line.startswith(("\t", " ")):  # a graph block or a subject of the default graph
            out.append("")
            in_graph = line.endswith("{")
        out.append(line)
    return ("\n".join(out) + "\n").encode("utf-8")


def write_ntriples(quads: Iterable[Quad], path: Path) -> None:
    write_bytes_atomically(path, to_ntriples(quads))


def write_nquads(quads: Iterable[Quad], path: Path) -> None:
    write_bytes_atomically(path, to_nquads(quads))


def write_trig(quads: Iterable[Quad], path: Path) -> None:
    write_bytes_atomically(path, to_trig(quads))


__all__ = ["TRIG_PREFIXES", "to_nquads", "to_ntriples", "to_trig", "write_nquads", "write_ntriples", "write_trig"]
