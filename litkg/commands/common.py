"""Pieces every command shares: error handling, shared options, output helpers."""
from __future__ import annotations

import json
import sqlite3
import sys
from functools import wraps
from pathlib import Path
from typing import Callable

import click

from litkg.core import DEFAULT_DB
from litkg.errors import LitkgError
from litkg.outputs import OutputError
from litkg.readers import FORMATS

__all__ = ["fail_cleanly", "db_option", "json_option", "input_options", "fast_option", "workers_option", "print_json", "short"]


def fail_cleanly(func: Callable) -> Callable:
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
        except sqlite3.DatabaseError as exc:  # a store damaged, full or read-only mid-command (#14)
            click.echo(f"Error: the store cannot be used: {_sqlite_reason(exc)} (hint: {_sqlite_hint(exc)})",
                       err=True)
            sys.exit(1)
        except OSError as exc:  # a full disk, a folder that cannot be written
            where = f" {exc.filename}" if exc.filename else ""
            click.echo(f"Error: cannot access{where}: {exc.strerror or exc} (hint: check the path, its "
                       f"permissions and the free space)", err=True)
            sys.exit(1)

    return wrapper


def _sqlite_reason(exc: Exception) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def _sqlite_hint(exc: Exception) -> str:
    text = str(exc).lower()
    if "full" in text:
        return "free some disk space and run the command again; the store keeps its last committed batch"
    if "readonly" in text or "read-only" in text:
        return "the store or its folder cannot be written; build into a --db you can write"
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return "run 'litkg check --db PATH' to see what is damaged, and rebuild the store"
    return "run 'litkg check --db PATH'"


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
    func = click.option("--encoding", default="utf-8", show_default=True,
                        help="Text encoding of the input files (ASCII-compatible: utf-8, latin-1, "
                             "cp1252, …).")(func)
    return func


def fast_option(func: Callable) -> Callable:
    return click.option("--fast", is_flag=True,
                        help="Rules and gazetteer only, without the learned span model: faster, "
                             "finds fewer names that papers take from prior work.")(func)


def _default_workers() -> int:
    # Called by click only when --workers is not given: importing litkg.extract loads spaCy, which
    # `litkg --help` and the commands that extract nothing do without.
    from litkg.extract.parallel import default_workers

    return default_workers()


def workers_option(func: Callable) -> Callable:
    return click.option("--workers", type=click.IntRange(min=1), default=_default_workers,
                        show_default="this machine's cores",
                        help="Extraction processes; results do not depend on it.")(func)


def print_json(data) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


def short(text: str, width: int = 90) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"




def cell_text(value) -> str:
    """A value as a table cell: booleans as true/false and nulls empty (as in JSON and Cypher)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(round(value, 4))
    if isinstance(value, (list, tuple)):
        return ", ".join(cell_text(v) for v in value)
    return str(value)


def table_lines(headers, body) -> list[str]:
    """An aligned table: columns padded to their widest cell, numbers right-aligned, the last column
    ragged."""
    body = [tuple(str(c) for c in line) for line in body]
    table = [tuple(headers)] + body
    widths = [max(len(line[i]) for line in table) for i in range(len(headers))]
    numeric = [bool(body) and all(line[i].replace(".", "", 1).lstrip("-").isdigit() for line in body)
               for i in range(len(headers))]
    lines = []
    for line in table:
        out = [c.rjust(w) if num else c.ljust(w) for c, w, num in zip(line, widths, numeric)]
        lines.append("  ".join(out[:-1] + [line[-1]]).rstrip())
    return lines


def truncation_note(shown: int, total: int | None, option: str = "--limit") -> str | None:
    """"showing 50 of 62 — --limit 0 for all" when a table was cut, else None."""
    if total is None or shown >= total:
        return None
    return f"showing {shown} of {total} — {option} 0 for all"


def mkdir_option(func: Callable) -> Callable:
    return click.option("--mkdir", is_flag=True,
                        help="Create the folder --out goes into when it does not exist (without it, a missing "
                             "folder is an error, not a typo turned into folders).")(func)


def check_out_folder(out, *, mkdir: bool, directory: bool = False) -> None:
    """The folder ``out`` goes into must exist unless ``mkdir`` (then it is created). For a
    ``directory`` output (files written into ``out``), ``out`` itself may be new: its parent must
    exist."""
    path = Path(out)
    if directory and path.is_dir():
        return
    folder = path.parent
    if folder.is_dir():
        return
    if folder.exists():
        raise OutputError(f"{folder} is not a folder, so --out {out} cannot be written", hint="check --out")
    if mkdir:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise OutputError(f"cannot create {folder}: {err.strerror or err}", hint="check --out") from err
        return
    raise OutputError(f"the folder {folder} for --out does not exist",
                     hint="check the path, or pass --mkdir to create it")
