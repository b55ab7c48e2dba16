"""SPARQL over exported graphs or a store directory: ad-hoc queries and the shipped named queries.

Sources are exported files (Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML; the graph-aware
formats keep their named graphs), output folders (their graph.nq, else graph.trig, else graph.ttl)
or one pyoxigraph store directory, opened read-only. Queries see
the union of all graphs as their default graph, so they need no ``GRAPH`` clause (``GRAPH ?g``
still reaches each named graph), and may use the project's prefixes (``gkg:``, ``actor:``,
``rdfs:`` …) without declaring them. Files are loaded in memory, where the union is a set; a store
folder is queried with pyoxigraph's ``use_default_graph_as_union``, which matches a triple once per
graph that holds it (use ``DISTINCT`` where that matters).

The shipped queries live in ``kg/queries/<name>.rq``; each starts with a ``# description:`` line
and one ``# param: NAME  what it is`` line per parameter. Parameters are bound as SPARQL
substitutions (a value is a plain literal, never pasted into the query text). SPARQL substitution
binds variables of the top-level ``SELECT`` clause, so a query projects its parameters and
``run_query`` drops the declared ones from its result.

``kg query`` is read-only: an update is refused unless ``allow_update``, and then applies only to
a store directory (an update of files loaded in memory could not persist).

A ``timeout`` runs the whole query (reading the sources, evaluating, collecting the results) in a
worker process that is killed when the time is up: pyoxigraph cannot interrupt a query, and a thread
left running would go on using the CPU and holding the store. An update killed this way changes
nothing, since pyoxigraph applies an update in one transaction.
"""

from __future__ import annotations

import csv
import io
import json
import os
import pickle
import re
import select
import signal
import subprocess
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Literal as Kind

from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
    Store,
    Triple,
    Variable,
    parse_query_results,
    serialize,
)

from kg.export.turtle import PREFIXES
from kg.sources import SourceError, first_line, lone_store, open_sources, open_store

FORMATS = ("table", "csv", "tsv", "json")
Term = NamedNode | BlankNode | Literal | Triple

QUERY_FORMS = frozenset({"SELECT", "CONSTRUCT", "DESCRIBE", "ASK"})
UPDATE_FORMS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"})
_QUERIES = Path(str(resources.files("kg"))) / "queries"
_NAME = re.compile(r"[A-Za-z0-9_-]+")


class QueryError(ValueError):
    """The query cannot be run as asked: unknown name, syntax error, missing parameter, update refused."""


class QueryTimeout(QueryError):
    """The query ran out of its time and was stopped."""


@dataclass(frozen=True)
class Param:
    name: str
    description: str


@dataclass(frozen=True)
class NamedQuery:
    """A query: its name (the file's stem), one-line description, declared parameters and text."""

    name: str
    description: str
    params: tuple[Param, ...]
    text: str


def parse_header(name: str, text: str) -> NamedQuery:
    """A query with what its leading ``# description:`` and ``# param:`` comments declare."""
    description, params = "", []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            if stripped:
                break  # the header ends at the first line of SPARQL
            continue
        comment = stripped.lstrip("#").strip()
        key, _, value = comment.partition(":")
        if key.strip().lower() == "description":
            description = value.strip()
        elif key.strip().lower() == "param":
            pname, _, pdesc = value.strip().partition(" ")
            params.append(Param(pname.strip().lstrip("?$"), pdesc.strip()))
    return NamedQuery(name, description, tuple(params), text)


def list_queries() -> tuple[NamedQuery, ...]:
    """The shipped named queries, by name."""
    return tuple(parse_header(path.stem, path.read_text(encoding="utf-8"))
                 for path in sorted(_QUERIES.glob("*.rq")))


def named_query(name: str) -> NamedQuery:
    for query in list_queries():
        if query.name == name:
            return query
    known = ", ".join(q.name for q in list_queries())
    raise QueryError(f"no query file or shipped query named {name!r} (shipped: {known})")


def resolve_query(query: str) -> NamedQuery:
    """A ``.rq`` file path, the name of a shipped query, or the text of a SPARQL query."""
    try:
        is_file = Path(query).is_file()
    except (OSError, ValueError):  # a long SPARQL string is not a file name
        is_file = False
    if is_file:
        try:
            return parse_header(query, Path(query).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"cannot read query file {query}: {exc}") from None
    if query.endswith(".rq"):
        raise QueryError(f"no such query file: {query}")
    if _NAME.fullmatch(query):
        return named_query(query)
    return parse_header("the query", query)


def merge_into_default_graph(store: Store) -> None:
    """Add every named graph's triples to the default graph, which then holds their union as a set.

    pyoxigraph's ``use_default_graph_as_union`` matches a triple once per graph holding it (an office
    or a dateline place recurs in several article graphs), so an in-memory store gets the union this way.
    """
    store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")  # in the store, not in Python


# -- results --------------------------------------------------------------------------------------

def short(term: Term | None) -> str:
    """A term as a person reads it: an IRI with the project's prefixes, a literal's value."""
    if term is None:
        return ""
    if isinstance(term, NamedNode):
        for prefix, namespace in PREFIXES.items():
            if term.value.startswith(namespace) and re.fullmatch(r"[\w.-]*", term.value[len(namespace):]):
                return f"{prefix}:{term.value[len(namespace):]}"
        return f"<{term.value}>"
    if isinstance(term, Literal):
        return " ".join(term.value.split()) if any(c in term.value for c in "\n\r\t") else term.value
    return str(term)


def _plain(term: Term) -> str:
    return term.value if isinstance(term, NamedNode | Literal) else str(term)


@dataclass(frozen=True)
class QueryResult:
    """What a query gave: ``kind`` is select (variables, rows), ask (boolean), construct (triples) or update."""

    kind: Kind["select", "ask", "construct", "update"]
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Term | None, ...], ...] = ()
    boolean: bool | None = None
    triples: tuple[Triple, ...] = ()
    message: str = ""
    results_json: bytes = field(default=b"", repr=False)  # SPARQL 1.1 Query Results JSON (select, ask)

    def render(self, fmt: str = "table") -> str:
        """The result as an aligned table, CSV, TSV or JSON (SPARQL 1.1 results formats; Turtle/JSON-LD for triples)."""
        if fmt not in FORMATS:
            raise QueryError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
        if self.kind == "update":
            return self.message + "\n"
        if self.kind == "construct":
            return self._render_triples(fmt)
        if fmt == "json":
            return self.results_json.decode("utf-8") + "\n"
        if self.kind == "ask":
            return ("true" if self.boolean else "false") + "\n"
        if fmt == "table":
            return table(self.variables, [[short(t) for t in row] for row in self.rows])
        results = parse_query_results(self.results_json, format=QueryResultsFormat.JSON)
        target = QueryResultsFormat.CSV if fmt == "csv" else QueryResultsFormat.TSV
        return results.serialize(format=target).decode("utf-8")  # type: ignore[union-attr]

    def _render_triples(self, fmt: str) -> str:
        if fmt == "table":
            body = serialize(list(self.triples), format=RdfFormat.TURTLE, prefixes=PREFIXES)
            return (body or b"").decode("utf-8")
        if fmt == "json":
            return (serialize(list(self.triples), format=RdfFormat.JSON_LD) or b"[]").decode("utf-8") + "\n"
        out = io.StringIO()
        if fmt == "csv":  # as SPARQL CSV: IRIs and literal values bare
            writer = csv.writer(out, lineterminator="\r\n")
            writer.writerow(["subject", "predicate", "object"])
            writer.writerows([_plain(t.subject), _plain(t.predicate), _plain(t.object)] for t in self.triples)
        else:  # as SPARQL TSV: terms in N-Triples syntax
            out.write("?subject\t?predicate\t?object\n")
            out.writelines(f"{t.subject}\t{t.predicate}\t{t.object}\n" for t in self.triples)
        return out.getvalue()


def table(headers: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    """An aligned plain-text table: headers, a rule, the rows, and how many rows there were."""
    header = list(headers)
    body = [list(row) for row in rows]
    widths = [max([len(h), *(len(row[i]) for row in body)]) for i, h in enumerate(header)]

    def line(cells: list[str]) -> str:
        return "  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True)).rstrip()

    lines = [line(header), line(["-" * w for w in widths]), *(line(row) for row in body)]
    lines.append(f"({len(body)} row{'' if len(body) == 1 else 's'})")
    return "\n".join(lines) + "\n"


# -- running --------------------------------------------------------------------------------------

def operation(text: str) -> str:
    """The SPARQL keyword after the prologue (BASE/PREFIX declarations and comments), upper-cased."""
    token = re.compile(r"""\s+|\#[^\n]*|(?i:BASE)\s*<[^>]*>|(?i:PREFIX)\s*[^\s:]*:\s*<[^>]*>""")
    position = 0
    while match := token.match(text, position):
        if match.end() == position:
            break
        position = match.end()
    keyword = re.match(r"[A-Za-z]+", text[position:])
    return keyword.group(0).upper() if keyword else ""


def _bindings(query: NamedQuery, params: Mapping[str, str]) -> dict[Variable, Literal]:
    declared = {p.name.lower(): p for p in query.params}
    bindings: dict[Variable, Literal] = {}
    for name, value in params.items():
        if declared:
            if name.lower() not in declared:
                raise QueryError(f"{query.name} has no parameter {name!r} "
                                 f"(it takes: {', '.join(p.name for p in query.params)})")
            name = declared[name.lower()].name
        elif not re.search(rf"[?$]{re.escape(name)}\b", query.text):
            raise QueryError(f"{query.name} has no variable ?{name} to bind")
        bindings[Variable(name)] = Literal(value)
    missing = [p for p in query.params if Variable(p.name) not in bindings]
    if missing:
        raise QueryError("; ".join(f"{query.name} needs --param {p.name}=VALUE ({p.description})" for p in missing))
    return bindings


def run_query(
    sources: Iterable[str | Path],
    query: str,
    *,
    params: Mapping[str, str] | None = None,
    allow_update: bool = False,
    timeout: float | None = None,
) -> QueryResult:
    """Run a query (``.rq`` path, shipped query name, or SPARQL text) over the union of the sources' graphs.

    With a ``timeout`` (seconds), the query runs in a worker process, killed when the time is up (the
    module's doc says why); the time counts from when the worker has started, about a second.
    Raises ``QueryError`` for a query that cannot run as asked, ``QueryTimeout`` when the time ran out and
    ``SourceError`` for an unreadable source.
    """
    if timeout is not None:
        return _run_in_worker(list(sources), query, dict(params or {}), allow_update, timeout)
    sources = list(sources)
    params = dict(params or {})
    named = resolve_query(query)
    form = operation(named.text)
    if form in UPDATE_FORMS:
        return _run_update(sources, named, form, params, allow_update)
    bindings = _bindings(named, params)
    store = open_sources(sources)
    in_memory = not lone_store([Path(s) for s in sources])
    if in_memory:
        merge_into_default_graph(store)
    try:  # a store folder is read-only: there the union is pyoxigraph's
        answer = store.query(named.text, prefixes=PREFIXES, use_default_graph_as_union=not in_memory,
                             substitutions=dict(bindings) or None)
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax error in {named.name}: {first_line(exc)}") from None
    except RuntimeError as exc:  # a substitution of a variable the SELECT clause does not project
        raise QueryError(f"cannot run {named.name}: {first_line(exc)}") from None
    except OSError as exc:
        raise SourceError(f"cannot read the store: {first_line(exc)}") from None
    if isinstance(answer, QueryBoolean):
        return QueryResult("ask", boolean=bool(answer),
                           results_json=answer.serialize(format=QueryResultsFormat.JSON) or b"")
    if isinstance(answer, QueryTriples):
        unique = dict.fromkeys(answer)
        triples = sorted(unique, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
        return QueryResult("construct", variables=("subject", "predicate", "object"), triples=tuple(triples))
    hidden = {p.name for p in named.params}
    return _select_result(answer, hidden)


def _select_result(answer: QuerySolutions, hidden: set[str]) -> QueryResult:
    raw = answer.serialize(format=QueryResultsFormat.JSON) or b""
    if hidden:  # the parameters were projected only to be bound: leave them out
        document = json.loads(raw)
        document["head"]["vars"] = [v for v in document["head"]["vars"] if v not in hidden]
        for binding in document["results"]["bindings"]:
            for name in hidden:
                binding.pop(name, None)
        raw = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    solutions = parse_query_results(raw, format=QueryResultsFormat.JSON)
    assert isinstance(solutions, QuerySolutions)
    variables = tuple(v.value for v in solutions.variables)
    rows = tuple(tuple(solution[i] for i in range(len(variables))) for solution in solutions)
    return QueryResult("select", variables=variables, rows=rows, results_json=raw)


def _run_update(sources: list[str | Path], named: NamedQuery, form: str, params: Mapping[str, str],
                allow_update: bool) -> QueryResult:
    if not allow_update:
        raise QueryError(f"refused: {named.name} is a SPARQL update ({form}) and kg query is read-only; "
                         "pass --allow-update to change a store directory")
    if params:
        raise QueryError("parameters are bound in queries only, not in updates")
    if not lone_store([Path(s) for s in sources]):
        raise QueryError("an update can only change a store directory: exported files are loaded in memory, "
                         "so the change could not persist (load them into a store with pyoxigraph and update that)")
    path = Path(sources[0])
    store = open_store(path, writable=True)
    before = len(store)
    try:
        store.update(named.text, prefixes=PREFIXES)
        store.flush()
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax error in {named.name}: {first_line(exc)}") from None
    except OSError as exc:
        raise SourceError(f"cannot update {path}: {first_line(exc)}") from None
    after = len(store)
    return QueryResult("update", message=f"updated {path}: {before} quads before, {after} after")


def _run_in_worker(sources: list[str | Path], query: str, params: dict[str, str], allow_update: bool,
                   timeout: float) -> QueryResult:
    """``run_query`` in a new Python process (``python -c``: no fork of this process and its threads, no
    re-import of the caller's main module), killed when ``timeout`` seconds have passed since it was ready."""
    if not timeout > 0:
        raise QueryError("the timeout must be more than 0 seconds")
    package_root = str(Path(__file__).resolve().parent.parent)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")]))}
    worker = subprocess.Popen([sys.executable, "-c", "from kg.query import _serve; _serve()"], env=env,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert worker.stdin is not None and worker.stdout is not None
    try:
        with worker.stdin:
            pickle.dump(([str(s) for s in sources], query, params, allow_update), worker.stdin)
        if worker.stdout.read(1) != _READY:
            raise EOFError
        ready, _, _ = select.select([worker.stdout], [], [], timeout)
        if not ready:
            raise QueryTimeout(f"the query was stopped after {timeout:g} s (raise --timeout, or narrow the query)")
        outcome, value = pickle.load(worker.stdout)
    except (EOFError, pickle.UnpicklingError, BrokenPipeError):
        raise QueryError(f"the query's worker process stopped (exit status {worker.wait()})") from None
    finally:
        if worker.poll() is None:
            worker.kill()
        worker.wait()
        worker.stdout.close()
    if outcome == "error":
        raise value
    assert isinstance(value, QueryResult)
    return value


_READY = b"r"


def _serve() -> None:
    """In the worker process: read the query from stdin, write ``_READY`` then ("ok", result) or ("error",
    exception) to stdout, pickled. Anything else printed goes to stderr."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the caller's to handle: it kills this process
    reply = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    sources, query, params, allow_update = pickle.load(sys.stdin.buffer)
    reply.write(_READY)
    reply.flush()
    answer: tuple[str, object]
    try:
        answer = ("ok", run_query(sources, query, params=params, allow_update=allow_update))
    except Exception as exc:
        answer = ("error", exc if _pickles(exc) else RuntimeError(f"{type(exc).__name__}: {exc}"))
    reply.write(pickle.dumps(answer))  # whole, so that the caller's deadline covers the pickling too
    reply.close()


def _pickles(value: object) -> bool:
    try:
        pickle.loads(pickle.dumps(value))
    except Exception:
        return False
    return True
