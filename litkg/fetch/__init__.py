"""Fetch a field by query from a scholarly API into JSONL that ``build`` reads (or straight in).

For example (it asks the service, so it is not a doctest)::

    from litkg.fetch import fetch_papers
    summary = fetch_papers("openalex", "domain generalization", out="dg.jsonl",
                           max_results=500, mailto="me@example.org")

Sources: ``arxiv``, ``openalex``, ``semantic-scholar``, ``hf-papers`` (:data:`SOURCES`). Each
service's base URL can be overridden (``base_url``, or the environment variable its
:class:`~litkg.fetch.service.Service` names), API keys come from the environment, and an
interrupted fetch run again goes on where it stopped (:mod:`litkg.fetch.state`).
"""
from __future__ import annotations

import datetime as _dt
import json
import os
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Callable

from litkg.errors import FetchError
from litkg.fetch.arxiv import ARXIV
from litkg.fetch.hf_papers import HF_PAPERS
from litkg.fetch.http import HttpClient, ResponseCache, default_cache_dir
from litkg.fetch.openalex import OPENALEX
from litkg.fetch.semantic_scholar import SEMANTIC_SCHOLAR
from litkg.fetch.service import Page, Service
from litkg.fetch.state import Cursor, load_cursor, save_cursor
from litkg.records import Paper

__all__ = ["SOURCES", "FetchSummary", "fetch_papers", "paper_record", "make_client",
           "default_out"]

#: The services ``fetch`` reads, by the name ``litkg fetch SOURCE`` takes.
SOURCES: dict[str, Service] = {s.name: s for s in (ARXIV, OPENALEX, SEMANTIC_SCHOLAR, HF_PAPERS)}
_RECORD_FIELDS = ("title", "abstract", "authors", "year", "date", "venue", "doi", "arxiv_id",
                  "url", "upvotes", "ids")


@dataclass(frozen=True)
class FetchSummary:
    """What one fetch did; ``build`` is the BuildSummary when it also built a store."""

    source: str
    query: str
    out: str
    written: int  # records written by this run
    written_total: int  # records in the output, this run and the runs it resumed
    pages: int
    requests: int
    cache_hits: int
    resumed: bool
    complete: bool  # the service has no more pages (else --max stopped it)
    total: int | None  # what the service reports for the query
    skipped: tuple[str, ...] = ()
    build: Any = None

    def to_json(self) -> dict:
        data = {k: v for k, v in self.__dict__.items() if k != "build"}
        data["skipped"] = list(self.skipped)
        data["build"] = self.build.to_json() if self.build is not None else None
        return data


def paper_record(paper: Paper, source: str) -> dict:
    """A fetched paper as the JSON object ``build`` reads back (empty fields left out)."""
    record = {name: getattr(paper, name) for name in _RECORD_FIELDS}
    record["authors"], record["ids"] = list(paper.authors), list(paper.ids)
    record = {k: v for k, v in record.items() if v not in (None, "", [])}
    record.update({k: v for k, v in paper.metadata.items() if v is not None and k not in record})
    record["fetched_from"] = source
    return record


def default_out(source: str, query: str, since: str | None, db: str | os.PathLike) -> Path:
    """Where ``fetch --db`` keeps what it fetched: beside the store, named by the query."""
    slug = re.sub(r"[^a-z0-9]+", "-", query.lower()).strip("-")[:60] or "query"
    suffix = f"-since-{since}" if since else ""
    return Path(db).resolve().parent / f"{source}-{slug}{suffix}.jsonl"


def make_client(service: Service, *, mailto: str | None = None, cache_dir=None,
                use_cache: bool = True, delay: float | None = None, **options) -> HttpClient:
    """The polite client for one service: its rate limit, key header, contact and cache."""
    cache = ResponseCache(cache_dir or default_cache_dir()) if use_cache else None
    return HttpClient(min_interval=service.min_interval if delay is None else delay,
                      headers=service.headers(), mailto=mailto, cache=cache, **options)


def _check_since(since: str | None) -> str | None:
    if since is None:
        return None
    try:
        return _dt.date.fromisoformat(since.strip()).isoformat()
    except ValueError:
        raise FetchError(f"--since must be a date like 2024-01-31, not {since!r}",
                         hint="give the earliest publication date as YYYY-MM-DD") from None


def fetch_papers(source: str, query: str, *, out: str | os.PathLike | None = None,
                 db: str | os.PathLike | None = None, max_results: int | None = None,
                 since: str | None = None, mailto: str | None = None,
                 base_url: str | None = None, client: HttpClient | None = None,
                 progress: Callable[[int, int | None], None] | None = None,
                 **client_options) -> FetchSummary:
    """Fetch the papers matching ``query`` from ``source`` into ``out`` (JSONL); build ``db``.

    Parameters
    ----------
    source : str
        One of :data:`SOURCES`.
    out : path, optional
        The JSONL to write; with only ``db``, :func:`default_out` beside the store.
    max_results : int, optional
        Stop after this many records (all runs of a resumed fetch together).
    since : str, optional
        Earliest publication date, ``YYYY-MM-DD``.
    client : HttpClient, optional
        Made by :func:`make_client` from ``client_options`` (``cache_dir``, ``use_cache``,
        ``delay``, ``retries``, ``backoff``, ``sleep``…) when not given.
    progress : callable, optional
        Called after each page with the records it added and the service's total.

    Raises
    ------
    FetchError
        Network failures that outlast the retries, HTTP errors, rate limits that ask to wait
        too long; RemoteDataError for broken responses; CursorError for an output that belongs
        to another fetch.
    """
    service = _service(source)
    since = _check_since(since)
    if out is None and db is None:
        raise FetchError("fetch needs --out FILE.jsonl or --db DB", hint="pass one of them")
    out = Path(out) if out is not None else default_out(source, query, since, db)
    client = client or make_client(service, mailto=mailto, **client_options)
    cursor, resumed = load_cursor(out, source, query, since, service.first_cursor)
    run = _Run(service, query, since, base_url, mailto, client, max_results, progress)
    cursor = run.go(out, cursor)
    summary = FetchSummary(source, query, str(out), run.written, cursor.written, run.pages,
                           client.requests, client.cache_hits, resumed, cursor.done, run.total,
                           tuple(run.skipped))
    if db is not None:
        from litkg.core import KnowledgeGraph

        with KnowledgeGraph(db) as kg:
            summary = replace(summary, build=kg.build([out]))
    return summary


def _service(source: str) -> Service:
    if source not in SOURCES:
        raise FetchError(f"unknown source {source!r}; known sources: {', '.join(SOURCES)}",
                         hint="see 'litkg fetch --help'")
    return SOURCES[source]


class _Run:
    """One fetch run: pages fetched, written and checkpointed one after another."""

    def __init__(self, service, query, since, base_url, mailto, client, max_results, progress):
        self.service, self.query, self.since, self.mailto = service, query, since, mailto
        self.base = service.base_url(base_url)
        self.client, self.max, self.progress = client, max_results, progress
        self.written, self.pages, self.total, self.skipped = 0, 0, None, []

    def _full(self, cursor: Cursor) -> bool:
        return self.max is not None and cursor.written >= self.max

    def go(self, out: Path, cursor: Cursor) -> Cursor:
        out.parent.mkdir(parents=True, exist_ok=True)
        with open(out, "ab") as stream:
            stream.truncate(cursor.size)  # a page half-written when the last run stopped
            stream.seek(0, os.SEEK_END)
            while not cursor.done and not self._full(cursor):
                cursor = self._page(stream, cursor)
        return cursor

    def _page(self, stream, cursor: Cursor) -> Cursor:
        size = self.service.page_size if self.max is None else min(self.service.page_size, self.max)
        url = self.service.page_url(self.base, self.query, self.since, cursor.cursor, size,
                                    self.mailto)
        page: Page = self.client.get(
            url, parse=lambda body, where: self.service.parse(body, where, cursor.cursor, self.since))
        self.pages += 1
        self.total = page.total if page.total is not None else self.total
        if cursor.skip == 0:
            self.skipped.extend(page.skipped)
        fresh = page.papers[cursor.skip:]
        room = len(fresh) if self.max is None else max(0, self.max - cursor.written)
        taken = fresh[:room]
        for paper in taken:
            line = json.dumps(paper_record(paper, self.service.name), ensure_ascii=False)
            stream.write(line.encode("utf-8") + b"\n")
        stream.flush()
        os.fsync(stream.fileno())
        end = os.fstat(stream.fileno()).st_size
        self.written += len(taken)
        written = cursor.written + len(taken)
        if len(taken) < len(fresh):  # stopped by --max inside the page
            cursor = cursor.advance(skip=cursor.skip + len(taken), written=written,
                                    size=end)
        else:
            stuck = page.next is not None and page.next == cursor.cursor
            cursor = cursor.advance(cursor=page.next, skip=0, written=written, size=end,
                                    done=page.next is None or stuck)
        save_cursor(stream.name, cursor)
        if self.progress:
            self.progress(len(taken), self.total)
        return cursor
