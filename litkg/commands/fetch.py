"""``litkg fetch``: one call to :func:`litkg.fetch.fetch_papers`, its summary printed."""
from __future__ import annotations

import sys

import click

from litkg.commands.common import fail_cleanly, json_option, print_json
from litkg.fetch import SOURCES, fetch_papers

__all__ = ["fetch"]

_LIMITS = "\n".join(f"  {name}: {service.limits}" for name, service in SOURCES.items())


@click.command(help=f"""Fetch the papers matching QUERY from SOURCE into JSONL (--out), or build
them into a store (--db), or both.

Each service is asked politely: its documented rate limit, Retry-After obeyed, retries with
backoff, responses cached. Run the same command again after an interruption and it goes on
where it stopped (a cursor file sits beside the output). API keys come from the environment
(S2_API_KEY, OPENALEX_API_KEY, HF_TOKEN); base URLs from --base-url or LITKG_ARXIV_URL,
LITKG_OPENALEX_URL, LITKG_S2_URL, LITKG_HF_URL.

\b
Limits:
{_LIMITS}
""")
@click.argument("source", type=click.Choice(list(SOURCES)))
@click.argument("query")
@click.option("--max", "max_results", type=click.IntRange(min=1), default=None,
              help="Stop after this many records.")
@click.option("--since", default=None, help="Earliest publication date, YYYY-MM-DD.")
@click.option("--out", type=click.Path(dir_okay=False), default=None,
              help="JSONL file to write (default with --db: beside the store, named by the query).")
@click.option("--db", type=click.Path(dir_okay=False), default=None,
              help="Build what was fetched into this litkg store.")
@click.option("--mailto", envvar="LITKG_MAILTO", default=None,
              help="Contact e-mail sent to the service (OpenAlex polite pool; User-Agent); "
                   "default $LITKG_MAILTO.")
@click.option("--base-url", default=None, help="The service's base URL (a mirror, a test server).")
@click.option("--cache", "cache_dir", type=click.Path(file_okay=False), default=None,
              help="Response cache folder (default $LITKG_CACHE_DIR or ~/.cache/litkg/http).")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the response cache.")
@click.option("--delay", type=click.FloatRange(min=0), default=None,
              help="Seconds between requests (default: the service's documented limit).")
@json_option
@fail_cleanly
def fetch(source, query, max_results, since, out, db, mailto, base_url, cache_dir, no_cache,
          delay, as_json) -> None:
    from tqdm import tqdm

    with tqdm(unit=" records", desc=f"fetching {source}", file=sys.stderr, disable=None,
              leave=False) as bar:
        def progress(count: int, total: int | None) -> None:
            if total is not None and bar.total != total:
                bar.total = total
                bar.refresh()
            bar.update(count)

        summary = fetch_papers(source, query, out=out, db=db, max_results=max_results,
                               since=since, mailto=mailto, base_url=base_url, progress=progress,
                               cache_dir=cache_dir, use_cache=not no_cache, delay=delay)
    if as_json:
        print_json(summary.to_json())
        return
    state = "complete" if summary.complete else "stopped at --max; run again with a larger --max to go on"
    resumed = f", resuming ({summary.written_total - summary.written} before)" if summary.resumed else ""
    click.echo(f"Fetched {summary.written} records from {source} into {summary.out}{resumed}: "
               f"{summary.written_total} in all, {summary.pages} pages, {summary.requests} "
               f"requests, {summary.cache_hits} from cache; {state}.")
    for reason in summary.skipped[:20]:
        click.echo(f"  skipped {reason}", err=True)
    if summary.build is not None:
        b = summary.build
        click.echo(f"Store {db}: {b.papers_new} new papers, {b.papers_merged} merged; "
                   f"{b.papers_total} papers, {b.concepts_total} concepts, {b.edges_total} edges.")
