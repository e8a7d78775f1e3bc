"""Small stores for tests, written through the store's own API (``upsert_paper``,
``upsert_concept``, ``replace_edges``, ``add_relation``), never by raw SQL: a test store has
exactly the rows a build would write for the same papers and concepts."""
from __future__ import annotations

from typing import Iterable, Mapping

from litkg.graph.store import GraphStore
from litkg.records import ExtractedEntity, Mention, Paper

__all__ = ["VERSION", "add_paper", "add_edges"]

#: The extractor version test papers are stored with.
VERSION = "test"


def add_paper(store: GraphStore, title: str, *, abstract: str = "", year: int | None = None,
              date: str | None = None, id: str | None = None, authors: Iterable[str] = ()) -> str:
    """Store a paper (inside ``store.transaction()``); returns its key (from its title)."""
    paper = Paper(title=title, abstract=abstract, year=year, date=date, id=id, authors=tuple(authors))
    return store.upsert_paper(paper, VERSION).key


def add_edges(store: GraphStore, paper: str, roles: Mapping[str, str], *, confidence: float = 0.9,
              evidence: Mapping[str, str] | None = None) -> None:
    """Give ``paper`` an edge with ``role`` to each stored concept of ``roles`` (concept key →
    role); ``evidence`` maps a concept key to the abstract sentence naming it (offsets 0–1)."""
    entities = []
    for key, role in roles.items():
        concept = store.concept(key)
        sentence = (evidence or {}).get(key)
        mentions = (Mention(sentence, 0, 1, "abstract", sentence),) if sentence is not None else ()
        entities.append(ExtractedEntity(key, concept.name, concept.type, role, confidence, mentions,
                                        origin=concept.origin))
    store.replace_edges(paper, entities, VERSION)
