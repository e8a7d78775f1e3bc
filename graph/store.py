"""The embedded store: one SQLite file holding papers, concepts and paper–concept edges.

Writes happen inside :meth:`GraphStore.transaction`, so a build interrupted at any point leaves
the file as it was after the last committed batch. The file uses WAL mode and a busy timeout: a
second writer waits for the first, then fails with :class:`~litkg.errors.StoreLockedError`.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
import urllib.parse
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Sequence

from litkg.errors import StoreError, StoreLockedError
from litkg.extract.normalise import concept_norm
from litkg.identity import paper_identifiers
from litkg.records import ROLES, ExtractedEntity, Paper

__all__ = ["GraphStore", "ConceptRow", "SCHEMA_VERSION", "text_hash", "open_snapshot"]

SCHEMA_VERSION = "1"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS papers (
    key TEXT PRIMARY KEY,
    id TEXT,
    title TEXT NOT NULL,
    abstract TEXT NOT NULL,
    authors TEXT NOT NULL DEFAULT '[]',
    author_count INTEGER,
    year INTEGER,
    date TEXT,
    date_raw TEXT,
    venue TEXT,
    url TEXT,
    doi TEXT,
    arxiv_id TEXT,
    upvotes INTEGER,
    metadata TEXT NOT NULL DEFAULT '{}',
    text_hash TEXT NOT NULL,
    extractor TEXT
);
CREATE INDEX IF NOT EXISTS papers_year ON papers(year);
CREATE TABLE IF NOT EXISTS paper_sources (
    paper_key TEXT NOT NULL REFERENCES papers(key),
    path TEXT NOT NULL,
    line INTEGER NOT NULL,
    PRIMARY KEY (paper_key, path, line)
);
CREATE TABLE IF NOT EXISTS paper_idents (
    ident TEXT PRIMARY KEY,
    paper_key TEXT NOT NULL REFERENCES papers(key)
);
CREATE TABLE IF NOT EXISTS concepts (
    key TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    origin TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS concept_aliases (
    norm TEXT NOT NULL,
    concept_key TEXT NOT NULL REFERENCES concepts(key),
    alias TEXT NOT NULL,
    PRIMARY KEY (norm, concept_key)
);
CREATE INDEX IF NOT EXISTS concept_aliases_concept ON concept_aliases(concept_key);
CREATE TABLE IF NOT EXISTS concept_relations (
    src TEXT NOT NULL REFERENCES concepts(key),
    rel TEXT NOT NULL,
    dst TEXT NOT NULL REFERENCES concepts(key),
    PRIMARY KEY (src, rel, dst)
);
CREATE TABLE IF NOT EXISTS edges (
    paper_key TEXT NOT NULL REFERENCES papers(key),
    concept_key TEXT NOT NULL REFERENCES concepts(key),
    role TEXT NOT NULL,
    confidence REAL NOT NULL,
    PRIMARY KEY (paper_key, concept_key)
);
CREATE INDEX IF NOT EXISTS edges_concept ON edges(concept_key);
-- Covering: "papers using concept X" reads the index alone (one-paper shared-datasets, similar).
CREATE INDEX IF NOT EXISTS edges_concept_paper ON edges(concept_key, paper_key);
-- How each paper's extraction saw a discovered concept; the concept row is recomputed from these,
-- so it depends on the current papers only, not on the order or batches they were built in.
CREATE TABLE IF NOT EXISTS concept_views (
    paper_key TEXT NOT NULL,
    concept_key TEXT NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    origin TEXT NOT NULL,
    PRIMARY KEY (paper_key, concept_key)
);
CREATE INDEX IF NOT EXISTS concept_views_concept ON concept_views(concept_key);
-- Title Case phrases not (yet) known as a name: linked when a concept gets them as an alias.
CREATE TABLE IF NOT EXISTS phrase_mentions (
    paper_key TEXT NOT NULL REFERENCES papers(key),
    norm TEXT NOT NULL,
    role TEXT NOT NULL,
    confidence REAL NOT NULL,
    field TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    sentence TEXT NOT NULL,
    PRIMARY KEY (paper_key, norm, field, start)
);
CREATE INDEX IF NOT EXISTS phrase_mentions_norm ON phrase_mentions(norm);
CREATE TABLE IF NOT EXISTS evidence (
    paper_key TEXT NOT NULL,
    concept_key TEXT NOT NULL,
    field TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    sentence TEXT NOT NULL,
    PRIMARY KEY (paper_key, concept_key, field, start),
    FOREIGN KEY (paper_key, concept_key) REFERENCES edges(paper_key, concept_key)
);
"""

_PAPER_FIELDS = ("id", "title", "abstract", "author_count", "year", "date", "date_raw", "venue",
                 "url", "doi", "arxiv_id", "upvotes")


def text_hash(title: str, abstract: str) -> str:
    """What extraction depends on: re-extract a paper only when this changes."""
    return hashlib.sha256(f"{title}\x00{abstract}".encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True)
class ConceptRow:
    key: str
    name: str
    type: str
    origin: str


@dataclass(frozen=True)
class PaperUpsert:
    """What writing one record did: which paper it landed in and whether text changed."""

    key: str
    status: str  # "new", "merged" or "unchanged"
    needs_extraction: bool


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
        self._touched: set[str] = set()  # discovered concepts to refresh (see refresh_concepts)
        if (readonly or not create) and not self.path.exists():
            raise StoreError(f"no litkg store at {self.path}")
        if self.path.is_dir():
            raise StoreError(f"{self.path} is a directory, not a litkg store")
        if readonly:
            self.conn = open_snapshot(self.path, timeout)
            return
        try:
            self.conn = sqlite3.connect(str(self.path), timeout=timeout, isolation_level=None)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self._ensure_schema()
        except sqlite3.DatabaseError as exc:
            raise _store_error(exc, self.path) from None

    def _ensure_schema(self) -> None:
        # executescript commits on its own; the DDL is idempotent, so it runs outside a transaction.
        self.conn.executescript(_SCHEMA)
        with self.transaction():
            row = self.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            if row is None:
                self.conn.execute("INSERT INTO meta VALUES ('schema_version', ?)", (SCHEMA_VERSION,))
            elif row[0] != SCHEMA_VERSION:
                raise StoreError(f"{self.path} has schema version {row[0]}; this litkg reads {SCHEMA_VERSION}",
                                 hint="rebuild the store with this version of litkg")

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
            raise _store_error(exc, self.path) from None
        try:
            yield self.conn
        except sqlite3.DatabaseError as exc:  # disk full, read-only, damaged: a StoreError (#14)
            _rollback(self.conn)
            raise _store_error(exc, self.path) from None
        except BaseException:
            _rollback(self.conn)
            raise
        else:
            try:
                self.conn.execute("COMMIT")
            except sqlite3.DatabaseError as exc:
                _rollback(self.conn)
                raise _store_error(exc, self.path) from None

    # -- papers -------------------------------------------------------------------------------
    def find_paper_key(self, paper: Paper) -> str | None:
        """The key of the stored paper sharing any identifier with ``paper``."""
        for ident in paper_identifiers(paper):
            row = self.conn.execute("SELECT paper_key FROM paper_idents WHERE ident=?", (ident,)).fetchone()
            if row:
                return row[0]
        return None

    def upsert_paper(self, paper: Paper, extractor_version: str) -> PaperUpsert:
        """Insert a record or merge it into the paper it duplicates (call inside a transaction)."""
        key = self.find_paper_key(paper)
        source_new = True
        if key is None:
            key = paper.key
            values = {name: getattr(paper, name) for name in _PAPER_FIELDS}
            self.conn.execute(
                f"INSERT INTO papers (key, {', '.join(_PAPER_FIELDS)}, authors, metadata, text_hash) "
                f"VALUES (?, {', '.join('?' * len(_PAPER_FIELDS))}, ?, ?, ?)",
                (key, *values.values(), json.dumps(list(paper.authors)), json.dumps(dict(paper.metadata), default=str),
                 text_hash(paper.title, paper.abstract)),
            )
            status = "new"
        else:
            status = self._merge_into(key, paper)
            source_new = self.conn.execute(
                "SELECT 1 FROM paper_sources WHERE paper_key=? AND path=? AND line=?",
                (key, paper.source.path, paper.source.line)).fetchone() is None
            if status == "unchanged" and source_new:
                status = "merged"
        self.conn.execute("INSERT OR IGNORE INTO paper_sources VALUES (?, ?, ?)",
                          (key, paper.source.path, paper.source.line))
        for ident in paper_identifiers(paper):
            self.conn.execute("INSERT OR IGNORE INTO paper_idents VALUES (?, ?)", (ident, key))
        row = self.conn.execute("SELECT text_hash, extractor FROM papers WHERE key=?", (key,)).fetchone()
        needs = status == "new" or row[1] != extractor_version or status == "retext"
        return PaperUpsert(key, "merged" if status == "retext" else status, needs)

    def _merge_into(self, key: str, paper: Paper) -> str:
        row = self.conn.execute(
            f"SELECT {', '.join(_PAPER_FIELDS)}, authors, metadata, text_hash FROM papers WHERE key=?", (key,)
        ).fetchone()
        current = dict(zip((*_PAPER_FIELDS, "authors", "metadata", "text_hash"), row))
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
        metadata = json.loads(current["metadata"])
        added = {k: v for k, v in paper.metadata.items() if k not in metadata}
        if added:
            metadata.update(added)
            updates["metadata"] = json.dumps(metadata, default=str)
        if not updates:
            return "unchanged"
        title = updates.get("title", current["title"])
        abstract = updates.get("abstract", current["abstract"])
        new_hash = text_hash(title, abstract)
        updates["text_hash"] = new_hash
        assignments = ", ".join(f"{name}=?" for name in updates)
        self.conn.execute(f"UPDATE papers SET {assignments} WHERE key=?", (*updates.values(), key))
        return "retext" if new_hash != current["text_hash"] else "merged"

    def paper_text(self, key: str) -> tuple[str, str]:
        row = self.conn.execute("SELECT title, abstract FROM papers WHERE key=?", (key,)).fetchone()
        if row is None:
            raise StoreError(f"no paper {key!r} in {self.path}")
        return row[0], row[1]

    # -- concepts and edges -------------------------------------------------------------------
    def upsert_concept(self, key: str, name: str, type_: str, origin: str, aliases: Sequence[str] = ()) -> None:
        """Insert a concept; a gazetteer concept's name and type win over a discovered one's."""
        row = self.conn.execute("SELECT origin FROM concepts WHERE key=?", (key,)).fetchone()
        if row is None:
            self.conn.execute("INSERT INTO concepts VALUES (?, ?, ?, ?)", (key, name, type_, origin))
        elif origin == "gazetteer" and row[0] != "gazetteer":
            self.conn.execute("UPDATE concepts SET name=?, type=?, origin=? WHERE key=?", (name, type_, origin, key))
        for alias in (name, *aliases):
            norm = concept_norm(alias)
            if norm:
                self.conn.execute("INSERT OR IGNORE INTO concept_aliases VALUES (?, ?, ?)", (norm, key, alias))

    def add_relation(self, src: str, rel: str, dst: str) -> None:
        self.conn.execute("INSERT OR IGNORE INTO concept_relations VALUES (?, ?, ?)", (src, rel, dst))

    def replace_edges(self, paper_key: str, entities: Sequence[ExtractedEntity],
                      extractor_version: str) -> dict[str, str]:
        """Make the paper's edges exactly ``entities`` (call inside a transaction).

        Returns the stored concept key of each entity: a discovered name that another paper
        already defined under another spelling (its acronym or long form) joins that concept.
        """
        self.conn.execute("DELETE FROM evidence WHERE paper_key=?", (paper_key,))
        self.conn.execute("DELETE FROM edges WHERE paper_key=?", (paper_key,))
        self.conn.execute("DELETE FROM phrase_mentions WHERE paper_key=?", (paper_key,))
        self._touched.update(k for (k,) in self.conn.execute(
            "SELECT concept_key FROM concept_views WHERE paper_key=?", (paper_key,)))
        self.conn.execute("DELETE FROM concept_views WHERE paper_key=?", (paper_key,))
        stored: dict[str, str] = {}
        edges: dict[str, tuple[str, float]] = {}
        evidence: list[tuple] = []
        for entity in entities:
            key = entity.key if entity.origin == "gazetteer" else self._canonical_key(entity)
            if entity.origin == "titled_phrase" and key == entity.key:
                self._hold_phrase(paper_key, entity)  # no concept has this spelling yet
                continue
            stored[entity.key] = key
            self.upsert_concept(key, entity.name, entity.type, entity.origin, entity.aliases)
            if entity.origin != "gazetteer":
                self.conn.execute("INSERT OR REPLACE INTO concept_views VALUES (?, ?, ?, ?, ?)",
                                  (paper_key, key, entity.name, entity.type, entity.origin))
                self._touched.add(key)
            role, confidence = edges.get(key, (entity.role, entity.confidence))
            if ROLES.index(entity.role) < ROLES.index(role):
                role = entity.role  # two spellings in one paper: the stronger role wins
            edges[key] = (role, max(confidence, entity.confidence))
            evidence.extend((paper_key, key, m.field, m.start, m.end, m.text, m.sentence) for m in entity.mentions)
        self.conn.executemany("INSERT INTO edges VALUES (?, ?, ?, ?)",
                              [(paper_key, key, role, conf) for key, (role, conf) in edges.items()])
        self.conn.executemany("INSERT OR IGNORE INTO evidence VALUES (?, ?, ?, ?, ?, ?, ?)", evidence)
        self.conn.execute("UPDATE papers SET extractor=? WHERE key=?", (extractor_version, paper_key))
        return stored

    def refresh_concepts(self) -> None:
        """Recompute the name, type and origin of the discovered concepts written since the last
        call from how the papers that use them now see them (most frequent first, then in sort
        order). Call inside the transaction that wrote them."""
        for key in sorted(self._touched):
            row = self.conn.execute("SELECT origin FROM concepts WHERE key=?", (key,)).fetchone()
            if row is None or row[0] == "gazetteer":
                continue
            views = self.conn.execute("SELECT name, type, origin FROM concept_views WHERE concept_key=?", (key,)).fetchall()
            if not views:
                continue  # no paper uses it any more; its row stays as it was

            def most_common(column: int) -> str:
                counts: dict[str, int] = {}
                for view in views:
                    counts[view[column]] = counts.get(view[column], 0) + 1
                return min(counts, key=lambda value: (-counts[value], value))

            self.conn.execute("UPDATE concepts SET name=?, type=?, origin=? WHERE key=?",
                              (most_common(0), most_common(1), most_common(2), key))
        self._touched.clear()

    def _hold_phrase(self, paper_key: str, entity: ExtractedEntity) -> None:
        norm = concept_norm(entity.name)
        self.conn.executemany(
            "INSERT OR IGNORE INTO phrase_mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(paper_key, norm, entity.role, entity.confidence, m.field, m.start, m.end, m.text, m.sentence)
             for m in entity.mentions],
        )

    def link_phrases(self) -> int:
        """Turn held phrases that are now a concept's alias into edges; returns how many papers
        gained an edge. Idempotent, and cheap when nothing is held (call inside a transaction)."""
        rows = self.conn.execute(
            "SELECT DISTINCT p.paper_key, p.norm, a.concept_key FROM phrase_mentions p "
            "JOIN concept_aliases a ON a.norm = p.norm"
        ).fetchall()
        for paper_key, norm, concept_key in rows:
            role, confidence = self.conn.execute(
                "SELECT role, MAX(confidence) FROM phrase_mentions WHERE paper_key=? AND norm=?", (paper_key, norm)
            ).fetchone()
            self.conn.execute("INSERT OR IGNORE INTO edges VALUES (?, ?, ?, ?)", (paper_key, concept_key, role, confidence))
            self.conn.execute(
                "INSERT OR IGNORE INTO evidence SELECT paper_key, ?, field, start, end, text, sentence "
                "FROM phrase_mentions WHERE paper_key=? AND norm=?", (concept_key, paper_key, norm))
            self.conn.execute("DELETE FROM phrase_mentions WHERE paper_key=? AND norm=?", (paper_key, norm))
        return len(rows)

    def _canonical_key(self, entity: ExtractedEntity) -> str:
        """The concept a discovered entity belongs to: its own key if stored, else a concept that
        has one of its longer spellings (TRAM's "Trust Region Aware Minimization") as an alias."""
        if self.conn.execute("SELECT 1 FROM concepts WHERE key=?", (entity.key,)).fetchone():
            return entity.key
        for alias in entity.aliases:
            norm = concept_norm(alias)
            if len(norm) < 6:
                continue  # short acronyms mean different things in different papers
            row = self.conn.execute(
                "SELECT concept_key FROM concept_aliases WHERE norm=? ORDER BY concept_key LIMIT 1", (norm,)).fetchone()
            if row:
                return row[0]
        return entity.key

    # -- reads --------------------------------------------------------------------------------
    def count(self, table: str) -> int:
        if table not in ("papers", "concepts", "edges", "paper_sources", "evidence", "concept_relations"):
            raise ValueError(table)
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


_SQLITE_HEADER = b"SQLite format 3\x00"


def open_snapshot(path: Path, timeout: float = 10.0) -> sqlite3.Connection:
    """A read-only connection to the litkg store at ``path``, inside one read transaction: every
    query through it sees the store as it was when it was opened, even while a build commits.

    The file is opened with a ``mode=ro`` URI (on a read-only file system, ``immutable=1``): no
    schema statement, no write lock, nothing written. A file that is not a litkg store, or is of
    another schema version, is refused without being touched.
    """
    with open(path, "rb") as stream:
        head = stream.read(len(_SQLITE_HEADER))
    if head != _SQLITE_HEADER:
        what = "an empty file" if not head else "not an SQLite database"
        raise StoreError(f"{path} is {what}, not a litkg store",
                         hint="point --db at a store made by 'litkg build'")
    uri = "file:" + urllib.parse.quote(str(path.resolve()))
    error: sqlite3.Error | None = None
    for flags in ("?mode=ro", "?mode=ro&immutable=1"):  # immutable: a read-only folder or disk
        conn = sqlite3.connect(uri + flags, uri=True, timeout=timeout, isolation_level=None,
                               check_same_thread=False)
        try:
            conn.execute("PRAGMA query_only=ON")
            conn.execute("BEGIN")  # deferred: the first read below takes the snapshot
            _check_schema(conn, path)
            return conn
        except sqlite3.OperationalError as exc:
            conn.close()
            error = exc
            if "unable to open" not in str(exc) and "readonly" not in str(exc):
                break
        except BaseException:
            conn.close()
            raise
    raise _store_error(error, path)


def _check_schema(conn: sqlite3.Connection, path: Path) -> None:
    try:
        row = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        conn.execute("SELECT 1 FROM papers LIMIT 1").fetchall()
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            raise StoreError(f"{path} is an SQLite database but not a litkg store ({exc})",
                             hint="point --db at a store made by 'litkg build'") from None
        raise
    except sqlite3.DatabaseError as exc:
        raise _store_error(exc, path) from None
    if row is None:
        raise StoreError(f"{path} has no schema version: not a litkg store, or a damaged one",
                         hint="run 'litkg check' on it, or rebuild it with 'litkg build'")
    if row[0] != SCHEMA_VERSION:
        newer = row[0].isdigit() and int(row[0]) > int(SCHEMA_VERSION)
        raise StoreError(f"{path} has schema version {row[0]}; this litkg reads {SCHEMA_VERSION}",
                         hint="upgrade litkg to read it" if newer else
                         "rebuild the store with this version of litkg")


def _rollback(conn: sqlite3.Connection) -> None:
    try:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
    except sqlite3.DatabaseError:
        pass  # SQLite rolled back on its own (disk full, I/O error)


def _store_error(exc: sqlite3.Error, path: Path) -> StoreError:
    text = str(exc)
    if "locked" in text or "busy" in text:
        return StoreLockedError(f"{path} is locked by another writer")
    if "full" in text:
        return StoreError(f"{path}: the disk is full; the last batch was not written",
                          hint="free some space and run the build again: it resumes where it stopped")
    if "readonly" in text or "read-only" in text:
        return StoreError(f"{path} cannot be written (a read-only file, folder or disk): {text}",
                          hint="build into a --db you can write")
    if "unable to open" in text:
        return StoreError(f"{path} cannot be opened: {text}",
                          hint="check the file's permissions and that its folder can be read")
    if "malformed" in text:
        return StoreError(f"{path} is damaged: {text}",
                          hint="run 'litkg check' to see what is wrong; rebuild it from its inputs into a new --db")
    if "not a database" in text:
        return StoreError(f"{path} is not a litkg store (or is damaged): {text}",
                          hint="point --db at a litkg store, or at a new path to create one")
    return StoreError(f"{path}: {text}")
