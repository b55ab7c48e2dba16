"""``report.json``: what became of each input of a build, beside the graph files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.cli import main

PARIS = ("Macron presses allies\n\nPARIS -- French President Emmanuel Macron said on Tuesday that Europe "
         "must spend more on defence. \"We cannot wait for others to protect us,\" Macron told reporters.\n")


def test_every_input_is_reported_with_its_status_and_the_cli_points_to_the_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a-paris.txt").write_text(PARIS, encoding="utf-8")
    (corpus / "b-empty.txt").write_text("", encoding="utf-8")
    (corpus / "c-image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    out = tmp_path / "out"

    code = main(["build", str(corpus), "-o", str(out), "--format", "ttl", "--jobs", "1", "--quiet"])

    captured = capsys.readouterr()
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert code == 1 and "Traceback" not in captured.err
    assert f"wrote {out / 'report.json'}: what became of each input" in captured.out
    assert report["totals"] | {"words": 0, "statements": 0, "actors": 0, "quads": 0, "triples": 0} == {
        "inputs": 3, "built": 1, "skipped": 1, "failed": 1,
        "words": 0, "statements": 0, "actors": 0, "quads": 0, "triples": 0}
    assert report["outputs"] == ["graph.ttl"]
    built, empty, image = report["inputs"]
    assert built["source"] == "a-paris.txt" and built["status"] == "built" and built["article"] == "a-paris"
    assert built["statements"] >= 2 and built["actors"] >= 2 and built["quads"] > 20
    assert (empty["source"], empty["status"], empty["reason"]) == ("b-empty.txt", "skipped", "empty file")
    assert (image["source"], image["status"]) == ("c-image.txt", "failed") and "PNG" in image["reason"]
    assert "skipped b-empty.txt: empty file" in captured.err and "cannot read c-image.txt" in captured.err


def test_the_report_has_no_times_so_two_builds_give_the_same_bytes(tmp_path: Path) -> None:
    (tmp_path / "paris.txt").write_text(PARIS, encoding="utf-8")
    for name in ("a", "b"):
        assert main(["build", str(tmp_path / "paris.txt"), "-o", str(tmp_path / name), "--format", "nq",
                     "-q", "-j", "1"]) == 0
    assert (tmp_path / "a" / "report.json").read_bytes() == (tmp_path / "b" / "report.json").read_bytes()
