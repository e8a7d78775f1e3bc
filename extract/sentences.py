"""Sentence boundaries for scientific abstracts, set from one regular-expression scan.

spaCy's rule-based ``sentencizer`` splits after every full stop, so "e.g.", "i.e.", "et al." and
"Fig. 3" end sentences in the middle, and it walks the tokens in Python. This component finds
sentence ends in the text with one regex, skips the abbreviations papers use, and writes the
boundaries into the Doc as an array.
"""
from __future__ import annotations

import re

import numpy
from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc

from litkg.extract.doc_fields import fields_of

__all__ = ["SentenceSplitter", "sentence_starts"]

# A sentence ends at . ! or ? (maybe followed by a closing quote or bracket) before white space
# and a capital, digit or opening bracket/quote.
_END = re.compile(r"[.!?][\"')\]]*\s+(?=[A-Z0-9(\[\"'“])")
_ABBREVIATIONS = ("e.g.", "i.e.", "et al.", "etc.", "cf.", "vs.", "Fig.", "Figs.", "Eq.", "Eqs.", "Sec.",
                  "Tab.", "No.", "approx.", "resp.", "w.r.t.", "viz.", "al.", "Ref.", "Dr.", "Inc.")


def sentence_starts(text: str) -> list[int]:
    """Character offsets where sentences start (always including 0 for a non-empty text).

    >>> text = "We use CLIP, e.g. ViT-B/16. It works. See Fig. 2 for details."
    >>> [text[i:i + 8] for i in sentence_starts(text)]
    ['We use C', 'It works', 'See Fig.']
    """
    starts = [0] if text else []
    for match in _END.finditer(text):
        head = text[max(0, match.start() - 7) : match.start() + 1]
        if head.endswith(_ABBREVIATIONS):
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
        offsets = doc.to_array([IDX])
        positions = numpy.searchsorted(offsets, numpy.asarray(starts, dtype=offsets.dtype))
        positions = numpy.unique(numpy.append(positions[positions < len(doc)], 0))
        # The starts are kept as the offsets of the tokens that begin sentences, for assembly and
        # the gazetteer; writing them into the Doc as SENT_START cost a fifth of this component
        # and nothing reads Token.is_sent_start.
        fields.sentence_starts = offsets[positions].tolist()
        return doc


@Language.factory("litkg_sentences", default_config={})
def make_sentence_splitter(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter(nlp, name)
