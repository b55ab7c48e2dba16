"""``kg load``: put exported graphs into an embedded Oxigraph store or a SPARQL server, one named graph at a time.

Inputs are exported files (``.nq``, ``.trig``, ``.ttl``, ``.nt``, ``.jsonld``) or output folders, of which
the graph-aware file is read (``graph.nq``, else ``graph.trig``, else ``graph.ttl``, ``graph.nt``,
``graph.jsonld``). Each named graph of the input **replaces** the graph of that name in the target, so
loading an article again never duplicates its triples. Triples in the default graph (a plain Turtle file)
go to the named graph ``https://w3id.org/geokg/id/graph/file/<slug of the file name without extension>``
(``graph.ttl`` -> ``graph/file/graph``). A graph named by several inputs receives their union.

- ``load_store(paths, folder)``: a persistent pyoxigraph ``Store(folder)``; every graph loaded is cleared,
  then the triples are bulk loaded.
- ``load_endpoint(paths, endpoint, ...)``: the SPARQL 1.1 Graph Store HTTP Protocol, through the standard
  library only: one ``PUT ?graph=<iri>`` per graph with an N-Triples body (PUT replaces the graph); a graph
  larger than ``batch_size`` triples is PUT with its first batch and POSTed with the rest. Connection
  errors and 5xx answers are retried with exponential backoff. Afterwards the triples of each graph are
  counted on the server (SPARQL query endpoint, given or derived: Oxigraph ``/store`` -> ``/query``,
  Virtuoso ``/sparql-graph-crud[-auth]`` -> ``/sparql``, Fuseki ``/data`` -> ``/query``) and compared
  with the input's counts.

Credentials come only from the environment (``KG_USER``/``KG_PASSWORD`` for basic and digest auth,
``KG_TOKEN`` for bearer) or from ``~/.netrc`` (or the file named by ``NETRC``); they never appear in
arguments, messages or the graph.
"""

from __future__ import annotations

import base64
import http.client
import json
import netrc
import os
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pyoxigraph import DefaultGraph, NamedNode, Quad, RdfFormat, Store, Triple, parse, serialize

from kg.models import slugify
from kg.sources import OUTPUT_FILES, RDF_FORMATS
from kg.vocab import BASE

DEFAULT_BATCH_SIZE = 50_000
DEFAULT_TIMEOUT = 60.0
DEFAULT_RETRIES = 4
AuthScheme = Literal["basic", "digest", "bearer"]
AUTH_SCHEMES: tuple[AuthScheme, ...] = ("basic", "digest", "bearer")


class LoadError(Exception):
    """A load that cannot go on: the message is one line, meant for the user, and holds no credentials."""


def file_graph_iri(path: str | Path) -> str:
    """The named graph for the default-graph triples of a file: ``graph/file/<slug of its name>``."""
    return f"{BASE}graph/file/{slugify(Path(path).stem)}"


@dataclass(frozen=True)
class GraphCount:
    iri: str
    triples: int


@dataclass(frozen=True)
class Mismatch:
    iri: str
    expected: int
    found: int

    def __str__(self) -> str:
        return f"graph <{self.iri}>: the server holds {self.found} triples, the input has {self.expected}"


@dataclass(frozen=True)
class LoadResult:
    """What was loaded where: the graphs with their triple counts and, for a server, the check of its counts."""

    target: str
    sources: tuple[Path, ...]
    graphs: tuple[GraphCount, ...]
    seconds: float
    verified: bool = False  # True when the server's counts were read back
    mismatches: tuple[Mismatch, ...] = ()
    notes: tuple[str, ...] = field(default=())

    @property
    def triples(self) -> int:
        return sum(g.triples for g in self.graphs)

    def summary(self) -> str:
        line = (f"loaded {len(self.graphs)} graphs, {self.triples} triples from {len(self.sources)} "
                f"file{'' if len(self.sources) == 1 else 's'} "
                f"into {self.target} in {self.seconds:.1f} s")
        if self.verified:
            line += ("; counts checked on the server" if not self.mismatches
                     else f"; {len(self.mismatches)} graphs differ on the server")
        return line


# --- reading the inputs -------------------------------------------------------------------------------


def input_files(paths: Iterable[str | Path]) -> tuple[Path, ...]:
    """The files to read: files as given, and for a folder its graph-aware export (``kg.sources.OUTPUT_FILES``)."""
    files: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = next((path / name for name in OUTPUT_FILES if (path / name).is_file()), None)
            if found is None:
                raise LoadError(f"cannot read {path}: no {', '.join(OUTPUT_FILES)} in it")
            files.append(found)
        elif path.is_file():
            if path.suffix.lower() not in RDF_FORMATS:
                raise LoadError(f"cannot read {path}: unknown format (expected {', '.join(RDF_FORMATS)})")
            files.append(path)
        else:
            raise LoadError(f"cannot read {path}: no such file or folder")
    if not files:
        raise LoadError("nothing to load")
    return tuple(files)


def read_dataset(paths: Iterable[str | Path]) -> tuple[Store, tuple[Path, ...]]:
    """Parse every input into an in-memory store of named graphs (default-graph triples moved to the file's graph).

    Everything is parsed before any target is touched: a broken input loads nothing.
    """
    files = input_files(paths)
    staging = Store()
    for path in files:
        fallback = NamedNode(file_graph_iri(path))
        batch: list[Quad] = []
        try:
            for quad in parse(path=path, format=RDF_FORMATS[path.suffix.lower()], rename_blank_nodes=True):
                if isinstance(quad.graph_name, DefaultGraph):
                    quad = Quad(quad.subject, quad.predicate, quad.object, fallback)
                batch.append(quad)
                if len(batch) >= 100_000:
                    staging.extend(batch)
                    batch.clear()
            staging.extend(batch)
        except (SyntaxError, ValueError, OSError) as exc:
            reason = " ".join(str(exc).split()) or type(exc).__name__
            raise LoadError(f"cannot read {path}: {reason}") from None
    return staging, files


def _graphs(staging: Store) -> list[NamedNode]:
    return sorted((g for g in staging.named_graphs() if isinstance(g, NamedNode)), key=lambda g: g.value)


def _triples(staging: Store, graph: NamedNode) -> Iterator[Triple]:
    for quad in staging.quads_for_pattern(None, None, None, graph):
        yield Triple(quad.subject, quad.predicate, quad.object)


def _count(staging: Store, graph: NamedNode) -> int:
    return sum(1 for _ in staging.quads_for_pattern(None, None, None, graph))


# --- embedded store -----------------------------------------------------------------------------------


def load_store(paths: Iterable[str | Path], folder: str | Path) -> LoadResult:
    """Load the inputs into the persistent pyoxigraph store at ``folder`` (created when missing).

    Each graph of the inputs is cleared in the store, then all triples are bulk loaded: a reload replaces.
    """
    started = time.perf_counter()
    staging, files = read_dataset(paths)
    counts = replace_graphs(staging, folder)
    return LoadResult(str(folder), files, counts, time.perf_counter() - started)


def replace_graphs(staging: Store, folder: str | Path) -> tuple[GraphCount, ...]:
    """Replace, in the persistent store at ``folder`` (created when missing), each named graph of ``staging``.

    Every graph named in ``staging`` is cleared in the store, then ``staging`` is bulk loaded; other graphs
    of the store are left as they are. Returns the triple counts of the replaced graphs, in IRI order.
    """
    graphs = _graphs(staging)
    try:
        Path(folder).mkdir(parents=True, exist_ok=True)
        store = Store(str(folder))
    except OSError as exc:
        raise LoadError(f"cannot open the store {folder}: {' '.join(str(exc).split())}") from None
    try:
        for graph in graphs:
            store.clear_graph(graph)
        store.bulk_extend(staging)
        store.flush()
        return tuple(GraphCount(g.value, _count(store, g)) for g in graphs)
    except OSError as exc:
        raise LoadError(f"cannot write the store {folder}: {' '.join(str(exc).split())}") from None
    finally:
        del store


# --- SPARQL servers -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Credentials:
    scheme: AuthScheme
    user: str = ""
    secret: str = field(default="", repr=False)  # the password, or the bearer token

    def redact(self, text: str) -> str:
        return text.replace(self.secret, "***") if self.secret else text


def find_credentials(scheme: AuthScheme, url: str) -> Credentials:
    """Credentials for ``url`` from ``KG_USER``/``KG_PASSWORD`` (``KG_TOKEN`` for bearer), else ``~/.netrc``."""
    if scheme == "bearer" and os.environ.get("KG_TOKEN"):
        return Credentials(scheme, secret=os.environ["KG_TOKEN"])
    if scheme != "bearer" and os.environ.get("KG_USER") and os.environ.get("KG_PASSWORD") is not None:
        return Credentials(scheme, os.environ["KG_USER"], os.environ["KG_PASSWORD"])
    host = urllib.parse.urlsplit(url).hostname or ""
    entry = _netrc_entry(host)
    if entry is not None:
        login, password = entry
        if scheme == "bearer":
            return Credentials(scheme, secret=password)
        return Credentials(scheme, login, password)
    wanted = "KG_TOKEN" if scheme == "bearer" else "KG_USER and KG_PASSWORD"
    raise LoadError(f"--auth {scheme} needs credentials: set {wanted}, or add machine {host} to ~/.netrc")


def _netrc_entry(host: str) -> tuple[str, str] | None:
    file = os.environ.get("NETRC") or str(Path.home() / ".netrc")
    if not Path(file).is_file():
        return None
    try:
        entry = netrc.netrc(file).authenticators(host)
    except netrc.NetrcParseError as exc:  # its message may quote a token of the file: never show it
        raise LoadError(f"cannot use {file}: malformed at line {exc.lineno}, or readable by others") from None
    except OSError as exc:
        raise LoadError(f"cannot read {file}: {exc.strerror}") from None
    if entry is None:
        return None
    login, _account, password = entry
    return login or "", password or ""


def query_endpoint_for(endpoint: str) -> str | None:
    """The SPARQL query endpoint next to a Graph Store endpoint, for the servers whose layout is known."""
    parts = urllib.parse.urlsplit(endpoint)
    path = parts.path.rstrip("/")
    head, _, last = path.rpartition("/")
    replacement = {"store": "query", "sparql-graph-crud-auth": "sparql", "sparql-graph-crud": "sparql",
                   "data": "query"}.get(last)
    if replacement is None:
        if path.endswith("/rdf-graphs/service"):  # GraphDB, RDF4J
            return urllib.parse.urlunsplit(parts._replace(path=path[: -len("/rdf-graphs/service")], query=""))
        return None
    return urllib.parse.urlunsplit(parts._replace(path=f"{head}/{replacement}", query=""))


class _Client:
    """HTTP with the standard library: authentication, timeouts, bounded retries with exponential backoff."""

    def __init__(self, urls: Sequence[str], credentials: Credentials | None, timeout: float, retries: int,
                 backoff: float) -> None:
        handlers: list[urllib.request.BaseHandler] = []
        self.headers: dict[str, str] = {}
        self.credentials = credentials
        if credentials is not None and credentials.scheme == "digest":
            passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            for url in urls:
                passwords.add_password(None, url, credentials.user, credentials.secret)
            handlers.append(urllib.request.HTTPDigestAuthHandler(passwords))
        elif credentials is not None and credentials.scheme == "basic":
            token = base64.b64encode(f"{credentials.user}:{credentials.secret}".encode()).decode("ascii")
            self.headers["Authorization"] = f"Basic {token}"
        elif credentials is not None:
            self.headers["Authorization"] = f"Bearer {credentials.secret}"
        self.opener = urllib.request.build_opener(*handlers)
        self.timeout, self.retries, self.backoff = timeout, retries, backoff

    def send(self, method: str, url: str, body: bytes | None, headers: dict[str, str], what: str) -> bytes:
        """Send one request; return the body of a 2xx answer, else raise a one-line ``LoadError`` about ``what``."""
        attempts = self.retries + 1
        for attempt in range(1, attempts + 1):
            request = urllib.request.Request(url, data=body, method=method, headers={**self.headers, **headers})
            try:
                with self.opener.open(request, timeout=self.timeout) as response:
                    data: bytes = response.read()
                    return data
            except urllib.error.HTTPError as exc:
                detail = _first_line(exc.read() if exc.fp is not None else b"")
                problem = f"HTTP {exc.code} {exc.reason}" + (f": {detail}" if detail else "")
                if exc.code in (401, 403):
                    problem += " (check KG_USER/KG_PASSWORD, KG_TOKEN or ~/.netrc, and --auth)"
                if exc.code < 500:
                    raise LoadError(self._redact(f"{what}: {method} {_no_query(url)} failed: {problem}")) from None
            except (urllib.error.URLError, http.client.HTTPException, OSError) as exc:
                reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
                problem = " ".join(str(reason).split()) or type(exc).__name__
            if attempt < attempts:
                time.sleep(self.backoff * 2 ** (attempt - 1))
        tries = f" (after {attempts} attempts)" if attempts > 1 else ""
        raise LoadError(self._redact(f"{what}: {method} {_no_query(url)} failed: {problem}{tries}"))

    def _redact(self, text: str) -> str:
        return self.credentials.redact(text) if self.credentials is not None else text


def _first_line(data: bytes) -> str:
    """The text of an error answer on one line, HTML tags dropped, cut at 200 characters."""
    text = " ".join(re.sub(r"<[^>]*>", " ", data.decode("utf-8", "replace")).split())
    return text[:200] + ("…" if len(text) > 200 else "")


def _no_query(url: str) -> str:
    return urllib.parse.urlunsplit(urllib.parse.urlsplit(url)._replace(query=""))


def _batches(triples: Iterator[Triple], size: int) -> Iterator[list[Triple]]:
    batch: list[Triple] = []
    for triple in triples:
        batch.append(triple)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _ntriples(triples: Sequence[Triple]) -> bytes:
    return serialize(triples, format=RdfFormat.N_TRIPLES) or b""


def _graph_url(endpoint: str, iri: str) -> str:
    separator = "&" if urllib.parse.urlsplit(endpoint).query else "?"
    return f"{endpoint}{separator}{urllib.parse.urlencode({'graph': iri})}"


def load_endpoint(
    paths: Iterable[str | Path],
    endpoint: str,
    *,
    auth: AuthScheme | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    timeout: float = DEFAULT_TIMEOUT,
    query_endpoint: str | None = None,
    retries: int = DEFAULT_RETRIES,
    backoff: float = 0.5,
    verify: bool = True,
) -> LoadResult:
    """Load the inputs into a SPARQL server through the Graph Store Protocol, then check its triple counts.

    Raises ``LoadError`` (one line, naming the graph) when a graph cannot be written.
    """
    started = time.perf_counter()
    for url in (endpoint, query_endpoint):
        if url is None:
            continue
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise LoadError("the endpoint must be an http:// or https:// URL")
        if parts.username is not None or parts.password is not None:
            raise LoadError("credentials in the URL are not accepted: use KG_USER/KG_PASSWORD, KG_TOKEN or ~/.netrc")
    if batch_size < 1:
        raise LoadError("--batch-size must be at least 1")
    staging, files = read_dataset(paths)
    credentials = find_credentials(auth, endpoint) if auth is not None else None
    query_url = query_endpoint or query_endpoint_for(endpoint)
    client = _Client([u for u in (endpoint, query_url) if u], credentials, timeout, max(retries, 0), backoff)
    counts: list[GraphCount] = []
    for graph in _graphs(staging):
        url, what, loaded = _graph_url(endpoint, graph.value), f"graph <{graph.value}>", 0
        for number, batch in enumerate(_batches(_triples(staging, graph), batch_size)):
            method = "PUT" if number == 0 else "POST"
            client.send(method, url, _ntriples(batch), {"Content-Type": "application/n-triples"}, what)
            loaded += len(batch)
        if loaded == 0:  # an empty graph still replaces what the server held
            client.send("PUT", url, b"", {"Content-Type": "application/n-triples"}, what)
        counts.append(GraphCount(graph.value, loaded))
    notes: list[str] = []
    mismatches: tuple[Mismatch, ...] = ()
    verified = False
    if verify and query_url is None:
        notes.append("counts not checked: pass --query-endpoint to check them on the server")
    elif verify and query_url is not None:
        found = server_counts(client, query_url, [c.iri for c in counts])
        mismatches = tuple(Mismatch(c.iri, c.triples, found.get(c.iri, 0)) for c in counts
                           if found.get(c.iri, 0) != c.triples)
        verified = True
    return LoadResult(_no_query(endpoint), files, tuple(counts), time.perf_counter() - started, verified,
                      mismatches, tuple(notes))


def server_counts(client: _Client, query_url: str, graphs: Sequence[str], chunk: int = 200) -> dict[str, int]:
    """The number of triples the server holds in each of ``graphs`` (absent graphs are left out)."""
    counts: dict[str, int] = {}
    for start in range(0, len(graphs), chunk):
        values = " ".join(f"<{iri}>" for iri in graphs[start:start + chunk])
        query = (f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }} "
                 "GROUP BY ?g")
        body = urllib.parse.urlencode({"query": query}).encode("ascii")
        data = client.send("POST", query_url, body, {
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/sparql-results+json"}, "counting the triples on the server")
        try:
            for row in json.loads(data)["results"]["bindings"]:
                counts[row["g"]["value"]] = int(row["n"]["value"])
        except (ValueError, KeyError, TypeError) as exc:
            raise LoadError(f"counting the triples on the server: unexpected answer from {query_url} "
                            f"({type(exc).__name__})") from None
    return counts


__all__ = [
    "AUTH_SCHEMES",
    "Credentials",
    "GraphCount",
    "LoadError",
    "LoadResult",
    "Mismatch",
    "file_graph_iri",
    "find_credentials",
    "input_files",
    "load_endpoint",
    "load_store",
    "query_endpoint_for",
    "read_dataset",
]
