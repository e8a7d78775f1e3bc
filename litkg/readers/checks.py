"""The last check of every record a reader yields: types, ranges, lengths and nesting (#14).

A hostile value (a year of 10**20, a 100,000-character DOI, metadata nested 1,000 levels deep)
must become a skipped record with its file and line, never a store error or a traceback.
:func:`checked_papers` wraps every reader and applies :func:`paper_problem` to each Paper.
"""
from __future__ import annotations

from itertools import chain
from typing import TYPE_CHECKING, Iterator

from litkg.records import Paper

if TYPE_CHECKING:
    from litkg.readers.problems import Problems

__all__ = ["INT_RANGES", "MAX_DEPTH", "MAX_ID_CHARS", "paper_problem", "nesting_depth",
           "checked_papers"]

#: Ranges of the whole-number fields: a value outside is a broken record, never a store error.
INT_RANGES = {"year": (0, 9999), "author_count": (0, 1_000_000), "upvotes": (0, 1 << 53)}
_STR_FIELDS = ("title", "abstract", "id", "date", "date_raw", "venue", "url", "doi", "arxiv_id")
#: The deepest nesting of lists and objects kept in a record's metadata.
MAX_DEPTH = 64
#: The longest identifier (DOI, arXiv id, URL, id) litkg reads, in characters.
MAX_ID_CHARS = 2_000


def paper_problem(paper: Paper) -> str | None:
    """Why a Paper cannot be stored, or None: a field of the wrong type, a number out of range,
    an identifier too long or metadata nested too deep (see :data:`INT_RANGES`).

    >>> paper_problem(Paper("A", year=10**20))
    'year out of range: 100000000000000000000 (expected 0 to 9,999)'
    >>> paper_problem(Paper("A", year=2024)) is None
    True
    """
    for name, (low, high) in INT_RANGES.items():
        value = getattr(paper, name)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int):
            return f"{name} must be a whole number, not {type(value).__name__}"
        if not low <= value <= high:
            shown = str(value) if value.bit_length() < 200 else f"a {value.bit_length()}-bit number"
            return f"{name} out of range: {shown} (expected {low} to {high:,})"
    for name in _STR_FIELDS:
        value = getattr(paper, name)
        if value is not None and not isinstance(value, str):
            return f"{name} must be a string, not {type(value).__name__}"
        if name not in ("title", "abstract") and value and len(value) > MAX_ID_CHARS:
            return f"{name} is too long: {len(value):,} characters (at most {MAX_ID_CHARS:,})"
    if not all(isinstance(a, str) for a in paper.authors):
        return "authors must be names (strings)"
    if any(not isinstance(i, str) or len(i) > MAX_ID_CHARS for i in paper.ids):
        return f"ids must be strings of at most {MAX_ID_CHARS:,} characters"
    metadata = paper.metadata  # most often flat: told without a walk
    if not _SCALAR_TYPES.issuperset(map(type, metadata.values())) and nesting_depth(
            dict(metadata)) > MAX_DEPTH:
        return f"a field is nested more than {MAX_DEPTH} levels deep"
    return None


_SCALAR_TYPES = frozenset({str, int, float, bool, type(None)})
_SEQUENCE_TYPES = frozenset({list, tuple})
_FLAT_TYPES = _SCALAR_TYPES | _SEQUENCE_TYPES


def nesting_depth(value: object, limit: int = MAX_DEPTH) -> int:
    """How deeply lists and dicts nest in ``value`` (0 for a scalar), counted without recursion;
    stops counting past ``limit``.

    >>> nesting_depth({"a": [[1]]}), nesting_depth("x")
    (3, 0)
    >>> nesting_depth({"index": {"word": [1, 2], "other": [3]}}), nesting_depth([[1], [2, [3]]])
    (3, 3)
    """
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (list, tuple, dict)):
            deepest = max(deepest, depth)
            if depth > limit:
                return deepest
            children = item.values() if isinstance(item, dict) else item
            # The types of the children, found at C speed: long lists of numbers (OpenAlex's
            # inverted abstracts) cost no Python step per element.
            kinds = set(map(type, children))
            if kinds <= _SCALAR_TYPES:
                continue
            if kinds <= _FLAT_TYPES:  # plain values and lists of them, as most records hold
                lists = children if kinds <= _SEQUENCE_TYPES else [
                    child for child in children if type(child) in _SEQUENCE_TYPES]
                if set(map(type, chain.from_iterable(lists))) <= _SCALAR_TYPES:
                    deepest = max(deepest, depth + 1)  # lists of plain values, one level down
                    if depth + 1 > limit:
                        return deepest
                    continue
            stack.extend((child, depth + 1) for child in children
                         if isinstance(child, (list, tuple, dict)))
    return deepest


def checked_papers(papers: Iterator[Paper], problems: "Problems") -> Iterator[Paper]:
    """``papers`` with every record checked by :func:`paper_problem`; a reader's unexpected
    failure (a Python error, not a litkg one) ends the file with a reported record, never a
    traceback."""
    from litkg.errors import LitkgError

    iterator = iter(papers)
    while True:
        try:
            paper = next(iterator)
        except StopIteration:
            return
        except LitkgError:
            raise
        except (ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError,
                RecursionError, UnicodeError) as exc:
            problems.report(problems.last_line + 1,
                            f"cannot read past here ({type(exc).__name__}: {str(exc)[:200]}); "
                            f"rest of file not read")
            return
        problems.last_line = paper.source.line
        problem = paper_problem(paper)
        if problem:
            problems.report(paper.source.line, problem)
            continue
        yield paper
