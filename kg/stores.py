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
  errors, timeouts and 5xx answers are retried with exponential backoff. A graph holding blank nodes is
  sent in one request, since a blank node label means one node only within one request. Afterwards the
  triples of each graph are counted on the server (SPARQL query endpoint, given or derived: Oxigraph
  ``/store`` -> ``/query``, Virtuoso ``/sparql-graph-crud[-auth]`` -> ``/sparql``, Fuseki ``/data`` ->
  ``/query``) and compared with the input's counts.

Resuming: a load into an endpoint keeps a journal of the graphs it has finished, one per endpoint, in
``$XDG_STATE_HOME/geokg/loads`` (default ``~/.local/state/geokg/loads``), headed by a digest of the input
files. Rerun after an interruption (the server down past the retries, Ctrl-C, a crash), the same command
leaves alone the journal's graphs whose count on the server still equals the input's, and replaces every
other graph from its first triple. A load of other inputs into the endpoint starts the journal afresh; a
load that ends with every count right removes it. A graph is thus skipped only when these very triples
were written whole into it and no other kg load of this user has written there since (other writers are
not seen).

Credentials come only from the environment (``KG_USER``/``KG_PASSWORD`` for basic and digest auth,
``KG_TOKEN`` for bearer) or from ``~/.netrc`` (or the file named by ``NETRC``); an endpoint URL holding
credentials is refused. They never appear in messages (masked also URL-encoded or in a Basic header that a
server echoes) nor in the graph.
"""

from __future__ import annotations

import base64
import hashlib
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
from typing import IO, Literal

from pyoxigraph import BlankNode, DefaultGraph, NamedNode, Quad, RdfFormat, Store, Triple, parse, serialize

from kg.iters import batched
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
    resumed: int = 0  # graphs an interrupted run of the same load had finished, left as they were

    @property
    def triples(self) -> int:
        return sum(g.triples for g in self.graphs)

    def summary(self) -> str:
        line = (f"loaded {len(self.graphs)} graphs, {self.triples} triples from {len(self.sources)} "
                f"file{'' if len(self.sources) == 1 else 's'} "
                f"into {self.target} in {self.seconds:.1f} s")
        if self.resumed:
            kept = "1 graph" if self.resumed == 1 else f"{self.resumed} graphs"
            line += f"; resumed: kept {kept} an interrupted run had loaded"
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


def _has_blank_nodes(staging: Store, graph: NamedNode) -> bool:
    return any(isinstance(q.subject, BlankNode) or isinstance(q.object, BlankNode)
               for q in staging.quads_for_pattern(None, None, None, graph))


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

    Each graph is replaced in a transaction of its own (``replace_graph``): a load killed midway leaves
    every graph whole, old or new. Other graphs of the store are left as they are. Returns the triple
    counts of the replaced graphs, in IRI order.
    """
    store = open_store(folder)
    try:
        for graph in _graphs(staging):
            replace_graph(store, graph, _triples(staging, graph))
        store.flush()
        return tuple(GraphCount(g.value, _count(store, g)) for g in _graphs(staging))
    except OSError as exc:
        raise LoadError(f"cannot write the store {folder}: {' '.join(str(exc).split())}") from None
    finally:
        del store


def open_store(folder: str | Path) -> Store:
    """The persistent pyoxigraph store at ``folder``, open for writing (created when missing)."""
    try:
        Path(folder).mkdir(parents=True, exist_ok=True)
        return Store(str(folder))
    except OSError as exc:
        raise LoadError(f"cannot open the store {folder}: {' '.join(str(exc).split())}") from None


def replace_graph(store: Store, graph: NamedNode, triples: Iterable[Triple]) -> None:
    """Replace the named graph ``graph`` of ``store`` with ``triples``, in one transaction (a SPARQL update,
    which pyoxigraph applies whole or not at all)."""
    body = " ".join(f"{triple} ." for triple in triples)
    store.update(f"DROP SILENT GRAPH {graph} ; INSERT DATA {{ GRAPH {graph} {{ {body} }} }}")


# --- SPARQL servers -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Credentials:
    scheme: AuthScheme
    user: str = ""
    secret: str = field(default="", repr=False)  # the password, or the bearer token

    def redact(self, text: str) -> str:
        """``text`` with the secret masked, also in the forms a server may echo: URL-encoded, in a Basic header."""
        if not self.secret:
            return text
        basic = base64.b64encode(f"{self.user}:{self.secret}".encode()).decode("ascii")
        quote = urllib.parse.quote
        forms = {self.secret, quote(self.secret), quote(self.secret, safe=""), urllib.parse.quote_plus(self.secret),
                 basic}
        for form in sorted(forms, key=len, reverse=True):
            text = text.replace(form, "***")
        return text


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
                problem = (f"no answer within {self.timeout:g} s" if isinstance(reason, TimeoutError)
                           else " ".join(str(reason).split()) or type(exc).__name__)
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


def _ntriples(triples: Sequence[Triple]) -> bytes:
    return serialize(triples, format=RdfFormat.N_TRIPLES) or b""


def _graph_url(endpoint: str, iri: str) -> str:
    separator = "&" if urllib.parse.urlsplit(endpoint).query else "?"
    return f"{endpoint}{separator}{urllib.parse.urlencode({'graph': iri})}"


def journal_folder() -> Path:
    """Where the journals of interrupted loads are kept: ``$XDG_STATE_HOME/geokg/loads``."""
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state) / "geokg" / "loads"


class Journal:
    """What a load into one endpoint has finished: a header naming its inputs, then one ``<triples> <iri>`` line
    per graph, appended as the server acknowledges the graph's last request.

    There is one journal per endpoint, named after it. A load of other inputs (their names, which name the
    graph of their default-graph triples, and their bytes are digested) starts it afresh: whatever it wrote
    replaced graphs the journal listed. The journal stays locked while its load runs, so two loads into one
    endpoint cannot interleave their lines. A line cut short by a crash has no newline and is ignored.
    """

    def __init__(self, path: Path, stream: IO[str], finished: dict[str, int]) -> None:
        self.path, self.stream, self.finished = path, stream, finished

    @classmethod
    def open(cls, endpoint: str, files: Sequence[Path]) -> Journal:
        """The journal of ``endpoint`` for a load of ``files``; raises ``LoadError`` when another load holds it."""
        import fcntl  # POSIX only, and only needed here

        digest = hashlib.sha256()
        for file in files:
            digest.update(file.name.encode() + b"\0")
            with file.open("rb") as data:
                digest.update(hashlib.file_digest(data, "sha256").digest())
        header = f"kg load {digest.hexdigest()}"
        folder = journal_folder()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{hashlib.sha256(endpoint.encode()).hexdigest()[:32]}.journal"
        stream = path.open("a+", encoding="utf-8")
        try:
            fcntl.flock(stream, fcntl.LOCK_EX | fcntl.LOCK_NB)
            stream.seek(0)
            lines = stream.read().split("\n")[:-1]  # the last piece has no newline: empty, or cut short
            finished: dict[str, int] = {}
            if lines and lines[0] == header:
                for line in lines[1:]:
                    count, _, iri = line.partition(" ")
                    if count.isdigit() and iri:
                        finished[iri] = int(count)
            else:
                stream.truncate(0)
                stream.write(header + "\n")
                stream.flush()
        except BlockingIOError:
            stream.close()
            raise LoadError(f"another kg load into {_no_query(endpoint)} is running (it holds {path}): "
                            "wait for it to end") from None
        except BaseException:
            stream.close()
            raise
        return cls(path, stream, finished)

    def record(self, iri: str, triples: int) -> None:
        self.stream.write(f"{triples} {iri}\n")
        self.stream.flush()  # in the kernel's hands: a killed kg load loses no line

    def close(self, *, remove: bool = False) -> None:
        if remove:
            self.path.unlink(missing_ok=True)
        self.stream.close()


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

    Resumes an interrupted load of the same inputs (see the module's doc). Raises ``LoadError`` (one line,
    naming the graph, saying that a rerun resumes) when a graph cannot be written.
    """
    started = time.perf_counter()
    for url in (endpoint, query_endpoint):
        if url is None:
            continue
        parts = urllib.parse.urlsplit(url)
        if parts.username is not None or parts.password is not None:  # checked first: never echo such a URL
            raise LoadError("credentials in the URL are not accepted: use KG_USER/KG_PASSWORD, KG_TOKEN or ~/.netrc")
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise LoadError("the endpoint must be an http:// or https:// URL")
    if batch_size < 1:
        raise LoadError("--batch-size must be at least 1")
    if timeout <= 0:
        raise LoadError("--timeout must be more than 0 seconds")
    staging, files = read_dataset(paths)
    credentials = find_credentials(auth, endpoint) if auth is not None else None
    query_url = query_endpoint or query_endpoint_for(endpoint)
    client = _Client([u for u in (endpoint, query_url) if u], credentials, timeout, max(retries, 0), backoff)
    counts = tuple(GraphCount(g.value, _count(staging, g)) for g in _graphs(staging))
    notes: list[str] = []
    try:
        journal: Journal | None = Journal.open(endpoint, files)
    except OSError as exc:
        journal = None
        notes.append(f"no journal to resume from ({' '.join(str(exc).split())}): a rerun would reload every graph")
    mismatches: tuple[Mismatch, ...] = ()
    verified = ended = False
    try:
        kept = _loaded_before(client, query_url, counts, journal, notes)
        _send(client, staging, endpoint, counts, kept, batch_size, journal, notes)
        if verify and query_url is None:
            notes.append("counts not checked: pass --query-endpoint to check them on the server")
        elif verify and query_url is not None:
            found = server_counts(client, query_url, [c.iri for c in counts])
            mismatches = tuple(Mismatch(c.iri, c.triples, found.get(c.iri, 0)) for c in counts
                               if found.get(c.iri, 0) != c.triples)
            verified = True
        ended = True
    finally:
        if journal is not None:  # kept while graphs are missing or differ: their rerun resumes
            journal.close(remove=ended and not mismatches)
    return LoadResult(_no_query(endpoint), files, counts, time.perf_counter() - started, verified,
                      mismatches, tuple(notes), resumed=len(kept))


def _loaded_before(client: _Client, query_url: str | None, counts: Sequence[GraphCount], journal: Journal | None,
                   notes: list[str]) -> set[str]:
    """The graphs an interrupted load of these inputs finished and the server still holds whole: left alone."""
    done = journal.finished if journal is not None else {}
    if not done:
        return set()
    if query_url is None:
        notes.append("not resumed: without a query endpoint the graphs already loaded cannot be checked")
        return set()
    found = server_counts(client, query_url, [c.iri for c in counts if c.iri in done])
    return {c.iri for c in counts if done.get(c.iri) == c.triples == found.get(c.iri)}


def _send(client: _Client, staging: Store, endpoint: str, counts: Sequence[GraphCount], kept: set[str],
          batch_size: int, journal: Journal | None, notes: list[str]) -> None:
    """Write every graph but the kept ones, each recorded in the journal once the server has all of it."""
    for index, count in enumerate(counts):
        if count.iri in kept:
            continue
        try:
            _put_graph(client, staging, NamedNode(count.iri), _graph_url(endpoint, count.iri), batch_size)
        except LoadError as exc:
            raise LoadError(f"{exc}; {index} of {len(counts)} graphs loaded: rerun the same command to resume "
                            "from this graph") from None
        if journal is not None:
            try:
                journal.record(count.iri, count.triples)
            except OSError as exc:
                notes.append(f"journal {journal.path} not written ({' '.join(str(exc).split())}): "
                             "a rerun would reload more")
                journal = None


def _put_graph(client: _Client, staging: Store, graph: NamedNode, url: str, batch_size: int) -> None:
    """PUT the graph's first batch (replacing what the server held, even with nothing), POST the others.

    A graph with blank nodes goes in one request: the server reads each request's labels as new nodes.
    """
    triples = _triples(staging, graph)
    batches = [list(triples)] if _has_blank_nodes(staging, graph) else batched(triples, batch_size)
    what, headers = f"graph <{graph.value}>", {"Content-Type": "application/n-triples"}
    sent = False
    for batch in batches:
        client.send("POST" if sent else "PUT", url, _ntriples(batch), headers, what)
        sent = True
    if not sent:
        client.send("PUT", url, b"", headers, what)


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
    "Journal",
    "LoadError",
    "LoadResult",
    "Mismatch",
    "file_graph_iri",
    "find_credentials",
    "input_files",
    "journal_folder",
    "load_endpoint",
    "load_store",
    "query_endpoint_for",
    "read_dataset",
]
