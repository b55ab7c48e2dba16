"""``build()``: the orchestration that the CLI's ``kg build`` calls, usable from a notebook too.

Articles flow as a stream: read, parsed (``nlp.pipe``), extracted into small ``Extraction``
records, turned into their named graph's quads and spooled to disk (``kg.spool``); no spaCy ``Doc``
outlives its article and no ``Extraction`` outlives its quads. What is kept per article is a line of
the report (``InputReport``); across articles only the merged actor descriptions and the CAMEO codes
used, which grow with the actors of the corpus, not with its articles. The spool is then merged
into the canonical order once, and each output format streams from it. With ``jobs`` > 1 the
parsing and extraction run in worker processes, batch by batch, with a bounded number of batches in
flight; the results come back in input order, so the output does not depend on ``jobs``.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import time
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import asdict, dataclass, replace
from functools import cached_property
from itertools import chain, groupby
from operator import attrgetter
from pathlib import Path
from typing import Literal as Kind
from typing import TextIO
from urllib.parse import unquote

from pyoxigraph import Literal, NamedNode, Quad, Store

from kg.export import DEFAULT_FORMATS
from kg.export.files import write_text_atomically
from kg.extract import read_doc
from kg.iters import batched
from kg.models import Actor, Article, Extraction, ReadFailure, clean_text
from kg.nlp import load_pipeline, parse
from kg.rdf import actor_quads, article_quads, cameo_quads, event_codes
from kg.read import DEFAULT_MAX_BYTES, read_articles
from kg.resolve import combine_actors, merge_actor, resolve
from kg.spool import QuadSpool, SortedQuads, sorted_quads

REPORT_NAME = "report.json"  # written beside the graph files: what became of each input
BATCH_SIZE = 16  # articles sent to a worker at once
AHEAD = 2  # batches in flight per worker: enough to keep them busy, few enough to bound memory


@dataclass(frozen=True)
class InputReport:
    """What became of one input (a file, or a line of a JSON Lines file): built, or why not."""

    source: str
    status: Kind["built", "skipped", "failed"]
    reason: str = ""  # why it was skipped or failed
    article: str = ""  # the ``Article.id`` of a built input
    words: int = 0
    statements: int = 0
    events: int = 0
    actors: int = 0
    quads: int = 0
    notes: tuple[str, ...] = ()  # how a built input was read, when not as plain UTF-8 (``Article.notes``)


@dataclass(frozen=True)
class BuildResult:
    """What a build read and made: a report line per input, the merged actors, and the graph.

    ``graph`` is the whole graph in canonical order, on disk (``kg.spool.SortedQuads``): iterating it
    streams the quads, however many there are.
    """

    inputs: tuple[InputReport, ...]
    actors: dict[str, Actor]
    graph: SortedQuads
    seconds: float
    written: tuple[Path, ...] = ()  # the graph's files
    stored: int | None = None  # quads in the store after ``build(..., store=DIR)`` added to it
    report_file: Path | None = None  # ``report.json``, written beside the graph's files

    @property
    def quads(self) -> SortedQuads:
        return self.graph

    @property
    def articles(self) -> tuple[str, ...]:
        """The ids of the articles built, in input order."""
        return tuple(i.article for i in self.inputs if i.status == "built")

    @property
    def failures(self) -> tuple[ReadFailure, ...]:
        """The inputs that were not built, and why."""
        return tuple(ReadFailure(i.source, i.reason, i.status) for i in self.inputs if i.status != "built")

    @property
    def statements(self) -> int:
        return sum(i.statements for i in self.inputs)

    @property
    def words(self) -> int:
        """Words of prose read (the text spaCy parsed), summed over the articles."""
        return sum(i.words for i in self.inputs)

    @cached_property
    def triples(self) -> int:
        from kg.export.turtle import unique_triples

        return sum(1 for _ in unique_triples(self.graph))

    def store(self) -> Store:
        """The graph in an in-memory pyoxigraph store (one named graph per article), for SPARQL."""
        store = Store()
        store.bulk_extend(self.graph)
        return store

    def summary(self) -> str:
        rate = ""
        if self.seconds > 0:
            rate = (f" ({len(self.articles) / self.seconds:.1f} articles/s, "
                    f"{self.words / self.seconds:,.0f} words/s)")
        counts = Counter(i.status for i in self.inputs)
        problems = "".join(f"; {counts[status]} {status}" for status in ("skipped", "failed") if counts[status])
        return (f"{len(self.articles)} articles, {len(self.actors)} actors, {self.statements} statements, "
                f"{self.triples} triples in {self.seconds:.1f} s{rate}{problems}")

    def report(self) -> dict[str, object]:
        """The build report (``report.json``): totals, then one entry per input in input order. No times,
        so that the same inputs give the same report."""
        counts = Counter(i.status for i in self.inputs)
        totals = {"inputs": len(self.inputs), **{s: counts[s] for s in ("built", "skipped", "failed")},
                  "words": self.words, "statements": self.statements, "actors": len(self.actors),
                  "quads": len(self.graph), "triples": self.triples}
        return {"totals": totals, "outputs": [path.name for path in self.written],
                "inputs": [{key: _cleaned(value) for key, value in asdict(i).items() if value or key == "status"}
                           for i in self.inputs]}


def _cleaned(value: object) -> object:
    """A report value as UTF-8 can hold it: a source may carry a lone surrogate (an undecodable file name)."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, tuple):
        return [_cleaned(item) for item in value]
    return value


def article_words(article: Article) -> int:
    """Words in an article's prose (whitespace-separated), the unit of throughput figures."""
    return sum(len(article.text[start:end].split()) for start, end in article.body)


def extract_articles(
    articles: Iterable[Article], *, jobs: int = 1, batch_size: int | None = None, dask: str | None = None
) -> Iterator[Extraction]:
    """Parse and resolve articles as a stream: one ``Extraction`` per article, in input order.

    With ``jobs`` > 1, batches of ``batch_size`` articles go to that many worker processes (the
    spaCy pipeline loaded once in each); at most ``2 * jobs`` batches are in flight. Input that
    fits in one batch is extracted in this process. ``batch_size`` defaults to ``BATCH_SIZE``.
    With ``dask`` (a scheduler address, or ``"local"`` for a LocalCluster of ``jobs`` workers),
    the batches go to Dask workers instead (``kg.distributed.extract_on_dask``).
    """
    if dask is not None:
        from kg.distributed import extract_on_dask

        yield from extract_on_dask(articles, dask, workers=jobs, batch_size=batch_size)
        return
    if jobs <= 1:
        for article, doc, body in parse(articles):
            yield resolve(read_doc(article, doc, body))
        return
    batches = batched(articles, batch_size or BATCH_SIZE)
    first = next(batches, None)
    second = next(batches, None)
    if second is None:  # not worth starting processes
        yield from extract_articles(first or (), jobs=1)
        return
    yield from _extract_in_processes(chain([first or [], second], batches), jobs)


def _start_worker() -> None:
    load_pipeline()  # once per process


def _extract_batch(articles: list[Article]) -> list[Extraction]:
    return list(extract_articles(articles, jobs=1))


def _extract_in_processes(batches: Iterator[list[Article]], jobs: int) -> Iterator[Extraction]:
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    # each worker loads the model itself, all at once, rather than this process first (which then holds
    # a copy it never uses); a fork is cheap as long as this process has not loaded it
    pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker)
    pending: deque[Future[list[Extraction]]] = deque()
    try:
        for batch in batches:
            pending.append(pool.submit(_extract_batch, batch))
            if len(pending) >= AHEAD * jobs:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def default_jobs() -> int:
    """The number of worker processes ``build`` uses by default: the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class Progress:
    """Articles done (of the total, when known), articles/s and ETA, written to ``stream``.

    On a terminal the line is redrawn in place; otherwise a plain line is written every
    ``interval`` seconds.
    """

    def __init__(self, stream: TextIO, total: int | None = None, *, interval: float | None = None,
                 live: bool | None = None) -> None:
        self.stream = stream
        self.total = total
        self.live = stream.isatty() if live is None else live
        self.interval = interval if interval is not None else (0.2 if self.live else 5.0)
        self.done = 0
        self.started = time.perf_counter()
        self._last = self.started
        self._drawn = False

    def line(self) -> str:
        elapsed = max(time.perf_counter() - self.started, 1e-9)
        rate = self.done / elapsed
        done = f"{self.done}/{self.total}" if self.total else str(self.done)
        text = f"kg build: {done} articles, {rate:.1f} articles/s"
        if self.total and rate > 0 and self.done < self.total:
            left = round((self.total - self.done) / rate)
            text += f", ETA {left // 60}:{left % 60:02d}"
        return text

    def update(self, articles: int = 1) -> None:
        self.done += articles
        now = time.perf_counter()
        if now - self._last >= self.interval:
            self._last = now
            self._write()

    def _write(self) -> None:
        if self.live:
            self.stream.write(f"\r{self.line()}\x1b[K")
            self._drawn = True
        else:
            self.stream.write(self.line() + "\n")
        self.stream.flush()

    def close(self) -> None:
        """Clear a live line (what is printed next starts on a clean line); end plain ones with the last count."""
        if self.live and self._drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
        elif not self.live and self.done:
            self._write()


def count_inputs(paths: Iterable[str | Path]) -> int | None:
    """How many articles ``paths`` hold, when that is cheap to know: files and folders of single-article
    files, not JSON Lines (one article per line)."""
    from kg.read import INPUT_SUFFIXES, JSONL_SUFFIXES

    total = 0
    for given in paths:
        path = Path(given)
        files = [f for f in path.rglob("*") if f.name.endswith(INPUT_SUFFIXES)] if path.is_dir() else [path]
        if any(f.name.endswith(JSONL_SUFFIXES) for f in files):
            return None
        total += len(files)
    return total


def build(
    paths: Iterable[str | Path],
    output: str | Path | None = None,
    *,
    formats: Iterable[str] = DEFAULT_FORMATS,
    date: str | None = None,
    jobs: int | None = None,
    progress: TextIO | None = None,
    store: str | Path | None = None,
    dask: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> BuildResult:
    """Read articles (files or folders), extract who said what, and write the graph to ``output``.

    Nothing is written when ``output`` is None; else the graph in each of ``formats`` and the report
    (``report.json``: ``BuildResult.report``), each file atomically. Inputs that give no article
    (failed, or skipped: see ``kg.read``; files over ``max_bytes`` are skipped unread) are reported in
    ``BuildResult.inputs`` and ``failures`` and do not stop the others. ``jobs`` worker processes parse the
    articles (default: ``default_jobs()``; 1 parses in this process); the output is the same
    whatever their number. With ``progress`` (e.g. ``sys.stderr``), progress lines are written there.
    With ``store`` (a folder), the graph is also added to the persistent store there (``add_to_store``).
    With ``dask``, a Dask scheduler address or ``"local"`` (a LocalCluster of ``jobs`` workers on
    127.0.0.1, started and closed here), the articles are parsed on Dask workers; the output is the
    same. ``kg.distributed.DaskError`` when Dask is missing or the scheduler does not answer.
    """
    started = time.perf_counter()
    paths = list(paths)
    meter = Progress(progress, count_inputs(paths)) if progress is not None else None
    reports: dict[int, InputReport] = {}  # by position in the input, so the order does not depend on ``jobs``
    in_flight: deque[int] = deque()  # positions of the articles sent to be extracted, in order

    def readable() -> Iterator[Article]:
        for position, item in enumerate(read_articles(paths, date=date, max_bytes=max_bytes)):
            if isinstance(item, ReadFailure):
                reports[position] = InputReport(item.source, item.status, item.reason)
                if meter is not None:
                    meter.update()
            else:
                in_flight.append(position)
                yield item

    actors: dict[str, Actor] = {}
    codes: set[str] = set()
    spool = QuadSpool()
    workers = default_jobs() if jobs is None else jobs
    try:
        for extraction in extract_articles(readable(), jobs=workers, dask=dask):
            quads = list(article_quads(extraction))
            spool.add(quads)
            for actor in extraction.actors:
                merge_actor(actors, actor)
            codes |= event_codes(extraction)
            reports[in_flight.popleft()] = built_report(extraction, len(quads))
            if meter is not None:
                meter.update()
    finally:
        if meter is not None:
            meter.close()
    spool.add(q for key in sorted(actors) for q in actor_quads(actors[key]))
    spool.add(cameo_quads(codes))
    graph = spool.finish()
    inputs = tuple(reports[position] for position in sorted(reports))
    written = write_outputs(graph, Path(output), formats) if output is not None else ()
    stored = add_to_store(graph, actors.values(), store) if store is not None else None
    result = BuildResult(inputs, actors, graph, time.perf_counter() - started, written, stored)
    if output is None:
        return result
    report = Path(output) / REPORT_NAME
    write_text_atomically(report, json.dumps(result.report(), indent=1, ensure_ascii=False) + "\n")
    return replace(result, report_file=report)


def built_report(extraction: Extraction, quads: int) -> InputReport:
    article = extraction.article
    return InputReport(article.source, "built", article=article.id, words=article_words(article),
                       statements=len(extraction.statements), events=len(extraction.events),
                       actors=len(extraction.actors), quads=quads, notes=article.notes)


def write_outputs(quads: Iterable[Quad], folder: Path, formats: Iterable[str]) -> tuple[Path, ...]:
    """Write canonical ``quads`` (re-iterable, e.g. ``SortedQuads``) in each format to ``folder/graph.<ext>``
    (``kg.export.output_name``)."""
    from kg.export import EXPORTERS, output_name

    written = []
    for name in formats:
        if name not in EXPORTERS:
            raise ValueError(f"unknown format {name!r}; known: {', '.join(sorted(EXPORTERS))}")
        path = folder / output_name(name)
        EXPORTERS[name](quads, path)
        written.append(path)
    return tuple(written)


def add_to_store(quads: Iterable[Quad], actors: Iterable[Actor], folder: str | Path) -> int:
    """Add a build's graph to the persistent pyoxigraph store at ``folder`` (created when missing).

    Each article's named graph replaces the graph of that name, in one transaction per graph (an
    article built again, identified by ``Article.id``, replaces its own graph; a run killed midway
    leaves every graph whole, old or new); ``graph/actors`` becomes the merge of the actors already
    stored with ``actors`` (``combine_actors``, so building in parts equals building at once), and
    ``graph/vocabulary`` the union of both. A stored description that no article graph refers to any
    more (e.g. a key of an older key policy whose articles were all built again) is dropped, so that
    rebuilding a store's articles migrates it. Returns the number of quads in the store afterwards.
    Raises ``kg.stores.LoadError`` when the store cannot be opened or written.
    """
    from kg.iris import ACTORS_GRAPH, VOCABULARY_GRAPH
    from kg.stores import LoadError, open_store, replace_graph

    actors_graph, vocabulary = NamedNode(ACTORS_GRAPH), NamedNode(VOCABULARY_GRAPH)
    target = open_store(folder)
    by_graph = sorted_quads((q for q in quads if q.graph_name != actors_graph), by_graph=True)
    try:
        built = list(actors)
        merged = combine_actors([*read_actors(target), *built])
        for graph, group in groupby(by_graph, key=attrgetter("graph_name")):
            if graph == vocabulary:
                target.extend(group)  # shared by all builds: a union
            else:
                replace_graph(target, graph, (q.triple for q in group))
        merged = _still_referred_to(target, merged, {actor.key for actor in built})
        merged_quads = (q for key in sorted(merged) for q in actor_quads(merged[key]))
        replace_graph(target, actors_graph, (q.triple for q in merged_quads))
        target.flush()
        return len(target)
    except OSError as exc:
        raise LoadError(f"cannot write the store {folder}: {' '.join(str(exc).split())}") from None
    finally:
        by_graph.close()
        del target


def _still_referred_to(store: Store, actors: dict[str, Actor], built: set[str]) -> dict[str, Actor]:
    """``actors`` less the stored ones that no graph but ``graph/actors`` names, nor a kept actor's nationality."""
    from kg.iris import ACTORS_GRAPH, actor_iri

    actors_graph = NamedNode(ACTORS_GRAPH)

    def named_elsewhere(key: str) -> bool:
        iri = NamedNode(actor_iri(key))
        return any(q.graph_name != actors_graph for q in chain(store.quads_for_pattern(iri, None, None),
                                                                 store.quads_for_pattern(None, None, iri)))

    kept = {key for key in actors if key in built or named_elsewhere(key)}
    nationalities = {actors[key].nationality for key in kept} - {None}
    kept |= {key for key in nationalities if key in actors}
    return {key: actor for key, actor in actors.items() if key in kept}


def read_actors(store: Store) -> list[Actor]:
    """The actor descriptions of a store's ``graph/actors`` (the inverse of ``kg.rdf.actor_quads``), by key."""
    from kg.iris import ACTORS_GRAPH, actor_iri
    from kg.rdf import ACTOR_CLASS, WIKIDATA_ENTITY

    types = {str(iri): name for name, iri in ACTOR_CLASS.items()}
    prefix = actor_iri("")
    found: dict[str, dict[str, list[str]]] = {}
    for quad in store.quads_for_pattern(None, None, None, NamedNode(ACTORS_GRAPH)):
        if not isinstance(quad.subject, NamedNode) or not quad.subject.value.startswith(prefix):
            continue
        fields = found.setdefault(unquote(quad.subject.value[len(prefix):], errors="surrogatepass"), {})
        value = quad.object.value if isinstance(quad.object, (NamedNode, Literal)) else ""
        fields.setdefault(quad.predicate.value.rpartition("#")[2].rpartition("/")[2], []).append(value)
    actors = []
    for key in sorted(found):
        fields = found[key]
        kinds = sorted(types[t] for t in fields.get("type", []) if t in types)
        labels = sorted(fields.get("label", []), key=lambda name: (-len(name), name))
        if not kinds or not labels:
            continue  # not a description this tool wrote
        same = [w[len(WIKIDATA_ENTITY):] for w in fields.get("sameAs", []) if w.startswith(WIKIDATA_ENTITY)]
        aliases = tuple(sorted(set(fields.get("altLabel", [])) | set(labels[1:])))
        states = sorted(unquote(s[len(prefix):], errors="surrogatepass") for s in fields.get("nationality", [])
                        if s.startswith(prefix))
        actors.append(Actor(key, labels[0], kinds[0], aliases, min(same) if same else None,
                            states[0] if states else None))
    return actors
