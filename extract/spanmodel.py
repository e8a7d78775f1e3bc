"""A learned candidate classifier: finds names the gazetteer and the patterns do not know.

Rules and the gazetteer are precise on what they know; they miss names a paper takes from prior
work ("results on Charades and FSS-1000"). This model adds recall there. It is small and fast
because it only looks at *candidates*: spans of name-shaped tokens (capitals inside, digits with
letters, capitalised words mid-sentence) and words in front of a dataset head noun ("the
volleyball dataset"). Each candidate is scored by a multinomial logistic regression over sparse
string features of the span and its context (words, shapes, affixes, position, head nouns,
gazetteer knowledge, repetition in the paper) into ``none``, ``data`` or ``method`` (methods and
models; which of the two is decided by the rules' typing).

The model is data: ``model.json`` holds the configuration and the feature vocabulary, and
``weights.npy`` one row of class weights per feature. ``SpanModel.to_disk`` / ``from_disk`` save
and load it, and ``SpanModel.digest`` is part of the extractor version, so a retrained model
re-extracts stored papers on the next build. :mod:`litkg.extract.train` trains it.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import chain, repeat
from pathlib import Path
from typing import Iterable, Iterator

import numpy

from litkg.errors import ModelError
from litkg.extract.lexicon import GENERIC_ACRONYMS, GENERIC_WORDS, NOT_CONCEPTS, TEXT_UNITS
from litkg.extract.naming import occurrences

__all__ = ["CLASSES", "SpanCandidate", "SpanModel", "find_candidates", "span_features", "default_model_path"]

#: The model's classes, in the order of the weight columns.
CLASSES = ("none", "data", "model", "method")
#: Longest candidate, in tokens ("Stanford Natural Language Inference corpus" is the long kind).
MAX_SPAN_TOKENS = 5

_TOKEN = re.compile(r"[A-Za-z0-9][\w'’.+/&-]*[\w+]|[A-Za-z0-9]")


@lru_cache(maxsize=1 << 16)
def _shape(word: str) -> str:
    """Xx-d style shape with runs collapsed: "ImageNet-R" → "XxXx-X", "GPT-3.5" → "X-d.d"."""
    out = []
    for ch in word:
        kind = "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch
        if not out or out[-1] != kind:
            out.append(kind)
    return "".join(out)[:8]


_SUFFIX = re.compile(r"-[a-z]{3,}$")


@lru_cache(maxsize=1 << 16)
def _nameish(word: str, sentence_start: bool) -> bool:
    if len(word) < 2 or word in TEXT_UNITS or word in NOT_CONCEPTS:
        return False
    if word in GENERIC_ACRONYMS or word.rstrip("s") in GENERIC_ACRONYMS:
        return False
    inner_upper = any(c.isupper() for c in word[1:])
    has_digit = any(c.isdigit() for c in word)
    has_alpha = any(c.isalpha() for c in word)
    if inner_upper or (has_digit and has_alpha and not word[0].isdigit()):
        return True
    return word[0].isupper() and not sentence_start and word.lower() not in GENERIC_WORDS


@dataclass(frozen=True)
class SpanCandidate:
    """A span of a field's text that might be a name, with the words around it."""

    start: int
    end: int
    tokens: tuple[str, ...]
    sentence_start: bool
    run_left: bool  # the word before belongs to the same run of name-shaped words
    run_right: bool
    text: str = field(repr=False, compare=False, default="")  # the field's text

    # Read only for the candidates that are scored (most are dropped before), so found lazily.
    @cached_property
    def before(self) -> tuple[str, ...]:
        """Up to two words before, nearest last."""
        return _words_before(self.text, self.start)

    @cached_property
    def after(self) -> tuple[str, ...]:
        """Up to two words after, nearest first."""
        return _words_after(self.text, self.end)


def _words_before(text: str, start: int) -> tuple[str, ...]:
    """The last two words of ``text[start - 60:start]``. A word never holds a space, so a scan
    from just after one finds the same last words as a scan of the whole window: the scan starts
    three spaces back when that leaves two words (half the cost, measured)."""
    window_start = max(0, start - 60)
    cut = start
    for _ in range(3):
        cut = text.rfind(" ", window_start, cut)
        if cut < 0:
            break
    else:
        words = _TOKEN.findall(text, cut + 1, start)
        if len(words) >= 2:
            return tuple(words[-2:])
    return tuple(_TOKEN.findall(text, window_start, start)[-2:])


def _words_after(text: str, end: int) -> tuple[str, ...]:
    """The first two words of ``text[end:end + 60]`` (the scan stops at the second)."""
    words = []
    for word in _TOKEN.finditer(text, end, end + 60):
        words.append(word.group())
        if len(words) == 2:
            break
    return tuple(words)


# Words that hold a capital or a digit (the only ones that can start a name here) are found from
# their first capital or digit: a pattern that opens with a character set lets the regex engine
# skip the text in C, where one that opens with a look-behind is tried at every character (three
# times slower, measured: 13 against 39 µs on an abstract). The part of a word before its first
# capital or digit ("iPhone", "mixedCase") is found by a short walk back.
_FROM_SHAPED = re.compile(r"[A-Z0-9][\w'’.+/&-]*")
_WORD_PUNCT = "_'’.+/&-"
_ASCII_ALNUM = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")


def _shaped_words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) of the words holding a capital or a digit: runs of word characters,
    letters, digits and ``'’.+/&-``, that start with an ASCII letter or digit, without the
    punctuation that ends them ("GPT-4." gives "GPT-4")."""
    found = []
    for match in _FROM_SHAPED.finditer(text):
        start = match.start()
        while start and (text[start - 1].isalnum() or text[start - 1] in _WORD_PUNCT):
            start -= 1
        if text[start] in _ASCII_ALNUM:
            word = text[start:match.end()].rstrip("'’./&-")
            found.append((start, start + len(word), word))
    return found
# A lower-case word before a dataset head noun ("the tidepool dataset"), searched for only just
# before the head nouns that str.find locates.
_WORD_BEFORE = re.compile(r"(?<![\w'’.+/&-])([a-z][a-z0-9'’-]*[a-z0-9])\s+$")
_HEADS = ("dataset", "benchmark", "corpus", "corpora")


def _head_words(text: str) -> list[tuple[int, int, str]]:
    out = []
    for pos, _ in occurrences(text, _HEADS):
        match = _WORD_BEFORE.search(text, max(0, pos - 40), pos)
        if match:
            out.append((match.start(1), match.end(1), match.group(1)))
    return out
_OPENERS = " \t\"“'‘([{"


def _starts_sentence(text: str, start: int) -> bool:
    j = start - 1
    while j >= 0 and text[j] in _OPENERS:
        j -= 1
    return j < 0 or text[j] in ".!?\n" or "\n" in text[j:start]


def _words(text: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, word, starts a sentence) of the words that may be part of a name, in order:
    words with a capital or a digit, and lower-case words before a dataset head noun."""
    found = _shaped_words(text)
    heads = _head_words(text)
    if heads:
        found = sorted(set(found) | set(heads))
    out: list[tuple[int, int, str, bool]] = []
    for start, end, word in found:
        if (out and len(word) == 1 and word.isdigit() and out[-1][1] == start - 1 and text[start - 1] == " "
                and _ends_in_one_digit(text, out[-1][1])):
            # PDF text spaces out digits ("FSS-1 0 0 0", "VOC 2 0 1 2"): one word, read joined.
            first = out.pop()
            out.append((first[0], end, first[2] + word, first[3]))
            continue
        starts = _starts_sentence(text, start)
        suffix = _SUFFIX.search(word) if "-" in word else None  # most words hold none
        if suffix and suffix.start() > 0:
            # "ImageNet-pretrained", "CLIP-based": a name and a modifier, two words here.
            out.append((start, start + suffix.start(), word[:suffix.start()], starts))
        else:
            out.append((start, end, word, starts))
    return out


def _ends_in_one_digit(text: str, end: int) -> bool:
    """True when ``text[:end]`` ends in a digit that stands alone ("… 2", "FSS-1", "2 0")."""
    return text[end - 1:end].isdigit() and not text[end - 2:end - 1].isdigit()


def _adjacent(text: str, left_end: int, right_start: int) -> bool:
    return right_start - left_end <= 1 and (right_start == left_end or text[left_end] == " ")


def find_candidates(text: str) -> list[SpanCandidate]:
    """Candidate spans of ``text``: sub-spans of runs of name-shaped words (numbers join the name
    before them), and the word in front of a dataset head noun, each at most
    :data:`MAX_SPAN_TOKENS` words long."""
    words = _words(text)
    flags = [_nameish(w, s) or (w.islower() and _head_word_ok(w)) for _, _, w, s in words]
    # Numbers right after a name belong to it ("PASCAL VOC 2012", "GPT 4").
    for index in range(1, len(words)):
        if not flags[index] and flags[index - 1] and words[index][2].isdigit() \
                and _adjacent(text, words[index - 1][1], words[index][0]):
            flags[index] = True
    out = []
    index = 0
    word_texts = [w for _, _, w, _ in words]
    while index < len(words):
        if not flags[index]:
            index += 1
            continue
        end = index
        while end + 1 < len(words) and flags[end + 1] and _adjacent(text, words[end][1], words[end + 1][0]):
            end += 1
        for first in range(index, end + 1):
            for last in range(first, min(end, first + MAX_SPAN_TOKENS - 1) + 1):
                out.append(_candidate(text, words, word_texts, first, last, index, end))
        index = end + 1
    return out


def _head_word_ok(word: str) -> bool:
    return len(word) > 1 and word not in GENERIC_WORDS and word not in NOT_CONCEPTS


def _candidate(text, words, word_texts, first, last, run_start, run_end) -> SpanCandidate:
    # Positional arguments, in the order of SpanCandidate's fields: faster than keywords.
    return SpanCandidate(words[first][0], words[last][1], tuple(word_texts[first:last + 1]), words[first][3],
                         first > run_start, last < run_end, text)


# The features that take few values, made once (formatting them per candidate was measurable).
_SENT0 = ("sent0=0", "sent0=1")
_RUN_LEFT = ("runL=0", "runL=1")
_RUN_RIGHT = ("runR=0", "runR=1")
_COUNT = tuple("count=%d" % n for n in range(5))
_LOWER_SEEN = ("lowerseen=0", "lowerseen=1")


def span_features(cand: SpanCandidate, text: str, context: "PaperContext") -> list[str]:
    """The string features of one candidate; the model has a weight row for each it has seen."""
    tokens = cand.tokens
    lower = " ".join(tokens).lower()
    first, last = tokens[0], tokens[-1]
    # The words around, found here rather than through the cached properties (whose first read
    # costs more than the search: their lock), as every scored candidate needs them.
    before, after = _words_before(cand.text, cand.start), _words_after(cand.text, cand.end)
    prev1 = before[-1].lower() if before else "<s>"
    prev2 = before[-2].lower() if len(before) > 1 else "<s>"
    next1 = after[0].lower() if after else "</s>"
    next2 = after[1].lower() if len(after) > 1 else "</s>"
    shape = " ".join(map(_shape, tokens))
    left = text[cand.start - 1:cand.start] if cand.start else ""
    right = text[cand.end:cand.end + 1]
    # f-strings: one string made for each feature, where + made one for each part (measured).
    feats = [
        "bias", "w=" + lower, "last=" + last.lower(), "first=" + first.lower(), "shape=" + shape,
        "lshape=" + _shape(last), "n=%d" % len(tokens), "suf3=" + last[-3:].lower(),
        "pre3=" + first[:3].lower(), "p1=" + prev1, "p2=" + prev2, "n1=" + next1, "n2=" + next2,
        f"p1n1={prev1}|{next1}", f"p2p1={prev2}|{prev1}", f"n1n2={next1}|{next2}",
        f"p1s={prev1}|{shape}", f"n1s={next1}|{shape}",
        # the shape of the words around: "Hide and Seek", "Capture the Flag" are Title Case
        # phrases, not a name followed by words.
        f"nshape={next1}|{_shape(after[1]) if len(after) > 1 else '</s>'}",
        f"pshape={_shape(before[-2]) if len(before) > 1 else '<s>'}|{prev1}",
        _SENT0[cand.sentence_start], _RUN_LEFT[cand.run_left], _RUN_RIGHT[cand.run_right],
        "lpar=" + left, "rpar=" + right, "field=" + context.field,
        _COUNT[min(context.count(lower), 4)],
        _LOWER_SEEN[context.seen_lower(lower)],
    ]
    # The words of ``lower`` are the tokens lower-cased (tokens hold no spaces).
    if not GENERIC_WORDS.isdisjoint(lower.split(" ")):
        feats.append("generic_word_inside")
    if lower in GENERIC_WORDS or first in GENERIC_ACRONYMS:
        feats.append("generic")
    return feats


#: The longest text :meth:`PaperContext.seen_lower` scans for each candidate.
_SCAN_LIMIT = 4000


class PaperContext:
    """What the features need to know about the whole field: repetitions and lower-case uses
    of a word."""

    def __init__(self, text: str, field: str) -> None:
        self.field = field
        self._lower_text = text.lower()
        self._text = text
        self._counts: dict[str, int] = {}
        self._spaced: frozenset[str] | None = None

    def count(self, lower: str) -> int:
        found = self._counts.get(lower)
        if found is None:
            found = self._counts[lower] = self._lower_text.count(lower)
        return found

    def seen_lower(self, lower: str) -> bool:
        # A word the paper also writes in lower case ("Attention" / "attention") is a word: one
        # the text has between two spaces. In a text of usual length that is a substring test
        # (cheaper than making the set of words, measured); in a long one the words are found
        # once, as a scan of the text per candidate was quadratic on long abstracts (#14).
        if " " in lower:
            return False
        if len(self._text) <= _SCAN_LIMIT:
            return f" {lower} " in self._text
        if self._spaced is None:
            self._spaced = frozenset(self._text.split(" ")[1:-1])
        return lower in self._spaced


class SpanModel:
    """A trained candidate classifier.

    Parameters
    ----------
    vocabulary:
        Feature string → row of ``weights``.
    weights:
        ``(len(vocabulary), len(CLASSES))`` float32 weights.
    thresholds:
        Per name class (``data``, ``method``), the least probability that makes a candidate a
        name of that class.
    """

    def __init__(self, vocabulary: dict[str, int], weights: numpy.ndarray,
                 thresholds: dict[str, float] | None = None, meta: dict | None = None) -> None:
        if weights.shape != (len(vocabulary), len(CLASSES)):
            raise ModelError(f"weights of shape {weights.shape} do not fit {len(vocabulary)} features")
        self.vocabulary = vocabulary
        self.weights = weights.astype(numpy.float32)
        self._pad = len(vocabulary)  # the index of a zero row for features the model never saw
        self._padded = numpy.vstack([self.weights, numpy.zeros((1, len(CLASSES)), dtype=numpy.float32)])
        self.thresholds = {"data": 0.5, "method": 0.5, **(thresholds or {})}
        self.meta = dict(meta or {})
        self._digest: str | None = None

    @property
    def digest(self) -> str:
        """A short hash of the weights, vocabulary and threshold: the model's version."""
        if self._digest is None:
            sha = hashlib.sha1(self.weights.tobytes())
            sha.update(json.dumps(sorted(self.vocabulary.items())).encode())
            sha.update(json.dumps(self.thresholds, sort_keys=True).encode())
            self._digest = sha.hexdigest()[:12]
        return self._digest

    def scores(self, features: list[str]) -> tuple[float, ...]:
        """Class probabilities of one candidate, in the order of :data:`CLASSES`."""
        return tuple(float(x) for x in self.score_many([features])[0])

    def score_many(self, feature_lists: list[list[str]]) -> numpy.ndarray:
        """Class probabilities of many candidates at once: one row per candidate (one numpy
        gather and sum instead of a Python loop over weights). Unknown features map to a zero
        row past the end, so every candidate keeps its group (each has the ``bias`` feature)."""
        if not feature_lists:
            return numpy.zeros((0, len(CLASSES)), dtype=numpy.float32)
        offsets = numpy.cumsum([0] + [len(f) for f in feature_lists[:-1]])
        flat = list(chain.from_iterable(feature_lists))
        indices = numpy.fromiter(map(self.vocabulary.get, flat, repeat(self._pad, len(flat))),
                                 dtype=numpy.int64, count=len(flat))
        logits = numpy.add.reduceat(self._padded[indices], offsets, axis=0)
        logits -= logits.max(axis=1, keepdims=True)
        numpy.exp(logits, out=logits)
        logits /= logits.sum(axis=1, keepdims=True)
        return logits

    def label(self, probs) -> tuple[str, float] | None:
        """``(class, probability)`` of a name, or None: ``data`` against methods and models
        together (the type is decided after the name), each with its threshold."""
        _, data, model, method = (float(x) for x in probs)
        if data >= model + method:
            return ("data", data) if data >= self.thresholds["data"] else None
        if model + method >= self.thresholds["method"]:
            return ("model" if model > method else "method"), model + method
        return None

    def classify(self, text: str, field: str, candidates: list["SpanCandidate"] | None = None) -> list[tuple["SpanCandidate", numpy.ndarray]]:
        """Each candidate of ``text`` (found here unless given) with its class probabilities."""
        candidates = find_candidates(text) if candidates is None else candidates
        return self.classify_many([(text, field, candidates)])[0]

    def classify_many(self, fields: list[tuple[str, str, list["SpanCandidate"]]]
                      ) -> list[list[tuple["SpanCandidate", numpy.ndarray]]]:
        """:meth:`classify` of each ``(text, field, candidates)``, scored together: the numpy
        calls of one scoring cost more than the arithmetic on a field's few candidates (measured:
        a third of the scoring), and each candidate's probabilities are the same either way."""
        features = []
        for text, field, candidates in fields:
            context = PaperContext(text, field)
            features.extend(span_features(c, text, context) for c in candidates)
        probs = self.score_many(features)
        out, at = [], 0
        for _, _, candidates in fields:
            out.append(list(zip(candidates, probs[at:at + len(candidates)])))
            at += len(candidates)
        return out

    def predict(self, text: str, field: str, classified: list | None = None) -> list[tuple[int, int, str, float]]:
        """Names in ``text``: ``(start, end, class, probability)``, non-overlapping, the most
        probable first where candidates overlap."""
        scored = []
        for cand, probs in (classified if classified is not None else self.classify(text, field)):
            found = self.label(probs)
            if found:
                scored.append((found[1], cand.end - cand.start, cand.start, cand.end, found[0]))
        chosen: list[tuple[int, int, str, float]] = []
        for prob, _, start, end, label in sorted(scored, reverse=True):
            if all(end <= s or start >= e for s, e, _, _ in chosen):
                chosen.append((start, end, label, prob))
        return sorted(chosen)

    # -- persistence, in the to_disk/from_disk style of spaCy components ---------------------
    def to_disk(self, path: str | Path) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        features = sorted(self.vocabulary, key=self.vocabulary.get)
        config = {"classes": list(CLASSES), "thresholds": self.thresholds, "features": features, "meta": self.meta}
        (path / "model.json").write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")
        numpy.save(path / "weights.npy", self.weights.astype(numpy.float16))

    @classmethod
    def from_disk(cls, path: str | Path) -> "SpanModel":
        path = Path(path)
        try:
            config = json.loads((path / "model.json").read_text(encoding="utf-8"))
            weights = numpy.load(path / "weights.npy", allow_pickle=False).astype(numpy.float32)
        except (OSError, ValueError) as exc:
            raise ModelError(f"cannot load the span model from {path}: {exc}") from None
        if config.get("classes") != list(CLASSES):
            raise ModelError(f"{path}: the model's classes {config.get('classes')} are not {list(CLASSES)}")
        vocabulary = {f: i for i, f in enumerate(config["features"])}
        return cls(vocabulary, weights, dict(config["thresholds"]), config.get("meta"))


def default_model_path() -> Path:
    """Where the shipped model lives inside the package."""
    from importlib import resources

    return Path(str(resources.files("litkg.extract") / "data" / "spanmodel"))


def iter_features(texts: Iterable[tuple[str, str]]) -> Iterator[tuple[str, SpanCandidate, list[str]]]:
    """(field, candidate, features) of every candidate of ``(field, text)`` pairs; for training."""
    for field_name, text in texts:
        context = PaperContext(text, field_name)
        for cand in find_candidates(text):
            yield field_name, cand, span_features(cand, text, context)
