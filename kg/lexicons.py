"""The data files shipped in ``kg/data``, each read once: the one module that knows package paths.

- ``lexicon(name)``: a word list, ``kg/data/lexicons/<name>.txt``, one entry a line;
- ``table(*parts)``: the rows of a tab-separated file under ``kg/data``;
- ``json_lines(*parts)``: the records of a JSON Lines file under ``kg/data``, with their line numbers.

In every text file a line starting with ``#`` is a comment and blank lines are skipped.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from importlib import resources
from importlib.abc import Traversable
from typing import Any


def data_file(*parts: str) -> Traversable:
    return resources.files("kg").joinpath("data", *parts)


def _rows(*parts: str) -> list[str]:
    lines = (line.rstrip("\n") for line in data_file(*parts).read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line.strip() and not line.lstrip().startswith("#")]


@cache
def lexicon(name: str) -> frozenset[str]:
    """A word list from ``kg/data/lexicons/<name>.txt`` (entries stripped of surrounding spaces)."""
    return frozenset(row.strip() for row in _rows("lexicons", f"{name}.txt"))


@cache
def lexicon_rows(*parts: str) -> tuple[str, ...]:
    """The entries of a list file under ``kg/data`` in file order, stripped of surrounding spaces."""
    return tuple(row.strip() for row in _rows(*parts))


@cache
def table(*parts: str) -> tuple[tuple[str, ...], ...]:
    """The rows of a tab-separated file under ``kg/data``, each cell stripped of surrounding spaces."""
    return tuple(tuple(cell.strip() for cell in row.split("\t")) for row in _rows(*parts))


def json_lines(*parts: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, record) for each line of a JSON Lines file under ``kg/data``; ``ValueError``
    naming the file and line when one is not a JSON object."""
    text = data_file(*parts).read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as exc:
            raise ValueError(f"{'/'.join(parts)}:{number}: not JSON: {exc}") from None
        if not isinstance(record, dict):
            raise ValueError(f"{'/'.join(parts)}:{number}: not a JSON object")
        yield number, record


def data_files(folder: str, suffix: str) -> list[str]:
    """The names of the files of ``kg/data/<folder>`` ending in ``suffix``, sorted; none when it is absent."""
    path = data_file(folder)
    if not path.is_dir():
        return []
    return sorted(item.name for item in path.iterdir() if item.name.endswith(suffix))
