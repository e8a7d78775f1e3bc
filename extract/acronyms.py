"""Acronym definitions, found in the manner of Schwartz & Hearst (2003), in both directions.

"Trust Region Aware Minimization (TRAM)" and "LEVI (Layer-wise Ensemble of different VIews)"
both give the pair (short form, long form) with character offsets into the text, so the two
spellings become one concept.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import partial

__all__ = ["AcronymDefinition", "find_acronym_definitions", "match_long_form"]

_PARENS = re.compile(r"\(\s*([^()\n]{1,80}?)\s*\)")
_SHORT_SHAPE = re.compile(r"^[A-Za-z0-9][\w.+\-/&]*$")


@dataclass(frozen=True)
class AcronymDefinition:
    short: str
    short_start: int
    short_end: int
    long: str
    long_start: int
    long_end: int


def _is_short_form(token: str) -> bool:
    # Cheapest tests first: most parenthesised words are lower case ("(see below)", "(ours)").
    return (
        2 <= len(token) <= 12
        and not token.islower()
        and bool(_SHORT_SHAPE.match(token))
        and any(c.isupper() for c in token)
        and sum(c.isalpha() for c in token) >= 2
    )


def match_long_form(short: str, text: str) -> int | None:
    """Start index in ``text`` of the long form that ``short`` abbreviates, or None.

    Characters of the short form are matched right to left in ``text``; the first one must start
    a word. Digits and hyphens of the short form may be absent from the long form ("VL2V").

    >>> text = "we use Trust Region Aware Minimization"
    >>> text[match_long_form("TRAM", text):]
    'Trust Region Aware Minimization'
    """
    chars = [c.lower() for c in short if c.isalnum()]
    if not chars:
        return None
    lowered = text.lower()
    # Where each character lower-cases to one, alone as in the text (not a capital sigma, whose
    # lower case depends on its place in a word), the search can run on the lower-cased text
    # with str.rfind (in C) rather than by a loop in Python.
    if len(lowered) == len(text) and "Σ" not in text and all(len(c) == 1 for c in chars):
        return _long_form_start(chars, text, partial(_rfind_in_lowered, lowered, text))
    return _long_form_start(chars, text, partial(_scan_back, text))


def _long_form_start(chars: list[str], text: str, find) -> int | None:
    """Match ``chars`` right to left in ``text``, each at ``find(char, last, first)``: the last
    place at or before ``last`` it stands (a word's start for the ``first``), or -1."""
    pos = len(text) - 1
    for index in range(len(chars) - 1, -1, -1):
        char = chars[index]
        found = find(char, pos, index == 0)
        if found < 0:
            if char.isdigit():
                continue  # "VL2V": the digit is often written as a word or left out
            return None
        pos = found - 1
    start = pos + 1
    # Widen to the start of the word the first character sits in.
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return start


def _rfind_in_lowered(lowered: str, text: str, char: str, last: int, first: bool) -> int:
    found = lowered.rfind(char, 0, last + 1)
    if first:
        while found > 0 and text[found - 1].isalnum():
            found = lowered.rfind(char, 0, found)
    return found


def _scan_back(text: str, char: str, last: int, first: bool) -> int:
    found = last
    while found >= 0 and (text[found].lower() != char or (first and found > 0 and text[found - 1].isalnum())):
        found -= 1
    return found


def _words_before(text: str, end: int, limit: int) -> tuple[int, str]:
    """The last ``limit`` words before ``end``, not crossing a clause break.

    Plain string searches, not regular expressions: this runs for every parenthesis.
    """
    window_start = max(0, end - 200)
    window = text[window_start:end]
    cut = max(window.rfind("("), window.rfind(")"), window.rfind("["), window.rfind("]"))
    for mark in (". ", "; ", ": ", "! ", "? "):
        found = window.rfind(mark)
        if found >= 0:
            cut = max(cut, found + 1)
    if cut >= 0:
        window_start += cut + 1
        window = text[window_start:end]
    pieces = window.rsplit(None, limit)
    if len(pieces) > limit:
        skip = len(pieces[0])
        while skip < len(window) and window[skip].isspace():
            skip += 1
    else:
        skip = len(window) - len(window.lstrip())
    if skip >= len(window):
        return end, ""
    start = window_start + skip
    return start, text[start:end]


def find_acronym_definitions(text: str) -> list[AcronymDefinition]:
    """Every "long form (SHORT)" and "SHORT (long form)" definition in ``text``."""
    found = []
    for paren in _PARENS.finditer(text):
        inner = paren.group(1)
        inner_start = paren.start(1)
        if " " not in inner.strip() and _is_short_form(inner):
            # long form (SHORT): look back a bounded number of words (Schwartz & Hearst's limit).
            limit = min(len(inner) + 5, 2 * len(inner))
            before_end = paren.start()
            while before_end > 0 and text[before_end - 1].isspace():
                before_end -= 1
            window_start, window = _words_before(text, before_end, limit)
            offset = match_long_form(inner, window)
            if offset is None:
                continue
            long_text = window[offset:].strip(" ,")
            if not long_text or inner.lower() in long_text.lower() or len(long_text) <= len(inner):
                continue
            long_start = window_start + offset
            found.append(
                AcronymDefinition(inner, inner_start, inner_start + len(inner), long_text, long_start, long_start + len(long_text))
            )
        elif len(inner.split()) >= 2:
            # SHORT (long form): the token just before the paren is the short form.
            # Only a bounded window before the paren: slicing from the text's start made long
            # texts with many parentheses quadratic.
            window_start = max(0, paren.start() - 100)
            before = text[window_start : paren.start()].rstrip()
            words = before.split()
            token = words[-1].rstrip(",") if words else ""
            if not _is_short_form(token) or token.lower() in inner.lower():
                continue
            offset = match_long_form(token, inner)
            if offset is None or offset > len(inner.split()[0]) + 1:
                continue  # the long form must start at the opening of the parenthesis
            short_start = window_start + before.rfind(token)
            long_text = inner[offset:]
            found.append(
                AcronymDefinition(token, short_start, short_start + len(token), long_text, inner_start + offset, inner_start + offset + len(long_text))
            )
    return found
