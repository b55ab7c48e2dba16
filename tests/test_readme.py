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


def test_vocabulary_reference_lists_every_term_with_an_example() -> None:
    from kg.vocab import defined_terms, ontology_graph

    for name in defined_terms(ontology_graph()):
        row = next((line for line in README.splitlines() if line.startswith(f"| `gkg:{name}` |")), None)
        assert row is not None, name
        assert row.rstrip().endswith(" .` |"), row


def test_example_commands_run() -> None:
    import shlex

    from kg.cli import main

    commands = [line for block in blocks("sh")[1:] for line in block.splitlines() if line.startswith(".venv/bin/kg ")]
    assert len(commands) >= 2
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        for command in commands:
            with contextlib.redirect_stdout(io.StringIO()):
                assert main(shlex.split(command)[1:]) == 0, command
    finally:
        os.chdir(cwd)
