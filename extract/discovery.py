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
from typing import Iterable, Iterator

from litkg.extract.acronyms import AcronymDefinition, find_acronym_definitions
from litkg.extract.candidates import DEFINITION_ONLY, Candidate, TokenHints
from litkg.extract.translation_pairs import wmt_pair_candidates
from litkg.extract.list_patterns import (SLASH_SERIES, data_head_candidates, eval_list_candidates,
                                         slash_series_candidates, year_series_candidates)
from litkg.extract.naming import (
    NAME_HEADS,
    NOT_NAMES,
    SHAPES,
    TOKEN,
    core_of,
    infer_type,
    is_capitalised,
    is_name_like,
    title_head_type,
)
from litkg.extract.lexicon import (
    CLASS_HEADS,
    CONFIDENCES,
    DATA_HEADS,
    EVAL_PREPS,
    GENERIC_ACRONYMS,
    HEAD_TYPES,
    METRIC_HEADS,
    PROPOSE_VERBS,
    TASK_SUFFIXES,
    TITLE_CONNECTORS,
    TITLE_OPENERS,
    is_generic_phrase,
)

# Candidate, TokenHints, is_name_like and infer_type are re-exported: callers import them here.
__all__ = ["Candidate", "DEFINITION_ONLY", "TokenHints", "text_hints", "NAMEISH_SHAPE", "VERB_TRIGGERS",
           "TRIGGER_WORDS", "DATA_HEADS", "TITLE_CONNECTORS", "is_name_like", "discover_title", "discover_abstract",
           "infer_type"]

_NOVELTY = re.compile(r"\b(?:novel|new|first|proposed)\b", re.IGNORECASE)

# Tokens with a capital or digit after their first letters: the only ones is_name_like can
# accept. A cheap scan for these in C keeps the Python check off ordinary words; a match that
# starts inside a longer token (a URL, a path) is dropped by the caller.
_NAMEISH_TOKEN = re.compile(r"\b[A-Za-z0-9][a-z]*-?[A-Z0-9][\w+\-/.]*")
#: The same shape tested on one spaCy token (a lexeme flag in the pipeline): a capital or digit
#: after the first letters, maybe after a hyphen ("ReFT", "O3", "Corvid-7B").
NAMEISH_SHAPE = re.compile(r"[A-Za-z0-9][a-z]*-?[A-Z0-9]")
_TOKEN_CHARS = frozenset("_+-/.")
#: The words that open a proposal: the lexicon's verbs and "put" ("put forward": the window
#: checks the "forward"). The pipeline flags these words on lexemes, text_hints finds them in text.
VERB_TRIGGERS = PROPOSE_VERBS | {"put"}
#: Every trigger word: proposal verbs, dataset head nouns, and the words that open evaluation lists.
TRIGGER_WORDS = VERB_TRIGGERS | set(DATA_HEADS) | set(EVAL_PREPS)
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
_APPOSITIVE = re.compile(r"\s*(?:\([^()]{0,80}\))?\s*,\s+(?:a|an|our)\s+((?:[\w\-]+\s+){0,6}?)(" + NAME_HEADS + r")\b", re.IGNORECASE)
# Where a naming phrase can start, found from a stem each cue holds: (stem, cues there as
# (text from the stem, how many characters before the stem it stands, how many before the cue the
# phrase starts)). Seven scans of the text for the stems cost half of twelve for the cues, measured.
_NAMING_STEMS = (
    ("call", (("called", 0, 0), ("call ", 2, 1))), ("term", (("termed", 0, 0), ("term ", 2, 1))),
    ("name", (("named", 0, 0), ("name ", 2, 1))), ("dub", (("dubbed", 0, 0), ("dub ", 2, 1))),
    ("refer", (("referred", 0, 0), ("refer to", 0, 0))), ("coined", (("coined", 0, 0),)),
    ("denoted", (("denoted", 0, 0),)),
)


def _naming_phrases(text: str) -> list[re.Match]:
    """Matches of :data:`_CALLED`, tried only where one of its opening words stands ("called",
    "we call", …; str.find is much faster than letting the regular expression scan the text)."""
    found, seen = [], set()
    for stem, cues in _NAMING_STEMS:
        pos = text.find(stem)
        while pos >= 0:
            for rest, before, back in cues:
                # "e call " (from "we call "): the stem two characters into the cue.
                if text.startswith(rest, pos) and (not before or (pos >= 2 and text.startswith("e ", pos - 2))):
                    start = pos - before - back
                    if start >= 0 and start not in seen and (start == 0 or not text[start - 1].isalnum()):
                        seen.add(start)
                        match = _CALLED.match(text, start)
                        if match:
                            found.append(match)
            pos = text.find(stem, pos + len(stem))
    return sorted(found, key=lambda m: m.start())


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
        if not (is_name_like(words[0]) or (is_capitalised(words[0]) and words[0][0].isupper())):
            return []
    elif not all(is_name_like(w) or is_capitalised(w) for w in words):
        return []
    if is_generic_phrase(words) or core_of(prefix) in GENERIC_ACRONYMS:
        return []
    kind = title_head_type(rest)
    start = match.start(1)
    found = [Candidate(start, match.end(1), prefix, kind, "title_prefix", True, CONFIDENCES["title_prefix"])]
    if acronym and core_of(acronym) and not is_generic_phrase([acronym]):
        a_start = match.start(2)
        found.append(
            Candidate(a_start, a_start + len(acronym), acronym, kind, "title_prefix", True, CONFIDENCES["title_prefix"],
                      (start, match.end(1)))
        )
    return found


def _name_phrase_at(text: str, pos: int, max_words: int = 5) -> tuple[int, int] | None:
    """The span of a name starting at ``pos``: name-like tokens or a run of capitalised words."""
    tokens = []
    for token in TOKEN.finditer(text, pos):
        gap = text[tokens[-1].end() if tokens else pos : token.start()]
        if gap.strip() or len(tokens) >= max_words:
            break
        if not (is_name_like(token.group()) or is_capitalised(token.group())):
            break
        tokens.append(token)
        if len(tokens) == 1 and text[token.end() : token.end() + 1] in (",", "("):
            break
    if not tokens:
        return None
    words = [t.group() for t in tokens]
    if len(words) == 1 and not is_name_like(words[0]) and not core_of(words[0])[0].isupper():
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
        CONFIDENCES["acronym_proposed" if proposes else "acronym"], (defn.long_start, defn.long_end),
    )


def _find_words(text: str, words: Iterable[str]) -> list[tuple[int, int]]:
    """(start, end) of whole-word occurrences of ``words``, in text order: where the pipeline's
    tokenizer would make the word a token of its own (not inside a longer word or number)."""
    hits = set()
    size = len(text)
    for word in words:
        pos = text.find(word)
        while pos >= 0:
            end = pos + len(word)
            if (pos == 0 or not text[pos - 1].isalnum()) and (end == size or not text[end].isalnum()):
                hits.add((pos, end))
            pos = text.find(word, pos + 1)
    return sorted(hits)


def text_hints(text: str) -> TokenHints:
    """:class:`TokenHints` found in plain text (the pipeline gets them from the Doc instead)."""
    nameish = []
    for token in _NAMEISH_TOKEN.finditer(text):
        start = token.start()
        if not start or not (text[start - 1] in _TOKEN_CHARS or text[start - 1].isalnum()):
            nameish.append(start)
    titled = tuple((m.start(), m.end()) for m in _TITLED_RUN.finditer(text)
                   if sum(w[:1].isupper() for w in m.group().split()) >= 3)
    return TokenHints(tuple(nameish), tuple(_find_words(text, VERB_TRIGGERS)),
                      tuple(_find_words(text, DATA_HEADS)), tuple(_find_words(text, EVAL_PREPS)), titled)


# Runs of Title Case words, the lexicon's connectors allowed between them ("Learning by Teaching").
_TITLED_RUN = re.compile(
    r"\b[A-Z][a-z][\w\-]*(?:\s+(?:(?:" + "|".join(TITLE_CONNECTORS) + r")\s+)?[A-Z][a-z][\w\-]*){2,7}"
)


def _titled_candidates(text: str, runs: Iterable[tuple[int, int]]) -> list[Candidate]:
    """Title Case phrases ("Trust Region Aware Minimization"): possible long forms of names that
    another paper defines. They become concepts only by meeting such a name (see the store)."""
    found = []
    for start, end in runs:
        words = text[start:end].split()
        if is_generic_phrase(words) or words[0].lower() in TITLE_OPENERS or words[0] in NOT_NAMES:
            continue
        found.append(Candidate(start, end, text[start:end], None, "titled_phrase", False, CONFIDENCES["titled_phrase"]))
        if start == 0 or text[max(0, start - 2) : start] in (". ", "? ", "! "):
            # At a sentence start the first capital may just open the sentence ("Then Learning
            # by Teaching …"): offer the phrase without it too.
            rest = start + len(words[0]) + 1
            if len(words) > 3 and text[rest:end].split()[0][:1].isupper():
                found.append(Candidate(rest, end, text[rest:end], None, "titled_phrase", False,
                                       CONFIDENCES["titled_phrase"]))
    return found


def _may_follow_and(text: str, start: int) -> bool:
    """False when ``text[:start]`` surely does not end with white space, "and", white space, as
    :data:`_SENTENCE_SUBJECT` needs (that search over 200 characters cost more, measured)."""
    tail = text[max(0, start - 64):start]
    stripped = tail.rstrip()
    if not stripped:
        return True  # only white space here: let the pattern decide
    if len(stripped) == len(tail) or not stripped.endswith("and"):
        return False
    return len(stripped) < 4 or stripped[-4].isspace()


def _propose_windows(text: str, verbs: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Text after "we propose / this paper introduces …", up to the end of the sentence."""
    windows = []
    for start, end in verbs:
        if text[start:end] == "put":
            if not text.startswith(" forward", end):
                continue
            end += len(" forward")
        if not (_PROPOSE_SUBJECT.search(text, max(0, start - 60), start)
                or (_may_follow_and(text, start)
                    and _SENTENCE_SUBJECT.search(text, max(0, text.rfind(". ", 0, start), start - 200), start))):
            continue
        stop = text.find(". ", end)
        stop = len(text) if stop < 0 else stop
        windows.append((end, min(stop, end + 240)))
    return windows




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
        token = TOKEN.match(text, start)
        if token:
            yield start, token.group()


def discover_abstract(text: str, hints: TokenHints | None = None) -> list[Candidate]:
    """Candidates from every pattern family that works on running text (see module docs), in
    the order of the families there.

    ``hints`` tells where the trigger words are (the pipeline reads them from the Doc); without
    them the text is scanned.
    """
    if hints is None:
        hints = text_hints(text)
    # A family whose trigger is absent finds nothing: it is not called (each call cost about
    # half a microsecond, most of what a title's patterns cost, measured).
    windows = _propose_windows(text, hints.propose) if hints.propose else []
    found = _acronym_candidates(text, windows) if "(" in text else []
    if windows:
        found.extend(_propose_candidates(text, windows))
    found.extend(_called_candidates(text))
    if hints.nameish:
        found.extend(_token_candidates(text, hints.nameish))
    if hints.data_heads:
        found.extend(data_head_candidates(text, hints.data_heads))
    found.extend(eval_list_candidates(text, hints.preps, hints.data_heads))
    if "/" in text and _DIGIT_SLASH_DIGIT.search(text):
        found.extend(slash_series_candidates(text))
    if (" and 20" in text or ", 20" in text or " and 19" in text or ", 19" in text) and _YEAR_PAIR.search(text):
        found = _with_year_series(text, found)
    if "WMT" in text:
        found.extend(wmt_pair_candidates(text))
    found.extend(_shape_candidates(text))
    if hints.titled:
        found.extend(_titled_candidates(text, hints.titled))
    return found


# What a slash series ("CIFAR-10/100") and a year series ("CoNLL 2005, 2012") cannot do without:
# tested first, as these open with a character the regular expression engine skips to in C,
# where the series patterns open with a word boundary tried at every character (measured: the
# series patterns were 9 µs an abstract, these tests well under 1).
_DIGIT_SLASH_DIGIT = re.compile(r"\d/\d")
_YEAR_PAIR = re.compile(r"(?:19|20)\d\d(?:,\s*|,?\s+(?:and|or)\s+)(?:19|20)\d\d")


def _in_propose_window(text: str, windows: list[tuple[int, int]], pos: int) -> bool:
    """True when ``pos`` opens a proposal window, or stands in a sentence about contributions."""
    for start, end in windows:
        if start <= pos <= start + 90 and pos < end:
            return True
    # "Our contributions are twofold: (1) MMEB (Massive Multimodal Embedding Benchmark) …"
    sentence_start = text.rfind(". ", 0, pos) + 1
    return "contribution" in text[sentence_start:pos].lower()


def _acronym_candidates(text: str, windows: list[tuple[int, int]]) -> list[Candidate]:
    """``acronym``: "long form (ACR)" and "ACR (long form)", proposing inside a proposal window."""
    found = []
    for defn in find_acronym_definitions(text):
        cand = _definition_candidate(defn, _in_propose_window(text, windows, min(defn.long_start, defn.short_start)),
                                     text)
        if cand is None:
            # Not a concept ("Large Reasoning Models (LRMs)"), but the paper says what the
            # acronym means here: a known name of the same spelling (LRM, the reconstruction
            # model) is not meant. Assembly reads it as a definition only.
            cand = Candidate(defn.short_start, defn.short_end, defn.short, None, DEFINITION_ONLY, False, 0.0,
                             (defn.long_start, defn.long_end))
        found.append(cand)
    return found


def _propose_candidates(text: str, windows: list[tuple[int, int]]) -> list[Candidate]:
    """``propose``: the name in each "we propose / introduce …" window."""
    found = []
    for start, end in windows:
        # The name comes before the first clause word: "we propose a novel approach OGEN to …".
        stop = _WINDOW_STOP.search(text, start, end)
        limit = stop.start() if stop else end
        for token in TOKEN.finditer(text, start, limit):
            if is_name_like(token.group()):
                span = _name_phrase_at(text, token.start()) or (token.start(), token.end())
                found.append(Candidate(span[0], span[1], text[span[0] : span[1]], None, "propose", True,
                                       CONFIDENCES["propose"]))
                break
        else:
            # "We introduce Prismatic Synthesis, a …": a capitalised phrase right after the verb.
            span = _name_phrase_at(text, start + len(text[start:end]) - len(text[start:end].lstrip()))
            follows = text[span[1] : span[1] + 7] if span else ""
            if span and (follows.startswith((",", " (")) or re.match(r" (?:to|that|which|for)\b", follows)):
                found.append(Candidate(span[0], span[1], text[span[0] : span[1]], None, "propose", True,
                                       CONFIDENCES["propose_phrase"]))
            else:
                # "we propose a simple extension to the DPO algorithm, LN-DPO, resulting in …"
                set_off = _SET_OFF_NAME.search(text, start, end)
                if set_off and is_name_like(set_off.group(1)):
                    found.append(Candidate(set_off.start(1), set_off.end(1), set_off.group(1), None, "propose", True,
                                           CONFIDENCES["propose_phrase"]))
    return found


def _called_candidates(text: str) -> list[Candidate]:
    """``called``: "a method called / named / dubbed X", proposing when "we" or "our" says so."""
    found = []
    for called in _naming_phrases(text):
        span = _name_phrase_at(text, called.end())
        if span:
            sentence_start = text.rfind(". ", 0, called.start()) + 1
            proposes = bool(re.search(r"\b(?:we|our)\b", text[sentence_start : called.end()], re.I))
            found.append(Candidate(span[0], span[1], text[span[0] : span[1]], infer_type(text, *span), "called", proposes,
                                   CONFIDENCES["called"]))
    return found


def _token_candidates(text: str, nameish: Iterable[int]) -> list[Candidate]:
    """``appositive`` ("X, a novel framework for …") and ``coined`` (PeftCD, VideoICL) names
    among the name-shaped tokens."""
    found = []
    counts: dict[str, int] = {}  # an all-caps name recurs: its count is made once
    for start, token in _nameish_tokens(text, nameish):
        word = token.rstrip("-/.")
        for possessive in ("'s", "’s"):
            if word.endswith(possessive):
                word = word[: -len(possessive)]
        if "/" in word and SLASH_SERIES.fullmatch(word):
            continue  # "ImageNet-100/200" is two names, found by the slash-series pattern
        if not is_name_like(word):
            continue
        end = start + len(word)
        appositive = _APPOSITIVE.match(text, end)
        if appositive:
            proposes = bool(_NOVELTY.search(appositive.group(1) or "")) or text[appositive.start() : appositive.start(1)].rstrip().lower().endswith("our")
            kind = HEAD_TYPES[appositive.group(2).lower()]
            found.append(Candidate(start, end, word, kind, "appositive", proposes, CONFIDENCES["appositive"]))
        elif not word.isupper():
            # Mixed-case coinages (PeftCD, VideoICL, iHVP).
            found.append(Candidate(start, end, word, None, "coined", False, CONFIDENCES["coined"]))
        elif len(word) >= 3 and _count(counts, text, word) >= 3:
            # An all-caps token used again and again without a definition is the paper's own name
            # ("our score - VSDR"); used once or twice it is mostly an abbreviation (XOR, PO).
            found.append(Candidate(start, end, word, None, "coined", False, CONFIDENCES["coined_upper"]))
    return found


def _count(counts: dict[str, int], text: str, word: str) -> int:
    found = counts.get(word)
    if found is None:
        found = counts[word] = text.count(word)
    return found


def _with_year_series(text: str, found: list[Candidate]) -> list[Candidate]:
    """``found`` with the year-series names ("CoNLL 2005, 2012") added, and the coined tokens
    inside them dropped: "CoNLL" of "CoNLL 2005, 2012" is not a name of its own there."""
    series = year_series_candidates(text)
    if not series:
        return found
    spans = [(c.start, c.end) for c in series if not c.canonical]
    found = [c for c in found if c.pattern != "coined" or not any(a <= c.start and c.end <= b for a, b in spans)]
    return found + series


def _shape_candidates(text: str) -> list[Candidate]:
    """X-Bench, XEval, X-10K, XQA: each occurrence of a telling part is widened to its token and
    the whole token is tested, which is much cheaper than scanning the text with each shape."""
    found, seen = [], set()
    for needles, shape, kind in SHAPES:
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
                    found.append(Candidate(start, start + len(word), word, kind, "shape", False, CONFIDENCES["shape"]))
                pos = text.find(needle, end)
    return found
