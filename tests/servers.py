"""Real SPARQL servers for the tests: an Oxigraph server and a Virtuoso, each on free ports of 127.0.0.1.

``start_oxigraph(folder)`` and ``start_virtuoso(folder)`` are context managers that start the server as a
subprocess with its data in ``folder``, wait until it answers a query, yield a ``Server``, and stop it.
They raise ``ServerMissing`` (the reason, for ``pytest.skip``) when the binary is not installed:
``pip install oxigraph`` puts ``oxigraph`` next to the Python of the venv; Debian's
``virtuoso-opensource`` puts ``virtuoso-t`` in /usr/bin (``scripts/setup --test`` installs both).
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
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


@contextmanager
def _running(name: str, command: list[str], log: Path, probe: str, cwd: Path, wait: float = 90) -> Iterator[None]:
    with log.open("wb") as out:
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
                        break
            except (urllib.error.URLError, OSError):
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"{name} did not answer within {wait:.0f} s: {_tail(log)}")
            time.sleep(0.2)
        yield
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _tail(log: Path) -> str:
    lines = log.read_text(errors="replace").splitlines() if log.exists() else []
    return " | ".join(lines[-5:])


@contextmanager
def start_oxigraph(folder: Path) -> Iterator[Server]:
    """``oxigraph serve --location folder/data --bind 127.0.0.1:<free port>``; GSP at ``/store``, queries ``/query``."""
    binary = oxigraph_binary()
    folder.mkdir(parents=True, exist_ok=True)
    base = f"http://127.0.0.1:{free_port()}"
    command = [str(binary), "serve", "--location", str(folder / "data"), "--bind", base.removeprefix("http://")]
    probe = f"{base}/query?query={urllib.parse.quote('ASK {}')}"
    log = folder / "oxigraph.log"
    with _running("oxigraph", command, log, probe, folder):
        yield Server("oxigraph", f"{base}/store", f"{base}/query", log)


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
