"""The records the discovery patterns pass on: a candidate name and where the trigger words are."""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Candidate", "TokenHints", "DEFINITION_ONLY"]


#: The pattern of a candidate that only records what the paper says an acronym means.
DEFINITION_ONLY = "definition"


@dataclass(frozen=True)
class Candidate:
    """A possible new name found by a pattern, with offsets into the field's text."""

    start: int
    end: int
    text: str
    type: str | None  # None: decided later from context
    pattern: str
    proposes: bool
    confidence: float
    long_form: tuple[int, int] | None = None  # offsets of a long form of the same name
    canonical: str | None = None  # the name the span stands for when it is not its own text
    variant_of: str | None = None  # the name of a known concept this new one is a variant of


@dataclass(frozen=True)
class TokenHints:
    """Where the trigger words of the patterns are, as character offsets into the text.

    The pipeline reads these from lexeme flags (computed once per vocabulary entry) in one array
    call; :func:`text_hints` finds them in plain text for callers without a Doc.
    """

    nameish: tuple[int, ...]  # starts of tokens shaped like names (capital or digit inside)
    propose: tuple[tuple[int, int], ...]  # proposal verbs ("propose", "introduced", …)
    data_heads: tuple[tuple[int, int], ...]  # "dataset", "benchmarks", "corpus", …
    preps: tuple[tuple[int, int], ...]  # "on" and "across", which may open an evaluation list
    titled: tuple[tuple[int, int], ...] = ()  # runs of 3+ Title Case words ("Trust Region Aware …")
