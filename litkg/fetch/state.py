"""The cursor file beside a fetch's output: where an interrupted fetch goes on from.

After each page, the output is flushed to disk and then the cursor file is replaced (atomically)
with the cursor of the next page, the number of records written and the output's size. A fetch
that finds a cursor file for the same source, query and ``since`` cuts the output back to that
size (dropping a page half-written when it stopped) and goes on from that cursor, so no record
is fetched or written twice.
"""
from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from litkg.errors import CursorError

__all__ = ["Cursor", "cursor_path", "load_cursor", "save_cursor"]


@dataclass(frozen=True)
class Cursor:
    source: str
    query: str
    since: str | None
    cursor: Any  # the service's cursor of the next page to fetch
    skip: int = 0  # records of that page already written (a fetch stopped by --max mid-page)
    written: int = 0
    size: int = 0  # bytes of output holding those records
    done: bool = False  # the service has no more pages

    def advance(self, **changes) -> "Cursor":
        return replace(self, **changes)


def cursor_path(out: str | os.PathLike) -> Path:
    return Path(f"{out}.cursor.json")


def load_cursor(out: str | os.PathLike, source: str, query: str, since: str | None,
                first: Any) -> tuple[Cursor, bool]:
    """The cursor to go on from and whether it resumes an earlier fetch.

    Raises CursorError when the output exists without a cursor file (litkg will not overwrite
    it) or when the cursor file is for another fetch.
    """
    path = cursor_path(out)
    if not path.exists():
        if Path(out).exists() and Path(out).stat().st_size:
            raise CursorError(f"{out} exists and has no cursor file {path.name}; "
                              f"litkg will not overwrite it")
        return Cursor(source, query, since, first), False
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        saved = Cursor(**data)
    except (OSError, ValueError, TypeError) as exc:
        raise CursorError(f"cannot read the cursor file {path}: {exc}") from None
    if (saved.source, saved.query, saved.since) != (source, query, since):
        raise CursorError(f"{path} is for another fetch ({saved.source} {saved.query!r}"
                          f"{f' since {saved.since}' if saved.since else ''})")
    actual = Path(out).stat().st_size if Path(out).exists() else 0
    if actual < saved.size:
        raise CursorError(f"{out} is shorter than {path.name} says it was "
                          f"({saved.size:,} bytes): it was changed since")
    return saved, True


def save_cursor(out: str | os.PathLike, cursor: Cursor) -> None:
    path = cursor_path(out)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(json.dumps(asdict(cursor), ensure_ascii=False), encoding="utf-8")
    os.replace(temporary, path)
