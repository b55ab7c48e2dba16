"""Real SPARQL servers for the tests: an Oxigraph server and a Virtuoso, each on free ports of 127.0.0.1.

``start_oxigraph(folder)`` and ``start_virtuoso(folder)`` are context managers that start the server as a
subprocess with its data in ``folder``, wait until it answers a query, yield a ``Server``, and stop it.
They raise ``ServerMissing`` (the reason, for ``pytest.skip``) when the binary is not installed:
``pip install oxigraph`` puts ``oxigraph`` next to the Python of the venv; Debian's
``virtuoso-opensource`` puts ``virtuoso-t`` in /usr/bin (``scripts/setup --test`` installs both).

For the fault tests: ``Oxigraph(folder)`` is a server a test can SIGKILL and start again on the same data
and port, and ``KillingProxy`` stands in front of a server and calls a function (the kill) when the
server has answered, or been sent, its N-th write, so that a kill lands at the same request every run.
"""

from __future__ import annotations

import http.client
import http.server
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

VIRTUOSO_USER = VIRTUOSO_PASSWORD = "dba"  # the administrator of a fresh Virtuoso database


class ServerMissing(Exception):
    """The server's binary is not installed: the message says which and how to get it."""


@dataclass(frozen=True)
class Server:
    name: str
    gsp: str  # SPARQL 1.1 Graph Store Protocol endpoint
    query: str  # SPARQL query endpoint
    log: Path

    def select(self, query: str) -> list[dict[str, str]]:
        """Run a SELECT on the server: one dict (variable -> value) per row."""
        import json

        body = urllib.parse.urlencode({"query": query}).encode()
        request = urllib.request.Request(self.query, data=body, headers={
            "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"})
        with urllib.request.urlopen(request, timeout=60) as response:
            rows = json.loads(response.read())["results"]["bindings"]
        return [{k: v["value"] for k, v in row.items()} for row in rows]

    def graph_counts(self, graphs: list[str]) -> dict[str, int]:
        values = " ".join(f"<{g}>" for g in graphs)
        rows = self.select(f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }} "
                           "GROUP BY ?g")
        return {row["g"]: int(row["n"]) for row in rows}

    def total(self, graphs: list[str]) -> int:
        values = " ".join(f"<{g}>" for g in graphs)
        rows = self.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}")
        return int(rows[0]["n"])


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def closed_port() -> int:
    """A port of 127.0.0.1 that nothing listens on (it was free a moment ago)."""
    return free_port()


def oxigraph_binary() -> Path:
    found = shutil.which("oxigraph") or shutil.which("oxigraph", path=str(Path(sys.executable).parent))
    if found is None:
        raise ServerMissing("the oxigraph server is not installed (pip install oxigraph)")
    return Path(found)


def virtuoso_binary() -> Path:
    found = shutil.which("virtuoso-t") or shutil.which("virtuoso-t", path="/usr/bin:/usr/local/bin")
    if found is None:
        raise ServerMissing("virtuoso-t is not installed (apt-get install virtuoso-opensource, as root)")
    return Path(found)


def _spawn(name: str, command: list[str], log: Path, probe: str, cwd: Path,
           wait: float = 90) -> subprocess.Popen[bytes]:
    """Start ``command`` (output appended to ``log``) and return once ``probe`` answers 200."""
    with log.open("ab") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, cwd=cwd,
                                   stdin=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + wait
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"{name} exited with {process.returncode}: {_tail(log)}")
            try:
                with urllib.request.urlopen(probe, timeout=5) as response:
                    if response.status == 200:
                        return process
            except (urllib.error.URLError, OSError):
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"{name} did not answer within {wait:.0f} s: {_tail(log)}")
            time.sleep(0.05)
    except BaseException:
        _stop(process)
        raise


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextmanager
def _running(name: str, command: list[str], log: Path, probe: str, cwd: Path, wait: float = 90) -> Iterator[None]:
    process = _spawn(name, command, log, probe, cwd, wait)
    try:
        yield
    finally:
        _stop(process)


def _tail(log: Path) -> str:
    lines = log.read_text(errors="replace").splitlines() if log.exists() else []
    return " | ".join(lines[-5:])


class Oxigraph:
    """``oxigraph serve --location folder/data --bind 127.0.0.1:<port>``, started, killed and restarted at will on
    the same data and port; GSP at ``/store``, queries at ``/query``."""

    def __init__(self, folder: Path, port: int | None = None) -> None:
        self.binary = oxigraph_binary()
        folder.mkdir(parents=True, exist_ok=True)
        self.folder, self.base = folder, f"http://127.0.0.1:{port or free_port()}"
        self.server = Server("oxigraph", f"{self.base}/store", f"{self.base}/query", folder / "oxigraph.log")
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> Server:
        command = [str(self.binary), "serve", "--location", str(self.folder / "data"),
                   "--bind", self.base.removeprefix("http://")]
        probe = f"{self.base}/query?query={urllib.parse.quote('ASK {}')}"
        self.process = _spawn("oxigraph", command, self.server.log, probe, self.folder)
        return self.server

    def kill(self) -> None:
        """SIGKILL: no chance to flush or close anything."""
        if self.process is not None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()
            self.process = None

    def stop(self) -> None:
        if self.process is not None:
            _stop(self.process)
            self.process = None


@contextmanager
def start_oxigraph(folder: Path) -> Iterator[Server]:
    """An ``Oxigraph`` server on a free port, stopped on leaving."""
    oxigraph = Oxigraph(folder)
    try:
        yield oxigraph.start()
    finally:
        oxigraph.stop()


@dataclass
class Write:
    method: str
    graph: str
    answered: bool  # whether the client got the server's answer


@dataclass
class KillingProxy:
    """An HTTP proxy on a free port to ``backend`` (a base URL) that calls ``kill`` at the ``kill_at``-th write
    (PUT or POST to ``/store``): after the server has answered it (``answered``: the client never hears it was
    done), or as soon as it is sent (the server may or may not have done it). The client then sees its
    connection dropped; while the server is down, the proxy answers 502. ``writes`` logs every write."""

    backend: str
    kill: Callable[[], None] = lambda: None
    kill_at: int | None = None
    answered: bool = True
    writes: list[Write] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._http = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _ProxyHandler)
        self._http.proxy = self  # type: ignore[attr-defined]
        self._thread = threading.Thread(target=self._http.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self._http.server_address[1]}"

    def __enter__(self) -> KillingProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._http.shutdown()
        self._http.server_close()

    def forward(self, method: str, path: str, headers: dict[str, str], body: bytes) -> tuple[int, str, bytes] | None:
        """The server's answer (status, content type, body), or None to drop the client's connection."""
        parts = urllib.parse.urlsplit(path)
        write = None
        if method in ("PUT", "POST") and parts.path == "/store":
            graph = urllib.parse.parse_qs(parts.query).get("graph", [""])[0]
            with self._lock:
                write = Write(method, graph, answered=False)
                self.writes.append(write)
                number = len(self.writes)
        kill = write is not None and number == self.kill_at
        backend = urllib.parse.urlsplit(self.backend)
        connection = http.client.HTTPConnection(backend.hostname or "", backend.port, timeout=60)
        try:
            connection.request(method, path, body, headers)
            if kill and not self.answered:
                self.kill()
                return None
            response = connection.getresponse()
            answer = (response.status, response.getheader("Content-Type") or "text/plain", response.read())
        except (OSError, http.client.HTTPException) as exc:
            return 502, "text/plain", f"bad gateway: {exc}".encode()
        finally:
            connection.close()
        if kill:
            self.kill()
            return None
        if write is not None:
            write.answered = True
        return answer


class _ProxyHandler(http.server.BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def _relay(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection", "content-length")}
        answer = self.server.proxy.forward(self.command, self.path, headers, body)  # type: ignore[attr-defined]
        if answer is None:
            self.close_connection = True
            return
        status, kind, data = answer
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_PUT = do_POST = do_DELETE = _relay


VIRTUOSO_INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
DisableTcpSocket = 0
MaxClientConnections = 10
CheckpointInterval = 60
CaseMode = 2
DirsAllowed = ., {dir}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}
MaxClientConnections = 10
ServerThreads = 10
Charset = UTF-8

[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 120
"""


@contextmanager
def start_virtuoso(folder: Path) -> Iterator[Server]:
    """``virtuoso-t -f -c folder/virtuoso.ini`` on free ports; GSP (digest auth, dba/dba) at
    ``/sparql-graph-crud-auth``, queries at ``/sparql``."""
    binary = virtuoso_binary()
    folder.mkdir(parents=True, exist_ok=True)
    http_port, sql_port = free_port(), free_port()
    while sql_port == http_port:
        sql_port = free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(dir=folder.resolve(), sql_port=sql_port, http_port=http_port))
    base = f"http://127.0.0.1:{http_port}"
    probe = f"{base}/sparql?query={urllib.parse.quote('ASK {}')}"
    log = folder / "virtuoso.out"
    with _running("virtuoso", [str(binary), "-f", "-c", str(ini)], log, probe, folder):
        yield Server("virtuoso", f"{base}/sparql-graph-crud-auth", f"{base}/sparql", log)
