"""``litkg query …``: questions asked of the graph. Each command makes one core call and prints."""
from __future__ import annotations

import click

from litkg.commands.common import db_option, fail_cleanly, json_option, print_json, short
from litkg.core import KnowledgeGraph

__all__ = ["query"]


@click.group()
def query() -> None:
    """Ask questions of the graph."""


@query.command("shared-datasets")
@click.option("--paper", default=None, help="Only pairs with this paper (key, id, DOI, arXiv id or title).")
@click.option("--min-shared", default=1, show_default=True, type=click.IntRange(min=1),
              help="Leave out pairs sharing fewer datasets/benchmarks.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(min=0),
              help="At most this many pairs (0: all).")
@db_option
@json_option
@fail_cleanly
def shared_datasets_cmd(paper, min_shared, limit, db, as_json) -> None:
    """Pairs of papers ranked by the datasets and benchmarks they share."""
    with KnowledgeGraph(db) as kg:
        pairs = kg.shared_datasets(paper=paper, min_shared=min_shared, limit=limit or None)
    if as_json:
        print_json([p.to_json() for p in pairs])
        return
    if not pairs:
        click.echo("No pairs of papers share a dataset or benchmark.")
    for pair in pairs:
        click.echo(f"{pair.count}  {short(pair.title_a)}  ⇄  {short(pair.title_b)}")
        click.echo(f"     shared: {', '.join(pair.shared)}")


@query.command("papers-using")
@click.argument("name")
@click.option("--include-parts", is_flag=True, help="Also count papers that name only a part of it "
              "(GWHD 2021 for WILDS).")
@db_option
@json_option
@fail_cleanly
def papers_using_cmd(name, include_parts, db, as_json) -> None:
    """Papers that use NAME (any spelling: WiLDS finds WILDS), with role and evidence."""
    with KnowledgeGraph(db) as kg:
        uses = kg.papers_using(name, include_parts=include_parts)
    if as_json:
        print_json([u.to_json() for u in uses])
        return
    if not uses:
        click.echo(f"No paper uses {name}.")
    for use in uses:
        via = f" via {use.concept}" if use.via_part else ""
        click.echo(f"[{use.role}{via}] {use.year or '----'}  {short(use.title)}")
        click.echo(f"     “{short(use.evidence, 160)}”")


