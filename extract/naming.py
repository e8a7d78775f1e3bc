"""How a name looks and what kind of thing it is: name-shaped tokens, and a type from the words
around a name (head nouns, shapes, appositions). Used by the discovery patterns, assembly and the
span model."""
from __future__ import annotations

import re
from functools import lru_cache

from litkg.extract.lexicon import ADJECTIVE_SUFFIXES, GENERIC_ACRONYMS, HEAD_TYPES, NOT_NAMES

__all__ = ["occurrences", "TOKEN", "NAME_HEADS", "NOT_NAMES", "SHAPES", "core_of", "is_name_like", "is_capitalised",
           "infer_type", "title_head_type"]

TOKEN = re.compile(r"[A-Za-z0-9][\w+\-/.]*[\w+]|[A-Za-z0-9]")

_STRIP = ".,;:()[]{}\"'“”‘’"
NAME_HEADS = "|".join(sorted((re.escape(h) for h in HEAD_TYPES), key=len, reverse=True))
_HEAD_AFTER = re.compile(
    r"^\s*(?:\([^()]{0,80}\))?\s*(?:,\s*|\s+is\s+|\s+was\s+|\s+as\s+)(?:a|an|the|our)\s+"
    r"(?:[\w\-]+,?\s+){0,6}?(" + NAME_HEADS + r")\b",
    re.IGNORECASE,
)
_HEAD_RIGHT_AFTER = re.compile(r"^\s*(?:\([^()]{0,80}\))?\s*(" + NAME_HEADS + r")\b", re.IGNORECASE)

# (substrings one of which the text must contain, pattern, type): the substring test is a fast
# C scan that saves running the pattern on most texts.
SHAPES = (
    (("Bench", "bench", "BENCH"), re.compile(r"\b[A-Z][\w\-]*?-?(?:Bench|bench|BENCH)(?:-[\w]+)?\b"), "benchmark"),
    (("Eval", "EVAL"), re.compile(r"\b[A-Z][\w\-]*?-?(?:Eval|EVAL)\b"), "benchmark"),
    (("K",), re.compile(r"[A-Z][A-Za-z0-9]*-\d+K"), "dataset"),
    (("QA",), re.compile(r"\b[A-Z][A-Za-z0-9\-]+QA\b"), "dataset"),
)
# Where a naming phrase can start: (substring, how many characters before it the phrase starts).


_ADJECTIVE_SUFFIX = re.compile(r"-(?:" + "|".join(ADJECTIVE_SUFFIXES) + r")$", re.IGNORECASE)
_URLISH = re.compile(r"https?:|www\.|\.(?:com|org|io|net|ai|edu|html?)\b|github|@", re.IGNORECASE)
_MODEL_SUFFIX = re.compile(r"(?:-\d+(?:\.\d+)?[BbMm]|LLM|GPT|BERT|-LM|-VL)$")


def core_of(token: str) -> str:
    return token.strip(_STRIP)


@lru_cache(maxsize=1 << 16)
def is_name_like(token: str) -> bool:
    """True for tokens shaped like coined names: LEVI, ReFT, VL2V-ADiP, O3, iHVP, Skill-Mix.

    >>> [is_name_like(t) for t in ("LEVI", "ReFT", "VL2V-ADiP", "OOD", "LLMs", "Zero-Shot", "x")]
    [True, True, True, False, False, False, False]
    """
    core = core_of(token)
    if len(core) < 2 or core in GENERIC_ACRONYMS or core.rstrip("s") in GENERIC_ACRONYMS:
        return False
    if core in NOT_NAMES:
        return False
    if _ADJECTIVE_SUFFIX.search(core):
        return False  # "SL-based", "CLIP-like": a modifier built on a name, not a name
    head, _, rest = core.partition("-")
    if rest and head in GENERIC_ACRONYMS and rest.replace("-", "").isalpha() and not any(c.isupper() for c in rest[1:]):
        return False  # "AI-Assisted", "LLM-Generated": a generic term with a plain word
    upper = sum(c.isupper() for c in core)
    digits = any(c.isdigit() for c in core)
    letters = sum(c.isalpha() for c in core)
    if letters == 0 or (core[0].isdigit() and letters == 1):
        return False  # "3D", "4D", "2x"
    if _URLISH.search(core):
        return False
    parts = core.split("-")
    if len(parts) > 1 and all(p.islower() or (p[:1].isupper() and p[1:].islower()) for p in parts if p):
        return False  # "Vision-Language", "Out-of-Distribution", "Zero-Shot": adjectives
    return upper >= 2 or bool(upper and digits) or bool(upper and not core[0].isupper())


def is_capitalised(token: str) -> bool:
    core = core_of(token)
    return bool(core) and (core[0].isupper() or core[0].isdigit()) and core not in NOT_NAMES


def infer_type(text: str, start: int, end: int, name: str | None = None) -> str | None:
    """A concept type from the words around ``text[start:end]``, or None when nothing says.

    Tries, in order: a head noun right after the name ("X dataset"), the name's shape (X-Bench,
    X-7B), an apposition or copula ("X, a benchmark for", "X is a model"), a head noun just
    before it ("the method X").
    """
    name = name or text[start:end]
    after = text[end : end + 120]
    match = _HEAD_RIGHT_AFTER.match(after)
    if match:
        return HEAD_TYPES[match.group(1).lower()]
    for _, shape, kind in SHAPES:
        if shape.fullmatch(name):
            return kind
    if _MODEL_SUFFIX.search(name):
        return "model"
    match = _HEAD_AFTER.match(after)
    if match:
        return HEAD_TYPES[match.group(1).lower()]
    # "the method X", "a new dataset called X": the last words before the name (a regex search
    # over the preceding text was the slowest step here).
    words = text[max(0, start - 60) : start].rstrip(" \"“").rsplit(None, 2)
    if words and words[-1].lower() in ("called", "named", "dubbed", "termed", "coined"):
        words = words[:-1]
    if words:
        return HEAD_TYPES.get(words[-1].lower())
    return None


def title_head_type(rest: str) -> str | None:
    # "LEVI: A Benchmark for …" → benchmark; only when the rest opens like a noun phrase.
    words = rest.split()
    if not words or words[0].lower() not in ("a", "an", "the"):
        return None
    for word in words[1:9]:
        kind = HEAD_TYPES.get(core_of(word).lower())
        if kind:
            return kind
    return None


def occurrences(text: str, words: tuple[str, ...]):
    """``(position, word)`` of every occurrence of each of ``words`` in ``text``, word by word:
    str.find runs in C, far faster than a regular expression scanning the whole text."""
    for word in words:
        pos = text.find(word)
        while pos >= 0:
            yield pos, word
            pos = text.find(word, pos + len(word))
