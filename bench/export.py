"""Write and query a graph of about one million triples: geokg's exporters beside pyoxigraph's own.

    .venv/bin/python bench/export.py [--triples 1000000]

The graph is the seed's build (``seeds/``) replicated under fresh IRIs until it reaches the size,
so it has the real shape (articles, actors, statements, events). Prints seconds for each step.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from operator import attrgetter
from pathlib import Path

from pyoxigraph import NamedNode, Quad, QueryResultsFormat, RdfFormat, Store, serialize

import kg
from kg.export import EXPORTERS
from kg.query import run_query
from kg.spool import SortedQuads, sorted_quads

ROOT = Path(__file__).resolve().parents[1]
JOIN_QUERY = """
PREFIX gkg: <https://w3id.org/geokg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?speaker (COUNT(?statement) AS ?statements) WHERE {
  ?statement a gkg:Statement ; gkg:speaker ?actor ; gkg:source ?article .
  ?actor rdfs:label ?speaker .
} GROUP BY ?speaker ORDER BY DESC(?statements)
"""


def replicated(quads: list[Quad], target: int) -> list[Quad]:
    def renamed(term: object, copy: int) -> object:
        if isinstance(term, NamedNode) and "/id/" in term.value:
            return NamedNode(f"{term.value}-{copy}")
        return term

    out: list[Quad] = []
    copy = 0
    while len(out) < target:
        out.extend(Quad(renamed(q.subject, copy), q.predicate, renamed(q.object, copy),  # type: ignore[arg-type]
                        renamed(q.graph_name, copy)) for q in quads)  # type: ignore[arg-type]
        copy += 1
    return out[:target]


def timed(label: str, action: object) -> float:
    started = time.perf_counter()
    action()  # type: ignore[operator]
    seconds = time.perf_counter() - started
    print(f"{label:<48} {seconds:7.2f} s")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--triples", type=int, default=1_000_000)
    args = parser.parse_args()
    seed = list(kg.build([ROOT / "seeds"], None).quads)
    shuffled = replicated(seed, args.triples)
    print(f"{len(shuffled):,} quads from {len(seed):,} of the seed's build")
    spooled: list[SortedQuads] = []
    # the build's own step: an external sort on disk, whose result every exporter then streams from
    timed("kg canonical order (on-disk sort, once per build)", lambda: spooled.append(sorted_quads(shuffled)))
    quads = spooled[0]
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        raw = timed("pyoxigraph serialize, Turtle",
                    lambda: serialize(map(attrgetter("triple"), quads), out / "raw.ttl", RdfFormat.TURTLE))
        ours = timed("kg ttl exporter (prefixes, blocks, atomic write)",
                     lambda: EXPORTERS["ttl"](quads, out / "graph.ttl"))
        print(f"{'ratio kg / pyoxigraph (Turtle)':<48} {ours / raw:7.2f}")
        # the HTML page and the event table are views for people, not bulk formats: not timed here
        for name in sorted(set(EXPORTERS) - {"ttl", "html", "events-csv"}):
            timed(f"kg {name} exporter", lambda name=name: EXPORTERS[name](quads, out / f"graph.{name}"))
        store = Store()

        def raw_query() -> None:
            store.load(path=out / "graph.nq", format=RdfFormat.N_QUADS)
            store.query(JOIN_QUERY, use_default_graph_as_union=True).serialize(format=QueryResultsFormat.JSON)

        raw = timed("pyoxigraph: load graph.nq, join + GROUP BY", raw_query)
        ours = timed("kg query graph.nq (same query, JSON results)",
                     lambda: run_query([out / "graph.nq"], JOIN_QUERY).render("json"))
        print(f"{'ratio kg / pyoxigraph (query)':<48} {ours / raw:7.2f}")


if __name__ == "__main__":
    main()
