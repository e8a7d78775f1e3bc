"""OpenAlex works search (``/works?search=…``), paged with ``cursor``.

Documented limits: 100,000 requests a day and at most 10 a second; requests that give a
``mailto`` join the "polite pool". An API key (``OPENALEX_API_KEY``) is sent as ``api_key``.
"""
from __future__ import annotations

import os
import urllib.parse
from typing import Any

from litkg.errors import RemoteDataError
from litkg.fetch.service import Page, Service, load_json, papers_from
from litkg.readers.openalex import openalex_fields

__all__ = ["OPENALEX"]


def _page_url(base: str, query: str, since: str | None, cursor: Any, size: int,
              mailto: str | None) -> str:
    params = {"search": query, "per-page": str(min(size, 200)), "cursor": cursor}
    if since:
        params["filter"] = f"from_publication_date:{since}"
    if mailto:
        params["mailto"] = mailto
    if os.environ.get("OPENALEX_API_KEY"):
        params["api_key"] = os.environ["OPENALEX_API_KEY"]
    return f"{base}/works?{urllib.parse.urlencode(params)}"


def _parse(body: bytes, url: str, cursor: Any, since: str | None) -> Page:
    data = load_json(body, url)
    if not isinstance(data, dict) or not isinstance(data.get("results"), list):
        raise RemoteDataError(f"{url} sent JSON without a 'results' list")
    meta = data.get("meta") if isinstance(data.get("meta"), dict) else {}
    papers, skipped = papers_from(data["results"], openalex_fields, url)
    more = meta.get("next_cursor") if data["results"] else None
    total = meta.get("count") if isinstance(meta.get("count"), int) else None
    return Page(papers, skipped, more, total)


OPENALEX = Service(
    name="openalex", default_url="https://api.openalex.org", url_env="LITKG_OPENALEX_URL",
    min_interval=0.1, page_size=200, first_cursor="*", page_url=_page_url, parse=_parse,
    limits="10 requests/s, 100,000/day; --mailto joins the polite pool",
)
