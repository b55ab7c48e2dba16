"""``kg load --endpoint`` against a real Oxigraph server that dies mid-load.

The server is killed (SIGKILL) at a chosen write, always the same one: a proxy in front of it counts the
requests. Killed once the server has done a write but before the client hears of it, the load fails
after its retries and its rerun, once the server is started again on the same data and port, resumes;
killed while a write is in flight and started again at once, the load's retries carry it through. Either
way the server ends with exactly the quads of one clean load into a fresh server: none lost, none extra.
"""

from __future__ import annotations

import threading
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, parse, serialize
from servers import KillingProxy, Oxigraph, Server, ServerMissing, Write

import kg
from kg.cli import main
from kg.stores import load_endpoint

ARTICLE = (
    "Envoys meet in Geneva\n\n"
    "Swiss Foreign Minister Ignazio Cassis welcomed Iranian Foreign Minister Abbas Araghchi on Thursday. "
    '"Every channel must stay open," Cassis said.\n\n'
    "Araghchi said that Tehran would answer any proposal in writing.\n"
)
EX = "https://example.org/load-faults/"
GRAPHS = 150  # 5 to 64 triples each: with batches of 16, most graphs take a PUT and POSTs
BATCH = 16


@dataclass(frozen=True)
class Reference:
    """The inputs and what one clean load of them into a fresh server gives."""

    inputs: tuple[Path, ...]
    quads: frozenset[Quad]  # the server's whole dataset afterwards
    per_graph: dict[str, int]
    writes: tuple[Write, ...]  # the load's requests, in order

    @property
    def graphs(self) -> list[str]:
        return sorted(self.per_graph)

    @property
    def mid_graph_write(self) -> int:
        """The number (from 1) of the first write past half the load that is neither the first nor the last of
        its graph: killed there, the server holds part of the graph."""
        half, writes = len(self.writes) // 2, self.writes
        return next(n for n in range(half, len(writes) - 1)
                    if writes[n - 1].method == "POST" and writes[n].graph == writes[n - 1].graph)


def _synthetic(path: Path) -> None:
    """Many named graphs of literals of every kind, one triple shared by all of them."""
    quads = []
    for i in range(GRAPHS):
        graph = NamedNode(f"{EX}graph/{i:03d}")
        quads.append(Quad(NamedNode(f"{EX}shared"), NamedNode(f"{EX}in"), Literal("every graph"), graph))
        for j in range(4 + (i * 37) % 60):
            subject = NamedNode(f"{EX}thing/{i}-{j // 4}")
            quads.append(Quad(subject, NamedNode(f"{EX}says"),
                              Literal(f'«{i}» said "{j}" \\ über 🌍\n', language="en"), graph))
            if j % 3 == 0:
                quads.append(Quad(subject, NamedNode(f"{EX}rank"), Literal(j), graph))
    path.write_bytes(serialize(quads, format=RdfFormat.N_QUADS) or b"")


def dump(server: Server) -> frozenset[Quad]:
    """Every quad the server holds."""
    request = urllib.request.Request(server.gsp, headers={"Accept": "application/n-quads"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return frozenset(parse(response.read(), format=RdfFormat.N_QUADS))


def _oxigraph(folder: Path) -> Oxigraph:
    try:
        return Oxigraph(folder)
    except ServerMissing as exc:
        pytest.skip(str(exc))


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> Reference:
    root = tmp_path_factory.mktemp("faults")
    (root / "in").mkdir()
    (root / "in" / "geneva_envoys.txt").write_text(ARTICLE, encoding="utf-8")
    assert not kg.build([root / "in"], root / "built", formats=["nq"]).failures
    _synthetic(root / "many.nq")
    inputs = (root / "built", root / "many.nq")
    oxigraph = _oxigraph(root / "clean")
    server = oxigraph.start()
    try:
        with pytest.MonkeyPatch.context() as patch, KillingProxy(oxigraph.base) as proxy:
            patch.setenv("XDG_STATE_HOME", str(root / "state"))
            result = load_endpoint(inputs, f"{proxy.base}/store", batch_size=BATCH)
        assert result.verified and not result.mismatches
        quads = dump(server)
        per_graph = {g.iri: g.triples for g in result.graphs}
        assert server.graph_counts(sorted(per_graph)) == per_graph
    finally:
        oxigraph.stop()
    local = {q for path in (root / "built" / "graph.nq", root / "many.nq")
             for q in parse(path=path, format=RdfFormat.N_QUADS)}
    assert quads == local  # the clean load is the inputs, quad for quad
    assert len(per_graph) > GRAPHS and len(proxy.writes) > 2 * GRAPHS
    return Reference(inputs, quads, per_graph, tuple(proxy.writes))


def _same_as_the_clean_load(server: Server, reference: Reference, run: int) -> None:
    found = dump(server)
    lost, extra = reference.quads - found, found - reference.quads
    print(f"run {run}: killed at write {reference.mid_graph_write} of {len(reference.writes)}; "
          f"{len(found)} quads, {len(lost)} lost, {len(extra)} extra")
    assert server.graph_counts(reference.graphs) == reference.per_graph
    assert server.total(reference.graphs) == len(reference.quads)
    assert (len(lost), len(extra)) == (0, 0)


@pytest.mark.parametrize("run", [1, 2, 3])
def test_a_load_killed_mid_graph_is_resumed_by_its_rerun(
    run: int, reference: Reference, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    kill_at = reference.mid_graph_write
    oxigraph = _oxigraph(tmp_path / "server")
    server = oxigraph.start()
    try:
        with KillingProxy(oxigraph.base, kill=oxigraph.kill, kill_at=kill_at) as proxy:
            load = ["load", *map(str, reference.inputs), "--endpoint", f"{proxy.base}/store",
                    "--batch-size", str(BATCH)]
            assert main([*load, "--retries", "1"]) == 1
            killed = proxy.writes[kill_at - 1]
            assert (killed.method, killed.answered) == ("POST", False)  # the server did it; the client never knew
            finished = sorted({w.graph for w in proxy.writes if w.graph < killed.graph})
            err = capsys.readouterr().err
            assert err.startswith(f"kg load: graph <{killed.graph}>: POST {proxy.base}/store failed: HTTP 502")
            assert err.endswith(f"(after 2 attempts); {len(finished)} of {len(reference.graphs)} graphs loaded: "
                                "rerun the same command to resume from this graph\n")
            assert len(list((tmp_path / "state" / "geokg" / "loads").iterdir())) == 1

            oxigraph.start()  # same data folder, same port
            first_run = len(proxy.writes)
            assert main(load) == 0
            captured = capsys.readouterr()
            assert f"resumed: kept {len(finished)} graphs an interrupted run had loaded" in captured.out
            assert "counts checked on the server" in captured.out and captured.err == ""
            # the rerun wrote the graphs the first run had not finished, the killed one again from its PUT
            rerun = [(w.method, w.graph) for w in proxy.writes[first_run:]]
            assert rerun == [(w.method, w.graph) for w in reference.writes if w.graph not in finished]
        _same_as_the_clean_load(server, reference, run)
        assert list((tmp_path / "state" / "geokg" / "loads").iterdir()) == []  # done: no journal left
    finally:
        oxigraph.stop()


@pytest.mark.parametrize("run", [1, 2, 3])
def test_a_server_killed_and_restarted_during_the_load_is_outlasted_by_the_retries(
    run: int, reference: Reference, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    oxigraph = _oxigraph(tmp_path / "server")
    server = oxigraph.start()
    restart = threading.Thread(target=oxigraph.start)

    def kill_and_restart() -> None:
        oxigraph.kill()
        restart.start()

    kill_at = reference.mid_graph_write
    try:
        with KillingProxy(oxigraph.base, kill=kill_and_restart, kill_at=kill_at, answered=False) as proxy:
            result = load_endpoint(reference.inputs, f"{proxy.base}/store", batch_size=BATCH, retries=8, backoff=0.1)
        restart.join()
        assert result.verified and not result.mismatches and result.resumed == 0
        killed = proxy.writes[kill_at - 1]
        retried = next(w for w in proxy.writes[kill_at:] if w.answered)
        assert not killed.answered and (retried.method, retried.graph) == (killed.method, killed.graph)
        assert len(proxy.writes) > len(reference.writes)  # the killed write and the refused ones, sent again
        _same_as_the_clean_load(server, reference, run)
    finally:
        oxigraph.stop()
