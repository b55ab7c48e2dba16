"""Exporters: each writes the graph's quads to one file in one format (``EXPORTERS[name](quads, path)``).

The file of format ``name`` is ``graph.<name>`` (``output_name``), ``events-csv`` excepted
(``graph.events.csv``). ``export(sources, output, formats)`` converts exported graphs (files or an
Oxigraph store) into other formats (``kg export``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from pyoxigraph import Quad, Store

from kg.export.events_csv import write_events_csv
from kg.export.formats import write_nquads, write_ntriples, write_trig
from kg.export.jsonld import write_jsonld
from kg.export.sources import ExportError, export, read_sources
from kg.export.turtle import write_turtle

Exporter = Callable[[Iterable[Quad], Path], None]  # canonical quads, read once


def _write_html(quads: Iterable[Quad], path: Path) -> None:
    from kg.export.html import write_html  # pyvis and its templates load only when HTML is asked for

    store = Store()
    store.extend(quads)
    write_html(store, path)


EXPORTERS: dict[str, Exporter] = {
    "ttl": write_turtle,
    "nt": write_ntriples,
    "nq": write_nquads,
    "trig": write_trig,
    "jsonld": write_jsonld,
    "html": _write_html,
    "events-csv": write_events_csv,
}
_FILE_NAMES = {"events-csv": "graph.events.csv"}
DEFAULT_FORMATS = ("ttl", "html")  # what ``kg build`` writes unless told otherwise


def output_name(name: str) -> str:
    """The file a format is written to: ``graph.<name>`` (``graph.events.csv`` for ``events-csv``)."""
    return _FILE_NAMES.get(name, f"graph.{name}")


__all__ = ["DEFAULT_FORMATS", "EXPORTERS", "ExportError", "Exporter", "export", "output_name", "read_sources"]
