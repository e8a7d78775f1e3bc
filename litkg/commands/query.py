"""``litkg query …``: questions asked of the graph. Each command makes one core call and prints
a table (or, with ``--json``, the rows' JSON)."""
from __future__ import annotations

from typing import Sequence

import click

from litkg.commands.common import (db_option, fail_cleanly, json_option, print_json, short, table_lines,
                                   truncation_note)
from litkg.core import KnowledgeGraph
from litkg.queries.defaults import (CO_USAGE_LIMIT, COMMUNITY_MIN_SIZE, COMMUNITY_SEED, COMMUNITY_TYPES, GAPS_TOP,
                                    PAPERS_LIMIT, RADIUS, SHARED_LIMIT, SHARED_MIN, SHARED_TYPES, SIMILAR_LIMIT,
                                    TIMELINE_BY, TOP_CONCEPTS_LIMIT)
from litkg.records import CONCEPT_TYPES

__all__ = ["query"]

_ALL = "0 for all"


@click.group()
def query() -> None:
    """Ask questions of the graph."""


def _limit(value: int) -> int | None:
    """``--limit 0`` is no limit: None, as in the Python API (which takes 0 too)."""
    return value or None


def _emit(rows: Sequence, as_json: bool, empty: str, headers: Sequence[str], cells, option: str = "--limit") -> None:
    """Print ``rows`` as JSON, or as an aligned table of ``cells(row)``, or ``empty`` when none; a
    table that a limit cut ends with "showing 50 of 62 — --limit 0 for all"."""
    if as_json:
        print_json([r.to_json() for r in rows])
        return
    if not rows:
        click.echo(empty)
        return
    for line in table_lines(headers, [cells(r) for r in rows]):
        click.echo(line)
    note = truncation_note(len(rows), getattr(rows, "total", None), option)
    if note:
        click.echo(note)


def _type_choice(multiple: bool = False, default=None, help: str = "Only concepts of this type."):
    return click.option("--type", "types" if multiple else "type_", type=click.Choice(CONCEPT_TYPES),
                        multiple=multiple, default=default, show_default=bool(default), help=help)


def _parts_option(func):
    return click.option("--include-parts", is_flag=True,
                        help="Also count papers that name only a part of it (GWHD 2021 for WILDS).")(func)


@query.command("shared-datasets")
@click.option("--paper", default=None, help="Only pairs with this paper (key, id, DOI, arXiv id or title).")
@click.option("--min-shared", default=SHARED_MIN, show_default=True, type=click.IntRange(min=1),
              help="Leave out pairs sharing fewer datasets/benchmarks.")
@click.option("--limit", default=SHARED_LIMIT, show_default=True, type=click.IntRange(min=0),
              help=f"At most this many pairs ({_ALL}).")
@_type_choice(multiple=True, default=SHARED_TYPES, help="Concept types that count (repeat for several).")
@db_option
@json_option
@fail_cleanly
def shared_datasets_cmd(paper, min_shared, limit, types, db, as_json) -> None:
    """Pairs of papers ranked by the datasets and benchmarks they share.

    Ranked by how many they share, then by a rarity-weighted score (sharing a rare benchmark
    counts more than sharing ImageNet), then by Jaccard similarity.
    """
    with KnowledgeGraph(db) as kg:
        pairs = kg.shared_datasets(paper=paper, min_shared=min_shared, limit=_limit(limit), types=types)
    _emit(pairs, as_json, "No pairs of papers share a dataset or benchmark.",
          ("shared", "score", "jaccard", "paper A", "title A", "paper B", "title B", "what they share"),
          lambda p: (p.count, f"{p.score:.4f}", f"{p.jaccard:.4f}", p.paper_a, short(p.title_a, 32), p.paper_b,
                     short(p.title_b, 32), ", ".join(p.shared)))


@query.command("papers-using")
@click.argument("name")
@_parts_option
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
        click.echo(f"[{use.role}{via}] {use.year or '----'}  {use.paper}  {short(use.title)}")
        click.echo(f"     “{short(use.evidence, 160)}”")


@query.command("co-usage")
@click.argument("name")
@_type_choice(help="Only co-used concepts of this type.")
@click.option("--limit", default=CO_USAGE_LIMIT, show_default=True, type=click.IntRange(min=0),
              help=f"At most this many ({_ALL}).")
@db_option
@json_option
@fail_cleanly
def co_usage_cmd(name, type_, limit, db, as_json) -> None:
    """Concepts most used together with NAME, with the number of papers using both."""
    with KnowledgeGraph(db) as kg:
        rows = kg.co_usage(name, type=type_, limit=_limit(limit))
    _emit(rows, as_json, f"No concept is used together with {name}.", ("papers", "type", "concept"),
          lambda r: (r.papers, r.type, r.name))


@query.command("similar")
@click.argument("paper")
@click.option("--limit", default=SIMILAR_LIMIT, show_default=True, type=click.IntRange(min=0),
              help=f"At most this many ({_ALL}).")
@db_option
@json_option
@fail_cleanly
def similar_cmd(paper, limit, db, as_json) -> None:
    """Papers most similar to PAPER by the concepts they share, rare ones weighing more."""
    with KnowledgeGraph(db) as kg:
        rows = kg.similar_papers(paper, limit=_limit(limit))
    _emit(rows, as_json, "No paper shares a concept with it.", ("score", "paper", "title", "what they share"),
          lambda r: (f"{r.score:.4f}", r.paper, short(r.title, 50), ", ".join(r.shared)))


@query.command("concepts")
@_type_choice()
@click.option("--top", default=TOP_CONCEPTS_LIMIT, show_default=True, type=click.IntRange(min=0),
              help=f"At most this many ({_ALL}).")
@db_option
@json_option
@fail_cleanly
def concepts_cmd(type_, top, db, as_json) -> None:
    """The most used concepts, with the number of papers using each."""
    with KnowledgeGraph(db) as kg:
        rows = kg.top_concepts(type=type_, limit=_limit(top))
    _emit(rows, as_json, "No paper uses any concept yet.", ("papers", "type", "concept"),
          lambda r: (r.papers, r.type, r.name), option="--top")


@query.command("papers")
@click.option("--search", default=None, metavar="TEXT",
              help="Only papers whose title, key, id, DOI or arXiv id contains TEXT (any case).")
@click.option("--limit", default=PAPERS_LIMIT, show_default=True, type=click.IntRange(min=0),
              help=f"At most this many ({_ALL}).")
@db_option
@json_option
@fail_cleanly
def papers_cmd(search, limit, db, as_json) -> None:
    """The papers in the store, newest first, with the keys other commands take."""
    with KnowledgeGraph(db) as kg:
        rows = kg.papers(search=search, limit=_limit(limit))
    empty = f"No paper matches {search!r}." if search else "The store holds no papers."
    _emit(rows, as_json, empty, ("paper", "year", "concepts", "title"),
          lambda r: (r.paper, r.year or "", r.concepts, short(r.title, 80)))


@query.command("timeline")
@click.argument("name")
@click.option("--by", type=click.Choice(["year", "month"]), default=TIMELINE_BY, show_default=True, help="Period.")
@_parts_option
@db_option
@json_option
@fail_cleanly
def timeline_cmd(name, by, include_parts, db, as_json) -> None:
    """Papers per year (or month) using NAME; papers without a date are counted as 'unknown'."""
    with KnowledgeGraph(db) as kg:
        rows = kg.timeline(name, by=by, include_parts=include_parts)
    most = max((r.papers for r in rows), default=1)
    _emit(rows, as_json, f"No paper uses {name}.", ("period", "papers", ""),
          lambda r: (r.period, r.papers, "█" * max(1, round(30 * r.papers / most))))


@query.command("gaps")
@click.option("--methods", default=GAPS_TOP, show_default=True, type=click.IntRange(min=1),
              help="How many of the most used methods/models to cross.")
@click.option("--benchmarks", default=GAPS_TOP, show_default=True, type=click.IntRange(min=1),
              help="How many of the most used datasets/benchmarks to cross.")
@db_option
@json_option
@fail_cleanly
def gaps_cmd(methods, benchmarks, db, as_json) -> None:
    """Popular methods and popular benchmarks that no paper uses together."""
    with KnowledgeGraph(db) as kg:
        rows = kg.gaps(methods=methods, benchmarks=benchmarks)
    _emit(rows, as_json, "No gaps: every popular method meets every popular benchmark.",
          ("method papers", "benchmark papers", "method", "benchmark"),
          lambda r: (r.method_papers, r.benchmark_papers, r.method, r.benchmark))


@query.command("paper")
@click.argument("paper")
@db_option
@json_option
@fail_cleanly
def paper_cmd(paper, db, as_json) -> None:
    """What PAPER proposes, evaluates on, compares with and uses."""
    with KnowledgeGraph(db) as kg:
        profile = kg.paper_profile(paper)
    if as_json:
        print_json(profile.to_json())
        return
    click.echo(f"{profile.title} ({profile.year or 'no year'})  [{profile.paper}]")
    for role in ("proposes", "evaluates_on", "compares_with", "uses"):
        click.echo(f"  {role.replace('_', ' '):<14} {', '.join(getattr(profile, role)) or '—'}")


@query.command("methods-on")
@click.argument("benchmark")
@_parts_option
@db_option
@json_option
@fail_cleanly
def methods_on_cmd(benchmark, include_parts, db, as_json) -> None:
    """Methods and models proposed or used by papers that evaluate on BENCHMARK."""
    with KnowledgeGraph(db) as kg:
        rows = kg.methods_on(benchmark, include_parts=include_parts)
    _emit(rows, as_json, f"No paper evaluating on {benchmark} names a method.", ("papers", "type", "method"),
          lambda r: (r.papers, r.type, r.name))


@query.command("neighbourhood")
@click.argument("node")
@click.option("--radius", default=RADIUS, show_default=True, type=click.IntRange(min=0), help="Hops around NODE.")
@db_option
@json_option
@fail_cleanly
def neighbourhood_cmd(node, radius, db, as_json) -> None:
    """Papers and concepts within --radius hops of NODE (a paper or a concept), and their edges."""
    with KnowledgeGraph(db) as kg:
        hood = kg.neighbourhood(node, radius=radius)
    if as_json:
        print_json(hood.to_json())
        return
    click.echo(f"{len(hood.nodes)} nodes, {len(hood.edges)} edges")
    for src, dst, label in hood.edges:
        click.echo(f"  {short(src, 60)}  —{label}→  {short(dst, 60)}")


@query.command("path")
@click.argument("a")
@click.argument("b")
@db_option
@json_option
@fail_cleanly
def path_cmd(a, b, db, as_json) -> None:
    """How A and B (papers or concepts) connect: a shortest path between them."""
    with KnowledgeGraph(db) as kg:
        steps = kg.path(a, b)
    if as_json:
        print_json([s.to_json() for s in steps])
        return
    if not steps:
        click.echo(f"{a} and {b} are not connected.")
    for i, step in enumerate(steps):
        click.echo(f"{'  ' * min(i, 1)}{'└ ' if i else ''}{step.kind:<7} {short(step.label)}")


@query.command("communities")
@_type_choice(multiple=True, default=COMMUNITY_TYPES, help="Concept types to group (repeat for several).")
@click.option("--min-size", default=COMMUNITY_MIN_SIZE, show_default=True, type=click.IntRange(min=1),
              help="Leave out smaller groups.")
@click.option("--seed", default=COMMUNITY_SEED, show_default=True, type=int, help="Random seed of the Louvain method.")
@db_option
@json_option
@fail_cleanly
def communities_cmd(types, min_size, seed, db, as_json) -> None:
    """Groups of datasets and methods used together, named by their most used members."""
    with KnowledgeGraph(db) as kg:
        rows = kg.communities(types=types, min_size=min_size, seed=seed)
    _emit(rows, as_json, "No group of concepts is used together.", ("size", "community", "members"),
          lambda c: (c.size, c.name, short(", ".join(c.members), 100)))
