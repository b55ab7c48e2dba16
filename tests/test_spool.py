"""The on-disk external sort that keeps a build's memory flat: same order as ``canonical``, each quad once."""

from __future__ import annotations

import random

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad

from kg.rdf import canonical
from kg.spool import QuadSpool, sorted_quads


def _quads(count: int) -> list[Quad]:
    chooser = random.Random(7)
    graphs = [NamedNode(f"https://example.org/graph/{n}") for n in range(5)]
    quads = []
    for _ in range(count):
        subject = NamedNode(f"https://example.org/s/{chooser.randrange(40)}")
        value = chooser.choice(['plain', 'with "quotes" and \\ backslash', 'new\nline', 'émoji 😀', 'a <b> c'])
        obj = Literal(value) if chooser.random() < 0.5 else NamedNode(f"https://example.org/o/{chooser.randrange(9)}")
        graph = chooser.choice([*graphs, DefaultGraph()])
        quads.append(Quad(subject, NamedNode(f"https://example.org/p/{chooser.randrange(4)}"), obj, graph))
    return quads


def test_spilled_runs_merge_to_the_canonical_order_without_duplicates() -> None:
    quads = _quads(3000)
    spool = QuadSpool(run_size=100)  # about thirty runs on disk
    for start in range(0, len(quads), 70):
        spool.add(quads[start:start + 70])
    merged = spool.finish()
    expected = canonical(quads)
    assert len(expected) < len(quads)  # the sample repeats quads, which must come out once
    assert list(merged) == expected and len(merged) == len(expected)
    assert list(merged) == expected  # a second pass reads the file again
    merged.close()
    assert not merged.path.exists()


def test_sorting_by_graph_puts_the_default_graph_first_then_graphs_in_iri_order() -> None:
    quads = _quads(500)
    merged = list(sorted_quads(quads, by_graph=True))
    keys = ["" if isinstance(q.graph_name, DefaultGraph) else q.graph_name.value for q in merged]
    assert keys == sorted(keys) and keys[0] == ""
    assert sorted(map(str, merged)) == sorted(map(str, set(quads)))
    for key in set(keys):  # within a graph, the canonical order
        within = [q for q, k in zip(merged, keys, strict=True) if k == key]
        assert within == sorted(within, key=str)
