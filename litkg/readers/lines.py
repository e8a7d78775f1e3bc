"""Input files as decoded lines: each line with its number, and a bad byte reported on its own line.

Every reader but the JSON-array one reads its file through :func:`decode_lines`: lines are split
on the byte ``\\n`` (so the encoding must be ASCII-compatible, :func:`check_encoding`), held one
at a time, and never longer than :data:`MAX_LINE_BYTES`.
"""
from __future__ import annotations

import codecs
from typing import BinaryIO, Iterator, NamedTuple

__all__ = ["BOM", "MAX_LINE_BYTES", "Line", "check_encoding", "encoding_label", "decode_lines"]

#: The byte-order mark as decoded text; dropped from the start of a file.
BOM = "\ufeff"

#: The longest input line read, in bytes; a longer one is skipped as it is read, and reported.
#: :func:`decode_lines` reads it from the package (``litkg.readers.MAX_LINE_BYTES``) at each call,
#: so that one setting there holds for every reader.
MAX_LINE_BYTES = 1 << 25


class Line(NamedTuple):
    """One decoded line of an input file."""

    number: int  # 1-based
    text: str  # line end stripped; undecodable bytes kept as surrogate escapes
    error: str | None  # e.g. "invalid UTF-8 at byte offset 1234"


def check_encoding(encoding: str) -> str:
    """The codec name for ``encoding``; InputError when unknown or not ASCII-compatible.

    >>> check_encoding("Latin-1"), check_encoding("utf8")
    ('iso8859-1', 'utf-8')
    """
    from litkg.errors import InputError

    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        raise InputError(f"unknown encoding: {encoding!r}", hint="try --encoding utf-8") from None
    # Lines are split on the byte b"\n", which is only right for ASCII-compatible encodings.
    if "\n".encode(name) != b"\n" or "a".encode(name) != b"a":
        raise InputError(f"unsupported encoding: {encoding!r} (not ASCII-compatible)",
                         hint="convert the file to UTF-8 first")
    return name


def encoding_label(codec: str) -> str:
    """How an encoding is named in messages (``invalid UTF-8 at …``)."""
    return "UTF-8" if codec in ("utf-8", "utf-8-sig") else codec


def _line_limit() -> int:
    import litkg.readers  # the package's setting; imported here, where the package is loaded

    return litkg.readers.MAX_LINE_BYTES


def decode_lines(stream: BinaryIO, encoding: str) -> Iterator[Line]:
    """Decode a binary stream line by line, so that a bad byte is reported with its own line.

    >>> import io
    >>> [tuple(line) for line in decode_lines(io.BytesIO(b"a\\r\\nb\\xff\\n"), "utf-8")]
    [(1, 'a', None), (2, 'b\\udcff', 'invalid UTF-8 at byte offset 4')]
    """
    label, limit = encoding_label(encoding), _line_limit()
    offset = 0
    number = 0
    while raw := stream.readline(limit + 1):  # bounded: a 1 GiB line is never held whole
        number += 1
        start, offset = offset, offset + len(raw)
        if len(raw) > limit and not raw.endswith(b"\n"):
            del raw
            while rest := stream.readline(1 << 20):  # skip to the end of this line, a MiB at a time
                offset += len(rest)
                if rest.endswith(b"\n"):
                    break
            # "…" stands for the line, so that readers that skip blank lines still report it.
            yield Line(number, "…", f"line is too long: over {limit:,} bytes, skipped unread")
            continue
        if number == 1 and raw.startswith(codecs.BOM_UTF8) and label == "UTF-8":
            raw, start = raw[3:], start + 3
        raw = raw.rstrip(b"\r\n")
        try:
            text, error = raw.decode(encoding), None
        except UnicodeDecodeError as exc:
            text = raw.decode(encoding, "surrogateescape")
            error = f"invalid {label} at byte offset {start + exc.start}"
        yield Line(number, text.removeprefix(BOM) if number == 1 else text, error)
