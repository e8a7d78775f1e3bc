"""What the list-returning questions give back: a list of frozen dataclass rows that also knows
how many rows there were before a ``limit`` cut it, and turns into JSON or a pandas DataFrame."""
from __future__ import annotations

import dataclasses
from typing import Iterable

from litkg.errors import LitkgError

__all__ = ["Rows", "NO_LIMIT"]

#: What "no limit" is everywhere: ``limit=None`` (or 0) in Python, ``--limit 0`` on the command line.
NO_LIMIT = None


class Rows(list):
    """Rows of one question, best first: a plain ``list`` of frozen dataclass rows, plus

    ``total``
        how many rows the question has without a limit (``len(rows)`` when nothing was cut);
    ``truncated``
        whether ``limit`` left some out;
    ``to_json()`` / ``to_pandas()``
        the rows as JSON-ready dicts, or as a DataFrame with one column per field (pandas is the
        optional extra ``pip install 'litkg[pandas]'``).
    """

    def __init__(self, rows: Iterable = (), *, total: int | None = None, row_type: type | None = None) -> None:
        super().__init__(rows)
        self.total = len(self) if total is None else max(total, len(self))
        self.row_type = row_type if row_type is not None else (type(self[0]) if self else None)

    @property
    def truncated(self) -> bool:
        return self.total > len(self)

    def to_json(self) -> list[dict]:
        return [row.to_json() for row in self]

    def to_pandas(self):
        """A ``pandas.DataFrame``, one row per result and one column per field (lists stay lists)."""
        try:
            import pandas as pd
        except ImportError:  # pragma: no cover - the test extra installs pandas
            raise LitkgError("to_pandas() needs pandas", hint="pip install 'litkg[pandas]' (or pandas)") from None
        columns = [f.name for f in dataclasses.fields(self.row_type)] if self.row_type else None
        return pd.DataFrame(self.to_json(), columns=columns)

    def __repr__(self) -> str:
        more = f", total={self.total}" if self.truncated else ""
        return f"Rows({list.__repr__(self)}{more})"
