"""Parsing and extraction on a Dask cluster: ``kg build --dask ADDRESS`` (or ``--dask local``).

Batches of articles go to the Dask workers as tasks; each worker loads the spaCy pipeline once
(``kg.nlp.load_pipeline`` is cached per process) and sends back small ``Extraction`` records. At
most ``AHEAD`` batches per worker thread are in flight or waiting to be handed on; results come
back in input order, so the caller merges and writes exactly as for a local build and the output
is the same. The workers need ``kg`` (``pip install 'geokg[dask]'``) installed as well.

Dask is imported only here, and only when asked for.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from importlib import import_module
from itertools import islice
from typing import Any

from kg.models import Article, Extraction

LOCAL = "local"  # the address that starts a LocalCluster on 127.0.0.1 for the build
BATCH_SIZE = 16  # articles per task
AHEAD = 2  # batches in flight (or done, waiting for an earlier one) per worker thread
CONNECT_TIMEOUT = 10.0  # seconds to wait for a scheduler to answer
# A local scheduler has no dashboard, but still an HTTP server (health, metrics): on a free loopback
# port, rather than on 8787 with a warning when that is taken.
QUIET_HTTP = {"dashboard_address": "127.0.0.1:0"}
ADDRESS = re.compile(r"(?:[a-z]+://)?(?:\[[0-9a-fA-F:]+\]|[^\s:/\[\]]+):\d{1,5}")  # [scheme://]host:port


class DaskError(RuntimeError):
    """Dask is not installed, or the scheduler cannot be reached."""


def extract_batch(articles: list[Article]) -> list[Extraction]:
    """The task run on a worker: parse and resolve one batch (the pipeline loaded once per worker)."""
    from kg.pipeline import extract_articles

    return list(extract_articles(articles, jobs=1))


def extract_on_dask(
    articles: Iterable[Article],
    address: str,
    *,
    workers: int = 2,
    batch_size: int | None = None,
    timeout: float = CONNECT_TIMEOUT,
) -> Iterator[Extraction]:
    """Parse and resolve articles on the Dask scheduler at ``address``: one ``Extraction`` per article, in input order.

    ``address`` is a scheduler address (``tcp://host:8786``) or ``"local"``, which starts a
    LocalCluster of ``workers`` processes bound to 127.0.0.1 and closes it at the end. Raises
    ``DaskError`` when Dask is not installed or the scheduler does not answer within ``timeout`` s.
    """
    with connect(address, workers=workers, timeout=timeout) as client:
        threads = sum(int(w.get("nthreads", 1)) for w in client.scheduler_info()["workers"].values())
        yield from _ordered_results(client, _batches(articles, batch_size or BATCH_SIZE), AHEAD * max(threads, 1))


@contextmanager
def connect(address: str, *, workers: int = 2, timeout: float = CONNECT_TIMEOUT) -> Iterator[Any]:
    """A ``distributed.Client`` of the scheduler at ``address``, or of a new local cluster for ``"local"``.

    The client, and a cluster started for it, are closed when the ``with`` block ends.
    """
    dask = _distributed()
    Client, LocalCluster = dask.Client, dask.LocalCluster
    with ExitStack() as stack:
        if address == LOCAL:
            try:
                cluster = stack.enter_context(LocalCluster(
                    n_workers=max(workers, 1), threads_per_worker=1, processes=True,
                    host="127.0.0.1", dashboard_address=None, scheduler_kwargs=QUIET_HTTP))
                client = stack.enter_context(Client(cluster, set_as_default=False))
            except Exception as exc:
                raise DaskError(f"cannot start a local Dask cluster: {_first_line(exc)}") from None
        else:
            if not ADDRESS.fullmatch(address):
                raise DaskError(f"not a Dask scheduler address: {address!r} (expected tcp://host:port or 'local')")
            try:
                client = stack.enter_context(Client(address, timeout=timeout, set_as_default=False))
            except (OSError, TimeoutError, ValueError, TypeError) as exc:
                raise DaskError(f"cannot reach the Dask scheduler at {address}: {_first_line(exc)}") from None
        yield client


def _distributed() -> Any:
    """The ``distributed`` module (untyped: Dask is an optional extra, reached only through here)."""
    try:
        return import_module("distributed")
    except ImportError:
        raise DaskError("--dask needs Dask: pip install 'geokg[dask]'") from None


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().split("\n")[0] or type(exc).__name__


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while batch := list(islice(iterator, max(size, 1))):
        yield batch


def _ordered_results(client: Any, batches: Iterator[list[Article]], window: int) -> Iterator[Extraction]:
    """Run ``extract_batch`` on each batch, at most ``window`` batches submitted and not yet yielded."""
    completed = _distributed().as_completed(loop=client.loop)
    pending: dict[Any, tuple[int, Any]] = {}  # future key -> (batch number, future)
    finished: dict[int, list[Extraction]] = {}
    submitted = emitted = 0

    def fill() -> None:
        nonlocal submitted
        while submitted - emitted < window and (batch := next(batches, None)) is not None:
            future = client.submit(extract_batch, batch, pure=False)
            pending[future.key] = (submitted, future)
            submitted += 1
            completed.add(future)

    fill()
    try:
        for future in completed:
            number, _ = pending.pop(future.key)
            finished[number] = future.result()
            future.release()
            while emitted in finished:
                yield from finished.pop(emitted)
                emitted += 1
            fill()
    finally:
        for _, future in pending.values():
            future.cancel()
