"""The ``litkg`` command line: thin commands over :class:`litkg.core.KnowledgeGraph`.

Exit codes: 0 ok, 1 error (a one-line ``Error: …`` with a hint), 2 usage.
"""
from __future__ import annotations

import json
import sys
from functools import wraps
from typing import Callable

import click

from litkg import __version__
from litkg.core import DEFAULT_DB, KnowledgeGraph
from litkg.errors import LitkgError
from litkg.readers import FORMATS

__all__ = ["main", "cli"]


def _fail_cleanly(func: Callable) -> Callable:
    """Turn litkg's own errors into one line with a hint and exit code 1."""

    @wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except LitkgError as exc:
            hint = f" (hint: {exc.hint})" if exc.hint else ""
            click.echo(f"Error: {exc.message}{hint}", err=True)
            sys.exit(1)
        except BrokenPipeError:  # `litkg … | head` is not an error
            sys.exit(0)

    return wrapper


def db_option(func: Callable) -> Callable:
    return click.option("--db", "db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False),
                        help="Path of the litkg SQLite store.")(func)


def json_option(func: Callable) -> Callable:
    return click.option("--json", "as_json", is_flag=True, help="Print machine-readable JSON.")(func)


def input_options(func: Callable) -> Callable:
    func = click.option("--on-error", type=click.Choice(["skip", "fail"]), default="skip", show_default=True,
                        help="On a malformed record: skip it (and report it) or stop with nothing written.")(func)
    func = click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
                        help="Input format (default: detected per file).")(func)
    return func


def _print_json(data) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="litkg")
def cli() -> None:
    """litkg: a literature knowledge graph of ML papers and the methods, models, datasets and
    benchmarks they propose, use, evaluate on and compare with."""


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@db_option
@input_options
@json_option
@_fail_cleanly
def build(inputs, db, fmt, on_error, as_json) -> None:
    """Read paper records from INPUTS, extract concepts, and store the graph in --db.

    Inputs may be Hugging Face Daily Papers page dumps, JSONL, a JSON array, or CSV. Papers seen
    before (same DOI, arXiv id or title) are merged; building the same files again changes
    nothing.
    """
    from tqdm import tqdm

    with KnowledgeGraph(db) as kg, tqdm(unit=" records", desc="building", file=sys.stderr,
                                        disable=None, leave=False) as bar:
        summary = kg.build(list(inputs), format=fmt, on_error=on_error, progress=bar.update)
    if as_json:
        _print_json(summary.to_json())
        return
    click.echo(
        f"Read {summary.records_read} records from {summary.files} file(s): "
        f"{summary.papers_new} new papers, {summary.papers_merged} merged, "
        f"{summary.papers_unchanged} unchanged, {summary.records_skipped} skipped."
    )
    click.echo(f"Store {db}: {summary.papers_total} papers, {summary.concepts_total} concepts, "
               f"{summary.edges_total} edges.")
    for skipped in summary.skipped[:20]:
        click.echo(f"  skipped {skipped}", err=True)
    if len(summary.skipped) > 20:
        click.echo(f"  … and {len(summary.skipped) - 20} more skipped records", err=True)


def extraction_json(paper, extraction) -> dict:
    """The JSON object ``litkg extract`` writes for one paper."""
    return {
        "id": paper.id if paper.id is not None else extraction.paper_key,
        "key": extraction.paper_key,
        "title": paper.title,
        "entities": [
            {
                "name": e.name, "concept": e.key, "type": e.type, "role": e.role,
                "confidence": e.confidence, "origin": e.origin, "aliases": list(e.aliases),
                "mentions": [
                    {"text": m.text, "start": m.start, "end": m.end, "field": m.field, "sentence": m.sentence}
                    for m in e.mentions
                ],
            }
            for e in extraction.entities
        ],
    }


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option("--out", "out", type=click.Path(dir_okay=False), default=None,
              help="Write JSONL here (default: standard output).")
@input_options
@_fail_cleanly
def extract(inputs, out, fmt, on_error) -> None:
    """Extract entities from INPUTS and write one JSON object per paper (JSONL); no store."""
    kg = KnowledgeGraph()
    skipped: list = []
    stream = open(out, "w", encoding="utf-8") if out else sys.stdout
    try:
        count = 0
        for paper, extraction in kg.extract(list(inputs), format=fmt, on_error=on_error, skipped=skipped):
            stream.write(json.dumps(extraction_json(paper, extraction), ensure_ascii=False) + "\n")
            count += 1
    finally:
        if out:
            stream.close()
    for record in skipped:
        click.echo(f"skipped {record}", err=True)
    if out:
        click.echo(f"Wrote {count} papers to {out} ({len(skipped)} records skipped).", err=True)


@cli.command()
@db_option
@json_option
@_fail_cleanly
def stats(db, as_json) -> None:
    """Counts of papers, concepts by type and edges by role."""
    with KnowledgeGraph(db) as kg:
        data = kg.stats()
    if as_json:
        _print_json(data)
        return
    click.echo(f"papers    {data['papers']} (from {data['sources']} source records)")
    click.echo(f"concepts  {data['concepts']}  " + ", ".join(f"{k} {v}" for k, v in data["concepts_by_type"].items()))
    click.echo(f"edges     {data['edges']}  " + ", ".join(f"{k} {v}" for k, v in data["edges_by_role"].items()))


@cli.group()
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
@_fail_cleanly
def shared_datasets_cmd(paper, min_shared, limit, db, as_json) -> None:
    """Pairs of papers ranked by the datasets and benchmarks they share."""
    with KnowledgeGraph(db) as kg:
        pairs = kg.shared_datasets(paper=paper, min_shared=min_shared, limit=limit or None)
    if as_json:
        _print_json([p.to_json() for p in pairs])
        return
    if not pairs:
        click.echo("No pairs of papers share a dataset or benchmark.")
    for pair in pairs:
        click.echo(f"{pair.count}  {_short(pair.title_a)}  ⇄  {_short(pair.title_b)}")
        click.echo(f"     shared: {', '.join(pair.shared)}")


@query.command("papers-using")
@click.argument("name")
@click.option("--include-parts", is_flag=True, help="Also count papers that name only a part of it "
              "(GWHD 2021 for WILDS).")
@db_option
@json_option
@_fail_cleanly
def papers_using_cmd(name, include_parts, db, as_json) -> None:
    """Papers that use NAME (any spelling: WiLDS finds WILDS), with role and evidence."""
    with KnowledgeGraph(db) as kg:
        uses = kg.papers_using(name, include_parts=include_parts)
    if as_json:
        _print_json([u.to_json() for u in uses])
        return
    if not uses:
        click.echo(f"No paper uses {name}.")
    for use in uses:
        via = f" via {use.concept}" if use.via_part else ""
        click.echo(f"[{use.role}{via}] {use.year or '----'}  {_short(use.title)}")
        click.echo(f"     “{_short(use.evidence, 160)}”")


@cli.command()
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False), help="HTML file to write.")
@click.option("--view", default="overview", show_default=True,
              type=click.Choice(["overview", "ego", "shared-datasets", "concept-map"]), help="What to show.")
@click.option("--focus", default=None, help="For --view ego: a paper key or concept name.")
@click.option("--radius", default=1, show_default=True, type=click.IntRange(min=1), help="Hops around --focus.")
@click.option("--max-nodes", default=500, show_default=True, type=click.IntRange(min=1),
              help="Show at most this many nodes (the most connected).")
@db_option
@_fail_cleanly
def render(out, view, focus, radius, max_nodes, db) -> None:
    """Write an interactive HTML view of the graph (works offline)."""
    with KnowledgeGraph(db) as kg:
        result = kg.render(out, view=view, focus=focus, radius=radius, max_nodes=max_nodes)
    note = f" of {result.nodes_total}" if result.nodes_total > result.nodes_shown else ""
    click.echo(f"Wrote {out}: {result.nodes_shown}{note} nodes, {result.edges_shown} edges.")


def _short(text: str, width: int = 90) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def main() -> None:
    cli(prog_name="litkg")


if __name__ == "__main__":  # pragma: no cover
    main()
