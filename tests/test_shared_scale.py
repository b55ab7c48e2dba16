"""Issue 6's acceptance on the real dev corpus (``../shared/seeds`` and ``../shared/corpus/*.txt``; skipped
when absent): processes, Dask and a one-process build write the same bytes; a store built in two halves
holds what one build makes, and building a half again changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import Store

import kg

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV = [SHARED / "seeds", *sorted((SHARED / "corpus").glob("*.txt"))]

pytestmark = pytest.mark.skipif(len(DEV) < 3 or not DEV[0].is_dir(), reason="../shared is not here")


def store_quads(folder: Path) -> set[str]:
    store = Store.read_only(str(folder))
    try:
        return {str(q) for q in store}
    finally:
        del store


def test_jobs_and_dask_write_the_same_bytes_on_the_dev_corpus(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    formats = ("ttl", "nq")
    outputs = {}
    for name, options in {"jobs1": {"jobs": 1}, "jobs2": {"jobs": 2}, "dask": {"jobs": 2, "dask": "local"}}.items():
        result = kg.build(DEV, tmp_path / name, formats=formats, **options)  # type: ignore[arg-type]
        assert len(result.articles) == len(DEV) - 1 + len(list(DEV[0].glob("*.txt"))) and not result.failures
        outputs[name] = [path.read_bytes() for path in result.written]
    assert outputs["jobs1"] == outputs["jobs2"] == outputs["dask"]


def test_two_halves_into_a_store_equal_one_build_on_the_dev_corpus(tmp_path: Path) -> None:
    whole = kg.build(DEV, store=tmp_path / "whole", jobs=2)
    half = len(DEV) // 2
    kg.build(DEV[:half], store=tmp_path / "parts", jobs=2)
    kg.build(DEV[half:], store=tmp_path / "parts", jobs=2)
    parts = store_quads(tmp_path / "parts")
    assert parts == store_quads(tmp_path / "whole") == {str(q) for q in whole.quads}
    kg.build(DEV[half:], store=tmp_path / "parts", jobs=2)
    assert store_quads(tmp_path / "parts") == parts
