"""Incremental builds into a persistent store: parts equal the whole, a rebuild replaces, nothing doubles."""

from __future__ import annotations

from itertools import permutations
from pathlib import Path

import pytest
from pyoxigraph import Store

from kg.cli import main
from kg.models import Actor
from kg.pipeline import build
from kg.resolve import combine_actors

ROOT = Path(__file__).resolve().parents[1]

ARTICLES = {
    "ankara": (
        "Ministers meet in Ankara\n\n"
        'Turkish Foreign Minister Hakan Fidan hosted Sergei Lavrov on Monday. "We discussed the grain '
        'corridor at length," Fidan said. Lavrov said Russia would keep talking.\n'
    ),
    "moscow": (
        "Lavrov rejects sanctions\n\n"
        'Russian Foreign Minister Sergei Lavrov criticised the European Union on Tuesday. "These '
        'sanctions will fail," Lavrov told reporters in Moscow.\n'
    ),
    "kyiv": (
        "Zelensky appeals for air defence\n\n"
        'Ukrainian President Volodymyr Zelensky urged Germany to send more air defence systems. "We need '
        'them now," Zelensky said. Berlin said it would consider the request.\n'
    ),
    "paris": (
        "Macron calls for talks\n\n"
        'French President Emmanuel Macron called on Russia and Ukraine to return to talks. "Only '
        'diplomacy will end this war," Macron said in Paris. He also met Volodymyr Zelensky.\n'
    ),
}


def quads_of(folder: Path) -> set[str]:
    """Every quad of the store (all graphs), as N-Quads lines; the store is closed afterwards."""
    store = Store.read_only(str(folder))
    try:
        return {str(q) for q in store.quads_for_pattern(None, None, None, None)}
    finally:
        del store


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("articles")
    for name, text in ARTICLES.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return [ROOT / "seeds", *sorted(folder.glob("*.txt"))]


def test_two_halves_equal_one_build_and_a_half_again_changes_nothing(corpus: list[Path], tmp_path: Path) -> None:
    whole = build(corpus, store=tmp_path / "once", jobs=1)
    once = quads_of(tmp_path / "once")
    assert once == {str(q) for q in whole.quads}  # the store holds exactly what the build made
    assert whole.stored == len(once)

    first, second = corpus[:3], corpus[3:]
    build(first, store=tmp_path / "halves", jobs=1)
    half = quads_of(tmp_path / "halves")
    assert half < once
    result = build(second, store=tmp_path / "halves", jobs=1)
    assert quads_of(tmp_path / "halves") == once
    assert result.stored == len(once)

    build(first, store=tmp_path / "halves", jobs=1)  # built again: replaces, merges to the same
    assert quads_of(tmp_path / "halves") == once

    labels = [q.split()[0] for q in once if "/actor/" in q.split()[0] and "rdf-schema#label" in q.split()[1]]
    assert len(labels) == len(set(labels)) > 0  # one label per actor, also those both halves name
    both_halves = {"<https://w3id.org/geokg/id/actor/Q58217>", "<https://w3id.org/geokg/id/actor/Q3874799>"}
    assert both_halves <= set(labels)


def test_an_article_whose_text_changed_replaces_its_own_graph(tmp_path: Path) -> None:
    article = tmp_path / "talks.txt"
    other = tmp_path / "kyiv.txt"
    other.write_text(ARTICLES["kyiv"], encoding="utf-8")
    article.write_text(ARTICLES["moscow"], encoding="utf-8")
    build([article, other], store=tmp_path / "store", jobs=1)
    before = quads_of(tmp_path / "store")
    assert any("These sanctions will fail" in q for q in before)

    article.write_text(ARTICLES["moscow"].replace("These sanctions will fail", "Talks are over"), encoding="utf-8")
    build([article], store=tmp_path / "store", jobs=1)
    after = quads_of(tmp_path / "store")
    assert not any("These sanctions will fail" in q for q in after)
    assert any("Talks are over" in q for q in after)
    graph = "<https://w3id.org/geokg/id/graph/talks>"
    fresh = {str(q) for q in build([article], jobs=1).quads}
    assert {q for q in after if q.endswith(graph)} == {q for q in fresh if q.endswith(graph)}
    kyiv = "<https://w3id.org/geokg/id/graph/kyiv>"
    assert {q for q in after if q.endswith(kyiv)} == {q for q in before if q.endswith(kyiv)}  # untouched


def test_a_description_no_stored_article_names_is_dropped(tmp_path: Path) -> None:
    # How a store moves to a new key policy: every article built again, old keys fall away.
    article, other = tmp_path / "talks.txt", tmp_path / "kyiv.txt"
    article.write_text(ARTICLES["paris"], encoding="utf-8")
    other.write_text(ARTICLES["kyiv"], encoding="utf-8")
    build([article, other], store=tmp_path / "store", jobs=1)
    macron, zelensky = "<https://w3id.org/geokg/id/actor/Q3052772>", "<https://w3id.org/geokg/id/actor/Q3874799>"
    actors = "<https://w3id.org/geokg/id/graph/actors>"
    described = {q.split()[0] for q in quads_of(tmp_path / "store") if q.endswith(actors)}
    assert {macron, zelensky} <= described

    article.write_text(ARTICLES["moscow"], encoding="utf-8")  # no Macron, no Zelensky any more
    build([article], store=tmp_path / "store", jobs=1)
    described = {q.split()[0] for q in quads_of(tmp_path / "store") if q.endswith(actors)}
    assert macron not in described  # named by no stored article
    assert zelensky in described  # still named by kyiv
    assert "<https://w3id.org/geokg/id/actor/Q58217>" in described


def test_actor_merge_does_not_depend_on_order() -> None:
    descriptions = [
        Actor("x", "Jan Kowalski", "Person", ("Kowalski",)),
        Actor("x", "Jan Nowalski", "Person", ("Mr Kowalski",)),  # as long: the alphabetically first wins
        Actor("z", "Jan Maria Zielinski", "Person", ()),
        Actor("z", "Zielinski", "Person", ("Mr Zielinski",)),  # the longest wins
        Actor("y", "Kremlin", "Country", ("Moscow",)),
        Actor("y", "Russia", "Country", ("Russian Federation",), "Q159"),  # curated: its label wins
    ]
    results = {tuple(sorted(combine_actors(order).items())) for order in permutations(descriptions)}
    assert len(results) == 1
    merged = dict(next(iter(results)))
    assert merged["x"] == Actor("x", "Jan Kowalski", "Person", ("Jan Nowalski", "Kowalski", "Mr Kowalski"))
    assert merged["z"] == Actor("z", "Jan Maria Zielinski", "Person", ("Mr Zielinski", "Zielinski"))
    assert merged["y"] == Actor("y", "Russia", "Country", ("Kremlin", "Moscow", "Russian Federation"), "Q159")
    # merging a merged description again with a part changes nothing (a half built twice)
    assert combine_actors([merged["x"], descriptions[0]])["x"] == merged["x"]


def test_cli_adds_to_a_store_and_writes_no_files_unless_asked(
        corpus: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["build", str(corpus[1]), "--store", "kgstore", "-q", "-j", "1"]) == 0
    out = capsys.readouterr().out
    assert "added to the store kgstore:" in out
    assert not (tmp_path / "output").exists()
    assert len(quads_of(tmp_path / "kgstore")) > 0

    (tmp_path / "file").write_text("not a store", encoding="utf-8")
    assert main(["build", str(corpus[1]), "--store", "file", "-q", "-j", "1"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("kg build: cannot") and "\n" not in err
