"""The arXiv API (``/api/query``): Atom feeds, paged with ``start``.

Documented limits: no more than one request every three seconds, one connection at a time, at
most 2,000 results a request and 30,000 a query. ``--since`` becomes a ``submittedDate`` range.
"""
from __future__ import annotations

import urllib.parse
from typing import Any

from litkg.errors import RemoteDataError, UnsafeInputError
from litkg.fetch.service import Page, Service
from litkg.readers.arxiv_atom import AtomError, entry_paper, parse_feed
from litkg.readers.structured import RecordProblem

__all__ = ["ARXIV", "search_query"]

MAX_RESULTS = 30_000


def search_query(query: str, since: str | None) -> str:
    """The ``search_query`` of a plain query: all fields, unless it already names one.

    >>> search_query("domain generalization", "2024-01-31")
    'all:"domain generalization" AND submittedDate:[202401310000 TO 299912312359]'
    """
    text = query if ":" in query else (f'all:"{query}"' if " " in query else f"all:{query}")
    if since:
        text += f" AND submittedDate:[{since.replace('-', '')}0000 TO 299912312359]"
    return text


def _page_url(base: str, query: str, since: str | None, cursor: Any, size: int,
              mailto: str | None) -> str:
    params = {"search_query": search_query(query, since), "start": str(cursor),
              "max_results": str(min(size, 2000)), "sortBy": "submittedDate",
              "sortOrder": "descending"}
    return f"{base}/api/query?{urllib.parse.urlencode(params)}"


def _parse(body: bytes, url: str, cursor: Any, since: str | None) -> Page:
    try:
        feed = parse_feed(body, url)
    except AtomError as exc:
        raise RemoteDataError(f"{url} sent broken XML (line {exc.line}): {exc}") from None
    except UnsafeInputError as exc:
        error = RemoteDataError(exc.message, hint="the response declares a DTD, which arXiv "
                                                  "never sends; check --base-url")
        error.retry = False  # refused for what it is, not for a glitch: asking again is no use
        raise error from None
    papers, skipped = [], []
    for line, entry in feed.entries:
        try:
            papers.append(entry_paper(url, line, entry))
        except RecordProblem as exc:
            if "/api/errors" in (entry.get("id") or ""):
                raise RemoteDataError(f"arXiv refused the query: {entry.get('summary')}",
                                      hint="check the query syntax") from None
            skipped.append(f"{url} line {line}: {exc}")
    start = int(cursor)
    end = start + len(feed.entries)
    total = min(feed.total, MAX_RESULTS) if feed.total is not None else None
    if not feed.entries and total is not None and start < total:
        # arXiv now and then answers a page short of the total with no entries: ask again.
        raise RemoteDataError(f"{url} sent no entries at {start} of {total} results")
    more = end if feed.entries and (total is None or end < total) else None
    return Page(tuple(papers), tuple(skipped), more, total)


ARXIV = Service(
    name="arxiv", default_url="https://export.arxiv.org", url_env="LITKG_ARXIV_URL",
    min_interval=3.0, page_size=100, first_cursor=0, page_url=_page_url, parse=_parse,
    limits="1 request every 3 s; 2,000 results a page, 30,000 a query",
)
