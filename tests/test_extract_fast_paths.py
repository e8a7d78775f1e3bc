"""The extraction fast paths (#10) against the plain way of computing the same thing.

Extraction was made faster by shortcuts that must not change outputs, and nothing else tests
them directly (the end-to-end tests would only notice a shortcut that changes an entity). Each
test here runs the real spaCy pipelines — ``Extractor(fast=True)`` and the default one with the
span model — over the shipped sample corpus and hand-written tricky texts (acronyms, hyphens,
digits, slashes, years, Title Case, long runs of symbols, unicode and odd white space, empty
fields, fields that do not start at a token start), and compares:

1. ``SpanModel.classify_many`` (one scoring call for a batch) with ``classify`` field by field and
   with each candidate scored alone: the same candidates, the same probabilities bit for bit, the
   same labels; the component's ``pipe`` (a batch at a time) with calling it doc by doc.
2. The gazetteer hits the matcher keeps as offsets (``DocFields.gazetteer_hits``, read through
   ``components.gazetteer_hits``) with the span group it writes on the Doc.
3. The sentence starts taken as they are where they are token starts with the starts the Doc's
   token offsets give (what the array read computes), written here with a plain bisect.
4. ``guards.may_hold_long_run`` never says False where a plain scan finds a long run (random
   texts from a seeded generator and every alignment of a run of the critical lengths).
"""
from __future__ import annotations

import random
import re
from bisect import bisect_left
from dataclasses import replace

import pytest
from conftest import sample_files

from litkg.extract import sentences
from litkg.extract.assemble import assemble_paper
from litkg.extract.components import GAZETTEER_SPANS, gazetteer_hits
from litkg.extract.doc_fields import DocFields, attach, fields_of
from litkg.extract.guards import MAX_RUN, mask_long_runs, may_hold_long_run
from litkg.extract.learned import LEARNED
from litkg.extract.pipeline import Extractor
from litkg.extract.spanmodel import PaperContext, find_candidates, span_features
from litkg.readers import read_papers

RUN = "(" * 300  # longer than MAX_RUN: blanked before tokenizing
TRICKY = [
    ("MORDANT: Moment-Regularised Domain-Agnostic Training (MORDANT) on WILDS",
     "We propose MORDANT (Moment-Regularised Domain-Agnostic Training). MORDANT beats ERM, IRM and "
     "CORAL on WILDS, DomainNet and PACS. WiSE-FT and CLIP-Adapter are baselines, e.g. on ImageNet-R."),
    ("", "We fine-tune ViT-B/16 and ResNet-50 on CIFAR-10/100 and ImageNet-1k. It works. See Fig. 3."),
    ("CLIP-Adapter: Better Vision-Language Models with Feature Adapters", ""),
    ("", ""),
    (" Leading Space Title with BERT", "A field whose title starts with white space. GPT-4 agrees."),
    ("Trailing Abstract Space", " The abstract starts with a space. Then LLaMA 2 70B runs on MMLU."),
    ("\nNewline Title: COCO 2017", "\tTabbed start. PASCAL VOC 2007/2012 from 2019 to 2023; 3/4 of runs."),
    ("Large Language Models Are Zero-Shot Reasoners", "Title Case Phrases Like Chain Of Thought Prompting "
     "help. GPT-3.5-turbo vs. BERT-base (Devlin et al. 2019). \"Quoted start.\" (Bracketed start.) 42 runs."),
    ("Long Runs", "It ends. " + RUN + " Then CLIP works on ImageNet. " + "aB-" * 120 + " ViT-L/14 too."),
    ("Blanked Sentence Start", "It ends.\n" + RUN + " Then BERT. It ends.  " + "[" * 400 + "\tGPT-2 follows."),
    ("Runs Near the Limit", "x" * MAX_RUN + " CLIP. " + "=" * (MAX_RUN + 1) + "\n" + "😀" * 260 + " SVHN."),
    ("Über-Net on Café-10", "Naïve Bayes on 中文 BERT, Ελληνικά. Test\u00a0set on CIFAR-10.\u2003Em space. "
     "ＣＬＩＰ is fullwidth.\u3000Ideographic space. Thin\u2009space. Odd\x1cseparator. Done.\r\nWindows line."),
    ("A.  B. C.", "Two  spaces. Ends with a stop.  Then? Yes! (CLIP) was used. [1] WILDS. “Curly quotes.”"),
]


def paper_texts() -> list[tuple[str, str]]:
    sample = [(p.title or "", p.abstract or "") for path in sample_files() for p in read_papers(path)]
    assert len(sample) > 20  # the shipped corpus was read
    return sample + TRICKY


def make_docs(nlp, pairs):
    """Docs as ``Extractor.entities_many`` makes them (long runs blanked, fields attached)."""
    docs = []
    for i, (title, abstract) in enumerate(pairs):
        fields = DocFields.of_paper(title, abstract, phrases=bool(i % 2))
        text = mask_long_runs(fields.text)
        fields.masked = text != fields.text
        doc = nlp.make_doc(text)
        attach(doc, fields)
        docs.append(doc)
    return docs


@pytest.fixture(scope="module", params=["fast", "model"])
def pipeline(request):
    """(extractor, the papers' docs after its whole pipeline, batched as the extractor runs it)."""
    extractor = Extractor(fast=request.param == "fast")
    docs = list(extractor.nlp.pipe(make_docs(extractor.nlp, paper_texts()), batch_size=64))
    return extractor, docs


@pytest.fixture(scope="module")
def model_nlp():
    return Extractor().nlp


# -- 1. the span model's batch scoring -------------------------------------------------------------
def test_classify_many_is_classify_field_by_field_and_each_candidate_alone(model_nlp):
    model = model_nlp.get_pipe("litkg_spanmodel").model
    rng = random.Random(10)
    work = []
    for title, abstract in paper_texts():
        for name, text in (("title", title), ("abstract", abstract)):
            candidates = find_candidates(text)
            if rng.random() < 0.3:  # a subset, as the component passes (those off gazetteer hits)
                candidates = candidates[::2]
            work.append((text, name, candidates))
    rng.shuffle(work)
    batch = model.classify_many(work)
    assert len(batch) == len(work)
    scored = 0
    for (text, name, candidates), together in zip(work, batch):
        alone = model.classify(text, name, candidates)
        assert [c for c, _ in together] == candidates == [c for c, _ in alone]
        assert [p.tolist() for _, p in together] == [p.tolist() for _, p in alone]  # exact floats
        context = PaperContext(text, name)
        for cand, probs in together:
            assert tuple(probs.tolist()) == model.scores(span_features(cand, text, context))
            assert model.label(probs) == model.label(model.scores(span_features(cand, text, context)))
            scored += 1
        assert model.predict(text, name, classified=together) == model.predict(text, name, classified=alone)
    assert scored > 500


def test_span_model_pipe_is_the_component_called_doc_by_doc(model_nlp):
    pairs = paper_texts()
    # A batch size that splits the papers unevenly, so a batch's end falls mid-corpus.
    piped = list(model_nlp.pipe(make_docs(model_nlp, pairs), batch_size=5))
    one_by_one = []
    for doc in make_docs(model_nlp, pairs):
        for _, component in model_nlp.pipeline:
            doc = component(doc)
        one_by_one.append(doc)
    gazetteer = model_nlp.get_pipe("litkg_gazetteer").gazetteer
    learned = 0
    for a, b in zip(piped, one_by_one, strict=True):
        assert fields_of(a).candidates == fields_of(b).candidates
        assert assemble_paper(a, gazetteer) == assemble_paper(b, gazetteer)
        learned += sum(c.pattern == LEARNED for found in fields_of(a).candidates.values() for c in found)
    assert learned > 5  # the model added names: the comparison is not of empty lists


# -- 2. gazetteer hits as offsets ------------------------------------------------------------------
def test_gazetteer_hits_are_the_span_group(pipeline):
    extractor, docs = pipeline
    gazetteer = extractor.gazetteer
    titles = masked = total = 0
    for doc in docs:
        fields = fields_of(doc)
        spans = list(doc.spans[GAZETTEER_SPANS])
        reference = [(s.start_char, s.end_char, s.kb_id_) for s in spans]
        assert fields.gazetteer_hits == reference
        assert gazetteer_hits(doc, fields) == reference
        assert [gazetteer.entries[cid].type for _, _, cid in fields.gazetteer_hits] == [s.label_ for s in spans]
        for (start, end, _), span in zip(fields.gazetteer_hits, spans):
            assert fields.text[start:end] == span.text  # the paper's text, not a blank
        # What assembly makes of the hits is the same when it must read them from the span group.
        plain = doc.copy()
        attach(plain, replace(fields, gazetteer_hits=None))
        assert gazetteer_hits(plain, fields_of(plain)) == reference
        assert assemble_paper(plain, gazetteer) == assemble_paper(doc, gazetteer)
        total += len(reference)
        titles += any(start < len(fields.segments["title"][1]) for start, _, _ in reference)
        masked += bool(fields.masked and reference)
    assert total > 100 and titles > 5 and masked >= 2


# -- 3. sentence starts without the Doc array ------------------------------------------------------
def reference_sentence_starts(doc) -> list[int] | None:
    """The offsets of the tokens that start sentences: each field's starts moved to the first
    token at or after them, and the Doc's first token."""
    if not len(doc):
        return None
    fields = fields_of(doc)
    starts = [offset + s for offset, text in fields.segments.values() for s in sentences.sentence_starts(text)]
    idx = [token.idx for token in doc]
    firsts = {idx[0]} | {idx[i] for i in (bisect_left(idx, s) for s in starts) if i < len(idx)}
    return sorted(firsts)


def test_sentence_starts_shortcut_is_the_token_offset_computation(pipeline):
    extractor, docs = pipeline
    nlp = extractor.nlp
    # Docs made by nlp(text) too: no title, ``masked`` unknown, long runs not blanked.
    docs = docs + [nlp(title + " " + abstract) for title, abstract in TRICKY] + [nlp("")]
    # Fields cut inside a token: not what the extractor makes, but the component must not assume it.
    for text, cut in (("CLIPandBERT work. Fine.", 4), ("Title.Abstract starts here. Yes.", 6), ("ab", 1)):
        doc = nlp.make_doc(text)
        attach(doc, DocFields(text, {"title": (0, text[:cut]), "abstract": (cut, text[cut:])}))
        docs.append(nlp.get_pipe("litkg_sentences")(doc))
    shortcut = array = 0
    for doc in docs:
        assert fields_of(doc).sentence_starts == reference_sentence_starts(doc), fields_of(doc).text[:80]
        if len(doc):
            fields = fields_of(doc)
            starts = [o + s for o, text in fields.segments.values() for s in sentences.sentence_starts(text)]
            if sentences._all_token_starts(fields, starts):
                shortcut += 1
            else:
                array += 1
    assert shortcut > 20 and array >= 8  # both ways were taken


# -- 4. the long-run probe -------------------------------------------------------------------------
def has_long_run(text: str) -> bool:
    return any(len(run) > MAX_RUN for run in re.findall(r"\S+", text))


def plain_mask(text: str) -> str:
    return re.sub(r"\S{%d,}" % (MAX_RUN + 1), lambda m: " " * len(m.group()), text)


def random_text(rng: random.Random) -> str:
    glyphs = "aZ9-/(.=_éß中😀"
    gaps = [" ", " ", " ", "  ", "\t", "\n", "\u00a0", "\u3000"]
    parts, size = [], rng.randint(0, 1500)
    while sum(map(len, parts)) < size:
        length = rng.choice([rng.randint(0, 20), rng.randint(100, 140), rng.randint(240, 280), rng.randint(0, 600)])
        parts.append("".join(rng.choice(glyphs) for _ in range(length)) + rng.choice(gaps))
    return "".join(parts)[: size + rng.randint(0, 1)]


def check_probe(text: str) -> bool:
    """Asserts the probe against the scans; whether the text has a long run."""
    long = has_long_run(text)
    if long:
        assert may_hold_long_run(text), (len(text), [len(r) for r in re.findall(r"\S+", text)])
    assert mask_long_runs(text) == plain_mask(text)
    return long


def test_may_hold_long_run_never_misses_a_long_run_in_random_texts():
    rng = random.Random(20261201)
    long = said_no = 0
    for _ in range(3000):
        text = random_text(rng)
        long += check_probe(text)
        said_no += len(text) > MAX_RUN and not may_hold_long_run(text)
    assert long > 500 and said_no > 50  # both kinds were drawn, and the probe does rule texts out


def test_may_hold_long_run_at_every_alignment_of_a_critical_run():
    words = "ab " * 400
    for lead in range(0, 2 * (MAX_RUN + 1) + 3):
        for length in (MAX_RUN - 1, MAX_RUN, MAX_RUN + 1, MAX_RUN + 2, 2 * MAX_RUN):
            for sep in (" ", "\t", "\u00a0"):
                text = words[:lead] + " " + "x" * length + sep + words[:7]
                assert check_probe(text) == (length > MAX_RUN)
    assert not may_hold_long_run("We use ImageNet. " * 40)  # prose: ruled out by the probe


# -- 5. Title Case runs ----------------------------------------------------------------------------
def reference_titled_runs(table) -> tuple[tuple[int, int], ...]:
    """The runs written token by token: unbroken stretches of Title Case or connector tokens,
    in which a run of Title Case tokens may hold single connectors and ends at two in a row."""
    rows = [tuple(int(v) for v in row) for row in table]
    if sum(row[2] == 1 for row in rows) < 3:
        return ()
    runs, token = [], 0
    while token < len(rows):
        if rows[token][2] != 1:
            token += 1
            continue
        last, count, probe = token, 1, token + 1
        while probe < len(rows) and (rows[probe][2] == 1 or rows[probe][3] == 1):
            if rows[probe][2] == 1:
                last, count = probe, count + 1
            elif not (probe + 1 < len(rows) and rows[probe + 1][2] == 1):
                break  # two connectors, or a connector ending the stretch
            probe += 1
        if count >= 3:
            runs.append((rows[token][0], rows[last][0] + rows[last][1]))
        token = last + 1
    return tuple(runs)


def test_titled_runs_are_the_token_by_token_runs():
    import numpy

    from litkg.extract.components import _titled_runs

    rng = random.Random(7)
    kinds = [(1, 0), (1, 0), (0, 1), (0, 0), (1, 1)]  # Title Case, connector, neither, both ("Of")
    found = 0
    for _ in range(3000):
        size = rng.randint(0, 40)
        flags = [rng.choice(kinds) for _ in range(size)]
        table = numpy.array([(4 * i, 3, t, c) for i, (t, c) in enumerate(flags)], dtype=numpy.uint64).reshape(-1, 4)
        expected = reference_titled_runs(table)
        assert _titled_runs(table) == expected, flags
        found += bool(expected)
    assert found > 1000  # most tables hold runs, and many don't
