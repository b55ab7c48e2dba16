"""The README's commands and examples are true."""

from __future__ import annotations

import contextlib
import io
import os
import re
from pathlib import Path

from kg.cli import _parser

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.DOTALL)


def test_quickstart_is_two_commands_that_exist_and_ci_runs_the_test_one() -> None:
    commands = [line.split("#")[0].split() for line in blocks("sh")[0].splitlines() if line.strip()]
    assert commands == [["scripts/build"], ["scripts/test"]]
    for (script,) in commands:
        assert os.access(ROOT / script, os.X_OK)
    assert "scripts/test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_sparql_example_prints_what_the_readme_shows() -> None:
    python, expected = blocks("python")[1], blocks("text")[1]
    printed = io.StringIO()
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        with contextlib.redirect_stdout(printed):
            exec(python, {})
    finally:
        os.chdir(cwd)
    assert [line.rstrip() for line in printed.getvalue().splitlines()] == expected.strip().splitlines()


def test_cli_reference_lists_every_option_of_kg_build() -> None:
    build = next(a for a in _parser()._subparsers._group_actions[0].choices.values()  # type: ignore[union-attr]
                 if a.prog.endswith("build"))
    for action in build._actions:
        for flag in action.option_strings:
            if flag not in {"-h", "--help"}:
                assert f"`{flag}" in README, flag


def test_turtle_excerpt_is_in_the_seed_build() -> None:
    turtle = (ROOT / "output" / "graph.ttl").read_text(encoding="utf-8")
    assert blocks("turtle")[0] in turtle
