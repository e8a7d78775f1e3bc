"""What a title or an abstract may hold: no control characters, no lone surrogates, a bounded length.

Every reader passes its titles and abstracts through :func:`clean_text` and refuses those that
:func:`text_problem` finds fault with, so a record reads the same from every format.
"""
from __future__ import annotations

import re

__all__ = ["MAX_TEXT_CHARS", "clean_text", "text_problem"]

#: The longest title or abstract litkg reads, in characters; a longer one makes its record
#: malformed. Real abstracts have a few thousand characters (arXiv allows 1,920); a field this
#: long is a full text or a broken record, and extraction time grows with it.
MAX_TEXT_CHARS = 100_000

# C0 controls but tab and newline, and DEL: the ones that are spacing become a space, the others go.
_CONTROLS = {**{c: None for c in (*range(0x00, 0x09), *range(0x0E, 0x1C), 0x7F)},
             **{c: " " for c in (0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x1F)}}
_CONTROL_CHAR = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """``text`` without control characters (NUL, escape, bell…), keeping tabs and newlines.

    Form feeds, vertical tabs, carriage returns and the separator controls become spaces, so
    words they separated stay apart.

    >>> clean_text("A\\x00B\\x1b[1m bold\\x0cpage\\r\\nnext\\tcell")
    'AB[1m bold page \\nnext\\tcell'
    """
    # Scanning is much faster than translating, and most texts have no control character.
    return text.translate(_CONTROLS) if _CONTROL_CHAR.search(text) else text


def text_problem(field: str, text: str) -> str | None:
    """Why a title or abstract cannot be read, or None: too long, or unpaired surrogates (from
    a JSON escape like ``\\ud800``, which no file encoding can hold).

    >>> text_problem("title", "A\\ud800"), text_problem("title", "A") is None
    ('title holds an unpaired surrogate (an invalid \\\\u escape such as \\\\ud800)', True)
    """
    if len(text) > MAX_TEXT_CHARS:
        return (f"{field} is too long: {len(text):,} characters, litkg reads at most "
                f"{MAX_TEXT_CHARS:,} (a full text rather than an abstract?)")
    if _SURROGATE.search(text):
        return f"{field} holds an unpaired surrogate (an invalid \\u escape such as \\ud800)"
    return None
