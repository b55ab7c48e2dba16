"""Exporters: each writes the graph's quads to one file in one format (``EXPORTERS[name](quads, path)``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from pyoxigraph import Quad, Store

from kg.export.turtle import write_turtle

Exporter = Callable[[Sequence[Quad], Path], None]


def _write_html(quads: Sequence[Quad], path: Path) -> None:
    from kg.export.html import write_html  # pyvis and its templates load only when HTML is asked for

    store = Store()
    store.extend(quads)
    write_html(store, path)


EXPORTERS: dict[str, Exporter] = {
    "ttl": write_turtle,
    "html": _write_html,
}

__all__ = ["EXPORTERS", "Exporter"]
