"""Patterns that find names the gazetteer does not know: a paper's own new methods and datasets.

Each pattern works on the raw text of one field with compiled regular expressions (so it runs at
C speed) and returns :class:`Candidate` records with character offsets. Which candidates become
concepts, and with which role, is decided per paper in :mod:`litkg.extract.assemble`.

Pattern families
----------------
``title_prefix``  "LEVI: Generalizable Fine-tuning via …"
``propose``       "we propose / introduce / present … X"
``appositive``    "X, a novel framework for …"
``called``        "a method called / named / dubbed X"
``acronym``       "long form (ACR)" and "ACR (long form)"
``data_head``     "the X dataset", "X and Y benchmarks"
``shape``         X-Bench, XEval, X-1K, XQA
``eval_list``     "results on X, Y and Z" in a sentence about evaluation
``slash_series``  "CIFAR-10/100" (CIFAR-10 and CIFAR-100)
``titled_phrase`` Title Case phrases, kept only when they are the long form of a known name
``coined``        mixed-case coined tokens (PeftCD, VideoICL) that no other pattern typed
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator

from litkg.extract.acronyms import AcronymDefinition, find_acronym_definitions
from litkg.extract.lexicon import (
    CLASS_HEADS,
    GENERIC_ACRONYMS,
    HEAD_TYPES,
    METRIC_HEADS,
    TASK_SUFFIXES,
    TITLE_OPENERS,
    is_generic_phrase,
)

__all__ = ["Candidate", "DEFINITION_ONLY", "TokenHints", "text_hints", "NAMEISH_SHAPE", "PROPOSE_VERBS", "DATA_HEADS", "TITLE_CONNECTORS", "is_name_like", "discover_title", "discover_abstract", "infer_type"]


#: The pattern of a candidate that only records what the paper says an acronym means.
DEFINITION_ONLY = "definition"


@dataclass(frozen=True)
class Candidate:
    """A possible new name found by a pattern, with offsets into the field's text."""

    start: int
    end: int
    text: str
    type: str | None  # None: decided later from context
    pattern: str
    proposes: bool
    confidence: float
    long_form: tuple[int, int] | None = None  # offsets of a long form of the same name
    canonical: str | None = None  # the name the span stands for when it is not its own text


@dataclass(frozen=True)
class TokenHints:
    """Where the trigger words of the patterns are, as character offsets into the text.

    The pipeline reads these from lexeme flags (computed once per vocabulary entry) in one array
    call; :func:`text_hints` finds them in plain text for callers without a Doc.
    """

    nameish: tuple[int, ...]  # starts of tokens shaped like names (capital or digit inside)
    propose: tuple[tuple[int, int], ...]  # proposal verbs ("propose", "introduced", …)
    data_heads: tuple[tuple[int, int], ...]  # "dataset", "benchmarks", "corpus", …
    preps: tuple[tuple[int, int], ...]  # "on" and "across", which may open an evaluation list
    titled: tuple[tuple[int, int], ...] = ()  # runs of 3+ Title Case words ("Trust Region Aware …")


_TOKEN = re.compile(r"[A-Za-z0-9][\w+\-/.]*[\w+]|[A-Za-z0-9]")
# Tokens with a capital or digit after their first letters: the only ones is_name_like can
# accept. A cheap scan for these in C keeps the Python check off ordinary words; a match that
# starts inside a longer token (a URL, a path) is dropped by the caller.
_NAMEISH_TOKEN = re.compile(r"\b[A-Za-z0-9][a-z]*-?[A-Z0-9][\w+\-/.]*")
#: The same shape tested on one spaCy token (a lexeme flag in the pipeline): a capital or digit
#: after the first letters, maybe after a hyphen ("ReFT", "O3", "Corvid-7B").
NAMEISH_SHAPE = re.compile(r"[A-Za-z0-9][a-z]*-?[A-Z0-9]")
_TOKEN_CHARS = frozenset("_+-/.")
_STRIP = ".,;:()[]{}\"'“”‘’"
# Capitalised words that open or qualify phrases but are not names.
_NOT_NAMES = frozenset(
    """
    The A An Our This These That Those Each All Both Two Three Four Five Several Many Most Some
    Standard Existing Common Popular Recent Prior Previous Various Other Such New Novel We In On
    For With From To By Of And Or But However Moreover Furthermore Finally First Second Third
    Specifically Experiments Extensive Results Table Figure Fig Section Appendix Code It Its Their
    GitHub OpenAI DeepMind PyTorch TensorFlow HuggingFace NVIDIA Google Meta Microsoft
    Anthropic Amazon Apple Python JavaScript TypeScript LaTeX PhD arXiv English
    Chinese Japanese German French Spanish Twitter
    """.split()
)
_NAME_HEADS = "|".join(sorted((re.escape(h) for h in HEAD_TYPES), key=len, reverse=True))
_HEAD_AFTER = re.compile(
    r"^\s*(?:\([^()]{0,80}\))?\s*(?:,\s*|\s+is\s+|\s+was\s+|\s+as\s+)(?:a|an|the|our)\s+"
    r"(?:[\w\-]+,?\s+){0,6}?(" + _NAME_HEADS + r")\b",
    re.IGNORECASE,
)
_HEAD_RIGHT_AFTER = re.compile(r"^\s*(?:\([^()]{0,80}\))?\s*(" + _NAME_HEADS + r")\b", re.IGNORECASE)
# Proposal verbs are found with str.find on their stems (far faster than a regex scan in
# Python's engine); the subject before them is checked on a short slice.
_PROPOSE_STEMS = ("propos", "introduc", "present", "develop", "design", "devis", "build", "built",
                  "construct", "creat", "releas", "curat", "contribut", "offer", "provid", "establish",
                  "put forward")
PROPOSE_VERBS = frozenset(
    """propose proposes proposed introduce introduces introduced present presents presented develop
    develops developed design designs designed devise devises devised build builds built construct
    constructs constructed create creates created release releases released curate curates curated
    contribute contributes contributed offer offers offered provide provides provided establish
    establishes established""".split()
)
_PROPOSE_SUBJECT = re.compile(
    r"\b(?:[Ww]e|[Tt]his (?:paper|work|study|article)|[Ii]n this (?:paper|work), we|us to)\s+"
    r"(?:(?:first|then|further|also|therefore|thus|hence|here|now|instead)\s+)?(?:\w+ly\s+)?$"
)
# "We analyse X and introduce Y": the subject stands earlier in the same sentence.
_SENTENCE_SUBJECT = re.compile(r"\b(?:[Ww]e|[Oo]ur (?:work|paper))\b[^.;]*,?\s+and\s+$")
_WINDOW_STOP = re.compile(r"\b(?:of|to|that|which|where|for|on|in|by|how|whose|as|with|using|and\s+(?:show|demonstrate|evaluate))\b|[.;:]\s")
_CALLED = re.compile(
    r"\b(?:called|named|dubbed|termed|coined|denoted as|referred to as|"
    # "We call these models X", "we refer to this dataset as X"
    r"[Ww]e (?:call|term|name|dub)(?: (?:this|these|it|them|our|the)\b[\w -]{0,30}?)?|"
    r"refer to (?:this|these|it|them|our|the)\b[\w -]{0,30}? as)\s+[\"“]?(?=[A-Z0-9]|[a-z]+[A-Z])"
)
# "…, LN-DPO, resulting in …": a name set off by commas after a description in a proposal.
_SET_OFF_NAME = re.compile(r",\s+([A-Za-z0-9][\w+\-.]*[\w+])(?=,|\.|\s\()")
_APPOSITIVE = re.compile(r"\s*(?:\([^()]{0,80}\))?\s*,\s+(?:a|an|our)\s+((?:[\w\-]+\s+){0,6}?)(" + _NAME_HEADS + r")\b", re.IGNORECASE)
DATA_HEADS = ("datasets", "dataset", "benchmarks", "benchmark", "corpus", "corpora", "suite", "challenge",
               "database", "DB")
# (substrings one of which the text must contain, pattern, type): the substring test is a fast
# C scan that saves running the pattern on most texts.
_SHAPES = (
    (("Bench", "bench", "BENCH"), re.compile(r"\b[A-Z][\w\-]*?-?(?:Bench|bench|BENCH)(?:-[\w]+)?\b"), "benchmark"),
    (("Eval", "EVAL"), re.compile(r"\b[A-Z][\w\-]*?-?(?:Eval|EVAL)\b"), "benchmark"),
    (("K",), re.compile(r"[A-Z][A-Za-z0-9]*-\d+K"), "dataset"),
    (("QA",), re.compile(r"\b[A-Z][A-Za-z0-9\-]+QA\b"), "dataset"),
)
# Where a naming phrase can start: (substring, how many characters before it the phrase starts).
_NAMING_CUES = (("called", 0), ("named", 0), ("dubbed", 0), ("termed", 0), ("coined", 0), ("denoted", 0),
                ("referred", 0), ("refer to", 0), ("e call ", 1), ("e term ", 1), ("e name ", 1), ("e dub ", 1))


def _naming_phrases(text: str) -> list[re.Match]:
    """Matches of :data:`_CALLED`, tried only where one of its opening words stands (str.find is
    much faster than letting the regular expression scan the whole text)."""
    found, seen = [], set()
    for cue, back in _NAMING_CUES:
        pos = text.find(cue)
        while pos >= 0:
            start = pos - back
            if start >= 0 and start not in seen and (start == 0 or not text[start - 1].isalnum()):
                seen.add(start)
                match = _CALLED.match(text, start)
                if match:
                    found.append(match)
            pos = text.find(cue, pos + len(cue))
    return sorted(found, key=lambda m: m.start())
_ADJECTIVE_SUFFIX = re.compile(
    r"-(?:based|like|style|driven|aware|free|guided|powered|inspired|specific|level|wise|only|"
    r"agnostic|dependent|conditioned|centric|enhanced|augmented|tuned|trained|generated|ready)$",
    re.IGNORECASE,
)
_URLISH = re.compile(r"https?:|www\.|\.(?:com|org|io|net|ai|edu|html?)\b|github|@", re.IGNORECASE)
_NOVELTY = re.compile(r"\b(?:novel|new|first|proposed)\b", re.IGNORECASE)
_MODEL_SUFFIX = re.compile(r"(?:-\d+(?:\.\d+)?[BbMm]|LLM|GPT|BERT|-LM|-VL)$")


def _core(token: str) -> str:
    return token.strip(_STRIP)


@lru_cache(maxsize=1 << 16)
def is_name_like(token: str) -> bool:
    """True for tokens shaped like coined names: LEVI, ReFT, VL2V-ADiP, O3, iHVP, Skill-Mix.

    >>> [is_name_like(t) for t in ("LEVI", "ReFT", "VL2V-ADiP", "OOD", "LLMs", "Zero-Shot", "x")]
    [True, True, True, False, False, False, False]
    """
    core = _core(token)
    if len(core) < 2 or core in GENERIC_ACRONYMS or core.rstrip("s") in GENERIC_ACRONYMS:
        return False
    if core in _NOT_NAMES:
        return False
    if _ADJECTIVE_SUFFIX.search(core):
        return False  # "SL-based", "CLIP-like": a modifier built on a name, not a name
    head, _, rest = core.partition("-")
    if rest and head in GENERIC_ACRONYMS and rest.replace("-", "").isalpha() and not any(c.isupper() for c in rest[1:]):
        return False  # "AI-Assisted", "LLM-Generated": a generic term with a plain word
    upper = sum(c.isupper() for c in core)
    digits = any(c.isdigit() for c in core)
    letters = sum(c.isalpha() for c in core)
    if letters == 0 or (core[0].isdigit() and letters == 1):
        return False  # "3D", "4D", "2x"
    if _URLISH.search(core):
        return False
    parts = core.split("-")
    if len(parts) > 1 and all(p.islower() or (p[:1].isupper() and p[1:].islower()) for p in parts if p):
        return False  # "Vision-Language", "Out-of-Distribution", "Zero-Shot": adjectives
    return upper >= 2 or bool(upper and digits) or bool(upper and not core[0].isupper())


def _is_capitalised(token: str) -> bool:
    core = _core(token)
    return bool(core) and (core[0].isupper() or core[0].isdigit()) and core not in _NOT_NAMES


def infer_type(text: str, start: int, end: int, name: str | None = None) -> str | None:
    """A concept type from the words around ``text[start:end]``, or None when nothing says.

    Tries, in order: a head noun right after the name ("X dataset"), the name's shape (X-Bench,
    X-7B), an apposition or copula ("X, a benchmark for", "X is a model"), a head noun just
    before it ("the method X").
    """
    name = name or text[start:end]
    after = text[end : end + 120]
    match = _HEAD_RIGHT_AFTER.match(after)
    if match:
        return HEAD_TYPES[match.group(1).lower()]
    for _, shape, kind in _SHAPES:
        if shape.fullmatch(name):
            return kind
    if _MODEL_SUFFIX.search(name):
        return "model"
    match = _HEAD_AFTER.match(after)
    if match:
        return HEAD_TYPES[match.group(1).lower()]
    # "the method X", "a new dataset called X": the last words before the name (a regex search
    # over the preceding text was the slowest step here).
    words = text[max(0, start - 60) : start].rstrip(" \"“").rsplit(None, 2)
    if words and words[-1].lower() in ("called", "named", "dubbed", "termed", "coined"):
        words = words[:-1]
    if words:
        return HEAD_TYPES.get(words[-1].lower())
    return None


def _title_head_type(rest: str) -> str | None:
    # "LEVI: A Benchmark for …" → benchmark; only when the rest opens like a noun phrase.
    words = rest.split()
    if not words or words[0].lower() not in ("a", "an", "the"):
        return None
    for word in words[1:9]:
        kind = HEAD_TYPES.get(_core(word).lower())
        if kind:
            return kind
    return None


_TITLE_PREFIX = re.compile(r"^\s*([^:()]{1,60}?)\s*(?:\(([^()]{1,30})\))?\s*:\s*(\S.*)$", re.DOTALL)


def discover_title(title: str) -> list[Candidate]:
    """Names a title puts in front of a colon ("LEVI: …", "Proposer-Agent-Evaluator(PAE): …")."""
    match = _TITLE_PREFIX.match(title)
    if not match:
        return []
    prefix, acronym, rest = match.group(1), match.group(2), match.group(3)
    words = prefix.split()
    if not words or len(words) > 4 or words[0].lower() in TITLE_OPENERS:
        return []
    if len(words) > 1 and (words[0].lower().endswith("ing") or words[-1].lower().endswith(TASK_SUFFIXES)):
        return []  # "Looking Inward: …", "Open-Set Recognition: …" describe, they do not name
    if len(words) == 1:
        if not (is_name_like(words[0]) or (_is_capitalised(words[0]) and words[0][0].isupper())):
            return []
    elif not all(is_name_like(w) or _is_capitalised(w) for w in words):
        return []
    if is_generic_phrase(words) or _core(prefix) in GENERIC_ACRONYMS:
        return []
    kind = _title_head_type(rest)
    start = match.start(1)
    found = [Candidate(start, match.end(1), prefix, kind, "title_prefix", True, 0.85)]
    if acronym and _core(acronym) and not is_generic_phrase([acronym]):
        a_start = match.start(2)
        found.append(
            Candidate(a_start, a_start + len(acronym), acronym, kind, "title_prefix", True, 0.85, (start, match.end(1)))
        )
    return found


def _name_phrase_at(text: str, pos: int, max_words: int = 5) -> tuple[int, int] | None:
    """The span of a name starting at ``pos``: name-like tokens or a run of capitalised words."""
    tokens = []
    for token in _TOKEN.finditer(text, pos):
        gap = text[tokens[-1].end() if tokens else pos : token.start()]
        if gap.strip() or len(tokens) >= max_words:
            break
        if not (is_name_like(token.group()) or _is_capitalised(token.group())):
            break
        tokens.append(token)
        if len(tokens) == 1 and text[token.end() : token.end() + 1] in (",", "("):
            break
    if not tokens:
        return None
    words = [t.group() for t in tokens]
    if len(words) == 1 and not is_name_like(words[0]) and not _core(words[0])[0].isupper():
        return None
    if is_generic_phrase(words):
        return None
    return tokens[0].start(), tokens[-1].end()


def _definition_candidate(defn: AcronymDefinition, proposes: bool, text: str) -> Candidate | None:
    short = defn.short.rstrip("s") if defn.short.endswith("s") and defn.short[:-1].isupper() else defn.short
    if short in GENERIC_ACRONYMS or defn.short in GENERIC_ACRONYMS:
        return None
    long_words = defn.long.lower().replace("-", " ").split()
    last = long_words[-1] if long_words else ""
    if last in METRIC_HEADS:
        return None
    coined = any(c.islower() for c in defn.short.rstrip("s")[1:])
    singular = last[:-1] if last.endswith("s") and not last.endswith("ss") else last
    method_head = any(w in HEAD_TYPES and HEAD_TYPES[w] == "method" for w in long_words)
    if (last in CLASS_HEADS or singular.endswith(TASK_SUFFIXES)) and not coined and not (proposes and method_head):
        # "Direct Alignment Algorithms (DAAs)", "machine unlearning (MU)", "Combinatorial
        # Optimization Problems (COPs)": classes, tasks and settings, even in a proposal.
        return None
    if not proposes:
        # Outside a proposal, a definition names a concept when its long form is written as a
        # name (Title Case) or its short form is coined in mixed case ("LbT", "MixOE").
        titled = sum(1 for w in defn.long.split() if w[:1].isupper())
        if titled < 2 and not coined:
            return None
    if is_generic_phrase(defn.long.split()) and not proposes and not is_name_like(defn.short):
        return None
    kind = infer_type(text, defn.short_start, defn.short_end + 1) or HEAD_TYPES.get(last.rstrip("s")) or HEAD_TYPES.get(last)
    return Candidate(
        defn.short_start, defn.short_end, defn.short, kind, "acronym", proposes,
        0.8 if proposes else 0.55, (defn.long_start, defn.long_end),
    )


def _find_words(text: str, words: tuple[str, ...], *, prefix: bool = False):
    """(start, end) of whole-word occurrences of ``words`` (or of words starting with them).

    Searching for the word with the space before it skips the many occurrences inside other
    words ("on" in "convolution"); a word at the very start of the text is checked on its own.
    """
    hits = []
    size = len(text)
    for word in words:
        spaced = " " + word
        pos = 0 if text.startswith(word) else text.find(spaced)
        while pos >= 0:
            start = pos if pos == 0 and text.startswith(word) else pos + 1
            end = start + len(word)
            if prefix:
                while end < size and text[end].isalpha():
                    end += 1
                hits.append((start, end))
            elif end == size or not text[end].isalnum():
                hits.append((start, end))
            pos = text.find(spaced, end - 1)
    return sorted(set(hits))


def text_hints(text: str) -> TokenHints:
    """:class:`TokenHints` found in plain text (the pipeline gets them from the Doc instead)."""
    nameish = []
    for token in _NAMEISH_TOKEN.finditer(text):
        start = token.start()
        if not start or not (text[start - 1] in _TOKEN_CHARS or text[start - 1].isalnum()):
            nameish.append(start)
    verbs = [(s, e) for s, e in _find_words(text, _PROPOSE_STEMS, prefix=True)
             if text[s:e] in PROPOSE_VERBS or text[s:e] == "put"]
    titled = tuple((m.start(), m.end()) for m in _TITLED_RUN.finditer(text)
                   if sum(w[:1].isupper() for w in m.group().split()) >= 3)
    return TokenHints(tuple(nameish), tuple(verbs), tuple(_find_words(text, DATA_HEADS)),
                      tuple(_find_words(text, ("on", "across"))), titled)


#: Small words that may stand inside a Title Case name ("Learning by Teaching").
TITLE_CONNECTORS = frozenset({"of", "for", "via", "and", "with", "in", "to", "the", "by", "from", "on", "a"})
_TITLED_RUN = re.compile(
    r"\b[A-Z][a-z][\w\-]*(?:\s+(?:(?:of|for|via|and|with|in|to|the|by|from|on|a)\s+)?[A-Z][a-z][\w\-]*){2,7}"
)


def _titled_candidates(text: str, runs: Iterable[tuple[int, int]]) -> list[Candidate]:
    """Title Case phrases ("Trust Region Aware Minimization"): possible long forms of names that
    another paper defines. They become concepts only by meeting such a name (see the store)."""
    found = []
    for start, end in runs:
        words = text[start:end].split()
        if is_generic_phrase(words) or words[0].lower() in TITLE_OPENERS or words[0] in _NOT_NAMES:
            continue
        found.append(Candidate(start, end, text[start:end], None, "titled_phrase", False, 0.4))
        if start == 0 or text[max(0, start - 2) : start] in (". ", "? ", "! "):
            # At a sentence start the first capital may just open the sentence ("Then Learning
            # by Teaching …"): offer the phrase without it too.
            rest = start + len(words[0]) + 1
            if len(words) > 3 and text[rest:end].split()[0][:1].isupper():
                found.append(Candidate(rest, end, text[rest:end], None, "titled_phrase", False, 0.4))
    return found


def _propose_windows(text: str, verbs: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Text after "we propose / this paper introduces …", up to the end of the sentence."""
    windows = []
    for start, end in verbs:
        if text[start:end] == "put":
            if not text.startswith(" forward", end):
                continue
            end += len(" forward")
        if not (_PROPOSE_SUBJECT.search(text, max(0, start - 60), start)
                or _SENTENCE_SUBJECT.search(text, max(0, text.rfind(". ", 0, start), start - 200), start)):
            continue
        stop = text.find(". ", end)
        stop = len(text) if stop < 0 else stop
        windows.append((end, min(stop, end + 240)))
    return windows


def _data_head_candidates(text: str, heads: Iterable[tuple[int, int]]) -> list[Candidate]:
    found = []
    for head_start, head_end in heads:
        word = text[head_start:head_end]
        previous = text[max(0, head_start - 40) : head_start].rsplit(None, 1)[-1:] or [""]
        if not previous[0][:1].isupper() and not previous[0][:1].isdigit():
            continue  # "a new dataset", "this benchmark": no name right before the head noun
        kind = "benchmark" if word.startswith(("bench", "suite", "chall")) else "dataset"
        # Walk back over "X, Y and Z" before the head noun.
        pos = head_start
        names = []
        while True:
            before = text[max(0, pos - 80) : pos]
            tokens = list(_TOKEN.finditer(before))
            run = []
            for token in reversed(tokens):
                if before[token.end() :].strip(" ") if not run else before[token.end() : run[0].start()].strip(" "):
                    break
                word = _core(token.group())
                # "the VQA dataset" names one dataset even though "VQA" alone is a task.
                definite = not names and not run and before[: token.start()].endswith("the ") and not word.endswith("s")
                if (word in GENERIC_ACRONYMS and not definite) or not (
                        is_name_like(word) or _is_capitalised(word) or word.isdigit() or word in GENERIC_ACRONYMS):
                    break
                run.insert(0, token)
                if len(run) >= 3:
                    break
            if not run or run[0].group().isdigit():
                break
            words = [t.group() for t in run]
            base = max(0, pos - 80)
            if not is_generic_phrase(words):
                names.append((base + run[0].start(), base + run[-1].end()))
            joiner = re.search(r"(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)$", before[: run[0].start()])
            if not joiner:
                break
            pos = base + joiner.start()
        for start, end in names:
            found.append(Candidate(start, end, text[start:end], kind, "data_head", False, 0.75))
    return found


_EVAL_CUE = re.compile(
    r"\b(?:evaluat\w*|experiment\w*|results?|state[- ]of[- ]the[- ]arts?|outperform\w*|achiev\w*|"
    r"accurac\w*|benchmark\w*|tested|test|performs?|performance|validat\w*|SOTA|scores?)\b",
    re.IGNORECASE,
)
_LIST_ITEM = re.compile(r"(?:[A-Za-z0-9][\w+\-/.’']*[\w+])(?:\s(?:[A-Z0-9][\w+\-/.]*[\w+]|\d+)){0,2}")
_LIST_JOINER = re.compile(r",?\s+(?:and|or)\s+|,\s*")


_EXAMPLE_CUES = ("such as", "including", "e.g.,", "e.g.", "namely")
_EXAMPLE_HEAD = re.compile(r"\b(datasets?|benchmarks?|corpora|suites?)\s*(?:\(|,)?\s*$", re.IGNORECASE)


def _example_openers(text: str) -> list[tuple[int, int, str | None]]:
    """"benchmarks such as X", "datasets (including X, Y and Z)": examples of datasets."""
    openers = []
    for cue in _EXAMPLE_CUES:
        pos = text.find(cue)
        while pos >= 0:
            head = _EXAMPLE_HEAD.search(text, max(0, pos - 30), pos)
            if head:
                kind = "benchmark" if head.group(1).lower().startswith(("bench", "suite")) else "dataset"
                openers.append((pos, pos + len(cue), kind))
            pos = text.find(cue, pos + len(cue))
    return openers


def _eval_list_candidates(text: str, preps: Iterable[tuple[int, int]]) -> list[Candidate]:
    """Names listed after "on"/"across" in a sentence about evaluation ("results on X, Y and Z"),
    or as examples of datasets ("benchmarks such as X")."""
    found = []
    triggers = [(start, end, None) for start, end in preps] + _example_openers(text)
    for start, end, example_kind in triggers:
        if example_kind is None:
            following = text[end + 1 : end + 2]
            if not (following.isupper() or following.isdigit()):
                continue  # "on the other hand": lists of names start with a capital or digit
            sentence_start = max(text.rfind(". ", 0, start) + 1, start - 120)
            if not _EVAL_CUE.search(text, sentence_start, start):
                continue
        pos = end + 1 if text[end : end + 1] == " " else -1
        while 0 <= pos < len(text):
            item = _LIST_ITEM.match(text, pos)
            if not item:
                break
            words = item.group().split()
            # Keep only the leading capitalised/name-like words of the item ("Caltech pedestrians" -> "Caltech").
            kept = []
            for word in words:
                if not (is_name_like(word) or _is_capitalised(word) or (kept and word.isdigit())):
                    break
                kept.append(word)
            if not kept or is_generic_phrase(kept) or _core(kept[0]) in GENERIC_ACRONYMS:
                break
            name_end = pos + len(" ".join(kept))
            # What a paper evaluates "on" is data unless the gazetteer knows better.
            found.append(Candidate(pos, name_end, text[pos:name_end], example_kind or "dataset", "eval_list", False, 0.5))
            if len(kept) < len(words):
                break
            joiner = _LIST_JOINER.match(text, item.end())
            if not joiner:
                break
            pos = joiner.end()
    return found


_SLASH_SERIES = re.compile(r"\b([A-Z][A-Za-z]*-?)(\d+)((?:/\d+)+)\b")


def _slash_series_candidates(text: str) -> list[Candidate]:
    """"CIFAR-10/100" names CIFAR-10 and CIFAR-100."""
    found = []
    for match in _SLASH_SERIES.finditer(text):
        stem = match.group(1)
        found.append(Candidate(match.start(), match.end(2), stem + match.group(2), None, "slash_series", False, 0.7))
        pos = match.end(2)
        for number in match.group(3).split("/")[1:]:
            pos += 1
            found.append(Candidate(pos, pos + len(number), number, None, "slash_series", False, 0.7,
                                   canonical=stem + number))
            pos += len(number)
    return found


def _nameish_tokens(text: str, starts: Iterable[int]) -> Iterator[tuple[int, str]]:
    """(start, token) for tokens that may be coined names, each widened to its whole
    hyphenated token ("VL2V" and "ADiP" give one "VL2V-ADiP")."""
    seen = set()
    for start in starts:
        while start and (text[start - 1].isalnum() or text[start - 1] in _TOKEN_CHARS):
            start -= 1
        if start in seen:
            continue
        seen.add(start)
        token = _TOKEN.match(text, start)
        if token:
            yield start, token.group()


def discover_abstract(text: str, hints: TokenHints | None = None) -> list[Candidate]:
    """Candidates from every pattern family that works on running text (see module docs).

    ``hints`` tells where the trigger words are (the pipeline reads them from the Doc); without
    them the text is scanned.
    """
    if hints is None:
        hints = text_hints(text)
    found: list[Candidate] = []
    windows = _propose_windows(text, hints.propose)

    def in_propose_window(pos: int) -> bool:
        for start, end in windows:
            if start <= pos <= start + 90 and pos < end:
                return True
        # "Our contributions are twofold: (1) MMEB (Massive Multimodal Embedding Benchmark) …"
        sentence_start = text.rfind(". ", 0, pos) + 1
        return "contribution" in text[sentence_start:pos].lower()

    for defn in find_acronym_definitions(text):
        cand = _definition_candidate(defn, in_propose_window(min(defn.long_start, defn.short_start)), text)
        if cand is None:
            # Not a concept ("Large Reasoning Models (LRMs)"), but the paper says what the
            # acronym means here: a known name of the same spelling (LRM, the reconstruction
            # model) is not meant. Assembly reads it as a definition only.
            cand = Candidate(defn.short_start, defn.short_end, defn.short, None, DEFINITION_ONLY, False, 0.0,
                             (defn.long_start, defn.long_end))
        found.append(cand)
    for start, end in windows:
        # The name comes before the first clause word: "we propose a novel approach OGEN to …".
        stop = _WINDOW_STOP.search(text, start, end)
        limit = stop.start() if stop else end
        for token in _TOKEN.finditer(text, start, limit):
            if is_name_like(token.group()):
                span = _name_phrase_at(text, token.start()) or (token.start(), token.end())
                found.append(Candidate(span[0], span[1], text[span[0] : span[1]], None, "propose", True, 0.8))
                break
        else:
            # "We introduce Prismatic Synthesis, a …": a capitalised phrase right after the verb.
            span = _name_phrase_at(text, start + len(text[start:end]) - len(text[start:end].lstrip()))
            follows = text[span[1] : span[1] + 7] if span else ""
            if span and (follows.startswith((",", " (")) or re.match(r" (?:to|that|which|for)\b", follows)):
                found.append(Candidate(span[0], span[1], text[span[0] : span[1]], None, "propose", True, 0.7))
            else:
                # "we propose a simple extension to the DPO algorithm, LN-DPO, resulting in …"
                set_off = _SET_OFF_NAME.search(text, start, end)
                if set_off and is_name_like(set_off.group(1)):
                    found.append(Candidate(set_off.start(1), set_off.end(1), set_off.group(1), None, "propose", True, 0.7))
    for called in _naming_phrases(text):
        span = _name_phrase_at(text, called.end())
        if span:
            sentence_start = text.rfind(". ", 0, called.start()) + 1
            proposes = bool(re.search(r"\b(?:we|our)\b", text[sentence_start : called.end()], re.I))
            found.append(Candidate(span[0], span[1], text[span[0] : span[1]], infer_type(text, *span), "called", proposes, 0.75))
    for start, token in _nameish_tokens(text, hints.nameish):
        word = token.rstrip("-/.")
        for possessive in ("'s", "’s"):
            if word.endswith(possessive):
                word = word[: -len(possessive)]
        if "/" in word and _SLASH_SERIES.fullmatch(word):
            continue  # "ImageNet-100/200" is two names, found by the slash-series pattern
        if not is_name_like(word):
            continue
        end = start + len(word)
        appositive = _APPOSITIVE.match(text, end)
        if appositive:
            proposes = bool(_NOVELTY.search(appositive.group(1) or "")) or text[appositive.start() : appositive.start(1)].rstrip().lower().endswith("our")
            kind = HEAD_TYPES[appositive.group(2).lower()]
            found.append(Candidate(start, end, word, kind, "appositive", proposes, 0.75))
        elif not word.isupper():
            # Mixed-case coinages (PeftCD, VideoICL, iHVP).
            found.append(Candidate(start, end, word, None, "coined", False, 0.45))
        elif len(word) >= 3 and text.count(word) >= 3:
            # An all-caps token used again and again without a definition is the paper's own name
            # ("our score - VSDR"); used once or twice it is mostly an abbreviation (XOR, PO).
            found.append(Candidate(start, end, word, None, "coined", False, 0.4))
    found.extend(_data_head_candidates(text, hints.data_heads))
    found.extend(_eval_list_candidates(text, hints.preps))
    if "/" in text:
        found.extend(_slash_series_candidates(text))
    found.extend(_shape_candidates(text))
    found.extend(_titled_candidates(text, hints.titled))
    return found


def _shape_candidates(text: str) -> list[Candidate]:
    """X-Bench, XEval, X-10K, XQA: each occurrence of a telling part is widened to its token and
    the whole token is tested, which is much cheaper than scanning the text with each shape."""
    found, seen = [], set()
    for needles, shape, kind in _SHAPES:
        for needle in needles:
            pos = text.find(needle)
            while pos >= 0:
                start, end = pos, pos + len(needle)
                while start and (text[start - 1].isalnum() or text[start - 1] in "-_"):
                    start -= 1
                while end < len(text) and (text[end].isalnum() or text[end] in "-_"):
                    end += 1
                word = text[start:end].rstrip("-")
                if (start, kind) not in seen and shape.fullmatch(word) and word not in GENERIC_ACRONYMS:
                    seen.add((start, kind))
                    found.append(Candidate(start, start + len(word), word, kind, "shape", False, 0.7))
                pos = text.find(needle, end)
    return found
