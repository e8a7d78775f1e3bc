"""The ``litkg`` command line: thin commands over :class:`litkg.core.KnowledgeGraph`.

Exit codes: 0 ok, 1 error (a one-line ``Error: …`` with a hint), 2 usage.
"""
from __future__ import annotations

import sys

import click

from litkg import __version__
from litkg.commands.common import (check_out_folder, db_option, fail_cleanly, fast_option, input_options,
                                   json_option, mkdir_option, print_json, workers_option)
from litkg.commands.export import export
from litkg.commands.fetch import fetch
from litkg.commands.neo4j import neo4j
from litkg.commands.query import query
from litkg.core import KnowledgeGraph
from litkg.records import SkippedLog
from litkg.serialize import extraction_line

__all__ = ["main", "cli"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="litkg")
def cli() -> None:
    """litkg: a literature knowledge graph of ML papers and the methods, models, datasets and
    benchmarks they propose, use, evaluate on and compare with."""


def dask_options(func):
    """--dask, --parts, --partition-size and --from-parts of ``build`` (#10)."""
    for option in reversed((
        click.option("--dask", default=None, metavar="local|tcp://HOST:PORT",
                     help="Extract on Dask: 'local' starts a LocalCluster of --workers processes; an address "
                          "uses a running scheduler. Needs the 'dask' extra."),
        click.option("--parts", default=None, type=click.Path(file_okay=False),
                     help="With --dask: the folder for the parts (default: DB.parts); the workers must see it. "
                          "The same command run again resumes it."),
        click.option("--partition-size", default=None, type=click.IntRange(min=1),
                     help="With --dask: records per partition (one task, one part file) [default: 1000]."),
        click.option("--from-parts", default=None, type=click.Path(file_okay=False),
                     help="Merge the parts folder of a finished --dask run into --db (no INPUTS)."),
    )):
        func = option(func)
    return func


@cli.command()
@click.argument("inputs", nargs=-1, type=click.Path())
@db_option
@input_options
@click.option("--batch-size", default=256, show_default=True, type=click.IntRange(min=1),
              help="Records per committed batch (with --on-error skip); an interrupted build "
                   "keeps every batch committed before it.")
@fast_option
@workers_option
@dask_options
@json_option
@fail_cleanly
def build(inputs, db, fmt, on_error, encoding, batch_size, fast, workers, dask, parts, partition_size, from_parts,
          as_json) -> None:
    """Read paper records from INPUTS, extract concepts, and store the graph in --db.

    Inputs may be Hugging Face Daily Papers page dumps, JSONL, a JSON array, or CSV. Papers seen
    before (same DOI, arXiv id or title) are merged; building the same files again changes
    nothing. With --dask, extraction runs on a Dask cluster and writes parts that are then
    merged (the same store); --from-parts DIR merges the parts of an earlier --dask run.
    """
    from pathlib import Path

    from litkg.errors import InputError

    if bool(inputs) == bool(from_parts):
        raise click.UsageError("give INPUTS, or --from-parts DIR without INPUTS")
    if (parts or partition_size) and not dask or dask and from_parts:
        raise click.UsageError("--parts and --partition-size go with --dask and INPUTS; --from-parts DIR without them")
    existed = Path(db).exists()
    with KnowledgeGraph(db, fast=fast, workers=workers) as kg:
        size = sum(Path(p).stat().st_size for p in inputs if Path(p).is_file())
        if dask:
            with progress_bar(sys.stderr, total=size) as progress:
                from_parts = kg.extract_on_dask(list(inputs), scheduler=dask, parts=parts, format=fmt,
                                                on_error=on_error, encoding=encoding, partition_size=partition_size,
                                                progress=progress)
        if from_parts:
            with progress_bar(sys.stderr) as progress:
                summary = kg.build_from_parts(from_parts, progress=progress, batch_size=batch_size)
        else:
            kg.extractor  # load the pipeline first, so the bar's rate and ETA start with the reading
            with progress_bar(sys.stderr, total=size) as progress:
                summary = kg.build(list(inputs), format=fmt, on_error=on_error, progress=progress,
                                   encoding=encoding, batch_size=batch_size)
    if summary.records_read == 0:
        if not existed:  # nothing to keep: leave no empty store behind
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)
        first = f"; first: {summary.skipped[0]}" if summary.skipped else ""
        raise InputError(f"no records read from {summary.files} file(s) ({summary.records_skipped} skipped{first})",
                         hint="check the inputs and --format; a record needs a title or an abstract")
    if as_json:
        print_json(summary.to_json())
        return
    click.echo(
        f"Read {summary.records_read} records from {summary.files} file(s): "
        f"{summary.papers_new} new papers, {summary.papers_merged} merged, "
        f"{summary.papers_unchanged} unchanged, {summary.records_skipped} skipped."
        + (f" {summary.records_title_only} had no abstract (kept with a title only)."
           if summary.records_title_only else "")
    )
    click.echo(f"Store {db}: {summary.papers_total} papers, {summary.concepts_total} concepts, "
               f"{summary.edges_total} edges.")
    for skipped in summary.skipped[:20]:
        click.echo(f"  skipped {skipped}", err=True)
    if summary.records_skipped > 20:
        click.echo(f"  … and {summary.records_skipped - 20} more skipped records", err=True)


def progress_bar(stream, *, total: int | None = None, disable: bool | None = None):
    """A tqdm bar for ``build(progress=…)``: the inputs' size as its total (the number of records in
    them is not known before they are read), bytes/s and an ETA, and the records read so far.
    Shown only on a terminal unless ``disable`` says otherwise."""
    from contextlib import contextmanager

    from tqdm import tqdm

    @contextmanager
    def bar_context():
        with tqdm(total=total or None, unit="B", unit_scale=True, unit_divisor=1024, desc="building", file=stream,
                  disable=disable, leave=False, mininterval=0.2, dynamic_ncols=True) as bar:
            def progress(state) -> None:
                if state.bytes_total and bar.total != state.bytes_total:
                    bar.total = state.bytes_total
                bar.update(max(0, state.bytes_done - bar.n))
                bar.set_postfix_str(f"{state.records:,} records", refresh=True)

            yield progress

    return bar_context()


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option("--out", "out", type=click.Path(dir_okay=False), default=None,
              help="Write JSONL here (default: standard output).")
@mkdir_option
@input_options
@fast_option
@workers_option
@fail_cleanly
def extract(inputs, out, mkdir, fmt, on_error, encoding, fast, workers) -> None:
    """Extract entities from INPUTS and write one JSON object per paper (JSONL); no store."""
    from litkg.errors import InputError

    from contextlib import nullcontext

    from litkg.outputs import atomic_open, check_not_input

    if out:
        check_out_folder(out, mkdir=mkdir)
        check_not_input(out, inputs)
    kg = KnowledgeGraph(fast=fast, workers=workers)
    skipped = SkippedLog()  # the first 1,000 kept, all counted: memory flat (#14)
    # Written to a temporary file renamed at the end: a failure leaves an old --out as it was.
    with atomic_open(out) if out else nullcontext(sys.stdout) as stream:
        try:
            count = 0
            for paper, extraction in kg.extract(list(inputs), format=fmt, on_error=on_error, skipped=skipped,
                                                encoding=encoding):
                stream.write(extraction_line(paper, extraction))
                count += 1
        finally:
            kg.close()
        for record in skipped:
            click.echo(f"skipped {record}", err=True)
        if skipped.total > len(skipped):
            click.echo(f"… and {skipped.total - len(skipped)} more skipped records", err=True)
        if count == 0:
            raise InputError(f"no records read from {len(inputs)} file(s) ({skipped.total} skipped)",
                             hint="check the inputs and --format; a record needs a title or an abstract")
    if out:
        click.echo(f"Wrote {count} papers to {out} ({skipped.total} records skipped).", err=True)


@cli.command("eval")
@click.option("--gold", required=True, type=click.Path(dir_okay=False),
              help="Gold JSONL: entity gold or span gold, as in shared/eval.")
@click.option("--pred", default=None, type=click.Path(dir_okay=False),
              help="Predictions from 'litkg extract' (default: extract the gold file's own texts now).")
@click.option("--gold-types", default=None, help="Which gold types count, as TYPE=GROUP pairs, "
              "e.g. 'dataset=data' (groups: data, method, model).")
@click.option("--salient", is_flag=True, help="Span gold: count only mentions linked to a salient "
              "Papers-with-Code entity (SciREX); read recall.")
@fast_option
@json_option
@fail_cleanly
def eval_cmd(gold, pred, gold_types, salient, fast, as_json) -> None:
    """Precision, recall and F1 per type, role accuracy and the worst misses, against GOLD."""
    report = KnowledgeGraph(fast=fast).evaluate(gold, pred=pred, gold_types=gold_types, salient=salient)
    if as_json:
        print_json(report.to_json())
        return
    click.echo(f"papers {report.papers} (missing in predictions: {report.papers_missing})")
    for group, score in report.scores.items():
        click.echo(f"{group:7s} gold {score.gold:5d} pred {score.pred:5d}  P {score.precision:.3f}  "
                   f"R {score.recall:.3f}  F1 {score.f1:.3f}")
    click.echo(f"role accuracy on matched gold entities: {report.role_accuracy}")
    click.echo("most missed: " + ", ".join(f"{n} x{k}" for n, k in report.top_misses))
    click.echo("most spurious: " + ", ".join(f"{n} x{k}" for n, k in report.top_spurious))


@cli.command()
@db_option
@json_option
@fail_cleanly
def stats(db, as_json) -> None:
    """Counts of papers, concepts by type and edges by role."""
    with KnowledgeGraph(db) as kg:
        data = kg.stats()
    if as_json:
        print_json(data)
        return
    click.echo(f"papers    {data['papers']} (from {data['sources']} source records)")
    click.echo(f"concepts  {data['concepts']}  " + ", ".join(f"{k} {v}" for k, v in data["concepts_by_type"].items()))
    click.echo(f"edges     {data['edges']}  " + ", ".join(f"{k} {v}" for k, v in data["edges_by_role"].items()))


@cli.command()
@db_option
@json_option
@fail_cleanly
def check(db, as_json) -> None:
    """Check that a store is sound (SQLite integrity and foreign keys); exit 1 and say what is
    wrong when it is not. Opens the store read-only."""
    from litkg.graph.check import check_store

    report = check_store(db)
    if as_json:
        print_json(report.to_json())
    else:
        for note in report.notes:
            click.echo(f"{db}: note: {note}", err=True)
        if report.ok:
            click.echo(f"{db}: ok ({', '.join(f'{v} {k}' for k, v in report.counts.items())})")
        for problem in report.problems:
            click.echo(f"{db}: {problem}", err=True)
    if not report.ok:
        if not as_json:
            click.echo("Error: the store is damaged (hint: rebuild it with 'litkg build' from its inputs "
                       "into a new --db)", err=True)
        sys.exit(1)


@cli.command()
@db_option
@fail_cleanly
def upgrade(db) -> None:
    """Bring a store made by an earlier litkg to this version's schema, in place (a build does
    this too). Takes minutes for a million papers; interrupted, the store stays as it was."""
    with KnowledgeGraph(db) as kg:
        before, after = kg.upgrade()
    click.echo(f"{db}: schema version {before} → {after}" if before != after else f"{db}: schema version {after}, nothing to do")


@cli.command()
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False), help="HTML file to write.")
@click.option("--view", default="overview", show_default=True,
              type=click.Choice(["overview", "ego", "shared-datasets", "concept-map"]), help="What to show.")
@click.option("--focus", default=None,
              help="For --view ego and shared-datasets: a paper (key, id, DOI, arXiv id or title) or a "
                   "concept (key, or name or alias in any spelling).")
@click.option("--radius", default=1, show_default=True, type=click.IntRange(min=1), help="Hops around --focus.")
@click.option("--max-nodes", default=500, show_default=True, type=click.IntRange(min=1),
              help="Show at most this many nodes (the most connected).")
@mkdir_option
@db_option
@fail_cleanly
def render(out, view, focus, radius, max_nodes, mkdir, db) -> None:
    """Write an interactive HTML view of the graph (works offline)."""
    check_out_folder(out, mkdir=mkdir)
    from litkg.outputs import check_not_input

    check_not_input(out, [db])
    with KnowledgeGraph(db) as kg:
        result = kg.render(out, view=view, focus=focus, radius=radius, max_nodes=max_nodes)
    note = f" of {result.nodes_total}" if result.nodes_total > result.nodes_shown else ""
    click.echo(f"Wrote {out}: {result.nodes_shown}{note} nodes, {result.edges_shown} edges.")


cli.add_command(query)
cli.add_command(neo4j)
cli.add_command(export)
cli.add_command(fetch)


def main() -> None:
    try:
        cli(prog_name="litkg")
    except UnicodeEncodeError as exc:
        # Bytes that are not UTF-8 in an argument reach Python as surrogates: paths work, but a
        # name or query cannot be stored or looked up; one line names it, not a traceback (#14).
        bad = [arg for arg in sys.argv[1:] if not _is_utf8(arg)]
        if "surrogates" not in str(exc) or not bad:
            raise
        shown = ", ".join(ascii(arg) for arg in bad[:3])
        click.echo(f"Error: an argument is not UTF-8 text: {shown} (hint: give names, queries and "
                   f"options in UTF-8)", err=True)
        sys.exit(1)


def _is_utf8(arg: str) -> bool:
    try:
        arg.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


if __name__ == "__main__":  # pragma: no cover
    main()
