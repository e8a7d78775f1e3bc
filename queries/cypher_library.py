"""The Cypher query library: ``queries/cypher/*.cypher``, loaded, listed and run with parameters.

Each file is one read-only query for Neo4j 5 (no APOC, no GDS) whose header comment says what it
answers and declares its parameters::

    // Papers that use a concept ...
    // twin: litkg.queries.usage.papers_using
    // order: role, year newest first, paper key
    // @param name string required — the concept's name in any spelling, or its key
    // @param norm string derived concept_norm(name) — the normal form of $name
    // @param include_parts boolean = false — also papers that name only a part of it

A parameter is ``required``, has a JSON default (``= 20``, ``= null``, ``= ["dataset"]``) and
optionally a set of allowed values (``{year|month}``), or is ``derived``: computed in Python from
another parameter by one of :data:`DERIVATIONS` (litkg's name normalisation cannot be written in
Cypher). ``twin`` names the embedded function that answers the same question from the SQLite
store; ``order: none`` says the row order is not part of the answer. What litkg's constants and
rules decide is generated, not copied (:mod:`litkg.queries.cypher_macros`): ``{{ role_rank(type(r)) }}``
becomes the ``CASE`` that ranks roles as :data:`litkg.records.ROLES` does, and
``{{ find_paper(…) }}``, ``{{ find_concepts(…) }}`` and ``{{ find_node(…) }}`` the lookups of the
one resolver (:mod:`litkg.queries.resolve`); ``litkg neo4j queries --show`` prints the expanded
text, ready for Neo4j Browser.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping

from litkg.errors import Neo4jQueryError, QueryError
from litkg.extract.normalise import concept_norm
from litkg.graph.neo4j_model import DEFAULT_DATABASE
from litkg.identity import reference_identifiers
from litkg.queries.cypher_macros import expand_macros, read_query_file

__all__ = ["LIBRARY_DIR", "QueryParam", "LibraryQuery", "CypherResult", "DERIVATIONS", "paper_idents",
           "load_library", "get_query", "read_query_file", "bind_parameters", "parse_param_pairs", "typed_value",
           "PARAM_TYPES",
           "check_read_only", "run_query", "run_cypher", "check_references"]

LIBRARY_DIR = Path(__file__).resolve().parent / "cypher"
TYPES = ("string", "integer", "float", "boolean", "list")

_PARAM = re.compile(
    r"^@param\s+(?P<name>\w+)\s+(?P<type>\w+)\s+"
    r"(?P<spec>required|derived\s+(?P<func>\w+)\((?P<source>\w+)\)|=\s*(?P<default>\"[^\"]*\"|\[[^\]]*\]|\S+))"
    r"(?:\s+\{(?P<choices>[^}]*)\})?\s*(?:—|--?)\s*(?P<doc>.*)$")


def paper_idents(ref: str | None) -> list[str]:
    """The identifiers a paper reference may stand for, strongest first: those the one resolver
    looks for (:func:`litkg.queries.resolve.resolve_paper`).

    >>> paper_idents("arXiv:2401.01234v2")
    ['arxiv:2401.01234', 'title:arxiv 2401 01234v2']
    """
    return [] if ref is None else reference_identifiers(ref)


#: Functions a ``derived`` parameter may name: the one resolver's name folding and paper identifiers.
DERIVATIONS: Mapping[str, Callable[[Any], Any]] = {
    "concept_norm": lambda value: concept_norm(value) if value is not None else None,
    "paper_idents": paper_idents,
}


@dataclass(frozen=True)
class QueryParam:
    """One ``$parameter`` of a library query."""

    name: str
    type: str
    doc: str
    required: bool = False
    default: Any = None
    choices: tuple[str, ...] = ()
    derived_from: str | None = None
    derivation: str | None = None

    def to_json(self) -> dict:
        return {"name": self.name, "type": self.type, "doc": self.doc, "required": self.required,
                "default": self.default, "choices": list(self.choices), "derived_from": self.derived_from,
                "derivation": self.derivation}


@dataclass(frozen=True)
class LibraryQuery:
    """A library query: its name (the file's stem), what it answers, its parameters and text."""

    name: str
    description: str
    twin: str
    order: str
    params: tuple[QueryParam, ...]
    cypher: str = field(repr=False)
    path: Path | None = None

    @property
    def ordered(self) -> bool:
        """Whether the row order is part of the answer."""
        return self.order.strip().lower() != "none"

    @property
    def summary(self) -> str:
        return self.description.split(". ")[0].rstrip(".") + "."

    def to_json(self) -> dict:
        return {"name": self.name, "description": self.description, "twin": self.twin, "order": self.order,
                "params": [p.to_json() for p in self.params], "path": str(self.path) if self.path else None}


@dataclass(frozen=True)
class CypherResult:
    """Rows a query returned (as plain dicts) and their column names."""

    columns: tuple[str, ...]
    rows: tuple[dict, ...]

    def to_json(self) -> list[dict]:
        return [dict(row) for row in self.rows]


def parse_query(text: str, name: str, path: Path | None = None) -> LibraryQuery:
    """A :class:`LibraryQuery` from a ``.cypher`` file's text (header comment, then the query)."""
    header, body, described = [], [], []
    meta: dict[str, str] = {}
    params: list[QueryParam] = []
    in_header = True
    for line in text.splitlines():
        if in_header and line.startswith("//"):
            header.append(line[2:].strip())
            continue
        in_header = False
        body.append(line)
    for line in header:
        key, _, value = line.partition(":")
        if line.startswith("@param"):
            params.append(_parse_param(line, name))
        elif key in ("twin", "order") and value:
            meta[key] = value.strip()
        else:
            described.append(line)
    if "twin" not in meta or "order" not in meta:
        raise QueryError(f"library query {name!r} lacks a 'twin:' or 'order:' header line")
    return LibraryQuery(name, " ".join(described).strip(), meta["twin"], meta["order"], tuple(params),
                        "\n".join(body).strip() + "\n", path)


def _parse_param(line: str, query: str) -> QueryParam:
    match = _PARAM.match(line)
    if not match or match["type"] not in TYPES:
        raise QueryError(f"library query {query!r}: cannot read {line!r}")
    choices = tuple(c.strip() for c in match["choices"].split("|")) if match["choices"] else ()
    if match["spec"] == "required":
        return QueryParam(match["name"], match["type"], match["doc"], required=True, choices=choices)
    if match["func"]:
        if match["func"] not in DERIVATIONS:
            raise QueryError(f"library query {query!r}: unknown derivation {match['func']!r}")
        return QueryParam(match["name"], match["type"], match["doc"], derived_from=match["source"],
                          derivation=match["func"])
    return QueryParam(match["name"], match["type"], match["doc"], default=json.loads(match["default"]),
                      choices=choices)


def load_library(directory: str | Path | None = None) -> dict[str, LibraryQuery]:
    """Every ``*.cypher`` file of ``directory`` (default: the shipped library), by name."""
    folder = Path(directory) if directory is not None else LIBRARY_DIR
    return {path.stem: parse_query(read_query_file(path), path.stem, path) for path in sorted(folder.glob("*.cypher"))}


def get_query(name: str, directory: str | Path | None = None) -> LibraryQuery:
    """The library query called ``name``; :class:`QueryError` naming the others when there is none."""
    library = load_library(directory)
    if name not in library:
        raise QueryError(f"no library query {name!r}", hint=f"choose one of: {', '.join(library)}")
    return library[name]


def _coerce(param: QueryParam, value: Any, query: str) -> Any:
    if value is None or not isinstance(value, str) or param.type == "string":
        result = value
    else:
        text = value.strip()
        try:
            if param.type == "integer":
                result = int(text)
            elif param.type == "float":
                result = float(text)
            elif param.type == "boolean":
                if text.lower() not in ("true", "false", "1", "0", "yes", "no"):
                    raise ValueError(text)
                result = text.lower() in ("true", "1", "yes")
            elif text.startswith("["):
                result = json.loads(text)
            else:
                result = [item.strip() for item in text.split(",") if item.strip()]
        except ValueError:
            raise QueryError(f"{query}: --param {param.name} must be {param.type}, not {value!r}") from None
    if result is not None and param.choices and str(result) not in param.choices:
        raise QueryError(f"{query}: --param {param.name} must be one of {', '.join(param.choices)}, not {result!r}")
    return result


def bind_parameters(query: LibraryQuery, given: Mapping[str, Any]) -> dict[str, Any]:
    """The full parameter map for ``query``: ``given`` (strings are coerced to the declared types),
    defaults for the rest, and the derived parameters computed from them.

    Raises
    ------
    QueryError
        On an unknown, missing or ill-typed parameter, or when a derived one is given.
    """
    declared = {p.name: p for p in query.params}
    for name in given:
        if name not in declared:
            raise QueryError(f"{query.name} has no parameter {name!r}",
                             hint=f"its parameters: {', '.join(p.name for p in query.params if not p.derivation)}")
        if declared[name].derivation:
            raise QueryError(f"{query.name}: {name} is computed from {declared[name].derived_from}; do not pass it")
    bound: dict[str, Any] = {}
    for param in query.params:
        if param.derivation:
            continue
        if param.name in given:
            bound[param.name] = _coerce(param, given[param.name], query.name)
        elif param.required:
            raise QueryError(f"{query.name} needs --param {param.name}=…", hint=param.doc)
        else:
            bound[param.name] = param.default
    for param in query.params:
        if param.derivation:
            bound[param.name] = DERIVATIONS[param.derivation](bound[param.derived_from])
    return bound


#: ``--param NAME:TYPE=VALUE`` types; ``str`` forces a string (``--param n:str=5`` is "5").
PARAM_TYPES = ("str", "int", "float", "bool", "list", "json")
_INT = re.compile(r"[+-]?\d+")
_FLOAT = re.compile(r"[+-]?(?:\d+\.\d*|\.\d+|\d+(?:\.\d*)?[eE][+-]?\d+)")


def typed_value(text: str, kind: str | None = None, *, name: str = "") -> Any:
    """An ad-hoc query's ``--param`` value: ``5`` is 5, ``2.5`` is 2.5, ``true``/``false`` are
    booleans, ``null`` is null, ``[…]``/``{…}`` are read as JSON (lists, maps); anything else is
    the string. ``kind`` (from ``NAME:TYPE=VALUE``) forces a type: ``str`` keeps the text as given.

    >>> [typed_value(v) for v in ("5", "-2.5", "true", "null", '["a", 1]', "WILDS", "5 ")]
    [5, -2.5, True, None, ['a', 1], 'WILDS', '5 ']
    >>> typed_value("5", "str"), typed_value("a, b", "list")
    ('5', ['a', 'b'])
    """
    try:
        if kind == "str":
            return text
        if kind == "int":
            return int(text)
        if kind == "float":
            return float(text)
        if kind == "bool":
            if text.strip().lower() not in ("true", "false"):
                raise ValueError(text)
            return text.strip().lower() == "true"
        if kind == "list":
            return json.loads(text) if text.strip().startswith("[") else [
                item.strip() for item in text.split(",") if item.strip()]
        if kind == "json":
            return json.loads(text)
    except ValueError:
        raise QueryError(f"--param {name}:{kind} cannot read {text!r} as {kind}") from None
    if _INT.fullmatch(text):
        return int(text)
    if _FLOAT.fullmatch(text):
        return float(text)
    if text in ("true", "false"):
        return text == "true"
    if text == "null":
        return None
    if text[:1] in "[{":
        try:
            return json.loads(text)
        except ValueError:
            raise QueryError(f"--param {name}: {text!r} is not valid JSON",
                             hint=f"quote it as a string with --param {name}:str=…") from None
    return text


def parse_param_pairs(pairs: list[str] | tuple[str, ...], *, typed: bool = False) -> dict[str, Any]:
    """``["k=v", …]`` (the CLI's ``--param``) as a dict; the value may contain ``=``.

    A name may carry a type, ``NAME:TYPE=VALUE`` (TYPE one of :data:`PARAM_TYPES`). Library
    queries declare their parameters' types, so there (``typed=False``) the values stay text and
    :func:`bind_parameters` converts them; for an ad-hoc query (``typed=True``) each value is
    converted by :func:`typed_value`: ``n=5`` is the integer 5, ``n:str=5`` the string "5".
    """
    found = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name, _, kind = name.strip().partition(":")
        if not sep or not name:
            raise QueryError(f"--param takes NAME=VALUE, not {pair!r}")
        if kind and kind not in PARAM_TYPES:
            raise QueryError(f"--param {name}:{kind}: unknown type {kind!r}", hint=f"types: {', '.join(PARAM_TYPES)}")
        found[name] = typed_value(value, kind or None, name=name) if typed else value
    return found


def _plain(value: Any) -> Any:
    """Driver values as JSON-ready data: nodes and relationships as their properties."""
    from neo4j.graph import Node, Path as GraphPath, Relationship

    if isinstance(value, Node):
        return {"labels": sorted(value.labels), **{k: _plain(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {"type": value.type, **{k: _plain(v) for k, v in value.items()}}
    if isinstance(value, GraphPath):
        return [_plain(n) for n in value.nodes]
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value


# Literals and comments are blanked before looking for commands, so a name such as 'DROP INDEX'
# in a string does not count; a `quoted name` stays a word, so ``USE `neo4j` CREATE INDEX`` is
# still seen as USE NAME CREATE INDEX.
_LITERALS = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|//[^\n]*|/\*.*?\*/", re.S)
_PREFIX = r"(?:(?:EXPLAIN|PROFILE)\s+)?(?:USE\s+\S+\s+)?"
_ADMIN = re.compile(
    r"\b(?:CREATE|DROP|ALTER|RENAME)\s+(?:OR\s+REPLACE\s+)?(?:\w+\s+){0,2}?"
    r"(?:CONSTRAINT|INDEX|DATABASE|COMPOSITE|ALIAS|USER|ROLE|SERVER|PRIVILEGE)\b|"
    r"(?:^|;)\s*" + _PREFIX + r"(?:GRANT|DENY|REVOKE|(?:START|STOP|ENABLE|DEALLOCATE|REALLOCATE)\s+\w+|"
    r"TERMINATE\s+TRANSACTIONS?)\b|\bCALL\s+(?:db|dbms)\.(?:create|drop|set|clear|checkpoint|kill|upgrade)", re.I)
_EXPLAIN_PREFIX = re.compile(r"^\s*(?:EXPLAIN|PROFILE)\b", re.I)


def _blank_literals(cypher: str) -> str:
    return _LITERALS.sub(lambda m: " name " if m.group().startswith("`") else " ", cypher)


def check_read_only(cypher: str) -> None:
    """Refuse schema and administration commands before they reach the server.

    Data writes are caught by :func:`run_cypher`'s plan check and rollback, but some servers
    (ArcadeDB) apply schema changes outside the transaction — even under ``EXPLAIN`` — so those
    are never sent.
    """
    match = _ADMIN.search(_blank_literals(cypher))
    if match:
        raise Neo4jQueryError(f"{' '.join(match.group(0).split())!r}: schema and administration commands are not run "
                              "here; nothing was sent", hint="run read queries (MATCH … RETURN)")


def _check_plan(summary, *, types_reliable: bool | None = None) -> None:
    """Refuse on the query type the server reports for ``EXPLAIN``: a schema command always; a
    write when the server's plans tell reads from writes (Neo4j's do, before anything runs).
    ArcadeDB reports every query as a write, even ``RETURN 1``: there the rollback and the update
    counters decide. ``types_reliable`` says which kind of server this is; None tells by the
    agent name."""
    kind = getattr(summary, "query_type", None)
    counters = getattr(summary, "counters", None)
    if counters is not None and (counters.contains_updates or counters.contains_system_updates):
        raise Neo4jQueryError("the server changed something while only explaining the query; check its schema "
                              "(SHOW INDEXES, SHOW CONSTRAINTS)", hint="run read queries (MATCH … RETURN)")
    if kind == "s":
        raise Neo4jQueryError("the server reports a schema command; it was not run, nothing was changed",
                              hint="run read queries (MATCH … RETURN)")
    if types_reliable is None:
        types_reliable = str(getattr(getattr(summary, "server", None), "agent", "") or "").startswith("Neo4j/")
    if kind in ("w", "rw") and types_reliable:
        raise Neo4jQueryError("the query tried to write (the server's plan says so); it was not run, nothing "
                              "was changed", hint="use MATCH … RETURN queries")


def run_cypher(driver, cypher: str, parameters: Mapping[str, Any] | None = None, *,
               database: str = DEFAULT_DATABASE) -> CypherResult:
    """Run a read query in a read-access session, in a transaction that is always rolled back.

    Schema or administration commands are refused before they are sent
    (:func:`check_read_only`); then the query is explained and refused on the type the server
    reports (:func:`_check_plan`); servers that do not enforce read access (ArcadeDB) may run a
    write, which raises :class:`~litkg.errors.Neo4jQueryError` after its transaction
    was rolled back.
    """
    from neo4j.exceptions import DriverError, Neo4jError

    from litkg.graph.neo4j_push import translate_error

    check_read_only(cypher)
    explained = "EXPLAIN " + _EXPLAIN_PREFIX.sub("", cypher, count=1)
    try:
        with driver.session(database=database, default_access_mode="READ") as session:
            tx = session.begin_transaction()
            try:
                # A plain read first: a server that calls even it a write reports types that say nothing.
                calibration = getattr(tx.run("EXPLAIN RETURN 1", {}), "consume", lambda: None)()
                reliable = getattr(calibration, "query_type", None) == "r"
                plan = tx.run(explained, dict(parameters or {}))
                _check_plan(plan.consume(), types_reliable=reliable)
                result = tx.run(cypher, dict(parameters or {}))
                keys = tuple(result.keys())
                rows = tuple({k: _plain(v) for k, v in record.items()} for record in result)
                summary = result.consume()
            finally:
                tx.rollback()
    except Neo4jError as exc:
        if _refused_write(exc):  # Neo4j 5 refuses a write in a read transaction itself
            raise _tried_to_write(checked=True) from exc
        raise translate_error(exc, database=database) from exc
    except DriverError as exc:
        raise translate_error(exc, database=database) from exc
    # Servers that do not enforce read access (ArcadeDB) run the write; it was rolled back above.
    if summary.counters.contains_updates or summary.counters.contains_system_updates:
        raise _tried_to_write(checked=False)
    return CypherResult(keys, rows)


#: Server codes of a write refused in a read transaction or session (Neo4j 5: AccessMode).
_WRITE_REFUSED = ("Neo.ClientError.Statement.AccessMode", "Neo.ClientError.General.ForbiddenOnReadOnlyDatabase")


def _refused_write(exc: Exception) -> bool:
    code = getattr(exc, "code", None) or ""
    return code in _WRITE_REFUSED or code.endswith(".AccessMode")


def _tried_to_write(*, checked: bool):
    """``checked``: the server refused the write itself, so nothing was changed; otherwise the
    server ran it and its transaction was rolled back, which is all litkg can vouch for."""
    outcome = ("the server refused it, and nothing was changed" if checked else
               "it ran in a transaction that was then rolled back")
    return Neo4jQueryError(f"the query tried to write; only read queries run here, and {outcome}",
                           hint="use MATCH … RETURN queries")


def run_query(driver, name: str, given: Mapping[str, Any] | None = None, *, database: str = DEFAULT_DATABASE,
              directory: str | Path | None = None) -> CypherResult:
    """Run the library query ``name`` with ``given`` parameters (see :func:`bind_parameters`)."""
    query = get_query(name, directory)
    bound = bind_parameters(query, given or {})
    result = run_cypher(driver, query.cypher, bound, database=database)
    if not result.rows:  # no rows: say so when a paper or concept it names is not in the graph
        check_references(driver, query, bound, database=database)
    return result


#: Whether a paper, a concept, or either, that a query's parameters name is in the graph: the
#: library's own lookups (:mod:`litkg.queries.cypher_macros`), so a query and its check agree.
_FIND = {"paper": "{{ find_paper($ref, $idents, found) }} RETURN found IS NOT NULL AS found",
         "concept": "{{ find_concepts($ref, $norm, found) }} RETURN size(found) > 0 AS found",
         "paper or concept": "{{ find_node($ref, $idents, $norm, found) }} RETURN size(found) > 0 AS found"}


def check_references(driver, query: LibraryQuery, bound: Mapping[str, Any], *,
                     database: str = DEFAULT_DATABASE) -> None:
    """Raise :class:`~litkg.errors.NotFoundError`, as ``litkg query`` does, when a paper or concept
    that ``bound`` names is not in the graph (a parameter from which ``idents`` or ``norm`` are
    derived names a paper or a concept)."""
    from litkg.errors import NotFoundError
    from litkg.queries.resolve import CONCEPT_HINT, NODE_HINT, PAPER_HINT

    derived: dict[str, dict[str, str]] = {}
    for param in query.params:
        if param.derivation:
            kind = "idents" if param.derivation == "paper_idents" else "norm"
            derived.setdefault(param.derived_from, {})[kind] = param.name
    for source, kinds in derived.items():
        ref = bound.get(source)
        if ref is None:
            continue
        what = "paper or concept" if set(kinds) == {"idents", "norm"} else "paper" if "idents" in kinds else "concept"
        params = {"ref": ref, "idents": bound.get(kinds.get("idents"), []) or [], "norm": bound.get(kinds.get("norm"))}
        if run_cypher(driver, expand_macros(_FIND[what]), params, database=database).rows[0]["found"]:
            continue
        if what == "paper":
            raise NotFoundError(f"no paper matches {ref!r}", hint=PAPER_HINT)
        if what == "concept":
            raise NotFoundError(f"no concept named {ref!r} in the graph", hint=CONCEPT_HINT)
        raise NotFoundError(f"no paper or concept matches {ref!r}", hint=NODE_HINT)

