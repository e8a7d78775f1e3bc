"""Hugging Face paper search (``/api/papers/search?q=…``): one page, the best matches.

Hugging Face documents no fixed limit for anonymous Hub API calls beyond throttling bursts;
litkg sends one request a second. A token (``HF_TOKEN``) is sent as a bearer token.
"""
from __future__ import annotations

import urllib.parse
from typing import Any

from litkg.errors import RemoteDataError
from litkg.fetch.service import Page, Service, load_json, papers_from
from litkg.readers.hf_papers_json import hf_paper_fields

__all__ = ["HF_PAPERS"]


def _page_url(base: str, query: str, since: str | None, cursor: Any, size: int,
              mailto: str | None) -> str:
    return f"{base}/api/papers/search?{urllib.parse.urlencode({'q': query})}"


def _parse(body: bytes, url: str, cursor: Any, since: str | None) -> Page:
    data = load_json(body, url)
    if not isinstance(data, list):
        raise RemoteDataError(f"{url} sent JSON that is not a list of papers")

    def recent(paper) -> bool:  # the search has no date filter: applied here
        return not since or (paper.date or "") >= since

    papers, skipped = papers_from(data, hf_paper_fields, url, keep=recent)
    return Page(papers, skipped, None, len(papers))


HF_PAPERS = Service(
    name="hf-papers", default_url="https://huggingface.co", url_env="LITKG_HF_URL",
    min_interval=1.0, page_size=100, first_cursor=None, page_url=_page_url, parse=_parse,
    key_env="HF_TOKEN", key_header=lambda key: {"Authorization": f"Bearer {key}"},
    limits="one page of matches per query; 1 request/s; HF_TOKEN optional",
)
