"""``build()``: the orchestration that the CLI's ``kg build`` calls, usable from a notebook too."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import Quad, Store

from kg.extract import read_doc
from kg.models import Actor, Article, Extraction, ReadFailure
from kg.nlp import parse
from kg.rdf import to_quads
from kg.read import read_articles
from kg.resolve import merge_actors, resolve

DEFAULT_FORMATS = ("ttl", "html")


@dataclass(frozen=True)
class BuildResult:
    """What a build read and made: one ``Extraction`` per article, the failures, and the graph."""

    extractions: tuple[Extraction, ...]
    failures: tuple[ReadFailure, ...]
    actors: dict[str, Actor]
    quads: tuple[Quad, ...]
    seconds: float
    written: tuple[Path, ...] = ()

    @property
    def statements(self) -> int:
        return sum(len(e.statements) for e in self.extractions)

    @property
    def triples(self) -> int:
        return len({(q.subject, q.predicate, q.object) for q in self.quads})

    def store(self) -> Store:
        """The graph in an in-memory pyoxigraph store (one named graph per article), for SPARQL."""
        store = Store()
        store.extend(self.quads)
        return store

    def summary(self) -> str:
        return (f"{len(self.extractions)} articles, {len(self.actors)} actors, {self.statements} statements, "
                f"{self.triples} triples in {self.seconds:.1f} s"
                + (f"; {len(self.failures)} inputs failed" if self.failures else ""))


def extract_articles(articles: Iterable[Article]) -> Iterator[Extraction]:
    """Parse and resolve articles as a stream: one ``Extraction`` per article, in input order."""
    for article, doc, body in parse(articles):
        yield resolve(read_doc(article, doc, body))


def build(
    paths: Iterable[str | Path],
    output: str | Path | None = None,
    *,
    formats: Iterable[str] = DEFAULT_FORMATS,
    date: str | None = None,
) -> BuildResult:
    """Read articles (files or folders), extract who said what, and write the graph to ``output``.

    Nothing is written when ``output`` is None. Inputs that cannot be read are reported in
    ``BuildResult.failures`` and do not stop the others.
    """
    started = time.perf_counter()
    failures: list[ReadFailure] = []

    def readable() -> Iterator[Article]:
        for item in read_articles(paths, date=date):
            if isinstance(item, ReadFailure):
                failures.append(item)
            else:
                yield item

    extractions = tuple(extract_articles(readable()))
    actors = merge_actors(extractions)
    quads = tuple(to_quads(extractions, (actors[k] for k in sorted(actors))))
    result = BuildResult(extractions, tuple(failures), actors, quads, 0.0)
    written = write_outputs(result, Path(output), formats) if output is not None else ()
    return BuildResult(extractions, tuple(failures), actors, quads, time.perf_counter() - started, written)


def write_outputs(result: BuildResult, folder: Path, formats: Iterable[str]) -> tuple[Path, ...]:
    """Write the graph in each format to ``folder/graph.<ext>`` (``kg.export.output_name``)."""
    from kg.export import EXPORTERS, output_name

    written = []
    for name in formats:
        if name not in EXPORTERS:
            raise ValueError(f"unknown format {name!r}; known: {', '.join(sorted(EXPORTERS))}")
        path = folder / output_name(name)
        EXPORTERS[name](result.quads, path)
        written.append(path)
    return tuple(written)
