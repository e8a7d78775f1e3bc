"""Sentence boundaries for scientific abstracts, set from one regular-expression scan.

spaCy's rule-based ``sentencizer`` splits after every full stop, so "e.g.", "i.e.", "et al." and
"Fig. 3" end sentences in the middle, and it walks the tokens in Python. This component finds
sentence ends in the text with one regex, skips the abbreviations papers use, and writes the
boundaries into the Doc as an array.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from litkg.extract.doc_fields import DocFields, fields_of
from litkg.extract.guards import may_hold_long_run
from litkg.extract.lexicon import ABBREVIATIONS

__all__ = ["SentenceSplitter", "sentence_starts", "FieldSentences", "doc_sentence_starts"]

# A sentence ends at . ! or ? (maybe followed by a closing quote or bracket) before white space
# and a capital, digit or opening bracket/quote.
_END = re.compile(r"[.!?][\"')\]]*\s+(?=[A-Z0-9(\[\"'“])")


def sentence_starts(text: str) -> list[int]:
    """Character offsets where sentences start (always including 0 for a non-empty text).

    >>> text = "We use CLIP, e.g. ViT-B/16. It works. See Fig. 2 for details."
    >>> [text[i:i + 8] for i in sentence_starts(text)]
    ['We use C', 'It works', 'See Fig.']
    """
    starts = [0] if text else []
    for match in _END.finditer(text):
        head = text[max(0, match.start() - 7) : match.start() + 1]
        if head.endswith(ABBREVIATIONS):
            continue
        starts.append(match.end())
    return starts


class SentenceSplitter:
    """Stores the character offsets of the tokens that start sentences
    (``doc._.litkg.sentence_starts``), from :func:`sentence_starts`."""

    def __init__(self, nlp: Language, name: str = "litkg_sentences") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        fields = fields_of(doc)
        # Sentences never cross from the title into the abstract.
        starts = [offset + start for offset, text in fields.segments.values() for start in sentence_starts(text)]
        if _all_token_starts(fields, starts):
            # The usual case, without reading the Doc (a fifth of this component, measured).
            fields.sentence_starts = starts if starts and starts[0] == 0 else [0, *starts]
            return doc
        offsets = doc.to_array([IDX])
        positions = numpy.searchsorted(offsets, numpy.asarray(starts, dtype=offsets.dtype))
        positions = sorted({0, *positions[positions < len(doc)].tolist()})  # a few: no numpy.unique
        # The starts are kept as the offsets of the tokens that begin sentences, for assembly and
        # the gazetteer; writing them into the Doc as SENT_START cost a fifth of this component
        # and nothing reads Token.is_sent_start.
        fields.sentence_starts = offsets[positions].tolist()
        return doc


def _all_token_starts(fields: DocFields, starts: list[int]) -> bool:
    """True when each of ``starts`` (character offsets, in order) is where a token of the Doc
    starts, as the tokenizer splits at white space: a character that is not white space after
    one that is. Only a Doc with its paper's text: one whose long runs were blanked may differ."""
    masked = fields.masked
    text = fields.text
    if masked is None:
        masked = may_hold_long_run(text)
    if masked:
        return False
    for start in starts:
        if text[start].isspace() or (start and not text[start - 1].isspace()):
            return False
    return True


class FieldSentences:
    """Sentence boundaries of one field as character offsets, for O(log n) lookups.

    ``Span.sent`` walks the doc from the start on every call, which made sentence lookup the
    most expensive step of extraction.
    """

    def __init__(self, doc_starts: list[int], offset: int, text: str) -> None:
        self.text = text
        # doc_starts are in order: the field's are one slice of them.
        first, last = bisect_left(doc_starts, offset), bisect_left(doc_starts, offset + len(text))
        self.starts = [s - offset for s in doc_starts[first:last]]
        if not self.starts or self.starts[0] != 0:
            self.starts.insert(0, 0)
        # One string per sentence: many mentions in one long sentence share it (and its hash),
        # where slicing it again for each one was quadratic (#14).
        self._cut: dict[tuple[int, int], str] = {}

    def around(self, start: int, end: int) -> str:
        first = bisect_right(self.starts, start) - 1
        last = bisect_left(self.starts, end)
        stop = self.starts[last] if last < len(self.starts) else len(self.text)
        span = (self.starts[first], stop)
        found = self._cut.get(span)
        if found is None:
            found = self._cut[span] = self.text[span[0]:stop].strip()
        return found


def doc_sentence_starts(doc: Doc, starts: list[int] | None) -> list[int]:
    """``starts`` (the Doc's ``sentence_starts``) when set, else the starts spaCy's own sentence
    boundaries give (a pipeline without ``litkg_sentences``)."""
    if not len(doc):
        return []
    if starts is not None:
        return starts
    marks = doc.to_array([SENT_START, IDX])  # one array read instead of a loop over tokens
    return marks[marks[:, 0] == 1, 1].tolist()


@Language.factory("litkg_sentences", default_config={})
def make_sentence_splitter(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter(nlp, name)
