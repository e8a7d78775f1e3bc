"""Semantic Scholar papers: Graph API JSON (a paper, a search page) and bulk dataset lines.

The Graph API spells fields in camel case (``paperId``, ``externalIds``, ``publicationDate``);
the bulk datasets in lower case (``corpusid``, ``externalids``); both are read.
"""
from __future__ import annotations

from typing import Any, BinaryIO, Iterator

from litkg.readers.jsonsource import id_text, read_records
from litkg.readers.problems import Problems
from litkg.records import Paper

__all__ = ["read_semantic_scholar", "semantic_scholar_fields", "looks_like_semantic_scholar"]


def semantic_scholar_fields(record: dict) -> list[tuple[str, Any]]:
    """One Semantic Scholar paper as ``(field, value)`` pairs."""
    paper = {str(k).lower(): v for k, v in record.items()}
    external = {str(k).lower(): v for k, v in (paper.get("externalids") or {}).items()}
    ids = []
    if paper.get("paperid"):
        ids.append(id_text(paper["paperid"], "s2:"))
    corpus = paper.get("corpusid") or external.get("corpusid")
    if corpus:
        ids.append(id_text(corpus, "s2corpus:"))
    venue = paper.get("venue") or (paper.get("journal") or {}).get("name")
    return [
        ("title", paper.get("title")),
        ("abstract", paper.get("abstract")),
        ("authors", [a.get("name") for a in paper.get("authors") or () if isinstance(a, dict)]
         or None),
        ("year", paper.get("year")),
        ("date", paper.get("publicationdate")),
        ("venue", venue or None),
        ("doi", external.get("doi")),
        ("arxiv_id", external.get("arxiv")),
        ("url", paper.get("url")),
        ("ids", ids or None),
        ("citation_count", paper.get("citationcount")),
    ]


def looks_like_semantic_scholar(record: dict) -> bool:
    return any(key in record for key in ("paperId", "corpusId", "corpusid", "externalIds",
                                          "externalids"))


def read_semantic_scholar(path: str, stream: BinaryIO, problems: Problems,
                          encoding: str) -> Iterator[Paper]:
    """Papers of a Semantic Scholar Graph API response or bulk dataset file."""
    return read_records(path, stream, problems, encoding, semantic_scholar_fields)
