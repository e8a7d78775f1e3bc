"""The ``litkg_spanmodel`` pipeline component: the learned span model's names as candidates.

It runs after ``litkg_gazetteer`` and ``litkg_discovery`` and adds, per field, the names the model
finds where neither a gazetteer hit nor a pattern's candidate already stands (the rules keep
their precision on what they know; the model adds recall on what they don't). Its candidates
carry pattern ``"learned"`` and the model's probability as confidence; :mod:`assemble` treats
them like any other candidate.
"""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from litkg.extract.guards import SpanIndex
from litkg.extract.components import gazetteer_hits
from litkg.extract.doc_fields import fields_of
from litkg.extract.discovery import Candidate, infer_type
from litkg.extract.lexicon import CONFIDENCES
from litkg.extract.spanmodel import CLASSES, SpanModel, default_model_path, find_candidates

__all__ = ["SpanModelComponent", "LEARNED"]

#: The pattern name of the model's candidates.
LEARNED = "learned"
_DATA = ("dataset", "benchmark")


#: How sure the model must be to type a pattern's untyped candidate as a model (the lexicon's
#: ``learned_model_type``). It does not type them as datasets: that cost data precision on
#: seeds_dev (F1 0.943 → 0.919) and the patterns' head nouns type datasets well.
TYPE_CONFIDENCE_MODEL = CONFIDENCES["learned_model_type"]
#: A single capitalised word ("Charades") is a name only with strong evidence (``learned_plain_word``).
PLAIN_WORD_THRESHOLD = CONFIDENCES["learned_plain_word"]


# Not "and"/"or": "Charades and Kinetics" is a list of names.
_CONNECTED_AFTER = re.compile(r"\s+(?:of|the|&|to|in|for|with)\s+[A-Z]")
_CONNECTED_BEFORE = re.compile(r"[A-Z][\w-]*\s+(?:of|the|&|to|in|for|with)\s+$")


def _in_connected_phrase(text: str, start: int, end: int) -> bool:
    """True for a capitalised word joined to other capitalised words by a connector."""
    if not _plain_word(text[start:end]):
        return False
    return bool(_CONNECTED_AFTER.match(text, end) or _CONNECTED_BEFORE.search(text, max(0, start - 40), start))


def _plain_word(word: str) -> bool:
    return word.isalpha() and word[1:].islower()


def _stands_alone(text: str, start: int, end: int, prob: float) -> bool:
    """False where the rules know better than the model's shape-based guess."""
    if _defined_here(text, start, end):
        return False  # an acronym the paper defines: the acronym rules already decided
    if _in_connected_phrase(text, start, end):
        return False  # "Hide and Seek", "Capture the Flag": a piece of a longer title
    # "Flag", "Racket": a capitalised word needs more than shape.
    return prob >= PLAIN_WORD_THRESHOLD or not _plain_word(text[start:end])


def _defined_here(text: str, start: int, end: int) -> bool:
    """True for a short upper-case acronym that the text defines in parentheses ("(QD)")."""
    word = text[start:end]
    return len(word) <= 5 and word.isupper() and (f"({word})" in text or f"({word}s)" in text or f"({word};" in text)


class SpanModelComponent:
    """Adds the span model's names to ``doc._.litkg.candidates``."""

    def __init__(self, nlp: Language, name: str = "litkg_spanmodel") -> None:
        self.name = name
        self.model: SpanModel | None = None
        # What the model may do (both by default; bench/eval_all.py measures each alone).
        self.add_names = True
        self.type_candidates = True

    def initialize(self, get_examples=None, *, nlp: Language | None = None, path: str | None = None) -> None:
        self.model = SpanModel.from_disk(path or default_model_path())

    def __call__(self, doc: Doc) -> Doc:
        self._annotate([doc])
        return doc

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = 64) -> Iterator[Doc]:
        """The docs, annotated a batch at a time: the candidates of a whole batch are scored in
        one call (what :meth:`SpanModel.classify_many` saves)."""
        for batch in minibatch(docs, batch_size):
            self._annotate(batch)
            yield from batch

    def _annotate(self, docs: list[Doc]) -> None:
        if self.model is None:
            self.initialize()
        jobs, work = [], []
        for doc in docs:
            fields = fields_of(doc)
            if fields.candidates is None:
                fields.candidates = {}
            gazetteer_spans = [(start, end) for start, end, _ in gazetteer_hits(doc, fields)]
            for name, (offset, text) in fields.segments.items():
                if not text:
                    continue
                known = [(a - offset, b - offset) for a, b in gazetteer_spans if offset <= a < offset + len(text)]
                # Candidates on a gazetteer hit would be dropped anyway: not scoring them halves the cost.
                known_index = SpanIndex(known)  # log-time overlap checks (#14)
                candidates = [c for c in find_candidates(text) if not known_index.overlaps(c.start, c.end)]
                jobs.append((fields.candidates, name, text))
                work.append((text, name, candidates))
        for (found, name, text), classified in zip(jobs, self.model.classify_many(work)):
            self._add_field(found, name, text, classified)

    def _add_field(self, found: dict, name: str, text: str, classified: list) -> None:
        """The model's names and types added to ``found[name]``, the candidates of one field."""
        # A pattern's candidate of the same extent is a second opinion, not a conflict: the
        # model's vote then counts ("results on Quillfen": a lone word the patterns doubt).
        patterns = {(c.start, c.end) for c in found.get(name, ())}
        pattern_index = SpanIndex(patterns)
        added = []
        for start, end, label, prob in (self.model.predict(text, name, classified=classified)
                                        if self.add_names else ()):
            if (start, end) not in patterns and pattern_index.overlaps(start, end):
                continue
            if not _stands_alone(text, start, end, prob):
                continue
            kind = infer_type(text, start, end)
            if label == "data":
                kind = kind if kind in _DATA else "dataset"
            elif kind is None:
                kind = label  # the model's model-or-method, when no head noun says
            added.append(Candidate(start, end, text[start:end], kind, LEARNED, False, round(prob, 2)))
        typed = self._type_untyped(classified, found.get(name, ())) if self.type_candidates else None
        if added or typed is not None:
            found[name] = list(typed if typed is not None else found.get(name, ())) + added

    def _type_untyped(self, classified, candidates) -> list[Candidate] | None:
        """The patterns' candidates, those without a type typed ``model`` where the model is sure
        (a coined "DeepSeek-Chat" is a model, not the default method); None if none changed."""
        untyped = [(c.start, c.end) for c in candidates if c.type is None]
        if not untyped:
            return None
        wanted = set(untyped)
        probs = {(c.start, c.end): p for c, p in classified if (c.start, c.end) in wanted}
        changed, out = False, []
        for cand in candidates:
            p = probs.get((cand.start, cand.end)) if cand.type is None else None
            kind = None
            if p is not None:
                kind = "model" if p[CLASSES.index("model")] >= TYPE_CONFIDENCE_MODEL else None
            if kind:
                cand, changed = replace(cand, type=kind), True
            out.append(cand)
        return out if changed else None

    def to_disk(self, path: str | Path, *, exclude=()) -> None:
        if self.model is not None:
            self.model.to_disk(path)

    def from_disk(self, path: str | Path, *, exclude=()) -> "SpanModelComponent":
        self.model = SpanModel.from_disk(path)
        return self


@Language.factory("litkg_spanmodel", default_config={})
def make_span_model(nlp: Language, name: str) -> SpanModelComponent:
    return SpanModelComponent(nlp, name)
