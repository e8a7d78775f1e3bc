"""Small typed records passed between the stages: read → extract → store → query.

All are frozen dataclasses: a stage never edits what an earlier stage produced.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Mapping

__all__ = [
    "SourceRef",
    "DEFAULT_SOURCE",
    "Paper",
    "SkippedRecord",
    "SkippedLog",
    "Mention",
    "ExtractedEntity",
    "Extraction",
    "CONCEPT_TYPES",
    "DATA_TYPES",
    "ROLES",
]

#: The concept types litkg extracts.
CONCEPT_TYPES = ("dataset", "benchmark", "model", "method")
#: Types that count as "data" in shared-dataset questions.
DATA_TYPES = ("dataset", "benchmark")
#: Edge roles, strongest first: when a paper relates to a concept in several ways, the edge keeps
#: the first of these that applies.
ROLES = ("proposes", "evaluates_on", "compares_with", "uses")


@dataclass(frozen=True)
class SourceRef:
    """Where a record came from: file path and 1-based line of the record's first line."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


#: The source of a Paper made without one.
DEFAULT_SOURCE = SourceRef("<python>", 0)


def _frozen_mapping(value: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return MappingProxyType(dict(value or {}))


@dataclass(frozen=True)
class Paper:
    """One paper record as read from an input file.

    ``id`` is the input's own identifier when it has one (JSONL/CSV ``id`` field); ``key`` is
    litkg's stable identity (see :func:`litkg.identity.paper_key`).
    """

    title: str
    abstract: str = ""
    #: Where the record came from; a Paper made in Python needs none (``<python>:0``, and
    #: ``KnowledgeGraph.build_records`` numbers them ``<records>:N``).
    source: SourceRef = field(default_factory=lambda: DEFAULT_SOURCE)
    id: str | None = None
    authors: tuple[str, ...] = ()
    author_count: int | None = None
    year: int | None = None
    date: str | None = None  # ISO yyyy-mm-dd when the full date is known
    date_raw: str | None = None
    venue: str | None = None
    url: str | None = None
    doi: str | None = None
    arxiv_id: str | None = None
    upvotes: int | None = None
    #: Source identifiers as ``kind:value`` (``openalex:W…``, ``s2:…``, ``s2corpus:…``, ``hf:…``);
    #: they take part in dedup (:func:`litkg.identity.paper_identifiers`).
    ids: tuple[str, ...] = ()
    metadata: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "metadata", _frozen_mapping(self.metadata))
        object.__setattr__(self, "authors", tuple(self.authors))
        object.__setattr__(self, "ids", tuple(self.ids))

    @property
    def key(self) -> str:
        from litkg.identity import paper_key

        return paper_key(self)


@dataclass(frozen=True)
class SkippedRecord:
    """A record an input reader could not turn into a Paper (with ``--on-error skip``)."""

    path: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.reason}"


class SkippedLog(list):
    """Where a build collects skipped records: the first ``keep`` of them, and a count of all
    (``total``), so memory stays flat however many records are bad (#14).

    >>> log = SkippedLog(keep=2)
    >>> for n in range(5):
    ...     log.append(SkippedRecord("f", n, "bad"))
    >>> len(log), log.total
    (2, 5)
    """

    def __init__(self, keep: int = 1000) -> None:
        super().__init__()
        self.keep = keep
        self.total = 0

    def append(self, record: "SkippedRecord") -> None:
        self.total += 1
        if len(self) < self.keep:
            super().append(record)


@dataclass(frozen=True)
class Mention:
    """One occurrence of a concept in a paper's title or abstract.

    ``start``/``end`` are character offsets into that field, so
    ``getattr(paper, field)[start:end] == text``.
    """

    text: str
    start: int
    end: int
    field: str  # "title" or "abstract"
    sentence: str


@dataclass(frozen=True)
class ExtractedEntity:
    """A concept found in one paper, with the paper's role towards it and the evidence."""

    key: str  # canonical concept key, shared across papers
    name: str  # canonical display name
    type: str  # one of CONCEPT_TYPES
    role: str  # one of ROLES
    confidence: float
    mentions: tuple[Mention, ...]
    aliases: tuple[str, ...] = ()  # surface forms and long forms seen for it
    origin: str = "gazetteer"  # "gazetteer" or the discovery pattern that found it
    part_of: tuple[str, ...] = ()  # concept keys this one is part of (GWHD 2021 -> WILDS)
    variant_of: tuple[str, ...] = ()  # concept keys this one is a variant of


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one paper."""

    paper_key: str
    entities: tuple[ExtractedEntity, ...]
