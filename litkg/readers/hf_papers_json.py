"""Hugging Face papers JSON: the API behind Daily Papers and paper search.

``/api/daily_papers`` and ``/api/papers/search`` answer a list of ``{"paper": {…}, …}``;
``/api/papers/ID`` answers the paper itself. A paper's id is its arXiv id.
"""
from __future__ import annotations

from typing import Any, BinaryIO, Iterator

from litkg.readers.jsonsource import id_text, read_records
from litkg.readers.problems import Problems
from litkg.records import Paper

__all__ = ["read_hf_papers", "hf_paper_fields", "looks_like_hf_papers"]


def hf_paper_fields(record: dict) -> list[tuple[str, Any]]:
    """One Hugging Face paper (or daily-papers item) as ``(field, value)`` pairs."""
    paper = record["paper"] if isinstance(record.get("paper"), dict) else record
    paper_id = paper.get("id")
    authors = [a.get("name") if isinstance(a, dict) else a for a in paper.get("authors") or ()]
    return [
        ("title", paper.get("title") or record.get("title")),
        ("abstract", paper.get("summary") or record.get("summary")),
        ("authors", [a for a in authors if a] or None),
        ("date", paper.get("publishedAt") or record.get("publishedAt")),
        ("arxiv_id", paper_id),
        ("upvotes", paper.get("upvotes")),
        ("url", f"https://huggingface.co/papers/{paper_id}" if isinstance(paper_id, str) else None),
        ("ids", [id_text(paper_id, "hf:")] if paper_id else None),
    ]


def looks_like_hf_papers(record: dict) -> bool:
    if isinstance(record.get("paper"), dict):
        return True
    # "summary" and "upvotes" alone are plain JSONL spellings; "publishedAt" is the API's own.
    return "summary" in record and "publishedAt" in record


def read_hf_papers(path: str, stream: BinaryIO, problems: Problems, encoding: str) -> Iterator[Paper]:
    """Papers of a Hugging Face papers API response (a list, or one paper)."""
    return read_records(path, stream, problems, encoding, hf_paper_fields)
