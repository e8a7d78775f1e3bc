"""litkg's spaCy pipeline components, registered with ``@Language.factory``.

``litkg_gazetteer``  phrase-matches the gazetteer (case-folded, with hyphen/space/plural
                     variants; exact case for names that are also words) into
                     ``doc.spans["litkg_gazetteer"]``, label = type, kb_id = concept id.
``litkg_discovery``  runs the discovery patterns and stores their candidates, per field, in
                     ``doc._.litkg.candidates``.

A paper is one Doc: its title, ``FIELD_SEPARATOR``, its abstract; what the components share on
it is the typed extension ``doc._.litkg`` (:class:`~litkg.extract.doc_fields.DocFields`).
Components work per field where it matters.

Both only annotate the Doc; paper-level decisions (roles, merging) happen in ``assemble``.
"""
from __future__ import annotations

from bisect import bisect_left
from pathlib import Path
from typing import Iterable

import spacy
from spacy.language import Language
import numpy
from spacy.attrs import IDX, IS_TITLE, LENGTH
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from litkg.extract.discovery import (
    DATA_HEADS,
    NAMEISH_SHAPE,
    TITLE_CONNECTORS,
    TRIGGER_WORDS,
    VERB_TRIGGERS,
    TokenHints,
    discover_abstract,
    discover_title,
)
from litkg.errors import ExtractionError
from litkg.extract.doc_fields import DocFields, fields_of
from litkg.extract.gazetteer import Gazetteer, default_gazetteer
from litkg.extract.lexicon import LEXICON_DIGEST, LEXICON_PATH, lexicon_digest, read_lexicon, save_lexicon
from litkg.extract.matcher_cache import cache_key, load_compiled, save_compiled
from litkg.extract.normalise import concept_norm, spelling_variants

__all__ = ["GazetteerMatcher", "DiscoveryComponent", "GAZETTEER_SPANS", "field_segments", "gazetteer_hits"]


GAZETTEER_SPANS = "litkg_gazetteer"
#: Cached case verdicts a matcher keeps, at most (a few MB).
_MAX_VERDICTS = 50_000


def field_segments(doc: Doc) -> dict[str, tuple[int, str]]:
    """``{"title": (offset, text), "abstract": (offset, text)}`` of a paper's Doc.

    A Doc made without a title is all abstract. (A component that has the Doc's
    :class:`DocFields` reads ``fields.segments``.)
    """
    return fields_of(doc).segments


def gazetteer_hits(doc: Doc, fields: DocFields) -> list[tuple[int, int, str]]:
    """``(start_char, end_char, concept id)`` of the Doc's gazetteer spans: as the matcher noted
    them, else (a Doc whose spans other code set) read from the span group."""
    if fields.gazetteer_hits is not None:
        return fields.gazetteer_hits
    return [(span.start_char, span.end_char, span.kb_id_) for span in doc.spans.get(GAZETTEER_SPANS, [])]


def _is_acronym_shaped(form: str) -> bool:
    # "CLIP", "ImageNet", "WiSE-FT": capitals past the first letter make a name that plain
    # lower-case text ("clip", "imagenet") should not match by accident.
    return any(c.isupper() for c in form[1:])


def _listed_plain(form: str, surface: str) -> bool:
    """True when ``surface`` (a plain word) is ``form`` itself, maybe plural, in any case."""
    word, written = surface.lower(), form.lower()
    return word in (written, written + "s", written + "es") or (word.endswith("s") and word[:-1] == written)


def _in_title_phrase(doc: Doc, start: int, end: int) -> bool:
    """True when a capitalised word (tokens ``start``..``end``) sits in a run of capitalised words
    or a hyphenated compound ("Massive Multimodal Embedding", "Vision-Align"): then the capital is
    Title Case, not a name."""
    for index in (start - 1, end):
        if 0 <= index < len(doc):
            word = doc[index].text
            if word == "-" or (word.isalpha() and word[:1].isupper() and word[1:].islower()):
                return True
    return False


def _cached(cache: dict, key, make, *, key_is_tuple: bool = True):
    """``cache[key]``, made by ``make(*key)`` (``make(key)`` when ``key_is_tuple`` is False) when
    missing; the cache is emptied when it holds :data:`_MAX_VERDICTS`, so its memory stays flat on
    any input."""
    found = cache.get(key)
    if found is None:
        if len(cache) >= _MAX_VERDICTS:
            cache.clear()
        found = cache[key] = make(*key) if key_is_tuple else make(key)
    return found


def _longest_first(spans) -> list[tuple[int, int]]:
    """``(start, end)`` token spans without overlaps, the (first) longest kept, in text order:
    :func:`spacy.util.filter_spans` on pairs, without making a Span of each."""
    kept, seen = [], set()
    for start, end in sorted(spans, key=lambda s: (s[1] - s[0], -s[0]), reverse=True):
        if start not in seen and end - 1 not in seen:
            kept.append((start, end))
            seen.update(range(start, end))
    return sorted(kept)


class GazetteerMatcher:
    """Finds gazetteer concepts in a Doc."""

    def __init__(self, nlp: Language, name: str = "litkg_gazetteer") -> None:
        self.nlp = nlp
        self.name = name
        self.gazetteer: Gazetteer | None = None
        self._matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        # (concept, norm key of a spelling) -> the spelling as written: decides the case rule.
        self._forms: dict[tuple[str, str], str] = {}
        # concept -> spellings that must match exactly, for names that are also words.
        self._exact: dict[str, set[str]] = {}
        self._ids: dict[int, str] = {}
        self._plain_verdicts: dict[tuple[str, str], bool] = {}

    def initialize(self, get_examples=None, *, nlp: Language | None = None, paths: Iterable[str] | None = None) -> None:
        gazetteer = Gazetteer.from_disk(*paths) if paths else default_gazetteer()
        self.set_gazetteer(gazetteer)

    def set_gazetteer(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._plain_verdicts = {}
        # Match ids are hashes of concept ids; map them here, since a matcher loaded from the
        # cache carries its own vocabulary.
        self._ids = {self.nlp.vocab.strings.add(entry.id): entry.id for entry in gazetteer}
        key = cache_key(gazetteer.digest)
        compiled = load_compiled(key)
        if compiled is not None:
            self._matcher, self._forms, self._exact = compiled
            return
        self._compile(gazetteer)
        save_compiled(key, (self._matcher, self._forms, self._exact))

    def _compile(self, gazetteer: Gazetteer) -> None:
        self._matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self._forms = {}
        self._exact = {}
        # Pattern docs are tokenized by a copy of the pipeline's tokenizer with its own vocab: tens of
        # thousands of pattern strings in the main vocab made tokenizing papers several times
        # slower. The phrase matcher compares attribute hashes, which do not depend on the vocab.
        main = self.nlp.tokenizer
        patterns_nlp = spacy.blank(self.nlp.lang)
        for setting in ("rules", "prefix_search", "suffix_search", "infix_finditer", "token_match", "url_match"):
            setattr(patterns_nlp.tokenizer, setting, getattr(main, setting))  # same tokenization
        make_doc = patterns_nlp.make_doc
        for entry in gazetteer:
            patterns = {}
            for form in entry.surface_forms:
                for variant in spelling_variants(form):
                    patterns.setdefault(variant.lower(), variant)
                    self._forms.setdefault((entry.id, concept_norm(variant)), form)
                    if entry.case_sensitive:
                        self._exact.setdefault(entry.id, set()).add(variant)
            self._matcher.add(entry.id, [make_doc(v) for v in patterns.values()])

    def __call__(self, doc: Doc) -> Doc:
        if self.gazetteer is None:
            self.initialize()
        concept_ids = self._ids
        fields = fields_of(doc)
        title_end = len(fields.segments["title"][1]) if fields.has_title else -1
        by_span: dict[tuple[int, int], list[str]] = {}
        chars: dict[tuple[int, int], tuple[int, int]] = {}
        starts = fields.sentence_starts  # set by litkg_sentences, when it ran
        starts = set(starts) if starts is not None else None
        # Matches are checked on character offsets and slices of the paper's text (Doc.text and
        # Span.text build a Token object per word, which cost more than the matcher itself). Its
        # long runs were blanked in the Doc, but no name matches inside a blank.
        text = fields.text
        for match_id, start, end in self._matcher(doc):
            concept_id = concept_ids[match_id]
            start_char = doc[start].idx
            last = doc[end - 1]
            surface = text[start_char:last.idx + len(last)]
            if not self._case_ok(concept_id, surface, doc, start, end, start_char < title_end, starts):
                continue
            ids = by_span.setdefault((start, end), [])
            if concept_id not in ids:
                ids.append(concept_id)
            chars[(start, end)] = (start_char, start_char + len(surface))
        group, hits = [], []
        for start, end in _longest_first(by_span):
            start_char, end_char = chars[(start, end)]
            for concept_id in by_span[(start, end)]:
                entry = self.gazetteer.entries[concept_id]
                group.append(Span(doc, start, end, label=entry.type, kb_id=concept_id))
                hits.append((start_char, end_char, concept_id))
        doc.spans[GAZETTEER_SPANS] = group
        fields.gazetteer_hits = hits
        return doc

    def _case_ok(self, concept_id: str, surface: str, doc: Doc, start: int, end: int, in_title: bool,
                 sentence_starts: set[int] | None) -> bool:
        """Whether ``surface`` (tokens ``start``..``end`` of ``doc``) is written as a name of
        ``concept_id`` here."""
        exact = self._exact.get(concept_id)
        if exact is not None:
            # A name that is also a word (WILDS/wilds, CLIP/clip) matches as written, in another
            # mixed spelling (WiLDS), or capitalised mid-sentence in running text ("Wilds
            # Camelyon17"), where a capital marks a name; never in lower case.
            capitalised = surface[:1].isupper() and not any(c.isupper() for c in surface[1:])
            if capitalised and " " not in surface and _in_title_phrase(doc, start, end):
                return False  # "Natural Distribution Shifts": Title Case, not the Shifts dataset
            if surface in exact or sum(c.isupper() for c in surface) >= 2:
                return True
            starts_sentence = (doc[start].idx in sentence_starts if sentence_starts is not None
                               else doc[start].is_sent_start)
            return capitalised and not in_title and not starts_sentence
        return self._plain_case_ok(concept_id, surface)

    def _plain_case_ok(self, concept_id: str, surface: str) -> bool:
        # Depends on the concept and the surface only: cached, as the same names recur.
        return _cached(self._plain_verdicts, (concept_id, surface), self._plain_verdict)

    def _plain_verdict(self, concept_id: str, surface: str) -> bool:
        form = self._forms.get((concept_id, concept_norm(surface)), "")
        if surface.isalpha() and surface[1:].islower() and not _listed_plain(form, surface):
            # "Shape" is not Shap-E, "Multiple" not MultiPL-E: a plain word matches a name only
            # when the name is written as that word (Transformer), not when joining its parts
            # or folding its capitals makes the word.
            return False
        if form.isupper() and len(form) <= 4 and surface not in (form, form + "s") and surface.upper() == form.upper():
            return False  # "AIs" (plural of AI) is not AIS; short acronyms match as written
        if any(c.isupper() or c.isdigit() for c in surface):
            return True
        # An all-lower-case surface matches only forms that are not acronym-shaped:
        # "transformers" is Transformer, but "imagenet" in running text is left alone.
        return " " in form or not _is_acronym_shaped(form)

    # spaCy serialisation protocol: the gazetteer travels as its JSONL file.
    def to_disk(self, path: str | Path, *, exclude=()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        if self.gazetteer is not None:
            self.gazetteer.to_disk(path / "gazetteer.jsonl")

    def from_disk(self, path: str | Path, *, exclude=()) -> "GazetteerMatcher":
        file = Path(path) / "gazetteer.jsonl"
        if file.exists():
            self.set_gazetteer(Gazetteer.from_disk(file))
        return self


def _titled_runs(table: numpy.ndarray) -> tuple[tuple[int, int], ...]:
    """Runs of 3+ Title Case tokens, single connectors allowed inside, from rows of
    (IDX, LENGTH, IS_TITLE, connector). Titles are all Title Case, so callers skip them."""
    titled = numpy.flatnonzero(table[:, 2] == 1).tolist()
    if len(titled) < 3:
        return ()
    # Two Title Case tokens in a row are one run's when nothing or one connector lies between
    # them. One pass over the Title Case tokens: 11 µs a synthetic abstract, where splitting the
    # stretches of Title Case and connector tokens took 25 µs on lists, 74 with numpy.split.
    connector = table[:, 3].tolist()
    runs = []
    first = previous = titled[0]
    count = 1
    for position in titled[1:]:
        gap = position - previous
        if gap == 1 or (gap == 2 and connector[previous + 1] == 1):
            count += 1
        else:
            if count >= 3:
                runs.append((first, previous))
            first, count = position, 1
        previous = position
    if count >= 3:
        runs.append((first, previous))
    return tuple((int(table[a, 0]), int(table[b, 0] + table[b, 1])) for a, b in runs)


def _trigger_kind(word: str) -> tuple[bool, int] | None:
    """Whether ``word`` is name-shaped, and which trigger list of :class:`TokenHints` it opens
    (1 proposal verb, 2 dataset head, 3 "on"/"across"; 0 none); None when neither."""
    nameish = bool(NAMEISH_SHAPE.match(word))
    trigger = (1 if word in VERB_TRIGGERS else 2 if word in DATA_HEADS else 3) if word in TRIGGER_WORDS else 0
    return (nameish, trigger) if nameish or trigger else None


class DiscoveryComponent:
    """Runs the discovery patterns over the Doc's text."""

    def __init__(self, nlp: Language, name: str = "litkg_discovery") -> None:
        self.name = name
        # Lexeme flags are computed once per vocabulary entry, so finding a doc's trigger words
        # (name-shaped tokens, proposal verbs, dataset head nouns, "on") is one array read
        # instead of scans of its text.
        # One flag marks both kinds: each flag column read costs as much as the rest of this
        # step, and the few flagged words are told apart by their text (cached per word).
        vocab = nlp.vocab
        self._flagged = vocab.add_flag(lambda text: _trigger_kind(text) is not None)
        self._connector = vocab.add_flag(lambda text: text in TITLE_CONNECTORS)
        self._kinds: dict[str, tuple[bool, int]] = {}

    def _kind_of(self, word: str) -> tuple[bool, int]:
        """:func:`_trigger_kind` of ``word``, kept (a bounded cache, as the matcher's)."""
        return _cached(self._kinds, word, _trigger_kind, key_is_tuple=False)

    def hints(self, doc: Doc, fields: DocFields | None = None) -> dict[str, TokenHints]:
        """Where the pattern triggers are in each field of ``doc``, from lexeme flags, as
        offsets into the field's text (``fields``: the Doc's, when the caller has read them)."""
        fields = fields or fields_of(doc)
        segments = fields.segments
        if not len(doc):
            return {name: TokenHints((), (), (), ()) for name in segments}
        # Title Case phrases only matter to a store linking long forms across papers
        # (``phrases``), and never in titles, which are Title Case throughout. Each attribute
        # read costs, so their two columns are read only then.
        phrases = fields.phrases
        if phrases:
            table = doc.to_array([self._flagged, IDX, LENGTH, IS_TITLE, self._connector])
            titled = _titled_runs(table[:, 1:5])
        else:
            table = doc.to_array([self._flagged, IDX, LENGTH])  # each column read costs
            titled = ()
        text = fields.text
        # Few tokens are flagged: take just those rows (a handful of array operations), then
        # sort them out in Python, field by field (the flagged tokens are in text order).
        columns = table.compress(table[:, 0], axis=0).T.tolist()  # half the cost of a fancy index, measured
        token_starts, lengths = columns[1], columns[2]
        kinds = self._kinds
        hints = {}
        for name, (offset, field_text) in segments.items():
            first = bisect_left(token_starts, offset)
            last = bisect_left(token_starts, offset + len(field_text), first)
            names, verbs, heads, preps = [], [], [], []
            by_trigger = (None, verbs, heads, preps)
            for start, length in zip(token_starts[first:last], lengths[first:last]):
                word = text[start:start + length]
                nameish, trigger = kinds.get(word) or self._kind_of(word)
                start -= offset
                if nameish:
                    names.append(start)
                if trigger:
                    by_trigger[trigger].append((start, start + length))
            end = offset + len(field_text)
            runs = () if name == "title" else tuple((a - offset, b - offset) for a, b in titled if offset <= a and b <= end)
            hints[name] = TokenHints(tuple(names), tuple(verbs), tuple(heads), tuple(preps), runs)
        return hints

    # spaCy serialisation protocol: the lexicon the patterns were built with travels along. The
    # patterns read it when litkg.extract.lexicon is imported, so a pipeline saved with another
    # one cannot be loaded into this process.
    def to_disk(self, path: str | Path, *, exclude=()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        save_lexicon(path)

    def from_disk(self, path: str | Path, *, exclude=()) -> "DiscoveryComponent":
        file = Path(path) / LEXICON_PATH.name
        if file.exists() and lexicon_digest(read_lexicon(file)) != LEXICON_DIGEST:
            raise ExtractionError(f"{file} is not the lexicon of this litkg ({LEXICON_PATH}): "
                                  f"save the pipeline again, or copy that file over this one")
        return self

    def __call__(self, doc: Doc) -> Doc:
        fields = fields_of(doc)
        hints = self.hints(doc, fields)
        found = {}
        for name, (_, field_text) in fields.segments.items():
            found[name] = discover_abstract(field_text, hints[name]) if field_text else []
            if name == "title" and field_text:
                found[name] = discover_title(field_text) + found[name]
        fields.candidates = found
        return doc


@Language.factory("litkg_gazetteer", default_config={})
def make_gazetteer_matcher(nlp: Language, name: str) -> GazetteerMatcher:
    return GazetteerMatcher(nlp, name)


@Language.factory("litkg_discovery", default_config={})
def make_discovery(nlp: Language, name: str) -> DiscoveryComponent:
    return DiscoveryComponent(nlp, name)
