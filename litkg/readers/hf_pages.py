"""Reader for text dumps of Hugging Face Daily Papers pages (format ``hf-pages``).

A page starts with a header (``new``, ``Get trending papers in your email inbox!``,
``Subscribe``, ``Daily Papers``, ``byAK and the research community``) ending in the page's date
(``Mar 11``). Then each paper is a title line, a blank line and its abstract on one long line,
optionally followed by a footer that belongs to the entry *above* it::

      • 5 authors
    ·
    Mar 19, 2024 2

(author count; a middle dot; the date, with the year only when it is not the current one, and
the upvote count when there is one).

Lines are classified by shape, not position, so that missing or doubled blank lines and missing
abstracts do not shift every later entry. A title is a short line that does not end like a
sentence; an abstract is anything longer. An entry that cannot be made sense of (an abstract or
footer with no title above it, an unreadable footer line, undecodable bytes) is reported with
its line, and reading goes on with the next entry.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import BinaryIO, Iterator

from litkg.readers.dates import MONTHS, parse_date
from litkg.readers.lines import Line, decode_lines
from litkg.readers.problems import Problems
from litkg.readers.text import clean_text, text_problem
from litkg.records import Paper, SourceRef

__all__ = ["read_hf_pages", "has_page_header", "looks_like_page", "is_title_shaped"]

#: Lines of the page header, lower-cased. Seen anywhere, they start a new page.
HEADER_LINES = frozenset({
    "new", "get trending papers in your email inbox!", "subscribe", "daily papers",
    "byak and the research community",
})
_DISTINCTIVE = ("get trending papers in your email inbox!", "byak and the research community")
_AUTHORS = re.compile(r"•\s*(\d[\d,]*)\s+authors?", re.IGNORECASE)
_DATE = re.compile(r"(?P<date>(?P<month>[A-Za-z]{3,9})\.?\s+\d{1,2}(?:,\s*\d{4})?)"
                   r"(?:\s+(?P<upvotes>\d[\d,]*))?")
_FOOTER_MARK = re.compile(r"[•·]")
_MAX_TITLE_CHARS = 300  # the longest title in the seed pages has 142
_MAX_TITLE_WORDS = 40
_AUTHORS_PART, _DOT_PART, _DATE_PART = 0, 1, 2  # footer parts, in page order
_NO_TITLE = "abstract without a title above it (title line missing?)"
_NO_ENTRY = "footer line without an entry above it"


def is_title_shaped(text: str) -> bool:
    """Whether a paragraph looks like a title: short, and not ending like a sentence.

    >>> is_title_shaped("Can Models Learn Skill Composition from Examples?")
    True
    >>> is_title_shaped("We study skill composition. It helps.")
    False
    """
    return _is_short(text) and text.strip()[-1] not in ".;,"


def _is_short(text: str) -> bool:
    text = text.strip()
    return 0 < len(text) <= _MAX_TITLE_CHARS and len(text.split()) <= _MAX_TITLE_WORDS


def _date_line(text: str) -> re.Match[str] | None:
    match = _DATE.fullmatch(text)
    return match if match and match.group("month").lower() in MONTHS else None


def has_page_header(text: str) -> bool:
    """Whether the start of a file has the header of a page dump."""
    return any(line.strip().lower() in _DISTINCTIVE for line in text.splitlines()[:20])


def looks_like_page(text: str) -> bool:
    """Whether the start of a file looks like a page dump: its header, a footer, or a title
    line followed by a blank line and an abstract paragraph."""
    if has_page_header(text):
        return True
    lines = [line.strip() for line in text.splitlines()]
    if any(_AUTHORS.fullmatch(line) for line in lines):
        return True
    paragraphs = [line for line in lines if line][:2]
    return (len(paragraphs) == 2 and is_title_shaped(paragraphs[0])
            and not is_title_shaped(paragraphs[1]) and len(lines) > 2 and not lines[1])


@dataclass
class _Entry:
    line: int
    title: str | None
    page_date: str | None
    abstract: str | None = None
    author_count: int | None = None
    date_raw: str | None = None
    upvotes: int | None = None
    part: int = -1  # the last footer part seen
    problem: tuple[int, str] | None = None  # (line, reason) when the entry is broken

    def fault(self, line: int, reason: str | None) -> None:
        if reason and self.problem is None:  # the first fault is the one worth reporting
            self.problem = (line, reason)


class _PageParser:
    """Turns lines into finished entries; ``out`` collects Papers and ``(line, reason)`` faults
    in file order."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.out: list[Paper | tuple[int, str]] = []
        self.entry: _Entry | None = None
        self.block: list[Line] = []  # consecutive text lines not yet classified
        self.in_header = True
        self.page_date: str | None = None

    def feed(self, line: Line) -> None:
        text = line.text.strip()
        if not text:
            self._flush_block()
            return
        date, authors = _date_line(text), _AUTHORS.fullmatch(text)
        if text.lower() in HEADER_LINES:
            self._flush_block()
            self._finish()
            self.in_header = True
        elif date and self.in_header:
            self.page_date, self.in_header = text, False  # the page's date, not a paper's
        elif date or authors or text == "·":
            self._flush_block()
            part = _DATE_PART if date else _AUTHORS_PART if authors else _DOT_PART
            self._footer(line, part, date, authors)
        elif _FOOTER_MARK.match(text):
            self._flush_block()
            self._entry_for_footer(line).fault(line.number, f"unrecognised footer line: {text!r}")
        else:
            self.in_header = False
            self.block.append(line)

    def close(self) -> None:
        self._flush_block()
        self._finish()

    def _flush_block(self) -> None:
        lines, self.block = self.block, []
        if not lines:
            return
        head = lines[0].text.strip()
        rest = " ".join(line.text.strip() for line in lines[1:])
        # A title with its abstract right below it, no blank line between: split them.
        if rest and is_title_shaped(head) and not is_title_shaped(rest):
            self._text(lines[:1], head)
            self._text(lines[1:], rest)
        else:
            self._text(lines, " ".join([head, rest]) if rest else head)

    def _text(self, lines: list[Line], text: str) -> None:
        number = lines[0].number
        error = next((line.error for line in lines if line.error), None)
        entry = self.entry
        if is_title_shaped(text):
            self._start(number, " ".join(text.split()), error)
        elif entry and entry.title and entry.abstract is None and entry.part < 0:
            entry.abstract = text
            entry.fault(number, error)
        elif _is_short(text) and len(lines) == 1:
            # Where a title is due, a short line is one even if it ends with a full stop:
            # taking it for a lost abstract would break this entry and the next.
            self._start(number, " ".join(text.split()), error)
        else:
            self._start(number, None, _NO_TITLE).abstract = text

    def _start(self, number: int, title: str | None, fault: str | None) -> _Entry:
        """Finish the current entry and start the next one at line ``number``."""
        self._finish()
        self.entry = _Entry(number, title, self.page_date)
        self.entry.fault(number, fault)
        return self.entry

    def _entry_for_footer(self, line: Line, part: int | None = None) -> _Entry:
        """The entry a footer line belongs to: the one above, unless that already has this part."""
        if self.entry is None or (part is not None and part <= self.entry.part):
            return self._start(line.number, None, _NO_ENTRY)
        return self.entry

    def _footer(self, line: Line, part: int, date: re.Match[str] | None,
                authors: re.Match[str] | None) -> None:
        self.in_header = False
        entry = self._entry_for_footer(line, part)
        entry.part = part
        entry.fault(line.number, line.error)
        if authors:
            entry.author_count = _count(authors.group(1), "author count", line.number, entry)
        if date:
            entry.date_raw = date.group("date")
            if date.group("upvotes"):
                entry.upvotes = _count(date.group("upvotes"), "upvotes", line.number, entry)

    def _finish(self) -> None:
        entry, self.entry = self.entry, None
        if entry is None:
            return
        problem = entry.problem or _too_long(entry)
        if problem:
            self.out.append(problem)
            return
        date, year = parse_date(entry.date_raw) if entry.date_raw else (None, None)
        self.out.append(Paper(
            title=entry.title or "",
            abstract=entry.abstract or "",
            source=SourceRef(self.path, entry.line),
            author_count=entry.author_count,
            year=year,
            date=date,
            date_raw=entry.date_raw,
            upvotes=entry.upvotes,
            metadata={"page_date": entry.page_date} if entry.page_date else {},
        ))


def _count(text: str, name: str, line: int, entry: _Entry) -> int | None:
    """A footer's count; a fault of the entry when it has more digits than any real count."""
    digits = text.replace(",", "")
    if len(digits) > 9:
        entry.fault(line, f"{name} out of range: {digits[:20]}{'…' if len(digits) > 20 else ''}")
        return None
    return int(digits)


def _too_long(entry: _Entry) -> tuple[int, str] | None:
    problem = text_problem("abstract", entry.abstract or "")
    return (entry.line, problem) if problem else None


def read_hf_pages(path: str, stream: BinaryIO, problems: Problems,
                  encoding: str) -> Iterator[Paper]:
    """Stream the entries of a page dump; broken entries go to ``problems``."""
    parser = _PageParser(path)
    for line in decode_lines(stream, encoding):
        # Control characters (NUL, escape…) are dropped before lines are classified.
        parser.feed(line._replace(text=clean_text(line.text)))
        yield from _drain(parser.out, problems)
    parser.close()
    yield from _drain(parser.out, problems)


def _drain(out: list[Paper | tuple[int, str]], problems: Problems) -> Iterator[Paper]:
    items = out[:]
    out.clear()  # before reporting, which may raise
    for item in items:
        if isinstance(item, Paper):
            yield item
        else:
            problems.report(*item)
