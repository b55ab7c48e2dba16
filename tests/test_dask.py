"""kg build --dask: batches parsed on Dask workers give the same graph as a local build."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import kg.distributed
from kg import parse_article
from kg.cli import main
from kg.distributed import DaskError, extract_on_dask
from kg.pipeline import build, extract_articles

distributed = pytest.importorskip("distributed", reason="the --dask tests need geokg[dask]")

ROOT = Path(__file__).resolve().parents[1]

ARTICLES = {
    "geneva": (
        "Talks resume in Geneva\n\n"
        'Iranian Foreign Minister Abbas Araghchi met European envoys in Geneva on Friday. "The door to '
        'diplomacy remains open," Araghchi said after the meeting.\n'
    ),
    "tokyo": (
        "Japan protests missile launch\n\n"
        "Japan protested to North Korea after a ballistic missile landed near its waters. "
        '"This is an outrageous act," Prime Minister Shigeru Ishiba told reporters in Tokyo.\n'
    ),
    "nairobi": (
        "Kenya hosts Sudan talks\n\n"
        'Kenyan President William Ruto called for a ceasefire in Sudan. "The fighting must stop now," '
        "Ruto said in Nairobi on Wednesday.\n"
    ),
    "warsaw": (
        "Poland seeks more troops\n\n"
        'Polish Prime Minister Donald Tusk asked NATO allies for more troops. "Our border is Europe\'s '
        'border," Tusk said. Germany said it would consider the request.\n'
    ),
}


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """The address of a two-worker LocalCluster bound to 127.0.0.1, shared by the module."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None, scheduler_kwargs=kg.distributed.QUIET_HTTP) as cluster:
        yield cluster.scheduler_address


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def test_dask_build_is_byte_identical_to_a_local_build(scheduler: str, corpus: Path, tmp_path: Path) -> None:
    inputs = [corpus, ROOT / "seeds"]
    local = build(inputs, tmp_path / "local", formats=("ttl", "nq"), jobs=1)
    on_dask = build(inputs, tmp_path / "dask", formats=("ttl", "nq"), dask=scheduler)
    assert len(on_dask.articles) == len(ARTICLES) + 1
    assert on_dask.statements > len(ARTICLES)
    assert [p.read_bytes() for p in on_dask.written] == [p.read_bytes() for p in local.written]


def test_results_come_back_in_input_order_from_one_article_batches(scheduler: str) -> None:
    articles = [parse_article(text, name) for name, text in sorted(ARTICLES.items())]
    got = list(extract_on_dask(reversed(articles), scheduler, batch_size=1))
    assert [e.article.id for e in got] == [a.id for a in reversed(articles)]
    assert got == list(extract_articles(reversed(articles), jobs=1))


def test_cli_builds_on_a_scheduler_address(scheduler: str, corpus: Path, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["build", str(corpus), "-o", str(tmp_path / "out"), "--format", "ttl", "--dask", scheduler, "-q"])
    assert code == 0
    assert f"{len(ARTICLES)} articles" in capsys.readouterr().out
    assert (tmp_path / "out" / "graph.ttl").stat().st_size > 0


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def test_a_scheduler_that_does_not_answer_is_a_clear_error() -> None:
    address = f"tcp://127.0.0.1:{_free_port()}"
    started = time.perf_counter()
    with pytest.raises(DaskError, match=f"cannot reach the Dask scheduler at {address}"):
        list(extract_on_dask([parse_article(ARTICLES["geneva"], "geneva")], address, timeout=1))
    assert time.perf_counter() - started < 10


def test_cli_names_a_bad_address_in_one_line(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(corpus), "-o", str(tmp_path / "out"), "--dask", "no-port-here", "-q"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("kg build: not a Dask scheduler address: 'no-port-here'")
    assert "\n" not in err
    assert not (tmp_path / "out").exists()


def test_without_dask_installed_the_error_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def missing(name: str) -> Any:
        raise ImportError(f"No module named {name!r}")

    monkeypatch.setattr(kg.distributed, "import_module", missing)
    assert main(["build", str(corpus), "-o", str(tmp_path / "out"), "--dask", "local", "-q"]) == 2
    err = capsys.readouterr().err.strip()
    assert err == "kg build: --dask needs Dask: pip install 'geokg[dask]'"


def _pipeline_loads() -> int:
    from kg.nlp import load_pipeline

    return int(load_pipeline.cache_info().misses)


def test_the_workers_parse_and_load_the_model_once_each(scheduler: str) -> None:
    articles = [parse_article(text, name) for name, text in sorted(ARTICLES.items())]
    for _ in range(2):
        assert len(list(extract_on_dask(articles, scheduler, batch_size=1))) == len(articles)
    with distributed.Client(scheduler, set_as_default=False) as client:
        loads = client.run(_pipeline_loads)
    assert len(loads) == 2
    assert set(loads.values()) <= {0, 1}
    assert sum(loads.values()) >= 1  # the work ran on the cluster, each worker loading spaCy at most once
