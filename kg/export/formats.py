"""N-Triples, N-Quads and TriG, written by pyoxigraph's serialisers, byte-for-byte reproducible.

* ``graph.nt``: the union of all graphs, each triple once, lines sorted;
* ``graph.nq``: every quad with its named graph (``graph/<article>``, ``graph/actors``,
  ``graph/vocabulary``; triples read from a triples-only file stay in the default graph), lines sorted;
* ``graph.trig``: the same quads, one block per named graph (default graph first, then graphs in IRI
  order), subjects in a stable order, with the prefixes of the Turtle export.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import groupby
from pathlib import Path

from pyoxigraph import DefaultGraph, Quad, RdfFormat, Triple, serialize

from kg.export.files import write_chunks_atomically
from kg.export.turtle import CHUNK, PREFIXES, prefix_declarations, unique_triples, without_prefixes
from kg.iters import batched
from kg.spool import sorted_quads
from kg.vocab import BASE

TRIG_PREFIXES = {**PREFIXES, "graph": f"{BASE}graph/"}


def _serialized(chunks: Iterable[list[Quad]] | Iterable[list[Triple]], rdf_format: RdfFormat) -> Iterator[bytes]:
    for chunk in chunks:  # line formats: any cut gives the same text
        body = serialize(chunk, format=rdf_format)
        assert body is not None
        yield body


def ntriples_chunks(quads: Iterable[Quad]) -> Iterator[bytes]:
    """The union of all graphs as N-Triples: canonical quads give sorted lines, each triple once."""
    return _serialized(batched(unique_triples(quads), CHUNK), RdfFormat.N_TRIPLES)


def nquads_chunks(quads: Iterable[Quad]) -> Iterator[bytes]:
    """Every quad as N-Quads: canonical quads give sorted lines."""
    return _serialized(batched(quads, CHUNK), RdfFormat.N_QUADS)


def _graph_key(quad: Quad) -> str:
    return "" if isinstance(quad.graph_name, DefaultGraph) else str(quad.graph_name)


def _graph_chunks(quads: Iterable[Quad]) -> Iterator[list[Quad]]:
    """Whole named graphs, gathered until a chunk holds about ``CHUNK`` quads."""
    chunk: list[Quad] = []
    for _, graph in groupby(quads, key=_graph_key):
        chunk.extend(graph)
        if len(chunk) >= CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def trig_chunks(quads: Iterable[Quad]) -> Iterator[bytes]:
    """TriG: the default graph first, then one block per named graph, each in canonical subject order.

    The quads are sorted again by graph on disk (``kg.spool``), so memory stays bounded."""
    yield prefix_declarations(TRIG_PREFIXES)
    by_graph = sorted_quads(quads, by_graph=True)
    try:
        in_graph, previous = False, ""
        for chunk in _graph_chunks(by_graph):
            body = serialize(chunk, format=RdfFormat.TRIG, prefixes=TRIG_PREFIXES)
            assert body is not None
            out: list[str] = []
            # lines end at "\n" only: NEL, U+2028 and U+2029 stand raw inside literals
            for line in without_prefixes(body).decode("utf-8").removesuffix("\n").split("\n"):
                if in_graph:
                    if line == "}":
                        in_graph = False
                    elif line.startswith("\t") and not line.startswith("\t\t") and not previous.endswith("{"):
                        out.append("")  # a blank line before each subject of a graph block
                elif not line.startswith(("\t", " ")):  # a graph block or a subject of the default graph
                    out.append("")
                    in_graph = line.endswith("{")
                out.append(line)
                previous = line
            yield ("\n".join(out) + "\n").encode("utf-8")
    finally:
        by_graph.close()


def to_ntriples(quads: Iterable[Quad]) -> bytes:
    return b"".join(ntriples_chunks(quads))


def to_nquads(quads: Iterable[Quad]) -> bytes:
    return b"".join(nquads_chunks(quads))


def to_trig(quads: Iterable[Quad]) -> bytes:
    return b"".join(trig_chunks(quads))


def write_ntriples(quads: Iterable[Quad], path: Path) -> None:
    write_chunks_atomically(path, ntriples_chunks(quads))


def write_nquads(quads: Iterable[Quad], path: Path) -> None:
    write_chunks_atomically(path, nquads_chunks(quads))


def write_trig(quads: Iterable[Quad], path: Path) -> None:
    write_chunks_atomically(path, trig_chunks(quads))


__all__ = ["TRIG_PREFIXES", "to_nquads", "to_ntriples", "to_trig", "write_nquads", "write_ntriples", "write_trig"]
