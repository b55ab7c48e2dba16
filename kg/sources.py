"""Reading what earlier commands wrote: exported graph files, output folders and Oxigraph store folders.

One reader for ``kg query``, ``kg validate``, ``kg export``, ``kg html`` and ``kg load``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pyoxigraph import RdfFormat, Store

RDF_FORMATS: dict[str, RdfFormat] = {
    ".ttl": RdfFormat.TURTLE, ".turtle": RdfFormat.TURTLE, ".nt": RdfFormat.N_TRIPLES,
    ".nq": RdfFormat.N_QUADS, ".trig": RdfFormat.TRIG, ".jsonld": RdfFormat.JSON_LD,
    ".json": RdfFormat.JSON_LD, ".rdf": RdfFormat.RDF_XML, ".owl": RdfFormat.RDF_XML,
    ".xml": RdfFormat.RDF_XML, ".n3": RdfFormat.N3,
}
OUTPUT_FILES = ("graph.nq", "graph.trig", "graph.ttl", "graph.nt", "graph.jsonld")  # graph-aware first


class SourceError(ValueError):
    """A source cannot be read: missing, not RDF in a known format, or not a store directory."""



def first_line(exc: BaseException, limit: int = 160) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= limit else text[:limit].rstrip() + " …"


def _is_store(path: Path) -> bool:
    return (path / "CURRENT").is_file()


def open_store(path: str | Path, *, writable: bool = False) -> Store:
    """A pyoxigraph store directory, read-only unless ``writable``."""
    path = Path(path)
    if not _is_store(path):
        raise SourceError(f"{path} is a folder but not a pyoxigraph store (no CURRENT file)")
    try:
        return Store(str(path)) if writable else Store.read_only(str(path))
    except OSError as exc:
        raise SourceError(f"cannot open store {path}: {first_line(exc)}") from None


def load_file(store: Store, path: Path) -> None:
    """Add a file's triples (to the default graph) or quads (to their named graphs) to ``store``."""
    rdf_format = RDF_FORMATS.get(path.suffix.lower())
    if rdf_format is None:
        raise SourceError(f"cannot read {path}: unknown RDF format {path.suffix or '(no extension)'!r}; "
                          f"known: {', '.join(sorted(RDF_FORMATS))}")
    if not path.is_file():
        raise SourceError(f"cannot read {path}: no such file")
    try:
        store.bulk_load(path=str(path), format=rdf_format, base_iri=path.absolute().as_uri())
    except (SyntaxError, OSError, ValueError) as exc:
        raise SourceError(f"cannot read {path}: {first_line(exc)}") from None


def open_sources(sources: Iterable[str | Path]) -> Store:
    """One store holding every source: a lone store directory as it is (read-only), else in memory."""
    paths = [Path(s) for s in sources]
    if not paths:
        raise SourceError("no source given: name exported graph files or a store directory")
    if lone_store(paths):
        return open_store(paths[0])
    store = Store()
    for path in paths:
        if _is_store(path):
            store.extend(open_store(path))
        elif path.is_dir():
            load_file(store, output_file(path))
        else:
            load_file(store, path)
    return store


def output_file(folder: Path) -> Path:
    """The graph file of a ``kg build``/``kg export`` output folder: graph.nq, else graph.trig, else graph.ttl."""
    for name in OUTPUT_FILES:
        if (folder / name).is_file():
            return folder / name
    raise SourceError(f"{folder} is a folder but neither a pyoxigraph store (no CURRENT file) "
                      "nor an output folder (no graph.nq, graph.trig or graph.ttl)")


def lone_store(paths: list[Path]) -> bool:
    return len(paths) == 1 and _is_store(paths[0])


