"""``litkg export``: one call to :meth:`litkg.core.KnowledgeGraph.export`, its result printed.

The formats and what they hold are described in :mod:`litkg.exporting`.
"""
from __future__ import annotations

import shlex

import click

from litkg.commands.common import check_out_folder, db_option, fail_cleanly, json_option, mkdir_option, print_json
from litkg.core import KnowledgeGraph
from litkg.errors import ExportError  # noqa: F401 - defined here before; importable from here still
from litkg.exporting import DIRECTORY_FORMATS, FORMATS
# The library code that lived here moved to litkg.exporting (#12); old imports (bench/fuzz.py) keep working.
from litkg.exporting import csv_safe, flatten_graph, node_link_json, write_graph_file, xml_safe  # noqa: F401
from litkg.graph.neo4j_model import DEFAULT_DATABASE
from litkg.outputs import check_not_input

__all__ = ["export"]


@click.command("export")
@click.option("--format", "fmt", required=True, type=click.Choice(FORMATS),
              help="neo4j-csv: files for neo4j-admin import; graphml/gexf/json (node-link)/csv: the networkx view.")
@click.option("--out", "out", required=True, type=click.Path(),
              help="A directory for neo4j-csv and csv, a file for graphml, gexf and json.")
@click.option("--database", default=DEFAULT_DATABASE, show_default=True, envvar="NEO4J_DATABASE", show_envvar=True,
              help="For neo4j-csv: the database the printed import command fills.")
@click.option("--raw-csv", is_flag=True,
              help="For csv: keep cells that start with = + - @ as they are (by default they get a leading ' "
                   "so that a spreadsheet shows them as text instead of running them).")
@mkdir_option
@db_option
@json_option
@fail_cleanly
def export(fmt, out, database, db, as_json, mkdir, raw_csv) -> None:
    """Write the graph in --db to files: Neo4j bulk-import CSV, GraphML, GEXF, JSON or CSV.

    For neo4j-csv, prints the exact neo4j-admin command that imports the files (into a stopped
    or new database) and the cypher-shell command that creates the constraints and indexes.
    """
    check_out_folder(out, mkdir=mkdir, directory=fmt in DIRECTORY_FORMATS)
    check_not_input(out, [db])
    with KnowledgeGraph(db) as kg:
        result = kg.export(fmt, out, database=database, raw_csv=raw_csv)
    if as_json:
        print_json(result.to_json())
    elif fmt == "neo4j-csv":
        click.echo(f"Wrote {result.papers} papers, {result.concepts} concepts, {result.mentions} paper-concept "
                   f"and {result.relations} concept-concept relationships to {result.directory}.")
        click.echo("Import them (Neo4j 5, database stopped; add --overwrite-destination to replace it):")
        click.echo(f"  {result.command_line}")
        click.echo("Then start the database and create the constraints and indexes:")
        click.echo(f"  cypher-shell -d {shlex.quote(database)} -f {shlex.quote(str(result.schema_file))}")
    else:
        click.echo(f"Wrote {result.nodes} nodes and {result.edges} edges to {result.out} ({fmt}).")

