"""Semantic Scholar bulk paper search (``/graph/v1/paper/search/bulk``), paged with ``token``.

Documented limits: without a key, a pool shared by all anonymous users (429s are common); with
a key (``S2_API_KEY``, sent as ``x-api-key``), one request a second.
"""
from __future__ import annotations

import urllib.parse
from typing import Any

from litkg.errors import RemoteDataError
from litkg.fetch.service import Page, Service, load_json, papers_from
from litkg.readers.semantic_scholar import semantic_scholar_fields

__all__ = ["SEMANTIC_SCHOLAR", "FIELDS"]

FIELDS = "title,abstract,authors,year,venue,externalIds,publicationDate,url,citationCount"


def _page_url(base: str, query: str, since: str | None, cursor: Any, size: int,
              mailto: str | None) -> str:
    params = {"query": query, "fields": FIELDS}
    if since:
        params["publicationDateOrYear"] = f"{since}:"
    if cursor:
        params["token"] = cursor
    return f"{base}/graph/v1/paper/search/bulk?{urllib.parse.urlencode(params)}"


def _parse(body: bytes, url: str, cursor: Any, since: str | None) -> Page:
    data = load_json(body, url)
    if not isinstance(data, dict) or not isinstance(data.get("data", []), list):
        raise RemoteDataError(f"{url} sent JSON without a 'data' list")
    items = data.get("data") or []
    papers, skipped = papers_from(items, semantic_scholar_fields, url)
    total = data.get("total") if isinstance(data.get("total"), int) else None
    return Page(papers, skipped, data.get("token") if items else None, total)


SEMANTIC_SCHOLAR = Service(
    name="semantic-scholar", default_url="https://api.semanticscholar.org",
    url_env="LITKG_S2_URL", min_interval=1.0, page_size=1000, first_cursor=None,
    page_url=_page_url, parse=_parse, key_env="S2_API_KEY",
    key_header=lambda key: {"x-api-key": key},
    limits="1 request/s with S2_API_KEY; a shared pool without (429s likely)",
)
