"""``output/`` holds the seed's build: rebuilding ``seeds/`` must give byte-identical files."""

from __future__ import annotations

from pathlib import Path

import kg

ROOT = Path(__file__).resolve().parents[1]


def test_output_folder_is_the_current_build_of_the_seeds(tmp_path: Path) -> None:
    result = kg.build([ROOT / "seeds"], tmp_path)
    assert not result.failures
    for name in ("graph.ttl", "graph.html", "report.json"):
        committed = (ROOT / "output" / name).read_bytes()
        assert (tmp_path / name).read_bytes() == committed, (
            f"output/{name} is stale: run `kg build seeds -o output` and commit it")


def test_two_builds_give_identical_bytes(tmp_path: Path) -> None:
    kg.build([ROOT / "seeds"], tmp_path / "a")
    kg.build([ROOT / "seeds"], tmp_path / "b")
    for name in ("graph.ttl", "graph.html", "report.json"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
