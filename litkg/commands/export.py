"""``litkg export``: the graph as files for other tools.

``neo4j-csv`` writes the header and data files of ``neo4j-admin database import full`` (see
:mod:`litkg.graph.neo4j_export`) and prints the import command. ``graphml``, ``gexf`` and ``json``
(networkx node-link data) write the networkx view of :func:`litkg.graph.nxgraph.to_networkx`;
``csv`` writes that view as ``nodes.csv`` and ``edges.csv`` in a directory. GraphML and GEXF hold
only strings and numbers: list attributes (authors, aliases) are joined with ``"; "``, missing
values are left out and characters XML 1.0 forbids become U+FFFD. In ``csv``, a cell starting
with ``= + - @`` (or a tab or carriage return) gets a leading ``'`` so that a spreadsheet shows it
as text rather than running it (OWASP's advice on CSV injection); ``--raw-csv`` keeps cells as they
are. ``neo4j-csv`` files are for ``neo4j-admin`` rather than spreadsheets and stay raw: a prefix
would end up in the database.
"""
from __future__ import annotations

import csv
import json
import os
import re
import shlex
from pathlib import Path

import click
import networkx as nx

from litkg.commands.common import check_out_folder, db_option, fail_cleanly, json_option, mkdir_option, print_json
from litkg.errors import LitkgError
from litkg.graph.store import GraphStore
from litkg.outputs import atomic_open, atomic_path, check_not_input

__all__ = ["export", "FORMATS", "flatten_graph", "write_graph_file", "node_link_json", "xml_safe", "csv_safe"]

FORMATS = ("neo4j-csv", "graphml", "gexf", "json", "csv")
LIST_SEPARATOR = "; "


class ExportError(LitkgError):
    code = "E600"
    hint = "check --out: a directory for neo4j-csv and csv, a file for graphml, gexf and json"


# Characters XML 1.0 forbids anywhere in a document (C0 controls but tab and line ends, lone
# surrogates, U+FFFE and U+FFFF): one in a title made the GraphML and GEXF files unreadable.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
#: What replaces a character XML cannot hold.
XML_REPLACEMENT = "\ufffd"
# Cells a spreadsheet runs as a formula (OWASP "CSV injection"): = + - @, and tab or CR first.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def xml_safe(value):
    """``value`` with the characters XML 1.0 forbids replaced by U+FFFD (strings only).

    >>> xml_safe("A\uffffB\x01"), xml_safe(3)
    ('A\ufffdB\ufffd', 3)
    """
    return _NOT_XML.sub(XML_REPLACEMENT, value) if isinstance(value, str) else value


def csv_safe(value):
    """A CSV cell a spreadsheet shows as text: a string starting with ``= + - @``, a tab or a
    carriage return gets a leading ``'``, as OWASP recommends; numbers are left as they are.

    >>> csv_safe("=1+2"), csv_safe("@SUM(A1)"), csv_safe("-1"), csv_safe(-1), csv_safe("A-1")
    ("'=1+2", "'@SUM(A1)", "'-1", -1, 'A-1')
    """
    return "'" + value if isinstance(value, str) and value.startswith(_FORMULA_START) else value


def _flat(value):
    if isinstance(value, (list, tuple, set)):
        return xml_safe(LIST_SEPARATOR.join(str(v) for v in value))
    return xml_safe(value)


def flatten_graph(graph: nx.DiGraph) -> nx.DiGraph:
    """A copy of ``graph`` whose attributes GraphML and GEXF can hold (the input is not changed).

    Lists become ``"; "``-joined strings, None values are dropped, characters XML 1.0 forbids
    become U+FFFD (in ids too), and every node gets a ``label`` (a paper's title, a concept's
    name) for Gephi.
    """
    flat = nx.DiGraph()
    flat.graph.update({k: _flat(v) for k, v in graph.graph.items() if v is not None})
    for node, data in graph.nodes(data=True):
        attrs = {xml_safe(k): _flat(v) for k, v in data.items() if v is not None}
        attrs.setdefault("label", xml_safe(str(data.get("title") or data.get("name") or node)))
        flat.add_node(xml_safe(node), **attrs)
    for u, v, data in graph.edges(data=True):
        flat.add_edge(xml_safe(u), xml_safe(v), **{xml_safe(k): _flat(val) for k, val in data.items()
                                                   if val is not None})
    return flat


def node_link_json(graph: nx.DiGraph) -> dict:
    """networkx node-link data with the edge list under ``"edges"`` (read back with
    ``nx.node_link_graph(data, edges="edges")``)."""
    try:
        return nx.node_link_data(graph, edges="edges")
    except TypeError:  # networkx < 3.4 names the keyword "link"
        return nx.node_link_data(graph, link="edges")


def _write_csv_pair(graph: nx.DiGraph, directory: Path, *, raw: bool = False) -> None:
    flat = flatten_graph(graph)
    cell = (lambda value: value) if raw else csv_safe
    directory.mkdir(parents=True, exist_ok=True)
    node_columns = sorted({k for _, data in flat.nodes(data=True) for k in data})
    with atomic_open(directory / "nodes.csv", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", *node_columns])
        for node, data in flat.nodes(data=True):
            writer.writerow([cell(node), *(cell(data.get(c, "")) for c in node_columns)])
    edge_columns = sorted({k for _, _, data in flat.edges(data=True) for k in data})
    with atomic_open(directory / "edges.csv", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["source", "target", *edge_columns])
        for u, v, data in flat.edges(data=True):
            writer.writerow([cell(u), cell(v), *(cell(data.get(c, "")) for c in edge_columns)])


def write_graph_file(graph: nx.DiGraph, fmt: str, out: str | os.PathLike, *, raw_csv: bool = False) -> Path:
    """Write ``graph`` as ``fmt`` (``graphml``, ``gexf``, ``json`` or ``csv``) to ``out``.

    ``csv`` treats ``out`` as a directory and writes ``nodes.csv`` and ``edges.csv`` in it; a
    cell that a spreadsheet would run as a formula gets a leading ``'`` unless ``raw_csv``.
    """
    path = Path(out)
    if fmt == "csv":
        _write_csv_pair(graph, path, raw=raw_csv)
        return path
    if path.is_dir():
        raise ExportError(f"{path} is a directory; --format {fmt} writes one file")
    if fmt not in ("graphml", "gexf", "json"):
        raise ValueError(f"unknown format {fmt!r}")
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(path) as temp:  # whole or not at all: a failure keeps the old file
        if fmt == "graphml":
            nx.write_graphml(flatten_graph(graph), temp, encoding="utf-8")
        elif fmt == "gexf":
            nx.write_gexf(flatten_graph(graph), temp, encoding="utf-8")
        else:
            temp.write_text(json.dumps(node_link_json(graph), ensure_ascii=False, indent=1), encoding="utf-8")
    return path


@click.command("export")
@click.option("--format", "fmt", required=True, type=click.Choice(FORMATS),
              help="neo4j-csv: files for neo4j-admin import; graphml/gexf/json (node-link)/csv: the networkx view.")
@click.option("--out", "out", required=True, type=click.Path(),
              help="A directory for neo4j-csv and csv, a file for graphml, gexf and json.")
@click.option("--database", default="neo4j", show_default=True, envvar="NEO4J_DATABASE", show_envvar=True,
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
    check_out_folder(out, mkdir=mkdir, directory=fmt in ("neo4j-csv", "csv"))
    check_not_input(out, [db])
    with GraphStore(db, readonly=True) as store:
        if fmt == "neo4j-csv":
            from litkg.graph.neo4j_export import write_neo4j_csv

            if Path(out).exists() and not Path(out).is_dir():
                raise ExportError(f"{out} is a file; --format neo4j-csv writes a directory of files")
            result = write_neo4j_csv(store, out, database=database)
            if as_json:
                print_json(result.to_json())
                return
            click.echo(f"Wrote {result.papers} papers, {result.concepts} concepts, {result.mentions} paper-concept "
                       f"and {result.relations} concept-concept relationships to {result.directory}.")
            click.echo("Import them (Neo4j 5, database stopped; add --overwrite-destination to replace it):")
            click.echo(f"  {result.command_line}")
            click.echo("Then start the database and create the constraints and indexes:")
            click.echo(f"  cypher-shell -d {shlex.quote(database)} -f {shlex.quote(str(result.schema_file))}")
            return
        from litkg.graph.nxgraph import to_networkx

        graph = to_networkx(store)
    path = write_graph_file(graph, fmt, out, raw_csv=raw_csv)
    if as_json:
        print_json({"format": fmt, "out": str(path), "nodes": graph.number_of_nodes(),
                    "edges": graph.number_of_edges()})
        return
    click.echo(f"Wrote {graph.number_of_nodes()} nodes and {graph.number_of_edges()} edges to {path} ({fmt}).")
