"""Stable identity of papers: DOI, else arXiv id, else normalised title.

A paper read from several files must end up as one paper. Each record yields every identifier it
has (:func:`paper_identifiers`); the store merges a record into the paper that already holds any
of them, so a JSONL record with a DOI and a page entry with only the title still meet on the
title.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from litkg.records import Paper

__all__ = ["normalise_title", "normalise_doi", "normalise_arxiv_id", "normalise_source_id", "paper_key",
           "paper_identifiers", "reference_identifiers", "SOURCE_ID_KINDS", "SeenPapers"]

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
# Bounded repeats only: an unbounded [a-z-]+ tried at each of n letters took n² steps (a
# 40,000-letter arxiv_id took 114 s). Old-style archive names have at most 16 characters.
_ARXIV = re.compile(r"(?:arxiv[:/]\s{0,8}|abs/|pdf/)?(\d{4}\.\d{4,5}|[a-z\-]{1,24}(?:\.[A-Z]{2})?/\d{7})(?:v\d{1,4})?",
                    re.I)

_ARXIV_DOI = "10.48550/arxiv."


def normalise_title(title: str) -> str:
    """Lower case, accents folded, punctuation and runs of space collapsed.

    >>> normalise_title("  LEVI: Generalizable  Fine-tuning! ")
    'levi generalizable fine tuning'
    """
    if not title.isascii():  # accents folded only where there can be any: the common case is fast
        text = unicodedata.normalize("NFKD", title)
        title = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", title.casefold()).strip()


def normalise_doi(doi: str | None) -> str | None:
    """``https://doi.org/10.1/ABC`` → ``10.1/abc``; None when empty."""
    if not doi or not doi.strip():
        return None
    value = _DOI_PREFIX.sub("", doi.strip()).strip().lower()
    return value or None


def normalise_arxiv_id(arxiv_id: str | None) -> str | None:
    """``arXiv:2401.01234v2`` or an abs/pdf URL → ``2401.01234``; None when not an arXiv id."""
    if not arxiv_id or not arxiv_id.strip():
        return None
    match = _ARXIV.search(arxiv_id.strip())
    return match.group(1).lower() if match else None


#: Source identifier kinds that feed dedup, each with the pattern of its value.
SOURCE_ID_KINDS = {
    "openalex": re.compile(r"(?:https?://openalex\.org/)?(W\d+)", re.I),
    "s2": re.compile(r"([0-9a-f]{40})", re.I),
    "s2corpus": re.compile(r"(\d+)"),
    "hf": _ARXIV,
}


def normalise_source_id(ident: str) -> str | None:
    """``openalex:https://openalex.org/w123`` → ``openalex:W123``; None for an unknown kind or value.

    >>> normalise_source_id("openalex:https://openalex.org/W42"), normalise_source_id("hf:2401.01234v3")
    ('openalex:W42', 'hf:2401.01234')
    >>> normalise_source_id("isbn:123") is None
    True
    """
    kind, _, value = ident.partition(":")
    pattern = SOURCE_ID_KINDS.get(kind.strip().lower())
    match = pattern.fullmatch(value.strip()) if pattern else None
    if match is None:
        return None
    value = match.group(1)
    kind = kind.strip().lower()
    return f"{kind}:{value.upper() if kind == 'openalex' else value.lower()}"


def paper_identifiers(paper: "Paper") -> list[str]:
    """Every identifier of a record, strongest first (``doi:…``, ``arxiv:…``, the source ids such
    as ``openalex:W…``, ``title:…``, or ``abstract:…`` for a record without a title, else
    ``source:path:line``); never empty."""
    idents = []
    doi = normalise_doi(paper.doi)
    if doi:
        idents.append(f"doi:{doi}")
    arxiv = normalise_arxiv_id(paper.arxiv_id)
    if not arxiv and doi and doi.startswith(_ARXIV_DOI):  # arXiv's own DOIs: 10.48550/arXiv.ID
        arxiv = normalise_arxiv_id(doi[len(_ARXIV_DOI):])
    if arxiv:
        idents.append(f"arxiv:{arxiv}")
    for ident in paper.ids:
        source_id = normalise_source_id(ident)
        if source_id and source_id not in idents:
            idents.append(source_id)
    title = normalise_title(paper.title)
    if title:
        idents.append(f"title:{title}")
    elif paper.abstract.strip():
        # No title: the abstract's text is the only identity left (some corpora omit titles).
        digest = hashlib.sha1(" ".join(paper.abstract.split()).encode("utf-8")).hexdigest()[:20]
        idents.append(f"abstract:{digest}")
    if not idents:
        # A title of punctuation or emoji only, and no abstract: where it was read is all that
        # identifies it. Without an identifier the store could not find it again, and building
        # the same file twice failed on the duplicate key.
        idents.append(f"source:{paper.source.path}:{paper.source.line}")
    return idents


def paper_key(paper: "Paper") -> str:
    """The stable key of a record: its strongest identifier."""
    idents = paper_identifiers(paper)
    if not idents:
        # Readers reject records without a title, so this is only reached by hand-made records.
        return f"source:{paper.source.path}:{paper.source.line}"
    return idents[0]


def reference_identifiers(ref: str) -> list[str]:
    """The identifiers a user's paper reference may stand for, strongest first: a DOI, an arXiv
    id, a source id (``openalex:W…``, an OpenAlex URL, ``s2:…``, ``hf:…``), and always the
    normalised title.

    >>> reference_identifiers("arXiv:2401.01234v2")
    ['arxiv:2401.01234', 'title:arxiv 2401 01234v2']
    >>> reference_identifiers("https://openalex.org/W42")[0]
    'openalex:W42'
    """
    idents = []
    doi = normalise_doi(ref)
    if doi and doi.startswith("10."):
        idents.append(f"doi:{doi}")
    arxiv = normalise_arxiv_id(ref)
    if arxiv:
        idents.append(f"arxiv:{arxiv}")
    source = normalise_source_id(ref.strip())
    if source is None and ref.strip().lower().startswith("https://openalex.org/"):
        source = normalise_source_id(f"openalex:{ref.strip()}")
    if source and source not in idents:
        idents.append(source)
    idents.append(f"title:{normalise_title(ref)}")
    return idents


class SeenPapers:
    """The identifiers of the papers met so far, in a temporary SQLite file rather than in memory,
    so that deduplicating a stream of records takes the same memory at any length (a set of
    identifier strings took ~700 B a distinct record: 0.7 GB at 1M; #14).

    >>> from litkg.records import Paper
    >>> seen = SeenPapers()
    >>> [seen.first_time(p) for p in (Paper("CLIP"), Paper("clip!"), Paper("ViT"))]
    [True, False, True]
    >>> seen.close()
    """

    def __init__(self) -> None:
        import sqlite3

        # "" is a private temporary database: its pages stay within the cache and spill to disk.
        self._conn = sqlite3.connect("", isolation_level=None)
        self._conn.execute("PRAGMA cache_size=-4096")  # KiB
        self._conn.execute("CREATE TABLE seen (ident TEXT PRIMARY KEY) WITHOUT ROWID")
        self._conn.execute("BEGIN")  # one transaction: nothing to make durable

    def first_time(self, paper: "Paper") -> bool:
        """Whether no paper met before shares an identifier with ``paper``; remembers it."""
        idents = paper_identifiers(paper)
        marks = ",".join("?" * len(idents))
        if self._conn.execute(f"SELECT 1 FROM seen WHERE ident IN ({marks}) LIMIT 1", idents).fetchone():
            return False
        self._conn.executemany("INSERT OR IGNORE INTO seen VALUES (?)", ((i,) for i in idents))
        return True

    def close(self) -> None:
        self._conn.close()
