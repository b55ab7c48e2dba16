"""Quads gathered on disk and read back sorted, without duplicates, in bounded memory (an external sort).

A build's graph grows with its corpus; sorting it in memory would too. ``QuadSpool`` keeps at most
``run_size`` N-Quads lines in memory, writes each full batch to a sorted run file, and merges the runs
into one sorted N-Quads file (``SortedQuads``), which every exporter reads as a stream. The sort key is
the N-Quads line itself, so the canonical order (``kg.rdf.canonical``) is kept: subject first; or,
with ``by_graph``, the named graph first (default graph first), then the line (the order TriG and
per-graph loading need).
"""

from __future__ import annotations

import heapq
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from itertools import groupby
from pathlib import Path
from typing import IO

from pyoxigraph import DefaultGraph, Quad, QuadParser, RdfFormat, parse

RUN_SIZE = 100_000  # lines held in memory before a sorted run is written: some 20 MB
_KEY_END = "\x00"  # ends the graph key of a line sorted by graph; N-Quads escapes NUL, so never in a line


class SortedQuads:
    """A sorted, duplicate-free N-Quads file: iterating it parses it again (each pass streams).

    ``quads`` counts its lines. The file lives in a temporary folder removed with this object (or by
    ``close``).
    """

    def __init__(self, path: Path, quads: int, folder: tempfile.TemporaryDirectory[str] | None) -> None:
        self.path = path
        self.quads = quads
        self._folder = folder

    def __iter__(self) -> Iterator[Quad]:
        parser: QuadParser = parse(path=self.path, format=RdfFormat.N_QUADS)
        return iter(parser)

    def __len__(self) -> int:
        return self.quads

    def lines(self) -> Iterator[str]:
        """The N-Quads lines, each with its newline."""
        with self.path.open(encoding="utf-8", newline="\n") as lines:
            yield from lines

    def copy_to(self, target: IO[bytes]) -> None:
        """Write the file's bytes (N-Quads in the spool's order) to ``target``."""
        with self.path.open("rb") as source:
            shutil.copyfileobj(source, target)

    def close(self) -> None:
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None


def _graph_key(quad: Quad) -> str:
    return "" if isinstance(quad.graph_name, DefaultGraph) else str(quad.graph_name)


class QuadSpool:
    """Collects quads (``add``) and gives them back sorted and deduplicated (``finish``).

    Run files go to a private temporary folder (under ``TMPDIR``), removed when the ``SortedQuads`` that
    ``finish`` returns is closed or collected.
    """

    def __init__(self, *, by_graph: bool = False, run_size: int = RUN_SIZE) -> None:
        self._folder: tempfile.TemporaryDirectory[str] | None = tempfile.TemporaryDirectory(prefix="kg-spool-")
        self._by_graph = by_graph
        self._run_size = max(run_size, 1)
        self._lines: list[str] = []
        self._runs: list[Path] = []

    def add(self, quads: Iterable[Quad]) -> None:
        if self._by_graph:
            self._lines.extend(f"{_graph_key(q)}{_KEY_END}{q} .\n" for q in quads)
        else:
            self._lines.extend(f"{q} .\n" for q in quads)
        if len(self._lines) >= self._run_size:
            self._spill()

    def _spill(self) -> None:
        assert self._folder is not None, "the spool was finished"
        run = Path(self._folder.name) / f"run-{len(self._runs):05d}.nq"
        self._lines.sort()
        with run.open("w", encoding="utf-8", newline="\n") as out:
            out.writelines(self._lines)
        self._runs.append(run)
        self._lines = []

    def finish(self) -> SortedQuads:
        """Merge everything added into one sorted file, each quad once; the spool cannot be added to again."""
        folder, self._folder = self._folder, None
        assert folder is not None, "the spool was finished"
        self._lines.sort()
        files = [path.open(encoding="utf-8", newline="\n") for path in self._runs]
        merged = Path(folder.name) / "sorted.nq"
        count = 0
        try:
            with merged.open("w", encoding="utf-8", newline="\n") as out:
                for line, _ in groupby(heapq.merge(self._lines, *files)):
                    out.write(line.partition(_KEY_END)[2] if self._by_graph else line)
                    count += 1
        finally:
            for file in files:
                file.close()
        for path in self._runs:
            path.unlink()
        self._lines, self._runs = [], []
        return SortedQuads(merged, count, folder)


def sorted_quads(quads: Iterable[Quad], *, by_graph: bool = False) -> SortedQuads:
    """``quads`` spooled and sorted (see ``QuadSpool``)."""
    spool = QuadSpool(by_graph=by_graph)
    spool.add(quads)
    return spool.finish()


__all__ = ["RUN_SIZE", "QuadSpool", "SortedQuads", "sorted_quads"]
