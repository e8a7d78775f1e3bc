"""arXiv API Atom feeds, parsed with ``defusedxml``: a DTD is refused outright.

arXiv feeds declare no DTD, so a document that does (an XML bomb, an external entity) is refused
with :class:`~litkg.errors.UnsafeInputError` before any entity is read: bounded time and memory.
The feed is fed to the parser a chunk at a time and each entry is yielded when it closes.
"""
from __future__ import annotations

import xml.sax
from typing import Any, BinaryIO, Iterator

from defusedxml import DefusedXmlException
from defusedxml.expatreader import DefusedExpatParser
from xml.sax.expatreader import ExpatLocator

from litkg.errors import UnsafeInputError
from litkg.readers.fields import RecordProblem, paper_from_fields
from litkg.readers.problems import Problems
from litkg.records import Paper, SourceRef

__all__ = ["read_arxiv_atom", "parse_feed", "atom_fields", "AtomError", "FeedPage"]

ATOM = "http://www.w3.org/2005/Atom"
ARXIV = "http://arxiv.org/schemas/atom"
OPENSEARCH = "http://a9.com/-/spec/opensearch/1.1/"
_CHUNK = 1 << 16
_TEXT = {(ATOM, "id"): "id", (ATOM, "title"): "title", (ATOM, "summary"): "summary",
         (ATOM, "published"): "published", (ATOM, "updated"): "updated",
         (ARXIV, "doi"): "doi", (ARXIV, "journal_ref"): "journal_ref",
         (ARXIV, "comment"): "comment"}
_MAX_TEXT = 1 << 20  # characters kept of one element's text


class AtomError(Exception):
    """The feed is not well-formed XML; ``line`` is where the parser stopped."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


class FeedPage:
    """What :func:`parse_feed` found: the entries (each with its line) and the total results."""

    def __init__(self) -> None:
        self.entries: list[tuple[int, dict]] = []
        self.total: int | None = None


class _Handler(xml.sax.handler.ContentHandler):
    def __init__(self, page: FeedPage) -> None:
        super().__init__()
        self.page = page
        self.locator = None
        self.entry: dict | None = None
        self.line = 0
        self.field: str | None = None
        self.text: list[str] = []
        self.in_author = False

    def setDocumentLocator(self, locator) -> None:  # noqa: N802 (SAX API)
        self.locator = locator

    def startElementNS(self, name, qname, attrs) -> None:  # noqa: N802
        if name == (ATOM, "entry"):
            self.entry = {"authors": [], "categories": []}
            self.line = self.locator.getLineNumber() if self.locator else 0
        elif name == (OPENSEARCH, "totalResults"):
            self.field, self.text = "total", []
        elif self.entry is None:
            return
        elif name == (ATOM, "author"):
            self.in_author = True
        elif name == (ATOM, "name") and self.in_author:
            self.field, self.text = "author", []
        elif name in _TEXT:
            self.field, self.text = _TEXT[name], []
        elif name == (ATOM, "link") and attrs.get((None, "rel")) == "alternate":
            self.entry["url"] = attrs.get((None, "href"))
        elif name == (ATOM, "category") and attrs.get((None, "term")):
            self.entry["categories"].append(attrs.get((None, "term")))

    def characters(self, content: str) -> None:
        if self.field is not None and sum(map(len, self.text)) < _MAX_TEXT:
            self.text.append(content)

    def endElementNS(self, name, qname) -> None:  # noqa: N802
        if self.field is not None and (name in _TEXT or name in ((ATOM, "name"),
                                                                 (OPENSEARCH, "totalResults"))):
            text = "".join(self.text).strip()
            if self.field == "total":
                self.page.total = int(text) if text.isdigit() else None
            elif self.field == "author":
                self.entry["authors"].append(text)
            elif self.entry is not None:
                self.entry[self.field] = text
            self.field = None
        elif name == (ATOM, "author"):
            self.in_author = False
        elif name == (ATOM, "entry") and self.entry is not None:
            self.page.entries.append((self.line, self.entry))
            self.entry = None


def _parser(page: FeedPage) -> tuple[DefusedExpatParser, _Handler]:
    parser = DefusedExpatParser(namespaceHandling=1, forbid_dtd=True, forbid_entities=True,
                                forbid_external=True)
    handler = _Handler(page)
    parser.setContentHandler(handler)
    # parse() would set the locator; feed(), used here to stream, does not.
    handler.setDocumentLocator(ExpatLocator(parser))
    return parser, handler


def _feed(parser: DefusedExpatParser, handler: _Handler, data: bytes, where: str) -> None:
    try:
        parser.feed(data)
    except DefusedXmlException as exc:
        line = handler.locator.getLineNumber() if handler.locator else 1
        raise UnsafeInputError(f"{where}:{line}: refused: the XML declares a DTD or entities "
                               f"({type(exc).__name__}); arXiv feeds have none, so this may "
                               f"be an XML bomb or an external-entity attack") from None
    except xml.sax.SAXParseException as exc:
        raise AtomError(f"invalid XML: {exc.getMessage()} (column {exc.getColumnNumber()})",
                        exc.getLineNumber()) from None


def parse_feed(data: bytes, where: str) -> FeedPage:
    """Every entry of one feed held in memory (an API response); AtomError when malformed."""
    page = FeedPage()
    parser, handler = _parser(page)
    _feed(parser, handler, data, where)
    _close(parser, handler, where)
    return page


def _close(parser: DefusedExpatParser, handler: _Handler, where: str) -> None:
    try:
        parser.close()
    except xml.sax.SAXParseException as exc:
        raise AtomError(f"the XML ends too early (truncated?): {exc.getMessage()}",
                        exc.getLineNumber()) from None
    except DefusedXmlException:
        _feed(parser, handler, b"", where)


def atom_fields(entry: dict) -> list[tuple[str, Any]]:
    """One feed entry as ``(field, value)`` pairs; RecordProblem for arXiv's error entries."""
    ident = entry.get("id") or ""
    if "/api/errors" in ident:
        raise RecordProblem(f"the feed reports an error: {entry.get('summary') or ident}")
    abstract = entry.get("summary")
    return [
        ("title", entry.get("title")),
        ("abstract", " ".join(abstract.split()) if abstract else None),
        ("authors", entry.get("authors") or None),
        ("date", entry.get("published")),
        ("venue", entry.get("journal_ref")),
        ("doi", entry.get("doi")),
        ("arxiv_id", ident or None),
        ("url", entry.get("url") or ident or None),
        ("categories", " ".join(entry.get("categories") or ()) or None),
    ]


def entry_paper(path: str, line: int, entry: dict) -> Paper:
    """A Paper from one entry; RecordProblem when it cannot be one."""
    return paper_from_fields(atom_fields(entry), SourceRef(path, line))


def read_arxiv_atom(path: str, stream: BinaryIO, problems: Problems, encoding: str) -> Iterator[Paper]:
    """Entries of an arXiv API Atom feed (the XML declares its own encoding)."""
    page = FeedPage()
    parser, handler = _parser(page)
    try:
        while True:
            chunk = stream.read(_CHUNK)
            if chunk:
                _feed(parser, handler, chunk, path)
            else:
                _close(parser, handler, path)
            yield from _drain(path, page, problems)
            if not chunk:
                return
    except AtomError as exc:
        yield from _drain(path, page, problems)
        problems.report(exc.line, f"{exc}; rest of file not read")


def _drain(path: str, page: FeedPage, problems: Problems) -> Iterator[Paper]:
    entries, page.entries = page.entries, []
    for line, entry in entries:
        try:
            yield entry_paper(path, line, entry)
        except RecordProblem as exc:
            problems.report(line, str(exc))
