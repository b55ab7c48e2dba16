"""``kg export``: read exported graphs (files or an Oxigraph store) and write them in other formats.

A source is an exported file, its format known from the extension (``.ttl``, ``.nt``, ``.nq``,
``.trig``, ``.jsonld``), or the folder of a pyoxigraph ``Store``, opened read-only. Graph-aware formats
(N-Quads, TriG, JSON-LD with named graphs, a store) keep their named graphs; the triples of Turtle and
N-Triples go in the default graph. Several sources are merged (the union of their quads).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pyoxigraph import Quad, RdfFormat, Store, parse

SOURCE_FORMATS: dict[str, RdfFormat] = {
    ".ttl": RdfFormat.TURTLE,
    ".nt": RdfFormat.N_TRIPLES,
    ".nq": RdfFormat.N_QUADS,
    ".trig": RdfFormat.TRIG,
    ".jsonld": RdfFormat.JSON_LD,
}


class ExportError(ValueError):
    """A source that cannot be read or a format that is not known; the message names it."""


def _store_quads(folder: Path) -> list[Quad]:
    try:
        store = Store.read_only(str(folder))
    except OSError as exc:
        raise ExportError(f"cannot open {folder} as an Oxigraph store: {exc}") from None
    return list(store.quads_for_pattern(None, None, None, None))


def read_source(source: str | Path) -> list[Quad]:
    """The quads of one exported file or Oxigraph store folder."""
    path = Path(source)
    if path.is_dir():
        return _store_quads(path)
    if not path.is_file():
        raise ExportError(f"cannot read {path}: no such file or folder")
    rdf_format = SOURCE_FORMATS.get(path.suffix.lower())
    if rdf_format is None:
        raise ExportError(f"cannot read {path}: unknown format (expected one of "
                          f"{', '.join(sorted(SOURCE_FORMATS))} or an Oxigraph store folder)")
    try:
        return list(parse(path=path, format=rdf_format))
    except (SyntaxError, ValueError, OSError) as exc:
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ExportError(f"cannot read {path}: {message}") from None


def read_sources(sources: Iterable[str | Path]) -> list[Quad]:
    """The union of the quads of every source, without duplicates, in a stable order."""
    from kg.rdf import canonical

    quads: list[Quad] = []
    for source in sources:
        quads.extend(read_source(source))
    return canonical(quads)


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


__all__ = ["SOURCE_FORMATS", "ExportError", "export", "read_source", "read_sources"]
