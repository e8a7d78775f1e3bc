"""The graph out of the store: files for other tools (``litkg export``) and a push into Neo4j
(``litkg neo4j push``); what :meth:`KnowledgeGraph.export` and :meth:`KnowledgeGraph.push` do.

``neo4j-csv`` writes the header and data files of ``neo4j-admin database import full`` (see
:mod:`litkg.graph.neo4j_export`). ``graphml``, ``gexf`` and ``json`` (networkx node-link data)
write the networkx view of :func:`litkg.graph.nxgraph.to_networkx`; ``csv`` writes that view as
``nodes.csv`` and ``edges.csv`` in a directory. GraphML and GEXF hold only strings and numbers:
list attributes (authors, aliases) are joined with ``"; "``, missing values are left out and
characters XML 1.0 forbids become U+FFFD. In ``csv``, a cell starting with ``= + - @`` (or a tab
or carriage return) gets a leading ``'`` so that a spreadsheet shows it as text rather than
running it (OWASP's advice on CSV injection); ``raw_csv`` keeps cells as they are. ``neo4j-csv``
files are for ``neo4j-admin`` rather than spreadsheets and stay raw: a prefix would end up in the
database.

networkx, the Neo4j driver and the writers are imported by the functions that use them, so that
``neo4j-csv`` loads no networkx and ``litkg --help`` none of them.
"""
from __future__ import annotations

import csv
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from litkg.errors import ExportError
from litkg.graph.neo4j_model import DEFAULT_BATCH_SIZE, DEFAULT_DATABASE, DEFAULT_RETRY_FOR
from litkg.outputs import atomic_open, atomic_path

if TYPE_CHECKING:
    import networkx as nx

    from litkg.graph.neo4j_export import Neo4jCsvExport
    from litkg.graph.neo4j_push import Neo4jSettings, PushSummary
    from litkg.graph.store import GraphStore

__all__ = ["FORMATS", "DIRECTORY_FORMATS", "LIST_SEPARATOR", "XML_REPLACEMENT", "GraphExport", "export_store",
           "push_store", "rows_to_push", "flatten_graph", "write_graph_file", "node_link_json", "xml_safe",
           "csv_safe"]

FORMATS = ("neo4j-csv", "graphml", "gexf", "json", "csv")
#: The formats written as a directory of files; the others write one file.
DIRECTORY_FORMATS = ("neo4j-csv", "csv")
LIST_SEPARATOR = "; "
#: What replaces a character XML cannot hold.
XML_REPLACEMENT = "\ufffd"

# Characters XML 1.0 forbids anywhere in a document (C0 controls but tab and line ends, lone
# surrogates, U+FFFE and U+FFFF): one in a title made the GraphML and GEXF files unreadable.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# Cells a spreadsheet runs as a formula (OWASP "CSV injection"): = + - @, and tab or CR first.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class GraphExport:
    """What :func:`export_store` wrote for a networkx format: where, and how many nodes and edges."""

    format: str
    out: Path
    nodes: int
    edges: int

    def to_json(self) -> dict:
        return {"format": self.format, "out": str(self.out), "nodes": self.nodes, "edges": self.edges}


def export_store(store: GraphStore, fmt: str, out: str | os.PathLike, *, database: str = DEFAULT_DATABASE,
                 raw_csv: bool = False) -> GraphExport | Neo4jCsvExport:
    """Write the graph of ``store`` as ``fmt`` (one of :data:`FORMATS`) to ``out``.

    Parameters
    ----------
    store : GraphStore
        The store to read (not modified).
    fmt : str
        ``neo4j-csv`` and ``csv`` write files into the directory ``out``; ``graphml``, ``gexf``
        and ``json`` write the file ``out``.
    database : str
        For ``neo4j-csv``: the database the printed import command fills.
    raw_csv : bool
        For ``csv``: keep cells a spreadsheet would run as formulas as they are.

    Returns
    -------
    Neo4jCsvExport or GraphExport
        For ``neo4j-csv``, the counts and the import command; else the counts of the networkx view.

    Raises
    ------
    ExportError
        When ``out`` is a file where a directory is written, or the other way round.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}", hint=f"choose one of: {', '.join(FORMATS)}")
    if fmt == "neo4j-csv":
        from litkg.graph.neo4j_export import write_neo4j_csv

        if Path(out).exists() and not Path(out).is_dir():
            raise ExportError(f"{out} is a file; --format neo4j-csv writes a directory of files")
        return write_neo4j_csv(store, out, database=database)
    from litkg.graph.nxgraph import to_networkx

    graph = to_networkx(store)
    path = write_graph_file(graph, fmt, out, raw_csv=raw_csv)
    return GraphExport(fmt, path, graph.number_of_nodes(), graph.number_of_edges())


# -- Neo4j push -------------------------------------------------------------------------------------

def rows_to_push(store: GraphStore) -> int:
    """How many rows a push sends: papers, concepts, paper–concept and concept–concept edges."""
    return sum(store.count(t) for t in ("papers", "concepts", "edges", "concept_relations"))


def push_store(store: GraphStore, settings: Neo4jSettings, *, batch_size: int = DEFAULT_BATCH_SIZE,
               retry_for: float = DEFAULT_RETRY_FOR,
               progress: Callable[[str, int, int], None] | None = None) -> PushSummary:
    """Push ``store`` into the Neo4j database ``settings`` name (see
    :class:`~litkg.graph.neo4j_push.Neo4jWriter`); the driver is opened and closed here.

    The writer's retry policy (``retry_for``) is the only one: the driver's own retries are off.
    ``progress(stage, rows, total)`` is called after each batch: ``rows`` just sent in ``stage``,
    of ``total`` (:func:`rows_to_push`).
    """
    from litkg.graph.neo4j_push import Neo4jWriter

    total = rows_to_push(store)
    tick = (lambda stage, rows: progress(stage, rows, total)) if progress is not None else None
    driver = settings.open_driver(max_transaction_retry_time=0)
    try:
        writer = Neo4jWriter(driver, database=settings.database, batch_size=batch_size, retry_for=retry_for)
        return writer.push(store, progress=tick)
    finally:
        driver.close()


# -- networkx formats -------------------------------------------------------------------------------

def xml_safe(value):
    """``value`` with the characters XML 1.0 forbids replaced by U+FFFD (strings only).

    >>> xml_safe("A\\uffffB\\x01"), xml_safe(3)
    ('A\\ufffdB\\ufffd', 3)
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

    >>> import networkx as nx
    >>> graph = nx.DiGraph()
    >>> graph.add_node("paper:p1", title="On \\x01 shift", authors=["A", "B"], doi=None)
    >>> dict(flatten_graph(graph).nodes["paper:p1"])
    {'title': 'On \\ufffd shift', 'authors': 'A; B', 'label': 'On \\ufffd shift'}
    >>> graph.nodes["paper:p1"]["authors"]
    ['A', 'B']
    """
    import networkx as nx  # only the networkx formats need it (see the module docstring)

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
    import networkx as nx  # only the networkx formats need it (see the module docstring)

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
    import networkx as nx  # only the networkx formats need it (see the module docstring)

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
