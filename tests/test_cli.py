"""The ``kg`` command: help, exit statuses, summary, failures named, outputs written."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.cli import main

ARTICLE = (
    "Ministers meet in Ankara\n\n"
    'Turkish Foreign Minister Hakan Fidan hosted Sergei Lavrov on Monday. "We discussed the grain '
    'corridor at length," Fidan said.\n'
)


def test_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    assert "build" in capsys.readouterr().out
    assert main(["build", "--help"]) == 0
    out = capsys.readouterr().out
    assert "--output" in out and "--date" in out


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--date", "19 June"]) == 2
    assert "not an ISO date" in capsys.readouterr().err
    assert main(["frobnicate"]) == 2


def test_build_writes_turtle_and_html_and_prints_a_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ankara.txt").write_text(ARTICLE, encoding="utf-8")
    assert main(["build", str(tmp_path / "in"), "-o", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert "1 articles" in out and "1 statements" in out and "triples" in out
    assert (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8").startswith("@prefix")
    assert "<html" in (tmp_path / "out" / "graph.html").read_text(encoding="utf-8")


def test_bad_input_is_named_and_the_good_one_still_built(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00 not text \x81")
    code = main(["build", str(tmp_path / "good.txt"), str(tmp_path / "bad.txt"), str(tmp_path / "missing.txt"),
                 "-o", str(tmp_path / "out"), "--format", "ttl"])
    captured = capsys.readouterr()
    assert code == 1
    assert "bad.txt" in captured.err and "missing.txt" in captured.err
    assert "Traceback" not in captured.err
    assert "1 articles" in captured.out
    assert "good.txt" in (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
