"""A real Bolt server for the tests and the bench.

With ``NEO4J_URI`` set, that server is used (``NEO4J_USERNAME``, ``NEO4J_PASSWORD`` and
``NEO4J_DATABASE`` as for ``litkg neo4j push``). Otherwise an ArcadeDB server (PyPI
``arcadedb-embedded``: a bundled Java runtime and ArcadeDB with its Bolt plugin, which the official
``neo4j`` driver talks to) is started in a child process, listening on 127.0.0.1 only, on free
ports, with a random root password. The password reaches the child on its standard input, never
on its command line; the child stops its server when its standard input closes, so it cannot
outlive the process that started it.

Run as a script, this module is that child (``python tests/neo4j_server.py``, configuration as one
JSON line on stdin).
"""
from __future__ import annotations

import importlib.util
import json
import os
import secrets
import select
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["BoltServer", "start_embedded", "server_from_env", "free_port", "clear_litkg_graph"]

READY = "LITKG-BOLT-READY"
BOLT_PLUGIN = "Bolt:com.arcadedb.bolt.BoltProtocolPlugin"


@dataclass
class BoltServer:
    """Where a running Bolt server is, and how to stop (or crash and restart) it if we started it."""

    uri: str
    user: str
    password: str = field(repr=False)
    database: str
    process: subprocess.Popen | None = field(default=None, repr=False)
    log: Path | None = None
    config: dict | None = field(default=None, repr=False)  # the child's configuration (holds the password)

    @property
    def embedded(self) -> bool:
        return self.config is not None

    def driver(self, **config):
        from neo4j import GraphDatabase

        return GraphDatabase.driver(self.uri, auth=(self.user, self.password), **config)

    def env(self) -> dict[str, str]:
        """Environment variables that point ``litkg neo4j …`` at this server."""
        return {"NEO4J_URI": self.uri, "NEO4J_USERNAME": self.user, "NEO4J_PASSWORD": self.password,
                "NEO4J_DATABASE": self.database}

    def start(self, timeout: float = 180.0) -> None:
        """Start the child server (again, after :meth:`kill` or :meth:`stop`: same ports, same
        databases directory, so what it had committed is still there) and wait until it answers."""
        if self.config is None:
            raise RuntimeError(f"{self.uri} was not started by the tests")
        if self.process is not None and self.process.poll() is None:
            raise RuntimeError(f"{self.uri} is already running")
        with open(self.log, "ab") as log_file:  # appended to: a restart keeps the earlier log
            process = subprocess.Popen([sys.executable, str(Path(__file__).resolve())], cwd=self.log.parent,
                                       stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log_file, text=True)
        self.process = process
        process.stdin.write(json.dumps(self.config) + "\n")
        process.stdin.flush()
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            ready = remaining > 0 and select.select([process.stdout], [], [], remaining)[0]
            line = process.stdout.readline() if ready else ""
            if line.strip() == READY:
                return
            if not line:  # the child exited, or did not answer in time
                process.kill()
                process.wait()
                tail = self.log.read_text(errors="replace")[-2000:]
                raise RuntimeError(f"the embedded Bolt server did not start; its log ends:\n{tail}")

    def kill(self) -> None:
        """Crash the child server: SIGKILL, no clean shutdown (its JVM runs in that process)."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
            self.process.stdin.close()
            self.process.stdout.close()

    def stop(self, timeout: float = 30.0) -> None:
        """Stop the child server (closing its stdin asks it to stop; it is killed if it hangs)."""
        if self.process is None or self.process.poll() is not None:
            return
        try:
            self.process.stdin.close()
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout)
        self.process.stdout.close()


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_from_env() -> BoltServer | None:
    """The server ``NEO4J_URI`` names, or None when it is not set."""
    uri = os.environ.get("NEO4J_URI")
    if not uri:
        return None
    return BoltServer(uri=uri, user=os.environ.get("NEO4J_USERNAME", "neo4j"),
                      password=os.environ.get("NEO4J_PASSWORD", ""),
                      database=os.environ.get("NEO4J_DATABASE", "neo4j"))


def start_embedded(workdir: Path, *, database: str = "neo4j", timeout: float = 180.0) -> BoltServer:
    """Start ArcadeDB with Bolt on a free loopback port in a child process and wait until it answers.

    ``workdir`` holds the databases and the server's log (``server.log``).
    """
    if importlib.util.find_spec("arcadedb_embedded") is None:
        raise RuntimeError("the Neo4j tests need a Bolt server: install the test extra "
                           "(python -m pip install -e '.[test]', which brings arcadedb-embedded) or set NEO4J_URI")
    workdir = Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    password = secrets.token_urlsafe(18)
    config = {"root": str(workdir / "databases"), "password": password, "database": database,
              "bolt_port": free_port(), "http_port": free_port()}
    server = BoltServer(uri=f"bolt://127.0.0.1:{config['bolt_port']}", user="root", password=password,
                        database=database, log=workdir / "server.log", config=config)
    server.start(timeout)
    return server


def clear_litkg_graph(server: BoltServer) -> None:
    """Delete every :Paper and :Concept node (and their relationships) in the server's database.

    Refuses when the database holds nodes of other labels: a shared database is not ours to wipe.
    """
    with server.driver() as driver:
        others = driver.execute_query("MATCH (n) WHERE NOT (n:Paper OR n:Concept) RETURN count(n) AS n",
                                      database_=server.database).records[0]["n"]
        if others:
            raise RuntimeError(f"{server.uri} database {server.database!r} holds {others} nodes that are not "
                               "litkg's; the tests will not clear it (point NEO4J_URI at a scratch database)")
        driver.execute_query("MATCH (n) WHERE n:Paper OR n:Concept DETACH DELETE n", database_=server.database)


def _serve() -> None:  # pragma: no cover - runs in the child process
    config = json.loads(sys.stdin.readline())
    import arcadedb_embedded as arcadedb

    server = arcadedb.create_server(config["root"], root_password=config["password"], config={
        "host": "127.0.0.1", "http_port": config["http_port"],
        "server_plugins": BOLT_PLUGIN, "bolt_port": config["bolt_port"]})
    server.start()
    try:
        server.create_database(config["database"])  # or open it again, after a restart
        print(READY, flush=True)
        os.dup2(2, 1)  # nothing reads our stdout from now on: send any later output to the log
        sys.stdin.read()  # until the parent closes our stdin (or dies)
    finally:
        server.stop()


if __name__ == "__main__":  # pragma: no cover
    _serve()
