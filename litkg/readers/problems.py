"""Where a reader sends the records it cannot read: raised at once, or reported and skipped.

Every reader gets one :class:`Problems` for its file and calls :meth:`Problems.report` with the
line and the reason of each broken record; what happens then is the caller's choice
(``on_error``), the same for every format.
"""
from __future__ import annotations

import re
from typing import Callable

from litkg.errors import MalformedRecordError
from litkg.records import SkippedRecord

__all__ = ["Problems", "ENCODING_HINT"]

_UNDECODABLE = re.compile(r"invalid \S+ at byte offset \d+")
#: The hint of an error about bytes the encoding cannot decode.
ENCODING_HINT = ("the file may be in another encoding: pass it with --encoding "
                 "(e.g. --encoding cp1252 or latin-1), or --on-error skip to skip such records")


class Problems:
    """Where a reader sends broken records: raise, or report and go on, as the caller chose.

    >>> seen = []
    >>> Problems("in.jsonl", "skip", seen.append).report(3, "invalid JSON")
    >>> print(seen[0])
    in.jsonl:3: invalid JSON
    """

    def __init__(self, path: str, on_error: str, skipped: Callable[[SkippedRecord], None] | None):
        self.path = path
        self.fail = on_error == "fail"
        self.skipped = skipped
        self.last_line = 0  # the line of the last record read, for errors that name no line

    def report(self, line: int, reason: str) -> None:
        if self.fail:
            error = MalformedRecordError(self.path, line, reason)
            if _UNDECODABLE.match(reason):
                error.hint = ENCODING_HINT
            raise error
        self.last_line = max(self.last_line, line)
        if self.skipped is not None:
            self.skipped(SkippedRecord(self.path, line, reason))
