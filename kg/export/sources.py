"""``kg export``: read exported graphs (files or an Oxigraph store) and write them in other formats.

Sources are read by ``kg.sources.open_sources``: exported files (format from the extension), output
folders, or pyoxigraph store folders, opened read-only. Graph-aware formats (N-Quads, TriG, JSON-LD
with named graphs, a store) keep their named graphs; the triples of Turtle and N-Triples go in the
default graph. Several sources are merged (the union of their quads).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pyoxigraph import Quad

from kg.rdf import canonical
from kg.sources import SourceError, open_sources


class ExportError(ValueError):
    """A source that cannot be read or a format that is not known; the message names it."""


def read_sources(sources: Iterable[str | Path]) -> list[Quad]:
    """The union of the quads of every source (files, output folders, stores), in canonical order."""
    try:
        store = open_sources(sources)
    except SourceError as exc:
        raise ExportError(str(exc)) from None
    return canonical(store)


def export(sources: Iterable[str | Path], output: str | Path, formats: Iterable[str]) -> tuple[Path, ...]:
    """Read ``sources`` and write each format to ``output/<file name>``; returns the files written.

    Raises ``ExportError`` (nothing written) when a source cannot be read or a format is unknown.
    """
    from kg.export import EXPORTERS, output_name

    names = list(dict.fromkeys(formats))
    unknown = [name for name in names if name not in EXPORTERS]
    if unknown:
        raise ExportError(f"unknown format {', '.join(unknown)}; choose from {', '.join(sorted(EXPORTERS))}")
    sources = list(sources)
    if not sources:
        raise ExportError("no source given")
    quads = read_sources(sources)
    folder = Path(output)
    written = []
    for name in names:
        path = folder / output_name(name)
        EXPORTERS[name](quads, path)
        written.append(path)
    return tuple(written)


__all__ = ["ExportError", "export", "read_sources"]
