"""Discovery patterns for names that come in lists: "the X and Y datasets", "results on X, Y and
Z", "benchmarks such as X", and series like CIFAR-10/100. Each returns :class:`Candidate` records
with offsets into the field's text."""
from __future__ import annotations

import re
from typing import Iterable

from litkg.extract.candidates import Candidate
from litkg.extract.lexicon import GENERIC_ACRONYMS, is_generic_phrase
from litkg.extract.naming import TOKEN, core_of, is_capitalised, is_name_like, occurrences

__all__ = ["SLASH_SERIES", "data_head_candidates", "eval_list_candidates", "slash_series_candidates"]

def data_head_candidates(text: str, heads: Iterable[tuple[int, int]]) -> list[Candidate]:
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
            tokens = list(TOKEN.finditer(before))
            run = []
            for token in reversed(tokens):
                if before[token.end() :].strip(" ") if not run else before[token.end() : run[0].start()].strip(" "):
                    break
                word = core_of(token.group())
                # "the VQA dataset" names one dataset even though "VQA" alone is a task.
                definite = not names and not run and before[: token.start()].endswith("the ") and not word.endswith("s")
                if (word in GENERIC_ACRONYMS and not definite) or not (
                        is_name_like(word) or is_capitalised(word) or word.isdigit() or word in GENERIC_ACRONYMS):
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
    for pos, cue in occurrences(text, _EXAMPLE_CUES):
        head = _EXAMPLE_HEAD.search(text, max(0, pos - 30), pos)
        if head:
            kind = "benchmark" if head.group(1).lower().startswith(("bench", "suite")) else "dataset"
            openers.append((pos, pos + len(cue), kind))
    return openers


def eval_list_candidates(text: str, preps: Iterable[tuple[int, int]]) -> list[Candidate]:
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
                if not (is_name_like(word) or is_capitalised(word) or (kept and word.isdigit())):
                    break
                kept.append(word)
            if not kept or is_generic_phrase(kept) or core_of(kept[0]) in GENERIC_ACRONYMS:
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


SLASH_SERIES = re.compile(r"\b([A-Z][A-Za-z]*-?)(\d+)((?:/\d+)+)\b")


def slash_series_candidates(text: str) -> list[Candidate]:
    """"CIFAR-10/100" names CIFAR-10 and CIFAR-100."""
    found = []
    for match in SLASH_SERIES.finditer(text):
        stem = match.group(1)
        found.append(Candidate(match.start(), match.end(2), stem + match.group(2), None, "slash_series", False, 0.7))
        pos = match.end(2)
        for number in match.group(3).split("/")[1:]:
            pos += 1
            found.append(Candidate(pos, pos + len(number), number, None, "slash_series", False, 0.7,
                                   canonical=stem + number))
            pos += len(number)
    return found
