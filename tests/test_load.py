"""``kg load``: into an embedded pyoxigraph store and, over the Graph Store Protocol, into real SPARQL servers
(an Oxigraph server and a Virtuoso, started here; skipped with the reason when they are not installed)."""

from __future__ import annotations

import base64
import http.server
import itertools
import json
import threading
import time
import urllib.parse
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pyoxigraph import BlankNode, Literal, NamedNode, Quad, RdfFormat, Store, parse, serialize
from servers import Server, ServerMissing, closed_port, start_oxigraph, start_virtuoso

import kg
from kg.cli import main
from kg.stores import (
    Journal,
    LoadError,
    file_graph_iri,
    load_endpoint,
    load_store,
    query_endpoint_for,
)

SEED = Path(__file__).resolve().parent.parent / "seeds"
SECRET = "s3cr3t-PW"
GRAPH = "https://w3id.org/geokg/id/graph/"

ARTICLES = {
    "ankara_talks.txt": (
        "Ministers meet in Ankara\n\n"
        "Turkish Foreign Minister Hakan Fidan hosted Russian Foreign Minister Sergei Lavrov on Monday. "
        '"We discussed the grain corridor at length," Fidan said.\n\n'
        "Lavrov said that Moscow was ready to resume talks with Kyiv.\n"),
    "brussels_budget.txt": (
        "Allies weigh spending\n\n"
        "NATO Secretary General Mark Rutte urged members to spend five percent of GDP on defence. "
        '"Europe must carry more of the load," Rutte told reporters in Brussels.\n\n'
        "German Chancellor Friedrich Merz said Germany would meet the target over the next decade.\n"),
    "beijing_trade.txt": (
        "Trade envoys in Beijing\n\n"
        "Chinese Foreign Minister Wang Yi criticised Washington over new tariffs on Tuesday. "
        '"Pressure will not work," Wang said. US Secretary of State Marco Rubio said the tariffs would stay.\n'),
}
# the second edition of one article: the same file name (so the same named graph), other words
EDITED = {"ankara_talks.txt": (
    "Ministers meet in Ankara\n\n"
    "Turkish Foreign Minister Hakan Fidan hosted Russian Foreign Minister Sergei Lavrov on Monday. "
    '"The talks were frank and long," Fidan said.\n')}


@pytest.fixture(autouse=True)
def journals(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The journals of interrupted loads go to the test's folder, not to ~/.local/state."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    return tmp_path / "state" / "geokg" / "loads"


@dataclass(frozen=True)
class Built:
    folder: Path  # holds graph.nq and graph.ttl
    per_graph: dict[str, int]  # triples per named graph

    @property
    def total(self) -> int:
        return sum(self.per_graph.values())

    @property
    def graphs(self) -> list[str]:
        return sorted(self.per_graph)


def _build(root: Path, articles: dict[str, str]) -> Built:
    (root / "in").mkdir(parents=True)
    for name, text in articles.items():
        (root / "in" / name).write_text(text, encoding="utf-8")
    result = kg.build([SEED, root / "in"], root / "out", formats=("ttl",))
    assert not result.failures
    (root / "out" / "graph.nq").write_bytes(serialize(result.quads, format=RdfFormat.N_QUADS) or b"")
    quads = set(result.quads)
    per_graph = Counter(q.graph_name.value for q in quads if isinstance(q.graph_name, NamedNode))
    return Built(root / "out", dict(per_graph))


@pytest.fixture(scope="module")
def first(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return _build(tmp_path_factory.mktemp("first"), ARTICLES)


@pytest.fixture(scope="module")
def second(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return _build(tmp_path_factory.mktemp("second"), {**ARTICLES, **EDITED})


def test_the_builds_are_dev_like(first: Built, second: Built) -> None:
    articles = [g for g in first.graphs if not g.endswith(("/actors", "/vocabulary"))]
    assert len(articles) == 4  # the seed and three articles
    assert first.per_graph[GRAPH + "actors"] > 20 and first.total > 300
    assert first.per_graph[GRAPH + "ankara-talks"] != second.per_graph[GRAPH + "ankara-talks"]


# --- embedded store -----------------------------------------------------------------------------------


def _store_counts(folder: Path, graphs: list[str]) -> dict[str, int]:
    store = Store(str(folder))
    try:
        return {g: sum(1 for _ in store.quads_for_pattern(None, None, None, NamedNode(g))) for g in graphs}
    finally:
        del store


def test_store_reload_replaces_each_named_graph(first: Built, second: Built, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "store"
    assert main(["load", str(first.folder), "--store", str(target)]) == 0
    out = capsys.readouterr().out
    assert f"loaded {len(first.graphs)} graphs, {first.total} triples from 1 file into" in out
    assert f"<{GRAPH}ankara-talks>" in out
    assert _store_counts(target, first.graphs) == first.per_graph
    for _ in range(2):  # the second edition, twice: each graph replaced, nothing duplicated
        result = load_store([second.folder / "graph.nq"], target)
        assert {g.iri: g.triples for g in result.graphs} == second.per_graph
    assert _store_counts(target, second.graphs) == second.per_graph
    store = Store(str(target))
    assert len(store) == second.total
    assert not bool(store.query('ASK { GRAPH ?g { ?s ?p ?o FILTER(CONTAINS(STR(?o), "grain corridor")) } }'))
    assert bool(store.query('ASK { GRAPH ?g { ?s ?p ?o FILTER(CONTAINS(STR(?o), "frank and long")) } }'))
    del store


def test_plain_turtle_goes_to_a_graph_named_after_the_file(first: Built, tmp_path: Path) -> None:
    target = tmp_path / "store"
    everything = Store()
    everything.load(path=str(first.folder / "graph.nq"), format=RdfFormat.N_QUADS)
    union = len({(q.subject, q.predicate, q.object) for q in everything})
    for _ in range(2):
        result = load_store([first.folder / "graph.ttl"], target)
        assert [(g.iri, g.triples) for g in result.graphs] == [(file_graph_iri("graph.ttl"), union)]
    assert file_graph_iri("out/graph.ttl") == "https://w3id.org/geokg/id/graph/file/graph"
    assert _store_counts(target, [file_graph_iri("graph.ttl")]) == {file_graph_iri("graph.ttl"): union}


def test_a_folder_is_read_through_its_graph_aware_file(first: Built, tmp_path: Path) -> None:
    result = load_store([first.folder], tmp_path / "store")
    assert result.sources == (first.folder / "graph.nq",)
    assert [g.iri for g in result.graphs] == first.graphs


def test_bad_inputs_are_named_and_load_nothing(first: Built, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text("<a> <b> .\n", encoding="utf-8")
    target = tmp_path / "store"
    assert main(["load", str(first.folder), str(broken), "--store", str(target)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"kg load: cannot read {broken}") and err.count("\n") == 1
    assert not target.exists()
    assert main(["load", str(tmp_path / "missing"), "--store", str(target)]) == 1
    assert "no such file or folder" in capsys.readouterr().err
    assert main(["load", str(first.folder)]) == 2  # neither --store nor --endpoint


# --- real servers -------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    try:
        with start_oxigraph(tmp_path_factory.mktemp("oxigraph")) as server:
            yield server
    except ServerMissing as exc:
        pytest.skip(str(exc))


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    try:
        with start_virtuoso(tmp_path_factory.mktemp("virtuoso")) as server:
            yield server
    except ServerMissing as exc:
        pytest.skip(str(exc))


@pytest.fixture(params=["oxigraph", "virtuoso"])
def server(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Server:
    found: Server = request.getfixturevalue(f"{request.param}_server")
    monkeypatch.delenv("KG_TOKEN", raising=False)
    monkeypatch.setenv("NETRC", "/nonexistent/netrc")
    if found.name == "virtuoso":
        monkeypatch.setenv("KG_USER", "dba")
        monkeypatch.setenv("KG_PASSWORD", "dba")
    else:
        monkeypatch.delenv("KG_USER", raising=False)
        monkeypatch.delenv("KG_PASSWORD", raising=False)
    return found


def _auth(server: Server) -> list[str]:
    return ["--auth", "digest"] if server.name == "virtuoso" else []


def test_server_holds_exactly_the_files_triples_after_loading_twice(
    server: Server, first: Built, second: Built, capsys: pytest.CaptureFixture[str]
) -> None:
    load = ["load", "--endpoint", server.gsp, *_auth(server)]
    assert main([*load, str(first.folder)]) == 0
    assert server.graph_counts(first.graphs) == first.per_graph
    for _ in range(2):  # small batches: the larger graphs are PUT, then POSTed in pieces
        assert main([*load, str(second.folder), "--batch-size", "40"]) == 0
    captured = capsys.readouterr()
    assert "counts checked on the server" in captured.out and captured.err == ""
    assert server.graph_counts(second.graphs) == second.per_graph
    assert server.total(second.graphs) == second.total
    ankara = f"{GRAPH}ankara-talks"
    assert server.select(f'SELECT ?o WHERE {{ GRAPH <{ankara}> {{ ?s ?p ?o '
                         'FILTER(CONTAINS(STR(?o), "grain corridor")) } }') == []


def test_a_wrong_password_is_refused_and_never_shown(
    virtuoso_server: Server, first: Built, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("KG_USER", "dba")
    monkeypatch.setenv("KG_PASSWORD", SECRET)
    for auth in ("digest", "basic"):
        code = main(["load", str(first.folder), "--endpoint", virtuoso_server.gsp, "--auth", auth, "--retries", "0"])
        captured = capsys.readouterr()
        assert code == 1
        assert "HTTP 401" in captured.err and captured.err.count("\n") == 1 and f"<{GRAPH}" in captured.err
        assert SECRET not in captured.out + captured.err


def test_credentials_come_from_netrc(virtuoso_server: Server, first: Built, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("KG_USER", "KG_PASSWORD", "KG_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.1 login dba password dba\n", encoding="utf-8")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    assert main(["load", str(first.folder), "--endpoint", virtuoso_server.gsp, "--auth", "digest"]) == 0
    assert "counts checked on the server" in capsys.readouterr().out
    monkeypatch.setenv("NETRC", str(tmp_path / "absent"))
    assert main(["load", str(first.folder), "--endpoint", virtuoso_server.gsp, "--auth", "digest"]) == 1
    assert "needs credentials: set KG_USER and KG_PASSWORD" in capsys.readouterr().err


def test_secrets_sent_to_a_server_appear_nowhere(
    oxigraph_server: Server, first: Built, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("KG_USER", "analyst")
    monkeypatch.setenv("KG_PASSWORD", SECRET)
    monkeypatch.setenv("KG_TOKEN", SECRET)
    for auth in ("basic", "bearer"):  # Oxigraph ignores the header: the load succeeds
        assert main(["load", str(first.folder), "--endpoint", oxigraph_server.gsp, "--auth", auth]) == 0
        captured = capsys.readouterr()
        assert SECRET not in captured.out + captured.err
    assert oxigraph_server.select(f'SELECT ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o FILTER(CONTAINS(STR(?o), "{SECRET}")) }} }}'
                                  ) == []
    assert main(["load", str(first.folder), "--endpoint", f"http://analyst:{SECRET}@127.0.0.1:1/store"]) == 1
    captured = capsys.readouterr()
    assert "credentials in the URL are not accepted" in captured.err and SECRET not in captured.err


def test_a_dead_server_gives_one_line_naming_the_graph(first: Built, capsys: pytest.CaptureFixture[str]) -> None:
    endpoint = f"http://127.0.0.1:{closed_port()}/store"
    assert main(["load", str(first.folder), "--endpoint", endpoint, "--retries", "2"]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and "Traceback" not in captured.err
    assert captured.err.count("\n") == 1
    assert captured.err.startswith(f"kg load: graph <{first.graphs[0]}>: PUT {endpoint} failed: ")
    assert "(after 3 attempts)" in captured.err


# --- the protocol, against a scripted server ---------------------------------------------------------


class _Scripted(http.server.ThreadingHTTPServer):
    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.requests: list[tuple[str, str, int]] = []  # method, graph, triples in the body
        self.failures = 0  # answer 503 to this many requests first
        self.fail_after: int | None = None  # answer 503 to every write once this many have been done
        self.delay = 0.0  # seconds to wait before answering a write
        self.echo = False  # answer 500 to writes, quoting back the credentials they carry (a careless server)
        self.counts: dict[str, int] | None = None  # what the query endpoint says (default: the stored counts)
        self.stored: Counter[str] = Counter()
        self.closing = threading.Event()  # cuts the delays short when the test ends

    def handle_error(self, request: object, client_address: object) -> None:  # a client that gave up: quiet
        pass

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _Handler(http.server.BaseHTTPRequestHandler):
    server: _Scripted

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def _answer(self, status: int, body: bytes = b"", kind: str = "text/plain") -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_PUT(self) -> None:
        self._write("PUT")

    def do_POST(self) -> None:
        parts = urllib.parse.urlsplit(self.path)
        body = self.rfile.read(int(self.headers["Content-Length"] or 0))
        if parts.path == "/query":
            counts = self.server.stored if self.server.counts is None else self.server.counts
            rows = [{"g": {"type": "uri", "value": g}, "n": {"type": "literal", "value": str(n)}}
                    for g, n in counts.items() if n]
            self._answer(200, json.dumps({"head": {"vars": ["g", "n"]}, "results": {"bindings": rows}}).encode(),
                         "application/sparql-results+json")
        else:
            self._write("POST", body)

    def _write(self, method: str, body: bytes | None = None) -> None:
        if body is None:
            body = self.rfile.read(int(self.headers["Content-Length"] or 0))
        self.server.closing.wait(self.server.delay)
        if self.server.echo:
            scheme, _, credential = (self.headers["Authorization"] or "").partition(" ")
            secret = base64.b64decode(credential).decode().partition(":")[2] if scheme == "Basic" else credential
            self._answer(500, f"cannot serve {self.headers['Authorization']}: secret {secret}, "
                              f"{urllib.parse.quote(secret)}, {urllib.parse.quote_plus(secret)}".encode())
            return
        if self.server.failures > 0 or (self.server.fail_after is not None
                                        and len(self.server.requests) >= self.server.fail_after):
            self.server.failures = max(self.server.failures - 1, 0)
            self._answer(503, b"busy")
            return
        graph = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)["graph"][0]
        triples = body.count(b"\n")
        self.server.requests.append((method, graph, triples))
        self.server.stored[graph] = triples if method == "PUT" else self.server.stored[graph] + triples
        self._answer(204)


@pytest.fixture
def scripted() -> Iterator[_Scripted]:
    server = _Scripted()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.closing.set()
        server.shutdown()
        server.server_close()


def test_big_graphs_are_put_then_posted_in_batches(first: Built, scripted: _Scripted) -> None:
    scripted.counts = first.per_graph
    result = load_endpoint([first.folder], f"{scripted.base}/store", batch_size=25)
    actors = f"{GRAPH}actors"
    calls = [(m, n) for m, g, n in scripted.requests if g == actors]
    size = first.per_graph[actors]
    assert calls[0] == ("PUT", 25) and all(m == "POST" for m, _ in calls[1:])
    assert len(calls) == -(-size // 25) and sum(n for _, n in calls) == size
    assert dict(scripted.stored) == first.per_graph
    assert result.verified and not result.mismatches


def test_server_errors_are_retried(first: Built, scripted: _Scripted) -> None:
    scripted.failures = 2
    scripted.counts = first.per_graph
    result = load_endpoint([first.folder], f"{scripted.base}/store", retries=2, backoff=0.01)
    assert dict(scripted.stored) == first.per_graph and not result.mismatches
    scripted.failures = 3
    with pytest.raises(LoadError, match=r"HTTP 503 .*busy \(after 3 attempts\)"):
        load_endpoint([first.folder], f"{scripted.base}/store", retries=2, backoff=0.01)


def test_count_mismatches_are_reported(first: Built, scripted: _Scripted,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    scripted.counts = {**first.per_graph, f"{GRAPH}actors": 3}
    assert main(["load", str(first.folder), "--endpoint", f"{scripted.base}/store"]) == 1
    err = capsys.readouterr().err
    assert err == (f"kg load: graph <{GRAPH}actors>: the server holds 3 triples, "
                   f"the input has {first.per_graph[GRAPH + 'actors']}\n")


EX = "https://example.org/load/"


def _graphs_file(path: Path, edition: str, graphs: int = 5) -> list[str]:
    """``graphs`` named graphs of three triples each, whose words depend on the ``edition``; their IRIs."""
    path.parent.mkdir(parents=True, exist_ok=True)
    quads = [Quad(NamedNode(f"{EX}s{j}"), NamedNode(f"{EX}says"), Literal(f"{edition} {i}.{j}"), NamedNode(f"{EX}g{i}"))
             for i in range(graphs) for j in range(3)]
    path.write_bytes(serialize(quads, format=RdfFormat.N_QUADS) or b"")
    return [f"{EX}g{i}" for i in range(graphs)]


def _sent(scripted: _Scripted) -> list[str]:
    graphs = [graph for _, graph, _ in scripted.requests]
    scripted.requests.clear()
    return graphs


def test_a_rerun_resumes_after_the_graphs_the_server_still_holds(tmp_path: Path, scripted: _Scripted,
                                                                 journals: Path) -> None:
    graphs = _graphs_file(tmp_path / "five.nq", "first")
    endpoint = f"{scripted.base}/store"
    scripted.fail_after = 2
    with pytest.raises(LoadError) as failed:
        load_endpoint([tmp_path / "five.nq"], endpoint, retries=0)
    assert str(failed.value) == (f"graph <{graphs[2]}>: PUT {endpoint} failed: HTTP 503 Service Unavailable: busy; "
                                 "2 of 5 graphs loaded: rerun the same command to resume from this graph")
    assert _sent(scripted) == graphs[:2]
    scripted.fail_after = None
    del scripted.stored[graphs[0]]  # the server lost a graph meanwhile: it is loaded again
    result = load_endpoint([tmp_path / "five.nq"], endpoint)
    assert _sent(scripted) == [graphs[0], *graphs[2:]]
    assert result.resumed == 1 and result.verified and not result.mismatches
    assert "resumed: kept 1 graph an interrupted run had loaded" in result.summary()
    assert list(journals.iterdir()) == []  # the load ended: nothing to resume
    load_endpoint([tmp_path / "five.nq"], endpoint)
    assert _sent(scripted) == graphs  # a load that was not interrupted replaces every graph


def test_only_a_rerun_of_the_same_files_skips_graphs(tmp_path: Path, scripted: _Scripted) -> None:
    first, edited = tmp_path / "first" / "five.nq", tmp_path / "edited" / "five.nq"
    graphs = _graphs_file(first, "first")
    assert _graphs_file(edited, "edited") == graphs  # the same graphs and counts, other words
    endpoint = f"{scripted.base}/store"
    scripted.fail_after = 2
    with pytest.raises(LoadError, match="2 of 5 graphs loaded"):
        load_endpoint([first], endpoint, retries=0)
    scripted.fail_after = None
    _sent(scripted)
    # the first two graphs hold as many triples on the server as in the edited file: still, they are replaced
    assert load_endpoint([edited], endpoint).resumed == 0
    assert _sent(scripted) == graphs
    # and the journal of the first file went with the edited load: its rerun replaces everything too
    assert load_endpoint([first], endpoint).resumed == 0
    assert _sent(scripted) == graphs


def test_two_loads_into_one_endpoint_do_not_interleave(tmp_path: Path, scripted: _Scripted) -> None:
    _graphs_file(tmp_path / "five.nq", "first")
    endpoint = f"{scripted.base}/store"
    running = Journal.open(endpoint, [tmp_path / "five.nq"])
    try:
        with pytest.raises(LoadError, match=rf"another kg load into {endpoint} is running \(it holds "):
            load_endpoint([tmp_path / "five.nq"], endpoint)
    finally:
        running.close()
    assert scripted.requests == []
    assert load_endpoint([tmp_path / "five.nq"], endpoint).verified


def test_a_graph_with_blank_nodes_goes_in_one_request(tmp_path: Path, scripted: _Scripted) -> None:
    graph, plain = NamedNode(f"{EX}with-blank-nodes"), NamedNode(f"{EX}plain")
    says, cites = NamedNode(f"{EX}says"), NamedNode(f"{EX}cites")
    nodes = [BlankNode() for _ in range(5)]
    quads = [Quad(node, says, Literal(f"claim {i}"), graph) for i, node in enumerate(nodes)]
    quads += [Quad(a, cites, b, graph) for a, b in itertools.pairwise(nodes)]
    quads += [Quad(NamedNode(f"{EX}s{i}"), says, Literal(f"plain {i}"), plain) for i in range(9)]
    (tmp_path / "mixed.nq").write_bytes(serialize(quads, format=RdfFormat.N_QUADS) or b"")
    result = load_endpoint([tmp_path / "mixed.nq"], f"{scripted.base}/store", batch_size=4)
    assert scripted.requests == [("PUT", plain.value, 4), ("POST", plain.value, 4), ("POST", plain.value, 1),
                                 ("PUT", graph.value, 9)]
    assert result.verified and not result.mismatches


def test_a_server_that_does_not_answer_times_out(tmp_path: Path, scripted: _Scripted,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    graphs = _graphs_file(tmp_path / "five.nq", "first")
    scripted.delay = 3
    started = time.monotonic()
    assert main(["load", str(tmp_path / "five.nq"), "--endpoint", f"{scripted.base}/store", "--timeout", "0.3",
                 "--retries", "1"]) == 1
    assert time.monotonic() - started < 2.5  # two attempts of 0.3 s and a backoff of 0.5 s, not 3 s
    assert capsys.readouterr().err == (
        f"kg load: graph <{graphs[0]}>: PUT {scripted.base}/store failed: no answer within 0.3 s (after 2 attempts); "
        "0 of 5 graphs loaded: rerun the same command to resume from this graph\n")
    for option, bad in (("--timeout", "0"), ("--timeout", "never"), ("--retries", "-1")):
        assert main(["load", str(tmp_path / "five.nq"), "--endpoint", f"{scripted.base}/store", option, bad]) == 2
        assert "not a" in capsys.readouterr().err


PASSWORD = "p@ss:w/rd s3cr3t&é"  # characters that URL-encoding changes


def _disguises(user: str, secret: str) -> set[str]:
    """A secret as it may show: itself, URL-encoded, in a Basic header."""
    return {secret, urllib.parse.quote(secret), urllib.parse.quote(secret, safe=""), urllib.parse.quote_plus(secret),
            base64.b64encode(f"{user}:{secret}".encode()).decode()}


@pytest.mark.parametrize("auth", ["basic", "bearer"])
def test_a_password_that_the_server_echoes_is_never_printed(
    auth: str, tmp_path: Path, scripted: _Scripted, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _graphs_file(tmp_path / "five.nq", "first")
    monkeypatch.setenv("KG_USER", "analyst")
    monkeypatch.setenv("KG_PASSWORD", PASSWORD)
    monkeypatch.setenv("KG_TOKEN", PASSWORD)
    scripted.echo = True
    assert main(["load", str(tmp_path / "five.nq"), "--endpoint", f"{scripted.base}/store", "--auth", auth,
                 "--retries", "0"]) == 1
    captured = capsys.readouterr()
    assert captured.err.startswith(f"kg load: graph <{EX}g0>: PUT {scripted.base}/store failed: HTTP 500 ")
    assert captured.err.count("\n") == 1 and "***" in captured.err
    assert not [form for form in _disguises("analyst", PASSWORD) if form in captured.out + captured.err]


def test_credentials_in_an_endpoint_url_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _graphs_file(tmp_path / "five.nq", "first")
    embedded = f"http://analyst:{urllib.parse.quote(PASSWORD, safe='')}@127.0.0.1:{closed_port()}"
    for endpoints in (["--endpoint", f"{embedded}/store"],
                      ["--endpoint", f"http://127.0.0.1:{closed_port()}/store",
                       "--query-endpoint", f"{embedded}/query"]):
        assert main(["load", str(tmp_path / "five.nq"), *endpoints]) == 1
        captured = capsys.readouterr()
        assert captured.err == ("kg load: credentials in the URL are not accepted: use KG_USER/KG_PASSWORD, "
                                "KG_TOKEN or ~/.netrc\n")
        assert captured.out == ""


def test_query_endpoints_are_derived_for_known_servers() -> None:
    assert query_endpoint_for("http://h:7878/store") == "http://h:7878/query"
    assert query_endpoint_for("http://h:8890/sparql-graph-crud-auth") == "http://h:8890/sparql"
    assert query_endpoint_for("http://h:3030/ds/data") == "http://h:3030/ds/query"
    assert query_endpoint_for("http://h/repositories/kg/rdf-graphs/service") == "http://h/repositories/kg"
    assert query_endpoint_for("http://h/somewhere") is None


SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.mark.shared
@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="../shared/corpus is not here")
def test_dev_build_loaded_twice_leaves_exactly_its_triples(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kg.build([SHARED / "seeds", *sorted((SHARED / "corpus").glob("*.txt"))], tmp_path, formats=["nq"])
    per_graph: dict[str, int] = {}
    for quad in parse(path=str(tmp_path / "graph.nq"), format=RdfFormat.N_QUADS):
        assert isinstance(quad.graph_name, NamedNode)
        per_graph[quad.graph_name.value] = per_graph.get(quad.graph_name.value, 0) + 1
    for _ in range(2):
        assert main(["load", "--endpoint", server.gsp, *_auth(server), str(tmp_path)]) == 0
    assert server.graph_counts(sorted(per_graph)) == per_graph
    assert server.total(sorted(per_graph)) == sum(per_graph.values()) > 5000
