"""``litkg neo4j …``: push the graph into Neo4j and run the Cypher query library against it.

Connection options also come from ``NEO4J_URI``, ``NEO4J_USERNAME``, ``NEO4J_PASSWORD`` and
``NEO4J_DATABASE``. The password is never printed; prefer the environment variable to
``--password`` (a command line is visible to other users of the machine).

Faults end in one ``Error: … (hint: …)`` line and exit code 1: the driver's own log messages
(warnings about retries and lost connections) are kept off the terminal unless the caller
configures logging.
"""
from __future__ import annotations

import json
import logging
import sys
from functools import wraps
from typing import Callable

import click

from litkg.commands.common import cell_text, db_option, fail_cleanly, json_option, print_json, short, table_lines
from litkg.core import KnowledgeGraph
from litkg.graph.neo4j_model import DEFAULT_BATCH_SIZE, DEFAULT_DATABASE, DEFAULT_RETRY_FOR, DEFAULT_URI, DEFAULT_USER

__all__ = ["neo4j", "connection_options", "settings_from_options"]


def connection_options(func: Callable) -> Callable:
    """``--uri``, ``--user``, ``--password`` and ``--database``, each with its environment variable."""
    options = [
        click.option("--uri", default=DEFAULT_URI, show_default=True, envvar="NEO4J_URI",
                     show_envvar=True, help="The Neo4j server."),
        click.option("--user", default=DEFAULT_USER, show_default=True, envvar="NEO4J_USERNAME", show_envvar=True,
                     help="User name."),
        click.option("--password", default=None, envvar="NEO4J_PASSWORD", show_envvar=True,
                     help="Password; prefer the environment variable. Asked for when missing on a terminal."),
        click.option("--database", default=DEFAULT_DATABASE, show_default=True, envvar="NEO4J_DATABASE",
                     show_envvar=True,
                     help="The database to use."),
    ]
    for option in reversed(options):
        func = option(func)

    @wraps(func)
    @fail_cleanly
    def wrapper(*args, uri, user, password, database, **kwargs):
        return func(*args, settings=settings_from_options(uri, user, password, database), **kwargs)

    return wrapper


def _quiet_driver_log() -> None:
    """Keep the driver's log records off stderr (Python prints records nobody handles there):
    litkg reports faults itself, in one line. A logging set up by the caller still gets them."""
    driver_log = logging.getLogger("neo4j")
    if not any(isinstance(handler, logging.NullHandler) for handler in driver_log.handlers):
        driver_log.addHandler(logging.NullHandler())


def settings_from_options(uri: str, user: str, password: str | None, database: str):
    """:class:`Neo4jSettings` from the options; the URI is checked before a password is asked for."""
    from litkg.graph.neo4j_push import Neo4jSettings, check_uri

    _quiet_driver_log()
    uri = check_uri(uri)
    if password is None and sys.stdin.isatty():
        password = click.prompt(f"Password for {user}", hide_input=True, default="", show_default=False,
                                err=True) or None
    return Neo4jSettings(uri=uri, user=user, password=password, database=database)


@click.group("neo4j")
def neo4j() -> None:
    """Push the graph into Neo4j, and run the shipped Cypher queries against it."""


@neo4j.command("push")
@db_option
@connection_options
@click.option("--batch-size", default=DEFAULT_BATCH_SIZE, show_default=True, type=click.IntRange(min=1),
              help="Rows per transaction.")
@click.option("--retry-for", default=DEFAULT_RETRY_FOR, show_default=True, type=click.FloatRange(min=0),
              metavar="SECONDS",
              help="Keep retrying a batch that failed with a transient error or a lost connection for this "
                   "long (a server restart); 0: no retries.")
@json_option
@fail_cleanly
def push_cmd(db, settings, batch_size, retry_for, as_json) -> None:
    """Write the graph in --db into Neo4j: constraints and indexes, nodes, then relationships.

    Idempotent: pushing again creates nothing; after a later build it creates only what is new
    (and drops relationships the store no longer has). Transient errors and lost connections are
    retried with backoff for --retry-for seconds; a push that still fails keeps what it wrote, and
    running it again completes it without duplicates.
    """
    from tqdm import tqdm

    with KnowledgeGraph(db) as kg, tqdm(unit=" rows", desc="pushing", file=sys.stderr, disable=None,
                                        leave=False) as bar:
        def progress(stage: str, rows: int, total: int) -> None:
            bar.total = total
            bar.set_description(stage)
            bar.update(rows)

        summary = kg.push(settings, batch_size=batch_size, retry_for=retry_for, progress=progress)
    if as_json:
        print_json({"uri": settings.address, "database": settings.database, **summary.to_json()})
        return
    click.echo(f"Pushed {db} to {settings.address} (database {settings.database}) in {summary.seconds:.1f} s: "
               f"{summary.papers} papers, {summary.concepts} concepts, {summary.mentions} paper-concept and "
               f"{summary.relations} concept-concept relationships.")
    click.echo(f"Created {summary.nodes_created} nodes and {summary.relationships_created} relationships; "
               f"deleted {summary.relationships_deleted} stale relationships; added "
               f"{summary.constraints_added} constraints and {summary.indexes_added} indexes"
               + (f"; {summary.retries} failed tries repeated." if summary.retries else "."))


def _cell(value) -> str:
    if isinstance(value, dict):
        return short(json.dumps(value, ensure_ascii=False), 60)
    if isinstance(value, (list, tuple)):
        return short(", ".join(_cell(v) for v in value), 60)
    return short(cell_text(value), 60)


@neo4j.command("query")
@click.argument("name", required=False)
@click.option("--param", "params", multiple=True, metavar="NAME[:TYPE]=VALUE",
              help="A query parameter (repeatable); see 'litkg neo4j queries'. With --cypher, 5 is an "
                   "integer, 2.5 a float, true/false booleans, null null, [..] a JSON list; force a "
                   "type with NAME:str=5 (also :int, :float, :bool, :list, :json).")
@click.option("--cypher", default=None, help="Run this ad-hoc read query instead of a library query.")
@connection_options
@json_option
@fail_cleanly
def query_cmd(name, params, cypher, settings, as_json) -> None:
    """Run the library query NAME (or an ad-hoc read query given with --cypher) and print its rows.

    Parameters are given as --param NAME=VALUE and converted to the types the query declares;
    with --cypher they are read by their look (--param n=5 is the integer 5, true is a boolean,
    [1, 2] a list), and --param n:str=5 forces a string. Queries run in a read transaction that
    is rolled back, so nothing is ever changed. A paper or concept that is not in the graph is an
    error (exit 1), as in 'litkg query'.
    """
    from litkg.queries.cypher_library import parse_param_pairs, run_cypher, run_query

    if (name is None) == (cypher is None):
        raise click.UsageError("give a library query NAME or --cypher TEXT (one of them)")
    given = parse_param_pairs(params, typed=cypher is not None)
    driver = settings.open_driver()
    try:
        if cypher is not None:
            result = run_cypher(driver, cypher, given, database=settings.database)
        else:
            result = run_query(driver, name, given, database=settings.database)
    finally:
        driver.close()
    if as_json:
        print_json(result.to_json())
        return
    if not result.rows:
        click.echo("No rows.")
        return
    for line in table_lines(result.columns, [[_cell(row.get(c)) for c in result.columns] for row in result.rows]):
        click.echo(line)


@neo4j.command("queries")
@click.option("--show", "show", default=None, metavar="NAME", help="Print the Cypher text of this query.")
@json_option
@fail_cleanly
def queries_cmd(show, as_json) -> None:
    """List the Cypher query library: what each query answers and its parameters."""
    from litkg.queries.cypher_library import get_query, load_library, read_query_file

    if show is not None:
        query = get_query(show)
        click.echo(read_query_file(query.path) if query.path else query.cypher, nl=False)
        return
    library = load_library()
    if as_json:
        print_json([q.to_json() for q in library.values()])
        return
    for query in library.values():
        click.echo(f"{query.name}: {query.summary}")
        for param in query.params:
            if param.derivation:
                continue
            spec = "required" if param.required else f"default {json.dumps(param.default)}"
            choices = f", one of {'|'.join(param.choices)}" if param.choices else ""
            click.echo(f"    --param {param.name}=…  ({param.type}, {spec}{choices}) {param.doc}")
