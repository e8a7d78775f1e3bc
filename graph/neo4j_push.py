"""Push a litkg store into Neo4j (or any Bolt server speaking Neo4j 5 Cypher).

:class:`Neo4jWriter` takes a driver from the caller and does no I/O until :meth:`Neo4jWriter.push`.
A push writes the schema first (uniqueness constraints on the paper and concept keys, indexes on
name and type), then nodes, then relationships, each in batches of ``UNWIND $rows AS row MERGE …``
with values only as parameters. Papers that were already in the database have their stale
relationships removed right after their batch. Pushing the same store twice creates nothing the second time;
pushing after a later build creates only what is new, and drops a paper's relationships that the
store no longer has (a role that changed on re-extraction).

Every batch is idempotent (MERGE on keys that uniqueness constraints guard), which is what makes a
push survive faults: a batch that failed with a transient error, or lost its server mid-way (even
after sending its commit), is simply sent again, with backoff, for up to ``retry_for`` seconds; a
push that gives up raises :class:`~litkg.graph.neo4j_Neo4jInterruptedError`, keeps what it
committed, and the same push run again completes it.

For example (it needs a server, so it is not a doctest; tests/test_neo4j.py runs it)::

    from neo4j import GraphDatabase
    with GraphDatabase.driver(uri, auth=(user, password)) as driver:
        summary = Neo4jWriter(driver, database="neo4j").push(store)
"""
from __future__ import annotations

import os
import socket
import ssl
import time
from dataclasses import dataclass, field, fields
from itertools import islice
from typing import Callable, Iterable, Iterator
from urllib.parse import urlsplit

from neo4j import GraphDatabase, RoutingControl
from neo4j.exceptions import AuthError, DriverError, Neo4jError, ServiceUnavailable, SessionExpired

from litkg.errors import (Neo4jAuthError, Neo4jConnectionError, Neo4jInterruptedError, Neo4jQueryError,
                          Neo4jUriError, StoreError)
from litkg.graph import sql
from litkg.graph import neo4j_model as model
from litkg.graph.store import GraphStore
from litkg.records import CONCEPT_TYPES, ROLES

__all__ = ["Neo4jWriter", "PushSummary", "Neo4jSettings", "STAGES", "URI_SCHEMES", "check_uri", "translate_error"]

#: The stages of a push, in order; ``progress`` callbacks receive one of these.
STAGES = ("schema", "papers", "concepts", "mentions", "relations")

#: The URI schemes of Bolt: direct (``bolt``) or routed (``neo4j``); ``+s`` encrypts with a
#: certificate a CA signed, ``+ssc`` accepts a self-signed one.
URI_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")

_COUNTERS = ("nodes_created", "nodes_deleted", "relationships_created", "relationships_deleted",
             "properties_set", "labels_added", "labels_removed", "constraints_added", "indexes_added")


@dataclass
class PushSummary:
    """What one push sent and what the server says it changed."""

    papers: int = 0
    concepts: int = 0
    mentions: int = 0
    relations: int = 0
    nodes_created: int = 0
    nodes_deleted: int = 0
    relationships_created: int = 0
    relationships_deleted: int = 0
    properties_set: int = 0
    labels_added: int = 0
    labels_removed: int = 0
    constraints_added: int = 0
    indexes_added: int = 0
    batches: int = 0
    retries: int = 0
    seconds: float = 0.0
    stage_seconds: dict = field(default_factory=dict)

    def add_counters(self, counters) -> None:
        for name in _COUNTERS:
            setattr(self, name, getattr(self, name) + int(getattr(counters, name, 0) or 0))

    def to_json(self) -> dict:
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["seconds"] = round(self.seconds, 3)
        data["stage_seconds"] = {k: round(v, 3) for k, v in self.stage_seconds.items()}
        return data


@dataclass(frozen=True)
class Neo4jSettings:
    """Where a Neo4j database is and how to log in; the password never shows in ``repr``.

    ``from_env`` reads ``NEO4J_URI``, ``NEO4J_USERNAME``, ``NEO4J_PASSWORD`` and ``NEO4J_DATABASE``.
    The URI is checked on construction (:func:`check_uri`): :class:`Neo4jUriError` before anything
    is sent.
    """

    uri: str = model.DEFAULT_URI
    user: str = model.DEFAULT_USER
    password: str | None = field(default=None, repr=False)
    database: str = model.DEFAULT_DATABASE

    def __post_init__(self) -> None:
        object.__setattr__(self, "uri", check_uri(self.uri))

    @classmethod
    def from_env(cls, environ=None) -> "Neo4jSettings":
        env = os.environ if environ is None else environ
        return cls(uri=env.get("NEO4J_URI", cls.uri), user=env.get("NEO4J_USERNAME", cls.user),
                   password=env.get("NEO4J_PASSWORD"), database=env.get("NEO4J_DATABASE", cls.database))

    @property
    def address(self) -> str:
        """The URI without any user information, for messages."""
        return _redact(self.uri)

    def open_driver(self, **config):
        """A driver whose connection has been checked; library errors for an unreachable server or
        refused credentials (the caller closes the driver). ``config`` goes to the driver
        (``connection_timeout=5``, ``max_transaction_retry_time=0`` …)."""
        auth = (self.user, self.password) if self.password is not None else None
        try:
            driver = GraphDatabase.driver(self.uri, auth=auth, **config)
        except (ValueError, DriverError) as exc:
            raise Neo4jUriError(f"cannot use the Neo4j URI {self.address!r}: {_one_line(exc)}") from None
        try:
            driver.verify_connectivity()
        except (Neo4jError, DriverError) as exc:
            driver.close()
            raise translate_error(exc, database=self.database, address=self.address) from None
        return driver


def _redact(uri: str) -> str:
    """``uri`` without the user information a URI may carry (``bolt://user:secret@host``)."""
    scheme, sep, rest = uri.partition("://")
    authority, slash, tail = rest.partition("/")
    return f"{scheme}{sep}{authority.rpartition('@')[2]}{slash}{tail}" if sep else uri.rpartition("@")[2]


def check_uri(uri: str) -> str:
    """``uri`` (trimmed) if it is a Bolt URI the driver can use, else :class:`Neo4jUriError`.

    Checked before anything is sent: a scheme of :data:`URI_SCHEMES`, a host, a numeric port if
    any, no path, and no user name or password (those go in ``--user`` and ``NEO4J_PASSWORD``).
    A routing context (``?policy=eu``) is allowed for the routed ``neo4j`` schemes only.

    >>> check_uri(" neo4j+s://graph.example.org:7687 ")
    'neo4j+s://graph.example.org:7687'
    >>> check_uri("http://localhost:7474")
    Traceback (most recent call last):
    ...
    litkg.errors.Neo4jUriError: litkg talks to Neo4j over Bolt, not 'http': 'http://localhost:7474'
    """
    uri = str(uri).strip()
    shown = repr(_redact(uri))
    if "://" not in uri:
        raise Neo4jUriError(f"the Neo4j URI {shown} is not a URI (no scheme://)")
    try:
        parts = urlsplit(uri)
        port = parts.port
    except ValueError:
        raise Neo4jUriError(f"the Neo4j URI {shown} has a bad host or port") from None
    scheme = parts.scheme.lower()
    if scheme in ("http", "https"):
        raise Neo4jUriError(f"litkg talks to Neo4j over Bolt, not {scheme!r}: {shown}")
    if scheme not in URI_SCHEMES:
        raise Neo4jUriError(f"the Neo4j URI {shown} has the unknown scheme {scheme!r} "
                                  f"(expected one of {', '.join(URI_SCHEMES)})")
    if "@" in parts.netloc:
        raise Neo4jUriError(f"the Neo4j URI {shown} holds a user name or password",
                                  hint="remove them from the URI; pass --user, and the password in NEO4J_PASSWORD")
    if not parts.hostname:
        raise Neo4jUriError(f"the Neo4j URI {shown} has no host")
    if port == 0:
        raise Neo4jUriError(f"the Neo4j URI {shown} has a bad host or port")
    if parts.path not in ("", "/") or parts.fragment:
        raise Neo4jUriError(f"the Neo4j URI {shown} has a path; the database is not part of the URI",
                                  hint="name the database with --database (or NEO4J_DATABASE)")
    if parts.query and not scheme.startswith("neo4j"):
        raise Neo4jUriError(f"the Neo4j URI {shown} has a routing context, which {scheme}:// cannot use",
                                  hint="drop the ?… part, or use neo4j:// for a routed connection")
    return uri


def translate_error(exc: Exception, *, database: str, address: str = "") -> Exception:
    """The litkg error for a driver error (the server's message; never a credential)."""
    where = f" at {address}" if address else ""
    if isinstance(exc, AuthError):
        return Neo4jAuthError(f"the Neo4j server{where} refused the user name or password")
    if isinstance(exc, (ServiceUnavailable, SessionExpired)):
        reason, hint = _unreachable_reason(exc)
        return Neo4jConnectionError(f"cannot reach the Neo4j server{where}: {reason}", hint=hint)
    if isinstance(exc, Neo4jError):
        code = exc.code or ""
        if "DatabaseNotFound" in code:
            return Neo4jQueryError(f"the server has no database {database!r}", server_code=code,
                                         hint="pass --database (or set NEO4J_DATABASE) to an existing database")
        return Neo4jQueryError(f"the server rejected a query: {_one_line(exc.message or exc)}",
                                     server_code=code)
    if isinstance(exc, DriverError):
        return Neo4jConnectionError(f"Neo4j driver error: {_one_line(exc)}")
    return exc


def _one_line(text, width: int = 240) -> str:
    line = " ".join(str(text).split())
    return line if len(line) <= width else line[: width - 1] + "…"


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """``exc``, then what caused it, depth first through exception groups (routing failures)."""
    seen, todo = set(), [exc]
    while todo:
        current = todo.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        todo.extend(reversed(getattr(current, "exceptions", ())))
        todo.append(current.__cause__ or current.__context__)


_TLS_HINT = ("the server may not use TLS: try bolt:// or neo4j://; with a self-signed certificate use "
             "bolt+ssc:// or neo4j+ssc://")
_DOWN_HINT = "check the host and port in --uri (or NEO4J_URI), and that the server is running"


def _unreachable_reason(exc: BaseException) -> tuple[str, str]:
    """A short reason why a server could not be reached, and what to try."""
    for cause in _causes(exc):
        if isinstance(cause, ssl.SSLCertVerificationError):
            return (f"its TLS certificate was not accepted ({cause.verify_message})",
                    "use bolt+ssc:// or neo4j+ssc:// for a self-signed certificate")
        if isinstance(cause, ssl.SSLError):
            return "the TLS handshake failed", _TLS_HINT
        if isinstance(cause, ConnectionRefusedError):
            return "connection refused", _DOWN_HINT
        if isinstance(cause, (socket.timeout, TimeoutError)):
            return "the connection timed out", _DOWN_HINT
        if isinstance(cause, socket.gaierror):
            return "unknown host", _DOWN_HINT
    return _one_line(exc), _DOWN_HINT


def _retryable(exc: Exception) -> bool:
    """Transient server errors, and every lost connection: also ``IncompleteCommit`` (the
    connection dropped after the commit was sent), which the driver will not retry but our
    batches can take, being idempotent."""
    if isinstance(exc, AuthError):
        return False
    check = getattr(exc, "is_retryable", None)
    if callable(check) and check():
        return True
    return isinstance(exc, (ServiceUnavailable, SessionExpired))


def _batches(rows: Iterable, size: int) -> Iterator[list]:
    it = iter(rows)
    while batch := list(islice(it, size)):
        yield batch


class Neo4jWriter:
    """Writes a litkg store into one Neo4j database.

    Parameters
    ----------
    driver : neo4j.Driver
        An open driver; the writer never closes it.
    database : str
        The database to write; passed on every call (``database_``), never left to the server.
    batch_size : int
        Rows per transaction.
    retry_for : float
        Seconds, from a batch's first failure, during which a batch that failed with a transient
        error (deadlock, leader switch, lost connection, server restarting) is tried again; the
        default rides out a server restart. 0 turns retries off. These come on top of the driver's
        own managed-transaction retries (``max_transaction_retry_time``; ``litkg neo4j push`` sets
        it to 0 so that this policy is the only one). Every batch is idempotent, so a retry never
        duplicates.
    retries : int, optional
        At most this many retries per batch (default: as many as ``retry_for`` allows).
    backoff : float
        Seconds before the first retry; doubled for each further one up to ``max_backoff``.
    max_backoff : float
        The longest wait between two tries.
    prune : bool
        Delete relationships from pushed papers to concepts that the store no longer has.
    """

    def __init__(self, driver, *, database: str = model.DEFAULT_DATABASE, batch_size: int = model.DEFAULT_BATCH_SIZE,
                 retry_for: float = model.DEFAULT_RETRY_FOR,
                 retries: int | None = None, backoff: float = 0.5, max_backoff: float = 4.0,
                 prune: bool = True) -> None:
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        if retry_for < 0 or backoff < 0 or max_backoff < 0 or (retries is not None and retries < 0):
            raise ValueError("retry_for, retries, backoff and max_backoff cannot be negative")
        self.driver = driver
        self.database = database
        self.batch_size = batch_size
        self.retry_for = retry_for
        self.retries = retries
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.prune = prune

    def __repr__(self) -> str:
        return f"Neo4jWriter(database={self.database!r}, batch_size={self.batch_size})"

    # -- running queries ----------------------------------------------------------------------
    def run(self, query: str, parameters: dict | None = None, *, summary: PushSummary | None = None,
            write: bool = True):
        """Run one query in its own managed transaction, retrying transient failures.

        Returns the driver's ``EagerResult``; library errors replace driver errors.
        """
        retried, first_failure = 0, None
        while True:
            try:
                result = self.driver.execute_query(
                    query, parameters_=parameters or {}, database_=self.database,
                    routing_=RoutingControl.WRITE if write else RoutingControl.READ)
            except (Neo4jError, DriverError) as exc:
                now = time.monotonic()
                first_failure = now if first_failure is None else first_failure
                wait = self._retry_wait(exc, retried, now - first_failure)
                if wait is None:
                    raise translate_error(exc, database=self.database) from exc
                retried += 1
                if summary is not None:
                    summary.retries += 1
                time.sleep(wait)
                continue
            if summary is not None:
                summary.add_counters(result.summary.counters)
            return result

    def _retry_wait(self, exc: Exception, retried: int, failing_for: float) -> float | None:
        """Seconds to wait before trying a failed batch again, or None to give up."""
        left = self.retry_for - failing_for
        if left <= 0 or not _retryable(exc) or (self.retries is not None and retried >= self.retries):
            return None
        return min(self.backoff * 2 ** retried, self.max_backoff, left)

    def _write_rows(self, query: str, rows: Iterable, summary: PushSummary,
                    tick: Callable[[int], None]) -> int:
        sent = 0
        for batch in _batches(rows, self.batch_size):
            self.run(query, {"rows": batch}, summary=summary)
            summary.batches += 1
            sent += len(batch)
            tick(len(batch))
        return sent

    # -- the push -----------------------------------------------------------------------------
    def write_schema(self, summary: PushSummary | None = None) -> PushSummary:
        """Create the constraints and indexes (each statement alone: schema changes cannot share a
        transaction with writes)."""
        summary = summary if summary is not None else PushSummary()
        for statement in model.schema_statements():
            self.run(statement, summary=summary)
        return summary

    def push(self, store: GraphStore, *, progress: Callable[[str, int], None] | None = None,
             schema: bool = True) -> PushSummary:
        """Write the whole store: schema, papers, concepts, paper→concept and concept→concept
        relationships.

        Parameters
        ----------
        store : GraphStore
            The litkg store to read (not modified).
        progress : callable, optional
            Called as ``progress(stage, rows)`` after each batch, ``stage`` one of :data:`STAGES`.
        schema : bool
            Create the constraints and indexes first (they make MERGE fast; keep it on).

        Returns
        -------
        PushSummary
            Rows sent per kind and the server's counters summed over every batch.

        Raises
        ------
        Neo4jInterruptedError
            When the server was lost and did not come back within ``retry_for``: every batch
            committed before is kept, and pushing again completes the push without duplicates.
        Neo4jAuthError, Neo4jQueryError
            When the server refuses the credentials or rejects a query.
        """
        summary = PushSummary()
        started = time.perf_counter()

        def stage(name: str, work: Callable[[Callable[[int], None]], None]) -> None:
            t0 = time.perf_counter()
            try:
                work(lambda n: progress(name, n) if progress else None)
            except Neo4jConnectionError as exc:
                if isinstance(exc, Neo4jAuthError):
                    raise
                tried = f"retried for up to {self.retry_for:g} s" if self.retry_for and self.retries != 0 \
                    else "retries off"
                raise Neo4jInterruptedError(
                    f"the push stopped in its {name} stage after {summary.batches} batches ({tried}): "
                    f"{exc.message}") from exc
            summary.stage_seconds[name] = time.perf_counter() - t0

        if schema:
            stage("schema", lambda tick: (self.write_schema(summary), tick(0)))
        stage("papers", lambda tick: self._push_papers(store, summary, tick))
        stage("concepts", lambda tick: self._push_concepts(store, summary, tick))
        stage("mentions", lambda tick: self._push_mentions(store, summary, tick))
        stage("relations", lambda tick: self._push_relations(store, summary, tick))
        summary.seconds = time.perf_counter() - started
        return summary

    def _push_papers(self, store: GraphStore, summary: PushSummary, tick) -> None:
        for batch in _batches(model.paper_rows(store), self.batch_size):
            result = self.run(model.merge_papers(), {"rows": batch}, summary=summary)
            summary.batches += 1
            summary.papers += len(batch)
            existed = [record["key"] for record in result.records]
            if self.prune and existed:  # papers new to the database have no stale relationships
                self._write_rows(model.prune_mentions(), model.keep_rows(store, existed), summary, lambda n: None)
            tick(len(batch))

    def _push_concepts(self, store: GraphStore, summary: PushSummary, tick) -> None:
        unknown = sql.first_unknown_type(store, CONCEPT_TYPES)
        if unknown:  # never interpolated: labels come from the fixed set only
            raise StoreError(f"concept {unknown[0]!r} has the unknown type {unknown[1]!r}",
                             hint="rebuild the store with this version of litkg")
        for concept_type in CONCEPT_TYPES:
            # A type that changed since the last push: relabel before MERGE looks for the new label,
            # in two transactions (see model.add_type_label), the second only for what changed.
            relabelled = []
            keys = ({"key": row["key"]} for row in model.concept_rows(store, concept_type))
            for batch in _batches(keys, self.batch_size):
                result = self.run(model.add_type_label(concept_type), {"rows": batch}, summary=summary)
                relabelled.extend({"key": record["key"]} for record in result.records)
            self._write_rows(model.remove_other_type_labels(concept_type), relabelled, summary, lambda n: None)
            rows = ({"key": row["key"], "props": row["props"]} for row in model.concept_rows(store, concept_type))
            summary.concepts += self._write_rows(model.merge_concepts(concept_type), rows, summary, tick)

    def _push_mentions(self, store: GraphStore, summary: PushSummary, tick) -> None:
        unknown = sql.first_unknown_role(store, ROLES)
        if unknown:
            raise StoreError(f"the edge {unknown[0]!r} -> {unknown[1]!r} has the unknown role {unknown[2]!r}",
                             hint="rebuild the store with this version of litkg")
        for role in ROLES:
            rows = (model.mention_list(row) for row in model.mention_rows(store, role))
            summary.mentions += self._write_rows(model.merge_mentions(role), rows, summary, tick)

    def _push_relations(self, store: GraphStore, summary: PushSummary, tick) -> None:
        for rel in model.RELATION_TYPES:
            rows = ({"src": row["src"], "dst": row["dst"]} for row in model.relation_rows(store) if row["rel"] == rel)
            summary.relations += self._write_rows(model.merge_relations(rel), rows, summary, tick)

    def counts(self) -> dict:
        """``{papers, concepts, mentions, relations}`` as the server holds them now."""
        result = self.run(model.count_graph(), write=False)
        return dict(result.records[0].data())
