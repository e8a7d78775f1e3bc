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
    "StoredPaper",
    "SkippedRecord",
    "SkippedLog",
    "Mention",
    "Concept",
    "Relation",
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
class StoredPaper(Paper):
    """A paper as the store holds it, every record merged into it so far, under the store's key.

    The key is the one the store gave the paper when its first record came (a later record's DOI
    does not change it), so ``stored.key`` is ``stored_key``, not a key computed from the fields.
    ``source`` is the record that brought it this time; ``ids`` are not in the paper's row (the
    store keeps every identifier of a paper apart), so they are empty.

    >>> StoredPaper("TRAM", doi="10.1/x", stored_key="title:tram").key
    'title:tram'
    """

    stored_key: str = ""

    @property
    def key(self) -> str:
        return self.stored_key

    @classmethod
    def of(cls, paper: Paper, key: str, **stored: Any) -> "StoredPaper":
        """``paper`` stored under ``key``, with the fields ``stored`` gives instead of its own
        (values as a Paper holds them: ``authors`` a tuple, ``metadata`` a read-only mapping).

        >>> stored = StoredPaper.of(Paper("TRAM", year=2023), "title:tram", abstract="We use WILDS.")
        >>> stored.key, stored.abstract, stored.year, stored == StoredPaper("TRAM", "We use WILDS.", year=2023,
        ...                                                                  stored_key="title:tram")
        ('title:tram', 'We use WILDS.', 2023, True)
        """
        # A copy of fields a Paper already checked, not a new Paper: once per record, a build
        # must not notice it (building one again cost a tenth of a record's upsert).
        made = object.__new__(cls)
        made.__dict__.update(paper.__dict__, ids=(), **stored, stored_key=key)
        return made


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
class Concept:
    """A concept as the source that defines it names it: what the store writes for a concept no
    paper need name (the whole of which a dataset is part: WILDS for GWHD 2021)."""

    key: str
    name: str
    type: str  # one of CONCEPT_TYPES
    aliases: tuple[str, ...] = ()
    origin: str = "gazetteer"


@dataclass(frozen=True)
class Relation:
    """A concept-to-concept link an extracted entity carries: ``rel`` (``"part_of"`` or
    ``"variant_of"``) from the entity to ``target``."""

    rel: str
    target: Concept


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
    #: The links the store writes: those of ``part_of`` then ``variant_of`` whose target the
    #: gazetteer defines, each with that concept (made by the extractor, :mod:`litkg.extract.pipeline`).
    relations: tuple[Relation, ...] = ()


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one paper; ``paper_key`` is the key of the paper as given to the
    extractor (a :class:`StoredPaper`'s: the store's), the paper the store writes the entities to."""

    paper_key: str
    entities: tuple[ExtractedEntity, ...]
