"""Small helpers over iterables shared by the stages (Python 3.11 has no ``itertools.batched``)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TypeVar

T = TypeVar("T")


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of ``size`` consecutive items (the last may be shorter); ``size`` below 1 counts as 1."""
    iterator = iter(items)
    while batch := list(islice(iterator, max(size, 1))):
        yield batch


__all__ = ["batched"]
