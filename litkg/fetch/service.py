"""What every fetched service has: a base URL, a page URL per cursor, a page parser.

Each service module (:mod:`~litkg.fetch.arxiv`, :mod:`~litkg.fetch.openalex`,
:mod:`~litkg.fetch.semantic_scholar`, :mod:`~litkg.fetch.hf_papers`) defines one
:class:`Service`: its documented rate limit, how a query becomes a page URL, how a response
becomes a :class:`Page` of Papers (mapped by the reader of the same format, so fetched and
exported records read alike) and where the next page starts.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from litkg.errors import RemoteDataError
from litkg.readers.structured import RecordProblem, paper_from_fields
from litkg.records import Paper, SourceRef

__all__ = ["Service", "Page", "papers_from", "load_json"]


@dataclass(frozen=True)
class Page:
    """One response: its papers, the reasons for records it could not read, the next cursor
    (None after the last page) and the total the service reports, when it does."""

    papers: tuple[Paper, ...]
    skipped: tuple[str, ...] = ()
    next: Any = None
    total: int | None = None


@dataclass(frozen=True)
class Service:
    """A scholarly API litkg fetches from."""

    name: str
    default_url: str
    url_env: str  # environment variable that overrides the base URL (tests point it at 127.0.0.1)
    min_interval: float  # seconds between requests, from the service's documentation
    limits: str  # the documented limits, as the README and --help state them
    page_url: Callable[..., str]  # (base, query, since, cursor, size, mailto) -> URL
    parse: Callable[[bytes, str, Any, str | None], Page]  # (body, url, cursor, since) -> Page
    first_cursor: Any = 0
    page_size: int = 100
    key_env: str | None = None  # environment variable holding an API key
    key_header: Callable[[str], dict] = field(default=lambda key: {})

    def base_url(self, override: str | None = None) -> str:
        return (override or os.environ.get(self.url_env) or self.default_url).rstrip("/")

    def headers(self) -> dict:
        key = os.environ.get(self.key_env, "").strip() if self.key_env else ""
        return self.key_header(key) if key else {}


def load_json(body: bytes, url: str) -> Any:
    """The JSON of a response; RemoteDataError (one line, naming the URL) when it is broken."""
    try:
        return json.loads(body.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise RemoteDataError(f"{url} sent bytes that are not UTF-8 (offset {exc.start})") from None
    except json.JSONDecodeError as exc:
        what = "truncated" if exc.pos >= len(body.rstrip()) - 1 else "malformed"
        raise RemoteDataError(f"{url} sent {what} JSON: {exc.msg} at offset {exc.pos}") from None


def papers_from(items: Iterable[Any], fields: Callable[[dict], Iterable], url: str,
                keep: Callable[[Paper], bool] = lambda paper: True) -> tuple[tuple, tuple]:
    """Papers from a page's raw records, mapped by a reader's ``fields``; and what was skipped."""
    papers, skipped = [], []
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            skipped.append(f"{url} record {number}: not a JSON object")
            continue
        try:
            paper = paper_from_fields(fields(item), SourceRef(url, number))
        except (RecordProblem, TypeError, AttributeError, ValueError) as exc:
            skipped.append(f"{url} record {number}: {exc}")
            continue
        if keep(paper):
            papers.append(paper)
    return tuple(papers), tuple(skipped)
