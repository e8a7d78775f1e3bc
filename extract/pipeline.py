"""The extraction pipeline: a blank English spaCy pipeline with litkg's own components.

    nlp = build_nlp()          # litkg_sentences → litkg_gazetteer → litkg_discovery
    extractor = Extractor(nlp)
    for extraction in extractor.extract_many(papers): ...

No pretrained spaCy model is needed or downloaded.
"""
from __future__ import annotations

import re
from dataclasses import replace
from itertools import islice
from typing import Iterable, Iterator

import spacy
from spacy.attrs import IDS
from spacy.util import compile_suffix_regex
from spacy.language import Language

import litkg.extract.components  # noqa: F401  (registers the factories)
import litkg.extract.learned  # noqa: F401
import litkg.extract.sentences  # noqa: F401
from litkg.extract.assemble import assemble_paper
from litkg.extract.components import GazetteerMatcher
from litkg.extract.doc_fields import DocFields, attach
from litkg.extract.gazetteer import Gazetteer, default_gazetteer
from litkg.extract.guards import bound_entities, mask_long_runs
from litkg.extract.version import EXTRACTOR_VERSION, extractor_version, version_of as _version
from litkg.records import Concept, ExtractedEntity, Extraction, Paper, Relation

__all__ = ["EXTRACTOR_VERSION", "build_nlp", "Extractor", "extractor_version", "with_relations"]

_INITIAL = re.compile(r"[A-Za-z]\.")


#: The lexeme attributes the pipeline's components read (plain ``str`` tests, cheap to compute).
_LEXEME_ATTRS = frozenset(IDS[name] for name in ("LOWER", "IS_TITLE", "IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT",
                                                 "IS_UPPER", "IS_LOWER", "IS_ASCII", "LANG"))


def build_nlp(gazetteer: Gazetteer | None = None, *, use_model: bool = True) -> Language:
    """A blank English pipeline with litkg's components (sentences, gazetteer, discovery and,
    unless ``use_model`` is False — the ``--fast`` pipeline — the learned span model)."""
    nlp = spacy.blank("en")
    # English keeps "A." … "Z." together as initials; in ML text they end names before a full
    # stop ("… on ImageNet-R."), which then did not match. Those exceptions are dropped.
    nlp.tokenizer.rules = {k: v for k, v in nlp.tokenizer.rules.items() if not _INITIAL.fullmatch(k)}
    # …and English splits a final full stop only after lower-case letters: split it after a
    # capital too when it ends the token, so "ImageNet-R." gives "ImageNet - R .".
    suffixes = list(nlp.Defaults.suffixes) + [r"(?<=[A-Z])\.$"]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    # Each new word's lexeme runs every attribute getter once; litkg reads only a few of them
    # (LOWER for the gazetteer, IS_TITLE, its own flags), and the rest (NORM, SHAPE, LIKE_URL,
    # IS_STOP, …) cost a tenth of the tokenizer's time on new text.
    getters = nlp.vocab.lex_attr_getters
    for attr in [a for a in getters if a not in _LEXEME_ATTRS]:
        del getters[attr]
    nlp.add_pipe("litkg_sentences")
    matcher: GazetteerMatcher = nlp.add_pipe("litkg_gazetteer")
    nlp.add_pipe("litkg_discovery")
    if use_model:
        nlp.add_pipe("litkg_spanmodel").initialize()
    matcher.set_gazetteer(gazetteer or default_gazetteer())
    return nlp


def _batched(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


class Extractor:
    """Extracts entities from papers with one spaCy pipeline.

    Parameters
    ----------
    nlp:
        A pipeline from :func:`build_nlp`; built on first use when not given.
    fast:
        Build the rules-only pipeline (no learned span model) when ``nlp`` is not given.
    """

    def __init__(self, nlp: Language | None = None, *, fast: bool = False) -> None:
        self._nlp = nlp
        self._fast = fast

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = build_nlp(use_model=not self._fast)
            self._strings_at_start = len(self._nlp.vocab.strings)
        return self._nlp

    def forget_if_larger(self, learned: int) -> bool:
        """Drop the pipeline (a fresh one is built on next use) when it has learned more than
        ``learned`` strings since it was built; True when it did. Only a pipeline this
        extractor built itself is dropped: a given one cannot be rebuilt."""
        start = getattr(self, "_strings_at_start", None)
        if start is None or self._nlp is None or len(self._nlp.vocab.strings) - start <= learned:
            return False
        self._nlp = None
        return True

    @property
    def version(self) -> str:
        """Code version, gazetteer, lexicon and model digests (``rules`` for the fast pipeline's
        model): what a stored extraction was made with."""
        model = self.nlp.get_pipe("litkg_spanmodel").model if "litkg_spanmodel" in self.nlp.pipe_names else None
        return _version(self.gazetteer.digest, model.digest if model else None)

    @property
    def gazetteer(self) -> Gazetteer:
        return self.nlp.get_pipe("litkg_gazetteer").gazetteer

    def close(self) -> None:
        """Nothing to release in one process (a :class:`ParallelExtractor` stops its workers)."""

    def extract(self, paper: Paper) -> Extraction:
        """Entities of one paper."""
        return next(self.extract_many([paper]))

    def extract_many(self, papers: Iterable[Paper], batch_size: int = 64, *,
                     with_phrases: bool = False) -> Iterator[Extraction]:
        """Entities of each paper, in order, processing texts in batches.

        ``with_phrases`` also returns unmatched Title Case phrases (origin ``"titled_phrase"``),
        which a store can link to names defined by other papers.
        """
        for batch in _batched(papers, batch_size):
            for paper, entities in zip(batch, self.entities_many(batch, batch_size, with_phrases=with_phrases)):
                yield Extraction(paper.key, entities)

    def entities_many(self, texts: Iterable, batch_size: int = 64, *,
                      with_phrases: bool = False) -> Iterator[tuple[ExtractedEntity, ...]]:
        """The entities of each of ``texts`` (anything with a ``title`` and an ``abstract``:
        a :class:`Paper`, or a worker's bare texts, which need no key), in order."""
        nlp = self.nlp
        gazetteer = self.gazetteer
        for batch in _batched(texts, batch_size):
            docs = []
            for item in batch:
                fields = DocFields.of_paper(item.title or "", item.abstract or "", phrases=with_phrases)
                text = mask_long_runs(fields.text)  # same length: offsets stay valid
                fields.masked = text is not fields.text and text != fields.text
                doc = nlp.make_doc(text)
                attach(doc, fields)
                docs.append(doc)
            for doc in nlp.pipe(docs, batch_size=batch_size):
                entities = bound_entities(assemble_paper(doc, gazetteer, with_phrases=with_phrases))
                yield tuple(with_relations(entity, gazetteer) for entity in entities)


def with_relations(entity: ExtractedEntity, gazetteer: Gazetteer) -> ExtractedEntity:
    """``entity`` with the links the store writes (:attr:`ExtractedEntity.relations`): each of
    its ``part_of`` then ``variant_of`` keys that ``gazetteer`` defines, with that concept, so the
    store can make it a concept even when no paper names it. Keys the gazetteer does not define
    (a discovered concept a name was seen inside) link nothing."""
    if not entity.part_of and not entity.variant_of:
        return entity
    relations = []
    for rel, keys in (("part_of", entity.part_of), ("variant_of", entity.variant_of)):
        for key in keys:
            entry = gazetteer.entries.get(key)
            if entry is not None:
                relations.append(Relation(rel, Concept(entry.id, entry.name, entry.type, tuple(entry.aliases))))
    return replace(entity, relations=tuple(relations))
