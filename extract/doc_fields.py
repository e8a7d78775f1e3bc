"""What litkg's pipeline components share on a Doc: one typed extension, ``doc._.litkg``.

A paper is one Doc: its title, ``FIELD_SEPARATOR`` and its abstract. The extractor attaches a
:class:`DocFields` before the pipeline runs (:func:`attach`); each component reads it once per
call (:func:`fields_of`), then what it needs from it as plain attributes, and sets what it finds.

One extension rather than one per field: each ``doc._`` read builds an object and runs spaCy's
lookup in Python (1–3 µs, where a dataclass attribute is a slot read). For the same reason
:func:`fields_of` and :func:`attach` read and write the extension's value where spaCy keeps it,
``doc.user_data[("._.", "litkg", None, None)]`` (a tenth of the cost, several times a paper);
``tests/test_doc_fields.py`` checks that this is ``doc._.litkg``.

The gazetteer's hits are a span group, ``doc.spans["litkg_gazetteer"]``, not a field here.

>>> import spacy
>>> doc = spacy.blank("en").make_doc("CLIP on ImageNet")
>>> fields = fields_of(doc)  # a Doc the extractor did not make: all abstract
>>> fields.segments["abstract"], fields.candidates is None
((0, 'CLIP on ImageNet'), True)
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from litkg.extract.candidates import Candidate

__all__ = ["DocFields", "attach", "fields_of", "FIELD_SEPARATOR"]

#: Between a paper's title and abstract in its one Doc (a paper is one Doc: half the per-Doc work).
FIELD_SEPARATOR = "\n\n"

_NAME = "litkg"
#: Where spaCy stores the value of the Doc extension ``_NAME`` (``Underscore._get_key``).
_KEY = ("._.", _NAME, None, None)


@dataclass(slots=True)
class DocFields:
    """The fields of one paper's Doc, each set once, by the step named.

    Attributes
    ----------
    text:
        The input string (the extractor; ``Doc.text`` rebuilds it from the tokens on every access).
    segments:
        ``{"title": (offset, text), "abstract": (offset, text)}``: each field's text and where it
        starts in ``text`` (the extractor; :func:`fields_of` for a Doc without a title).
    phrases:
        Whether Title Case phrases are wanted (the extractor's ``with_phrases``).
    has_title:
        False for a Doc made without a title: all abstract.
    masked:
        Whether the Doc was made from ``text`` with its long runs blanked
        (:func:`~litkg.extract.guards.mask_long_runs`; the extractor), None when not known.
    sentence_starts:
        Character offsets of the tokens that start sentences (``litkg_sentences``; None before).
    candidates:
        The discovery patterns' candidates per field, ``{"title": […], "abstract": […]}``
        (``litkg_discovery``, extended by ``litkg_spanmodel``; None before).
    gazetteer_hits:
        ``(start_char, end_char, concept id)`` of each span in ``doc.spans["litkg_gazetteer"]``,
        in its order (``litkg_gazetteer``; None before): what later steps read of the spans,
        without making a Span object of each again and reading its attributes.
    """

    text: str
    segments: dict[str, tuple[int, str]]
    phrases: bool = False
    has_title: bool = True
    masked: bool | None = None
    sentence_starts: list[int] | None = None
    candidates: dict[str, list[Candidate]] | None = None
    gazetteer_hits: list[tuple[int, int, str]] | None = None

    @classmethod
    def of_paper(cls, title: str, abstract: str, *, phrases: bool = False) -> "DocFields":
        """The fields of a Doc made from ``title + FIELD_SEPARATOR + abstract``."""
        start = len(title) + len(FIELD_SEPARATOR)
        return cls(title + FIELD_SEPARATOR + abstract, {"title": (0, title), "abstract": (start, abstract)}, phrases)


if not Doc.has_extension(_NAME):
    Doc.set_extension(_NAME, default=None)


def attach(doc: Doc, fields: DocFields) -> None:
    """Set ``doc._.litkg`` to ``fields``."""
    doc.user_data[_KEY] = fields


def fields_of(doc: Doc) -> DocFields:
    """``doc._.litkg``; a Doc the extractor did not make (``nlp("…")``) gets fields that hold its
    text as the abstract, without a title."""
    fields = doc.user_data.get(_KEY)
    if fields is None:
        text = doc.text
        fields = DocFields(text, {"title": (0, ""), "abstract": (0, text)}, has_title=False)
        attach(doc, fields)
    return fields
