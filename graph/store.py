"""The embedded store: one SQLite file holding papers, concepts and paper–concept edges.

Writes happen inside :meth:`GraphStore.transaction`, so a build interrupted at any point leaves
the file as it was after the last committed batch. The file uses WAL mode and a busy timeout: a
second writer waits for the first, then fails with :class:`~litkg.errors.StoreLockedError`.

A build writes a batch one way, in two kinds of call inside one transaction:
:meth:`GraphStore.upsert_paper` for each record, which returns the paper as stored (its key, every
record merged into it), the paper that is extracted; then one :meth:`GraphStore.write_extraction`
with what was extracted, which writes the edges, the relations and the rows derived from them in
the order they need.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property, partial
from pathlib import Path
from types import MappingProxyType
from typing import Callable, Iterable, Iterator, Sequence

from litkg.errors import StoreError
from litkg.extract.normalise import concept_norm
from litkg.graph.store_checkpoint import Checkpointer
from litkg.graph.store_concepts import ConceptWriter
from litkg.graph.store_counts import ensure_counts, kept_total
from litkg.graph.store_migrate import refuse_unknown_version, schema_version, unwritable_version, upgrade
from litkg.graph.store_postings import EdgeLog, make_postings, merge_postings, postings_ready
from litkg.graph.store_schema import (DEFERRABLE_INDEXES, RETIRED_INDEXES, SCHEMA, SCHEMA_VERSION, configure_writer,
                                      open_snapshot, rollback, store_error)
from litkg.identity import paper_identifiers
from litkg.records import ExtractedEntity, Extraction, Paper, StoredPaper

__all__ = ["GraphStore", "ConceptRow", "SCHEMA_VERSION", "text_hash", "open_snapshot"]


_PAPER_FIELDS = ("id", "title", "abstract", "author_count", "year", "date", "date_raw", "venue",
                 "url", "doi", "arxiv_id", "upvotes")


#: The columns a stored paper is read back from, in this order.
_ROW_FIELDS = (*_PAPER_FIELDS, "authors", "metadata", "text_hash", "extractor")
_SELECT_PAPER = f"SELECT {', '.join(_ROW_FIELDS)} FROM papers WHERE key=?"

_INSERT_PAPER = (f"INSERT INTO papers (key, {', '.join(_PAPER_FIELDS)}, authors, metadata, text_hash) "
                 f"VALUES (?, {', '.join('?' * len(_PAPER_FIELDS))}, ?, ?, ?)")


def text_hash(title: str, abstract: str) -> str:
    """What extraction depends on: re-extract a paper only when this changes."""
    return hashlib.sha256(f"{title}\x00{abstract}".encode("utf-8")).hexdigest()[:32]


def _merged_fields(current: dict, metadata: dict, paper: Paper) -> dict:
    """The columns ``paper`` adds to the stored row ``current``: fields the row lacks, a longer
    abstract, authors when it has none, metadata keys it has not (added to ``metadata``)."""
    updates = {}
    for name in _PAPER_FIELDS:
        new = getattr(paper, name)
        if current[name] in (None, "") and new not in (None, ""):
            updates[name] = new
    # A longer abstract from another source is kept: page dumps sometimes truncate.
    if len(paper.abstract) > len(current["abstract"] or ""):
        updates["abstract"] = paper.abstract
    if paper.authors and current["authors"] == "[]":
        updates["authors"] = json.dumps(list(paper.authors))
    added = {k: v for k, v in paper.metadata.items() if k not in metadata}
    if added:
        metadata.update(added)
        updates["metadata"] = json.dumps(metadata, default=str)
    return updates


def merged_text(text: tuple[str, str], paper: Paper) -> tuple[str, str]:
    """The title and abstract of a stored paper of ``text`` once ``paper`` is merged into it
    (:func:`_merged_fields`' rule: what a build extracts ahead for a duplicate)."""
    title, abstract = text
    current = {**dict.fromkeys(_ROW_FIELDS), "title": title, "abstract": abstract, "authors": "[]"}
    updates = _merged_fields(current, {}, paper)
    return updates.get("title", title), updates.get("abstract", abstract)


@dataclass
class _BuildSession:
    """What a :meth:`GraphStore.build_session` has done so far."""

    papers_at_start: int
    postings_were_ready: bool  # the lists of papers were up to date when it began: merge into them
    log: EdgeLog = field(default_factory=EdgeLog)  # the papers whose edges it wrote
    written: int = 0  # papers whose extraction it wrote
    indexes_dropped: bool = False


@dataclass(frozen=True)
class ConceptRow:
    key: str
    name: str
    type: str
    origin: str


@dataclass(frozen=True)
class PaperUpsert:
    """What writing one record did: the key of the paper it landed in, whether that paper's text
    is to be extracted, and the paper as stored now (:attr:`paper`)."""

    key: str
    status: str  # "new", "merged" or "unchanged"
    needs_extraction: bool
    _stored: Callable[[], StoredPaper] = field(repr=False, compare=False)

    @cached_property
    def paper(self) -> StoredPaper:
        """The paper as stored now, under :attr:`key`, every record merged into it so far: what a
        build extracts. Made when first asked for (a build asks for those it extracts only)."""
        return self._stored()


def _merged_paper(record: Paper, key: str, current: dict, updates: dict, metadata: dict) -> StoredPaper:
    """The stored paper ``key`` after ``record`` was merged into its row ``current``."""
    values = {name: updates.get(name, current[name]) for name in _PAPER_FIELDS}
    authors = record.authors if "authors" in updates else tuple(json.loads(current["authors"]))
    return StoredPaper.of(record, key, **values, authors=authors, metadata=MappingProxyType(metadata))


class GraphStore:
    """A litkg SQLite store.

    Parameters
    ----------
    path:
        The database file; created with its schema when missing (unless ``create`` is False).
    """

    def __init__(self, path: str | Path, *, create: bool = True, timeout: float = 10.0,
                 readonly: bool = False) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self._inserted: set[str] = set()  # papers inserted since the last write_extraction, this transaction
        self._session: _BuildSession | None = None
        if (readonly or not create) and not self.path.exists():
            raise StoreError(f"no litkg store at {self.path}")
        if self.path.is_dir():
            raise StoreError(f"{self.path} is a directory, not a litkg store")
        if readonly:
            self.conn = open_snapshot(self.path, timeout)
            self._concepts = ConceptWriter(self.conn)  # never writes: the connection is read-only
            return
        try:
            self.conn = sqlite3.connect(str(self.path), timeout=timeout, isolation_level=None)
            configure_writer(self.conn)
            self._concepts = ConceptWriter(self.conn)
            self._ensure_schema()
        except sqlite3.DatabaseError as exc:
            raise store_error(exc, self.path) from None

    def _ensure_schema(self) -> None:
        refuse_unknown_version(self.conn, self.path)  # before any DDL: a newer store stays untouched
        #: The schema version the file had when it was opened: an earlier one is upgraded (#10),
        #: before the DDL below (which names this version's columns).
        self.found_version = upgrade(self.conn) or SCHEMA_VERSION
        # executescript commits on its own; the DDL is idempotent, so it runs outside a transaction.
        # It also makes the indexes a killed build had dropped (build_session).
        self.conn.executescript(SCHEMA)
        for name in RETIRED_INDEXES:
            self.conn.execute(f"DROP INDEX IF EXISTS {name}")
        with self.transaction():
            found = schema_version(self.conn)
            if found is None:
                self.conn.execute("INSERT INTO meta VALUES ('schema_version', ?)", (SCHEMA_VERSION,))
            elif found != SCHEMA_VERSION:  # changed by another writer since the checks above
                raise unwritable_version(self.path, found)
            ensure_counts(self.conn)  # a store made before the kept counts gets them filled (#10)

    @property
    def version(self) -> str:
        """The store's schema version."""
        return schema_version(self.conn) or SCHEMA_VERSION

    def close(self) -> None:
        if self.readonly and self.conn.in_transaction:
            self.conn.rollback()  # ends the read snapshot
        self.conn.close()

    def __enter__(self) -> "GraphStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic write: everything inside commits together or not at all."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise store_error(exc, self.path) from None
        try:
            yield self.conn
        except sqlite3.DatabaseError as exc:  # disk full, read-only, damaged: a StoreError (#14)
            self._rollback()
            raise store_error(exc, self.path) from None
        except BaseException:
            self._rollback()
            raise
        else:
            try:
                self._concepts.counts.flush()  # the kept counts, exact in every commit (#10)
                self.conn.execute("COMMIT")
            except sqlite3.DatabaseError as exc:
                self._rollback()
                raise store_error(exc, self.path) from None
            self._inserted.clear()
            self._concepts.pids.clear()

    def _rollback(self) -> None:
        rollback(self.conn)
        self._concepts.forget()
        self._inserted.clear()

    # -- papers -------------------------------------------------------------------------------
    def _stored_key(self, idents: Sequence[str]) -> str | None:
        for ident in idents:
            row = self.conn.execute("SELECT paper_key FROM paper_idents WHERE ident=?", (ident,)).fetchone()
            if row:
                return row[0]
        return None

    def stored_text(self, idents: Sequence[str], extractor_version: str) -> tuple[str, str, bool] | None:
        """The title and abstract of the stored paper having one of ``idents`` (a record's
        identifiers), and whether ``extractor_version`` extracted it; None when there is none."""
        key = self._stored_key(idents)
        if key is None:
            return None
        title, abstract, extractor = self.conn.execute(
            "SELECT title, abstract, extractor FROM papers WHERE key=?", (key,)).fetchone()
        return title, abstract, extractor == extractor_version

    def upsert_paper(self, paper: Paper, extractor_version: str) -> PaperUpsert:
        """Insert a record or merge it into the paper it duplicates (call inside a transaction).

        Returns the paper as stored now, under its key: what a build extracts (a record merged
        into a paper first read without a DOI keeps that paper's key, and brings its DOI)."""
        idents = paper_identifiers(paper)
        key = self._stored_key(idents)
        if key is None:
            key = paper.key
            row = (key, *(getattr(paper, name) for name in _PAPER_FIELDS), json.dumps(list(paper.authors)),
                   json.dumps(dict(paper.metadata), default=str), text_hash(paper.title, paper.abstract))
            self._concepts.pids[key] = self.conn.execute(_INSERT_PAPER, row).lastrowid  # evidence is keyed by it
            self._add_source(key, paper, idents)
            self._inserted.add(key)
            return PaperUpsert(key, "new", True, partial(StoredPaper.of, paper, key))
        status, stored, extractor = self._merge_into(key, paper)
        source_new = self.conn.execute(
            "SELECT 1 FROM paper_sources WHERE pid=? AND path=? AND line=?",
            (self._concepts.pid(key), paper.source.path, paper.source.line)).fetchone() is None
        if status == "unchanged" and source_new:
            status = "merged"
        self._add_source(key, paper, idents)
        needs = extractor != extractor_version or status == "retext"
        return PaperUpsert(key, "merged" if status == "retext" else status, needs, stored)

    def _add_source(self, key: str, paper: Paper, idents: Sequence[str]) -> None:
        self.conn.execute("INSERT OR IGNORE INTO paper_sources VALUES (?, ?, ?)",
                          (self._concepts.pid(key), paper.source.path, paper.source.line))
        self.conn.executemany("INSERT OR IGNORE INTO paper_idents VALUES (?, ?)", [(i, key) for i in idents])

    def _merge_into(self, key: str, paper: Paper) -> tuple[str, Callable[[], StoredPaper], str | None]:
        """Merge ``paper`` into the stored paper ``key``. Returns ``"unchanged"``, ``"merged"`` or
        ``"retext"`` (its title or abstract changed), what makes the paper as stored now, and the
        version of the extractor that last extracted it."""
        current = dict(zip(_ROW_FIELDS, self.conn.execute(_SELECT_PAPER, (key,)).fetchone()))
        metadata = json.loads(current["metadata"])
        updates = _merged_fields(current, metadata, paper)
        stored = partial(_merged_paper, paper, key, current, updates, metadata)
        if not updates:
            return "unchanged", stored, current["extractor"]
        new_hash = text_hash(updates.get("title", current["title"]), updates.get("abstract", current["abstract"]))
        updates["text_hash"] = new_hash
        assignments = ", ".join(f"{name}=?" for name in updates)
        self.conn.execute(f"UPDATE papers SET {assignments} WHERE key=?", (*updates.values(), key))
        return "retext" if new_hash != current["text_hash"] else "merged", stored, current["extractor"]

    # -- concepts and edges (see litkg.graph.store_concepts) -------------------------------------
    def upsert_concept(self, key: str, name: str, type_: str, origin: str, aliases: Sequence[str] = ()) -> None:
        """Insert a concept; a gazetteer concept's name and type win over a discovered one's."""
        self._concepts.upsert_concept(key, name, type_, origin, aliases)

    def add_relation(self, src: str, rel: str, dst: str) -> None:
        self._concepts.add_relation(src, rel, dst)

    def write_extraction(self, extractions: Iterable[Extraction], extractor_version: str, *,
                         unfinished: Iterable[str] = ()) -> None:
        """Write what was extracted from a batch of papers (call inside the transaction that
        upserted them): the whole write, in the order it needs.

        Each extraction's entities become the edges, evidence and held phrases of the paper
        ``extraction.paper_key`` (in place of its old ones; the paper is stamped with
        ``extractor_version``), and their relations are written, each target made a concept.
        Then the phrases held until a concept had them as an alias are linked, for the normal
        forms this batch added, and the discovered concepts it touched are recomputed (in a
        :meth:`build_session`, at its end). ``unfinished``: keys of papers whose extraction did
        not finish (past the time budget): their old rows are removed and they are stamped with
        no extractor, so the next build extracts them again.

        >>> from litkg.records import Concept, ExtractedEntity, Mention, Relation
        >>> store = GraphStore(":memory:")
        >>> with store.transaction():
        ...     paper = store.upsert_paper(Paper("Wheat", "We train on GWHD 2021."), "v1").paper
        ...     mention = Mention("GWHD 2021", 12, 21, "abstract", paper.abstract)
        ...     wilds = Relation("part_of", Concept("wilds", "WILDS", "benchmark"))
        ...     gwhd = ExtractedEntity("gwhd-2021", "GWHD 2021", "dataset", "uses", 0.9, (mention,), relations=(wilds,))
        ...     store.write_extraction([Extraction(paper.key, (gwhd,))], "v1")
        >>> store.count("edges"), store.concept("wilds").name, store.count("concept_relations")
        (1, 'WILDS', 1)
        """
        for key in unfinished:
            self.replace_edges(key, (), None, fresh=key in self._inserted)
        written = 0
        for extraction in extractions:
            key = extraction.paper_key
            stored = self.replace_edges(key, extraction.entities, extractor_version, fresh=key in self._inserted)
            self._concepts.write_relations(extraction.entities, stored)
            written += 1
        self._inserted.clear()
        self._count_written(written)
        self.link_phrases()  # the phrases of the normal forms written above
        self.refresh_concepts()  # the concepts touched above
        self._concepts.counts.flush()  # per batch, so a one-transaction build keeps no long list (#10)

    def replace_edges(self, paper_key: str, entities: Sequence[ExtractedEntity],
                      extractor_version: str | None, *, fresh: bool = False) -> dict[str, str]:
        """Make the paper's edges exactly ``entities`` (call inside a transaction); the entities'
        relations are :meth:`write_extraction`'s to write.

        Returns the stored concept key of each entity: a discovered name that another paper
        already defined under another spelling (its acronym or long form) joins that concept.
        ``fresh``: the paper was inserted in this transaction (it has no old rows to delete).
        """
        stored = self._concepts.replace_edges(paper_key, entities, fresh=fresh)
        pid = self._concepts.pid(paper_key)
        self.conn.execute("UPDATE papers SET extractor=? WHERE pid=?", (extractor_version, pid))
        return stored

    def refresh_concepts(self) -> None:
        """Recompute the name, type and origin of the discovered concepts written since the last
        call from how the papers that use them now see them (most frequent first, then in sort
        order). Call inside the transaction that wrote them; in a :meth:`build_session`, they are
        recomputed at its end."""
        self._concepts.refresh_concepts()

    @contextmanager
    def build_session(self) -> Iterator[None]:
        """A build: concept rows are recomputed when it ends, in one statement, instead of after
        each batch (inside a transaction when called in one, else in a transaction of its own).
        Once the build has written as many papers as the store held when it began, the indexes by
        concept are dropped and made once at its end (:data:`DEFERRABLE_INDEXES`). A build that
        fails or is killed leaves the concept rows for the next build to recompute, and the
        indexes for the next writer to make."""
        self._concepts.defer(uuid.uuid4().hex)
        self._session = _BuildSession(self.count("papers"), postings_ready(self.conn))
        # Lists out of date at the start are made whole at the end: nothing to note for them.
        self._concepts.counts.log = self._session.log if self._session.postings_were_ready else None
        checkpointer = Checkpointer(self.path) if self.path.name != ":memory:" else None
        try:
            try:
                yield
            except BaseException:
                self._concepts.stop_deferring()
                self._concepts.counts.log = self._session = None
                self._concepts.counts.deferred = False  # out of date in the store: its next writer recounts
                raise
            if self.conn.in_transaction:
                self._end_session()
            else:
                with self.transaction():
                    self._end_session()
        finally:
            if checkpointer is not None:
                checkpointer.stop()

    def _end_session(self) -> None:
        session, self._session = self._session, None
        counts = self._concepts.counts
        if session.indexes_dropped:
            for statement in DEFERRABLE_INDEXES.values():
                self.conn.execute(statement)  # before the refresh, which reads concept_views by concept
        self._concepts.refresh_deferred()
        if counts.deferred:
            counts.recount()  # before the lists, which are marked with the edges' total
        else:
            counts.flush()
        counts.log = None
        if session.indexes_dropped or not session.postings_were_ready:
            make_postings(self.conn)
        else:
            merge_postings(self.conn, session.log)

    def _count_written(self, papers: int) -> None:
        """A build wrote ``papers`` more: past the store's size at its start, inserting into the
        deferrable indexes costs more than making them again at its end, so they go."""
        session = self._session
        if session is None or session.indexes_dropped:
            return
        session.written += papers
        if session.written >= session.papers_at_start:
            for name in DEFERRABLE_INDEXES:
                self.conn.execute(f"DROP INDEX IF EXISTS {name}")
            session.indexes_dropped = True
            self._concepts.counts.log = None  # the lists too will be made whole at its end
            self._concepts.counts.defer()  # and the counts

    def link_phrases(self, *, everything: bool = False) -> int:
        """Turn held phrases that are now a concept's alias into edges; returns how many (paper,
        phrase) pairs were linked. Only the phrases whose normal form this connection wrote since
        the last call (as an alias or a phrase), unless ``everything`` (call inside a transaction)."""
        writer = self._concepts
        linked = writer.link_phrases(None if everything else writer.new_norms)
        writer.new_norms.clear()
        return linked

    # -- reads --------------------------------------------------------------------------------
    def count(self, table: str) -> int:
        if table not in ("papers", "concepts", "edges", "paper_sources", "evidence", "concept_relations"):
            raise ValueError(table)
        kept = kept_total(self.conn, table)  # papers and edges: read where the store keeps them (#10)
        if kept is not None:
            return kept
        return self.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]

    def concept(self, key: str) -> ConceptRow | None:
        row = self.conn.execute("SELECT key, name, type, origin FROM concepts WHERE key=?", (key,)).fetchone()
        return ConceptRow(*row) if row else None

    def concepts_by_alias(self, name: str) -> list[ConceptRow]:
        """Concepts one of whose spellings has the normal form of ``name`` (WiLDS → WILDS)."""
        rows = self.conn.execute(
            "SELECT c.key, c.name, c.type, c.origin FROM concept_aliases a JOIN concepts c ON c.key=a.concept_key "
            "WHERE a.norm=? ORDER BY c.origin='gazetteer' DESC, c.key",
            (concept_norm(name),),
        ).fetchall()
        return [ConceptRow(*row) for row in rows]
