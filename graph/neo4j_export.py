"""Bulk export for ``neo4j-admin database import full``: header and data CSV files, and the command.

For graphs too big for transactional loading (:mod:`litkg.graph.neo4j_push`), the same nodes,
relationships and properties are written as CSV files in the format of Neo4j's offline importer:

``papers_header.csv`` / ``papers.csv``
    ``key:ID(Paper)``, the paper's properties, ``:LABEL``.
``concepts_header.csv`` / ``concepts.csv``
    ``key:ID(Concept)``, ``name``, ``type``, ``origin``, ``aliases:string[]``, ``alias_norms:string[]``,
    ``:LABEL`` (``Concept;Dataset`` …).
``mentions_header.csv`` / ``mentions.csv``
    ``:START_ID(Paper)``, ``:END_ID(Concept)``, ``:TYPE``, ``confidence:float``, ``evidence``, ``field``.
``relations_header.csv`` / ``relations.csv``
    ``:START_ID(Concept)``, ``:END_ID(Concept)``, ``:TYPE``.
``schema.cypher``
    The constraints and indexes, to run once the database is started (``cypher-shell -f``).

Every string is quoted (quotes doubled), so commas, quotes and newlines in titles survive
(``--multiline-fields=true``); a missing value is an empty unquoted field, which the importer
reads as "no property". Array elements are joined with a delimiter that occurs in no element.
"""
from __future__ import annotations

import shlex
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from litkg.graph import neo4j_model as model
from litkg.graph import sql
from litkg.graph.store import GraphStore

__all__ = ["Neo4jCsvExport", "write_neo4j_csv", "import_command", "csv_field", "FILES"]

#: (name, header) of each node/relationship file pair, in import order.
FILES = (
    ("papers", ("key:ID(Paper)", "id", "title", "abstract", "authors:string[]", "year:int", "date", "venue",
                "url", "doi", "arxiv_id", "upvotes:int", "idents:string[]", ":LABEL")),
    ("concepts", ("key:ID(Concept)", "name", "type", "origin", "aliases:string[]", "alias_norms:string[]",
                  ":LABEL")),
    ("mentions", (":START_ID(Paper)", ":END_ID(Concept)", ":TYPE", "confidence:float", "evidence", "field")),
    ("relations", (":START_ID(Concept)", ":END_ID(Concept)", ":TYPE")),
)
_NODE_FILES = ("papers", "concepts")
_DELIMITER_CANDIDATES = (";", "|", "\u001f", "\u001e")


@dataclass(frozen=True)
class Neo4jCsvExport:
    """What :func:`write_neo4j_csv` wrote and the command that imports it."""

    directory: Path
    papers: int
    concepts: int
    mentions: int
    relations: int
    array_delimiter: str
    command: tuple[str, ...]
    schema_file: Path

    @property
    def command_line(self) -> str:
        """The import command, quoted for a POSIX shell."""
        return " ".join(shlex.quote(arg) for arg in self.command)

    def to_json(self) -> dict:
        return {"directory": str(self.directory), "papers": self.papers, "concepts": self.concepts,
                "mentions": self.mentions, "relations": self.relations,
                "array_delimiter": self.array_delimiter, "command": list(self.command),
                "command_line": self.command_line, "schema_file": str(self.schema_file)}


def csv_field(value, array_delimiter: str = ";") -> str:
    """One CSV field for neo4j-admin: None → empty; numbers bare; strings and lists quoted.

    >>> csv_field('say "hi", then\\nleave'), csv_field(None), csv_field(2021), csv_field(["a", "b"])
    ('"say ""hi"", then\\nleave"', '', '2021', '"a;b"')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (list, tuple)):
        value = array_delimiter.join(str(v) for v in value)
    return '"' + str(value).replace('"', '""') + '"'


def _line(values: Iterable, delimiter: str) -> str:
    return ",".join(csv_field(v, delimiter) for v in values) + "\n"


def _choose_delimiter(store: GraphStore) -> str:
    """The first candidate that occurs in no array element (authors, idents, aliases, alias norms)."""
    for candidate in _DELIMITER_CANDIDATES:
        if not sql.array_values_contain(store, candidate):
            return candidate
    raise ValueError("every candidate array delimiter occurs in the data")


def _delimiter_argument(delimiter: str) -> str:
    return delimiter if delimiter.isprintable() else f"U+{ord(delimiter):04X}"


def import_command(directory: Path, *, database: str = model.DEFAULT_DATABASE,
                   array_delimiter: str = ";") -> tuple[str, ...]:
    """The ``neo4j-admin database import full`` command for the files in ``directory``."""
    directory = Path(directory).resolve()
    args = ["neo4j-admin", "database", "import", "full",
            f"--array-delimiter={_delimiter_argument(array_delimiter)}", "--multiline-fields=true"]
    for name, _ in FILES:
        option = "--nodes" if name in _NODE_FILES else "--relationships"
        args.append(f"{option}={directory / (name + '_header.csv')},{directory / (name + '.csv')}")
    args.append(database)
    return tuple(args)


def _paper_values(row: dict) -> list:
    props = row["props"]
    return [props.get(h.split(":")[0]) for h in FILES[0][1][:-1]] + [model.PAPER_LABEL]


def _concept_values(row: dict, delimiter: str) -> list:
    props = row["props"]
    labels = delimiter.join((model.CONCEPT_LABEL, model.type_label(row["type"])))
    return [props.get(h.split(":")[0]) for h in FILES[1][1][:-1]] + [labels]


def write_neo4j_csv(store: GraphStore, directory: str | Path, *,
                    database: str = model.DEFAULT_DATABASE) -> Neo4jCsvExport:
    """Write the store as neo4j-admin import files into ``directory`` (created if missing).

    Parameters
    ----------
    store : GraphStore
        The litkg store to read.
    directory : path
        Where the files go; existing files of the same names are replaced.
    database : str
        The database name the printed command imports into.

    Returns
    -------
    Neo4jCsvExport
        Counts, the array delimiter chosen, and the import command.
    """
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    delimiter = _choose_delimiter(store)
    for name, header in FILES:
        (out / f"{name}_header.csv").write_text(",".join(header) + "\n", encoding="utf-8")
    counts = {"papers": 0, "concepts": 0}
    with open(out / "papers.csv", "w", encoding="utf-8", newline="") as fh:
        for row in model.paper_rows(store):
            fh.write(_line(_paper_values(row), delimiter))
            counts["papers"] += 1
    with open(out / "concepts.csv", "w", encoding="utf-8", newline="") as fh:
        for row in model.concept_rows(store):
            fh.write(_line(_concept_values(row, delimiter), delimiter))
            counts["concepts"] += 1
    counts["mentions"] = 0
    with open(out / "mentions.csv", "w", encoding="utf-8", newline="") as fh:
        for row in model.mention_rows(store):
            props = row["props"]
            fh.write(_line([row["paper"], row["concept"], model.role_type(row["role"]), props["confidence"],
                            props["evidence"], props["field"]], delimiter))
            counts["mentions"] += 1
    counts["relations"] = 0
    with open(out / "relations.csv", "w", encoding="utf-8", newline="") as fh:
        for row in model.relation_rows(store):
            if row["rel"] in model.RELATION_TYPES:
                fh.write(_line([row["src"], row["dst"], model.relation_type(row["rel"])], delimiter))
                counts["relations"] += 1
    schema = out / "schema.cypher"
    schema.write_text("".join(f"{statement};\n" for statement in model.schema_statements()), encoding="utf-8")
    return Neo4jCsvExport(directory=out.resolve(), papers=counts["papers"], concepts=counts["concepts"],
                          mentions=counts["mentions"], relations=counts["relations"], array_delimiter=delimiter,
                          command=import_command(out, database=database, array_delimiter=delimiter),
                          schema_file=schema.resolve())
