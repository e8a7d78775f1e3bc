"""Paper-level assembly: gazetteer hits and discovered candidates become typed, canonical,
role-labelled entities with their evidence.

Steps, per paper (one Doc holding its title and abstract):
1. resolve ambiguous gazetteer hits (SAM the optimiser or the segmentation model) from the long
   forms and cue words the paper uses;
2. merge discovered candidates into gazetteer concepts when one of their spellings, or the long
   form they define, is a known name; otherwise group them by normal form into new concepts;
3. find every further occurrence of each concept's spellings, for evidence;
4. give each concept the strongest role its sentences support.
"""
from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections import defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Doc

from litkg.extract.components import gazetteer_hits
from litkg.extract.doc_fields import DocFields, fields_of
from litkg.extract.discovery import DEFINITION_ONLY, Candidate, infer_type, is_name_like
from litkg.extract.gazetteer import Gazetteer
from litkg.extract.lexicon import ADJECTIVE_SUFFIXES, CONFIDENCES, MODIFIER_PARTS
from litkg.extract.normalise import concept_norm
from litkg.extract.sentences import FieldSentences, doc_sentence_starts
from litkg.records import DATA_TYPES, ROLES, ExtractedEntity, Mention

__all__ = ["assemble_paper"]


# A sentence that evaluates on the dataset it names ("results on X"), giving it the role
# evaluates_on (list_patterns' _EVAL_SENTENCE is the looser cue that opens an evaluation list).
_EVALUATES_ON = re.compile(
    r"\b(?:evaluat\w*|experiment\w*|benchmark\w*|tested|test(?:s|ing)? on|results? on|achiev\w*|"
    r"state[- ]of[- ]the[- ]art|sota|outperform\w*|accurac\w*|validat\w*|performance on|trained on|"
    r"fine-?tuned on|scores? on|gains? on)\b",
    re.IGNORECASE,
)
_COMPARE_CUE = re.compile(
    r"\b(?:compar\w*|outperform\w*|baselines?|against|surpass\w*|than|over (?:existing|prior|previous|strong)|"
    r"beats?|superior to|improves? (?:up)?on)\b",
    re.IGNORECASE,
)
# Stems one of which a sentence must contain for the cue to match: a fast substring test that
# spares the regular expression on most sentences.
_EVAL_STEMS = ("evaluat", "experiment", "benchmark", "test", "result", "achiev", "state", "sota",
               "outperform", "accura", "validat", "performance", "trained", "tuned", "score", "gain")
_COMPARE_STEMS = ("compar", "outperform", "baseline", "against", "surpass", "than", "over ", "beat",
                  "superior", "improve")
# "our method X", "our score, X", "our score - X": the paper's own thing.
_OUR = re.compile(r"\b(?:our|the proposed)\s+(?:[\w\-]+[,:]?\s+|[-–—(]\s*){0,3}$", re.IGNORECASE)
_ROLE_RANK = {role: rank for rank, role in enumerate(ROLES)}
_HEAD_NOUN_NEXT = re.compile(r"\s+(?:framework|method|approach|algorithm|model|benchmark|dataset|system|architecture)\b")


@dataclass
class _Concept:
    key: str
    name: str
    type: str | None
    origin: str
    confidence: float
    forms: set[str] = field(default_factory=set)  # surface forms to look for
    aliases: list[str] = field(default_factory=list)
    spans: set[tuple[str, int, int]] = field(default_factory=set)  # (field, start, end)
    proposes: bool = False
    votes: list[str] = field(default_factory=list)
    patterns: set[str] = field(default_factory=set)
    part_of: tuple[str, ...] = ()
    variant_of: tuple[str, ...] = ()


def _resolve_ambiguous(ids: list[str], gazetteer: Gazetteer, known_ids: set[str], text_lower: str) -> str:
    # A sense whose other spellings the paper also uses wins ("Segment Anything Model … SAM").
    for concept_id in ids:
        if concept_id in known_ids:
            return concept_id
    best, best_score = ids[0], 0
    for concept_id in ids:
        score = sum(text_lower.count(cue) for cue in gazetteer.entries[concept_id].context)
        if score > best_score:
            best, best_score = concept_id, score
    return best


class _SpanIndex:
    """Character spans of one field with fast overlap and containment tests.

    Spans rarely nest, so a look at the few spans starting just before a position suffices;
    testing against every span made long texts with many mentions quadratic.
    """

    def __init__(self, spans=()) -> None:
        self.spans = sorted(spans)
        self.exact = set(self.spans)

    def add(self, start: int, end: int) -> None:
        if (start, end) not in self.exact:
            insort(self.spans, (start, end))
            self.exact.add((start, end))

    def _before(self, position: int):
        index = bisect_left(self.spans, (position, -1))
        return self.spans[max(0, index - 8) : index]

    def overlaps(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self._before(end))

    def covers(self, position: int) -> bool:
        return any(s <= position < e for s, e in self._before(position + 1))


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char in "_-"


def _find_all(text: str, form: str) -> list[tuple[int, int]]:
    """Whole-word occurrences of ``form`` (str.find: no per-form regex to compile)."""
    found = []
    size = len(form)
    pos = text.find(form)
    while pos >= 0:
        end = pos + size
        if (pos == 0 or not _is_word_char(text[pos - 1])) and (end == len(text) or not _is_word_char(text[end])):
            found.append((pos, end))
        pos = text.find(form, pos + 1)
    return found


# What may follow a dataset's name as part of how it is cited: a year ("WMT'14", "IWSLT 15"), a
# language pair ("English-French", "En-De", "English→German") and a head noun ("dataset").
_DATA_SUFFIX = re.compile(
    r"(?:\s?['’]\d{2}(?!\d)|[\s-](?:19|20)?\d{2}(?![\d.%]))?"
    r"(?:\s+(?:task\s+)?(?:[A-Z][a-z]+\s?(?:-|–|↔|→|-to-|\sto\s)\s?[A-Z][a-z]+|[A-Z][a-z]-[A-Z][a-z])(?![\w-]))?"
    r"(?:\s+(?:translation|dataset|benchmark|corpus|database|DB)(?![\w-]))?"
)


_SIZED_NAME = re.compile(r"-\d+(?:\.\d+)?[BM](?:\b|-)")
_MODEL_SIZE = re.compile(r"\s\d+(?:\.\d+)?[BM](?![\w-])")
_COMPOUND_SUFFIX = re.compile(r"(?:[-.][A-Za-z0-9]+)+(?![\w])")
_COMPOUND_PREFIX = re.compile(r"(?<![\w\-])([A-Za-z][A-Za-z0-9]*)-$")
# Word parts that make a modifier or a description, not a new name: "CLIP-based", "Multi-BERT".
_MODIFIERS = frozenset(ADJECTIVE_SUFFIXES) | MODIFIER_PARTS


def _compound_around(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of a hyphenated name that contains the known name at start:end, if any."""
    new_start, new_end = start, end
    # Each pattern is tried only where the character it needs stands: a hyphen or full stop after
    # the name, a hyphen (maybe before a closing line break) before it; most names have neither.
    suffix = _COMPOUND_SUFFIX.match(text, end) if text[end:end + 1] in ("-", ".") else None
    if suffix:
        parts = [p for p in re.split(r"[-.]", suffix.group()) if p]
        if parts[0].lower() not in _MODIFIERS and any(c.isdigit() or c.isupper() for c in suffix.group()):
            new_end = suffix.end()
    hyphen_before = text[start - 1:start] == "-" or text[max(0, start - 2):start] == "-\n"
    prefix = _COMPOUND_PREFIX.search(text, max(0, start - 30), start) if hyphen_before else None
    if prefix and prefix.group(1)[0].isupper() and prefix.group(1).lower() not in _MODIFIERS:
        new_start = prefix.start(1)
    if (new_start, new_end) == (start, end) or text[new_end : new_end + 1] == "/":
        return None  # "DeiT-T/S/B" lists sizes of one family: the family is the concept
    return new_start, new_end


def _extend_data_mention(text: str, end: int) -> int:
    """The end of a dataset mention, with the year, language pair and head noun that follow."""
    follows = text[end:end + 1]
    if not (follows.isspace() or follows in ("'", "’", "-")):
        return end  # what may follow opens with white space, an apostrophe or a hyphen
    match = _DATA_SUFFIX.match(text, end)
    return match.end() if match else end


def _paper_definitions(candidates: dict[str, list[Candidate]], texts: dict[str, str]) -> dict[str, str]:
    """Normal form of each acronym the paper defines → normal form of its long form."""
    defined = {}
    for field_name, found in candidates.items():
        text = texts[field_name]
        for cand in found:
            if cand.long_form and cand.pattern in ("acronym", DEFINITION_ONLY):
                defined[concept_norm(cand.text)] = concept_norm(text[cand.long_form[0] : cand.long_form[1]])
    return defined


def _entry_norms(gazetteer: Gazetteer, concept_id: str) -> set[str]:
    return {concept_norm(form) for form in gazetteer.entries[concept_id].surface_forms}


def assemble_paper(doc: Doc, gazetteer: Gazetteer, *, with_phrases: bool = False) -> list[ExtractedEntity]:
    """Entities of one paper from its processed Doc (title and abstract, see ``field_segments``).

    With ``with_phrases``, Title Case phrases that matched nothing in the paper are returned too,
    with origin ``"titled_phrase"``, for the store to link to names other papers define.
    """
    fields = fields_of(doc)
    texts = {name: text for name, (_, text) in fields.segments.items()}
    candidates = fields.candidates or {}
    concepts: dict[str, _Concept] = {}
    gaz_spans = {"title": _SpanIndex(), "abstract": _SpanIndex()}
    hits = _gazetteer_hits(doc, fields)
    _add_gazetteer_hits(hits, texts, _paper_definitions(candidates, texts), gazetteer, concepts, gaz_spans)
    _add_candidates(candidates, texts, concepts, gaz_spans, gazetteer)
    _add_more_occurrences(concepts, texts)
    _longest_name_wins(concepts, texts)
    return _entities(concepts, texts, fields, doc_sentence_starts(doc, fields.sentence_starts), with_phrases)


def _gazetteer_hits(doc: Doc, fields: DocFields) -> dict[tuple[str, int, int], list[str]]:
    """``(field, start, end)`` → the concept ids the gazetteer matched there."""
    hits = defaultdict(list)
    abstract_offset = fields.segments["abstract"][0]
    title_end = len(fields.segments["title"][1]) if fields.has_title else -1
    for start, end, concept_id in gazetteer_hits(doc, fields):
        if start < title_end:
            hits[("title", start, end)].append(concept_id)
        else:
            hits[("abstract", start - abstract_offset, end - abstract_offset)].append(concept_id)
    return hits



def _add_gazetteer_hits(hits: dict[tuple[str, int, int], list[str]], texts: dict[str, str], defined: dict[str, str],
                        gazetteer: Gazetteer, concepts: dict[str, _Concept], gaz_spans: dict[str, _SpanIndex]) -> None:
    """Step 1: gazetteer hits become concepts, unambiguous ones first so they can settle the
    ambiguous ones; ``defined`` are the paper's own acronym definitions."""
    known = {ids[0] for ids in hits.values() if len(ids) == 1}
    text_lower = (texts["title"] + "\n" + texts["abstract"]).lower()
    for (field_name, start, end), ids in sorted(hits.items(), key=lambda kv: len(kv[1])):
        text = texts[field_name]
        surface_norm = concept_norm(text[start:end])
        if surface_norm in defined:
            # The paper defines this acronym itself; a known concept of the same short name is
            # meant only if its spellings include the paper's long form (APE: "Absolute Position
            # Embedding" is not the gazetteer's "Automatic Prompt Engineer").
            ids = [i for i in ids if defined[surface_norm] in _entry_norms(gazetteer, i)]
            if not ids:
                continue
        concept_id = ids[0] if len(ids) == 1 else _resolve_ambiguous(ids, gazetteer, known, text_lower)
        known.add(concept_id)
        entry = gazetteer.entries[concept_id]
        compound = _compound_around(text, start, end) if entry.type not in DATA_TYPES else None
        if compound:
            # "Mirror-BERT", "Phi-3.5-V", "ToolAlpaca-7B": a new name built on a known one.
            start, end = compound
            name = text[start:end]
            key = concept_norm(name)
            concept = concepts.setdefault(key, _Concept(key, name, entry.type, "compound", CONFIDENCES["compound"],
                                                        variant_of=(entry.id,)))
        else:
            concept = concepts.get(concept_id)
            if concept is None:
                concept = concepts[concept_id] = _Concept(
                    concept_id, entry.name, entry.type, "gazetteer",
                    CONFIDENCES["gazetteer" if len(ids) == 1 else "gazetteer_ambiguous"],
                    part_of=entry.part_of, variant_of=entry.variant_of,
                )
            end = _extend_known_mention(text, end, entry.type)
        concept.spans.add((field_name, start, end))
        concept.forms.add(text[start:end])
        gaz_spans[field_name].add(start, end)


def _extend_known_mention(text: str, end: int, kind: str) -> int:
    """The end of a known concept's mention, with what follows it as part of how it is cited."""
    if kind in DATA_TYPES:
        return _extend_data_mention(text, end)
    if kind == "model":
        size = _MODEL_SIZE.match(text, end)
        return size.end() if size else end  # "LLaMA-2 70B" is LLaMA-2 at one size
    return end


def _add_candidates(candidates: dict[str, list[Candidate]], texts: dict[str, str], concepts: dict[str, _Concept],
                    gaz_spans: dict[str, _SpanIndex], gazetteer: Gazetteer) -> None:
    """Step 2: discovered candidates join the concept one of their spellings names, or make one."""
    by_norm: dict[str, str] = {}
    for concept in concepts.values():
        for form in concept.forms:
            by_norm.setdefault(concept_norm(form), concept.key)
    for field_name, found in candidates.items():
        text = texts[field_name]
        for cand in found:
            _add_candidate(cand, field_name, text, concepts, by_norm, gaz_spans[field_name], gazetteer)


def _add_more_occurrences(concepts: dict[str, _Concept], texts: dict[str, str]) -> None:
    """Step 3: more occurrences of discovered names, for evidence and roles (the gazetteer
    matcher has already found every occurrence of a known concept's spellings)."""
    for concept in concepts.values():
        if concept.origin == "gazetteer" and not concept.aliases:
            continue
        covered = {name: _SpanIndex((s, e) for f, s, e in concept.spans if f == name) for name in texts}
        for form in sorted(concept.forms, key=len, reverse=True):
            if len(form) < 2:
                continue
            for field_name, text in texts.items():
                for start, end in _find_all(text, form):
                    if covered[field_name].covers(start):
                        continue  # inside a mention already found (a longer spelling)
                    concept.spans.add((field_name, start, end))
                    covered[field_name].add(start, end)


def _entities(concepts: dict[str, _Concept], texts: dict[str, str], fields: DocFields, doc_starts: list[int],
              with_phrases: bool) -> list[ExtractedEntity]:
    """Step 4: the concepts kept, typed and given a role, in the order the paper names them."""
    entities = []
    sentences = {name: FieldSentences(doc_starts, offset, text) for name, (offset, text) in fields.segments.items()}
    cues: dict[tuple[str, bool], bool] = {}
    for concept in concepts.values():
        if not _keep(concept) or (concept.origin == "titled_phrase" and not with_phrases):
            continue
        entities.append(_to_entity(concept, texts, sentences, cues))
    # An entity's mentions are in text order, title first (_to_entity): its first is where the
    # paper first names it.
    entities.sort(key=lambda e: (e.mentions[0].field != "title", e.mentions[0].start, e.key))
    return entities


def _add_candidate(cand: Candidate, field_name: str, text: str, concepts: dict[str, _Concept],
                   by_norm: dict[str, str], gaz: _SpanIndex, gazetteer: Gazetteer) -> None:
    if cand.pattern == DEFINITION_ONLY:
        return  # only a definition (read by _paper_definitions), never a concept
    norms = [concept_norm(cand.canonical or cand.text)]
    long_text = text[cand.long_form[0] : cand.long_form[1]] if cand.long_form else None
    if long_text:
        norms.append(concept_norm(long_text))
    key = next((by_norm[n] for n in norms if n in by_norm), None)
    if key is None:
        # A definition "long form (ACR)" names a known concept only through its long form: the
        # paper's own acronym may stand for something else than a known concept of that name.
        key = _known_concept(norms[1:] if cand.long_form else norms, concepts, gazetteer)
    overlaps = gaz.overlaps(cand.start, cand.end)
    if key is None and overlaps:
        return  # part of a known name ("LoRA-based" around LoRA): the gazetteer hit wins
    if key is None:
        if not norms[0]:
            return
        key = norms[0]
        if cand.canonical and cand.variant_of is None:
            return  # a slash-series member ("100" of CIFAR-10/100) only stands for a known name
        if cand.pattern == "eval_list" and not is_name_like(cand.text) and " " not in cand.text:
            return  # a lone capitalised word after "on" is a name only if another pattern says so
        variant_of = tuple(gazetteer.by_norm.get(concept_norm(cand.variant_of), ())[:1]) if cand.variant_of else ()
        concepts[key] = _Concept(key, cand.canonical or cand.text, None, cand.pattern, cand.confidence,
                                 variant_of=variant_of)
    concept = concepts[key]
    exact_gaz = (cand.start, cand.end) in gaz.exact
    if not overlaps or exact_gaz:
        end = cand.end
        if cand.pattern == "data_head" and not cand.canonical:
            end = _extend_data_mention(text, end)  # "the VQA dataset" is cited as "VQA dataset"
        concept.spans.add((field_name, cand.start, end))
        concept.forms.add(cand.text)
    if long_text:
        concept.forms.add(long_text)
        if long_text not in concept.aliases:
            concept.aliases.append(long_text)
        concept.spans.add((field_name, cand.long_form[0], cand.long_form[1]))
    for n in norms:
        by_norm.setdefault(n, key)
    concept.patterns.add(cand.pattern)
    concept.confidence = max(concept.confidence, cand.confidence)
    if cand.type:
        concept.votes.append(cand.type)
    if cand.proposes and (concept.origin != "gazetteer" or cand.pattern == "title_prefix"
                          or (exact_gaz and _HEAD_NOUN_NEXT.match(text, cand.end))):
        # A known name is the paper's own only when the title leads with it (the WILDS paper) or
        # the proposal names it with a head noun ("we propose the O3 framework").
        concept.proposes = True


def _known_concept(norms: list[str], concepts: dict[str, _Concept], gazetteer: Gazetteer) -> str | None:
    """The gazetteer concept the first of ``norms`` it knows names (added to ``concepts``)."""
    for norm in norms:
        entries = gazetteer.by_norm.get(norm)
        if entries:
            key = entries[0]
            entry = gazetteer.entries[key]
            concepts.setdefault(key, _Concept(key, entry.name, entry.type, "gazetteer", CONFIDENCES["gazetteer_long_form"],
                                              part_of=entry.part_of, variant_of=entry.variant_of))
            return key
    return None


#: Patterns that find a paper's whole name ("we propose Graph Transformer (GT)"); a known name
#: inside one (Transformer) is part of that name there, not a mention of its own.
_NAMING_PATTERNS = frozenset({"acronym", "propose", "called", "title_prefix", "appositive"})


def _longest_name_wins(concepts: dict[str, _Concept], texts: dict[str, str]) -> None:
    """Drop gazetteer mentions that lie inside a longer name the paper itself names, and link
    that name to the known one (``variant_of``): "Graph Transformer" is not a use of Transformer."""
    named = [c for c in concepts.values() if c.origin != "gazetteer" and c.patterns & _NAMING_PATTERNS]
    if not named:
        return
    known = [c for c in concepts.values() if c.origin == "gazetteer"]
    for concept in named:
        for field_name, start, end in sorted(concept.spans):
            written = texts[field_name][start:end]
            if " " not in written and "-" not in written:
                continue
            for other in known:
                inside = {s for s in other.spans if s[0] == field_name and start <= s[1] and s[2] <= end
                          and (s[1], s[2]) != (start, end)}
                if inside:
                    other.spans -= inside
                    if other.key not in concept.variant_of:
                        concept.variant_of = concept.variant_of + (other.key,)


def _keep(concept: _Concept) -> bool:
    if not concept.spans:
        return False
    if concept.origin == "gazetteer":
        return True
    if concept.origin == "coined" and concept.patterns == {"coined"}:
        # A bare coined-looking token is kept only when the paper leans on it, or when it is
        # shaped like a released model ("ToolAlpaca-7B").
        fields = [f for f, _, _ in concept.spans]
        return "title" in fields or len(concept.spans) >= 2 or bool(_SIZED_NAME.search(concept.name))
    return True


def _to_entity(concept: _Concept, texts: dict[str, str], sentences: dict[str, FieldSentences],
               cues: dict[tuple[str, bool], bool]) -> ExtractedEntity:
    mentions = []
    for field_name, start, end in sorted(concept.spans, key=lambda s: (s[0] != "title", s[1], s[2])):
        text = texts[field_name]
        mentions.append(Mention(text[start:end], start, end, field_name, sentences[field_name].around(start, end)))
    kind = concept.type
    if kind is None and concept.votes:
        kind = max(dict.fromkeys(concept.votes), key=concept.votes.count)  # ties: the first vote, whatever the hash seed
    if kind is None:
        # Typed from context only now, for the few candidates that survived: most coined tokens
        # never become concepts, so typing them all up front was wasted work.
        for mention in mentions:
            kind = infer_type(texts[mention.field], mention.start, mention.end)
            if kind:
                break
        kind = kind or "method"
    role = _role(concept, kind, mentions, texts, cues)
    aliases = tuple(dict.fromkeys([m.text for m in mentions] + concept.aliases))
    return ExtractedEntity(
        key=concept.key, name=concept.name, type=kind, role=role,
        confidence=round(concept.confidence, 2), mentions=tuple(mentions), aliases=aliases,
        origin=concept.origin, part_of=concept.part_of, variant_of=concept.variant_of,
    )


def _role(concept: _Concept, kind: str, mentions: list[Mention], texts: dict[str, str],
          cues: dict[tuple[str, bool], bool]) -> str:
    """The strongest role the sentences support; ``cues`` caches, per paper, whether a sentence
    holds an evaluation or comparison cue (several concepts share sentences)."""
    if concept.proposes:
        return "proposes"
    is_data = kind in DATA_TYPES
    cue = _EVALUATES_ON if is_data else _COMPARE_CUE
    for mention in mentions:
        text = texts[mention.field]
        if concept.origin != "gazetteer" and _OUR.search(text[max(0, mention.start - 40) : mention.start]):
            return "proposes"
        key = (mention.sentence, is_data)
        found = cues.get(key)
        if found is None:
            lowered = mention.sentence.lower()
            stems = _EVAL_STEMS if is_data else _COMPARE_STEMS
            found = cues[key] = any(map(lowered.__contains__, stems)) and bool(cue.search(mention.sentence))
        if found:
            return "evaluates_on" if is_data else "compares_with"
    return "uses"
