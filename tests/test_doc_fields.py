"""The typed Doc extension the pipeline components share (litkg.extract.doc_fields)."""
from __future__ import annotations

import spacy

from litkg.extract.candidates import Candidate
from litkg.extract.doc_fields import FIELD_SEPARATOR, DocFields, attach, fields_of
from litkg.extract.pipeline import build_nlp


def test_fields_of_reads_and_writes_the_registered_extension():
    doc = spacy.blank("en").make_doc("CLIP")
    assert doc._.litkg is None
    fields = DocFields.of_paper("T", "CLIP")
    attach(doc, fields)
    assert doc._.litkg is fields and fields_of(doc) is fields
    other = DocFields.of_paper("U", "V")
    doc._.litkg = other
    assert fields_of(doc) is other


def test_a_doc_without_fields_is_all_abstract():
    doc = spacy.blank("en").make_doc("We use CLIP.")
    fields = fields_of(doc)
    assert fields.segments == {"title": (0, ""), "abstract": (0, "We use CLIP.")}
    assert not fields.has_title and doc._.litkg is fields


def test_of_paper_offsets_point_into_the_text():
    fields = DocFields.of_paper("LEVI: A Method", "We propose LEVI.", phrases=True)
    assert fields.text == "LEVI: A Method" + FIELD_SEPARATOR + "We propose LEVI."
    for offset, text in fields.segments.values():
        assert fields.text[offset:offset + len(text)] == text
    assert fields.phrases and fields.has_title


def test_the_pipeline_fills_each_field():
    nlp = build_nlp(use_model=False)
    fields = DocFields.of_paper("LEVI: Fine-tuning", "We propose LEVI. It is evaluated on ImageNet.")
    doc = nlp.make_doc(fields.text)
    attach(doc, fields)
    doc = nlp(doc)
    assert fields_of(doc) is fields
    assert fields.sentence_starts[0] == 0 and len(fields.sentence_starts) == 3
    assert set(fields.candidates) == {"title", "abstract"}
    assert all(isinstance(c, Candidate) for found in fields.candidates.values() for c in found)
    assert any(c.text == "LEVI" for c in fields.candidates["title"])
    assert [span.text for span in doc.spans["litkg_gazetteer"]] == ["ImageNet"]
