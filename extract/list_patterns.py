"""Discovery patterns for names that come in lists: "the X and Y datasets", "results on X, Y and
Z", "benchmarks such as X", and series like CIFAR-10/100. Each returns :class:`Candidate` records
with offsets into the field's text."""
from __future__ import annotations

import re
from typing import Iterable

from litkg.extract.candidates import Candidate
from litkg.extract.lexicon import CONFIDENCES, GENERIC_ACRONYMS, is_generic_phrase
from litkg.extract.naming import TOKEN, core_of, is_capitalised, is_name_like, occurrences

__all__ = ["SLASH_SERIES", "YEAR_SERIES", "data_head_candidates", "eval_list_candidates", "slash_series_candidates",
           "year_series_candidates"]

def _head_kind(word: str) -> str:
    """The type a dataset head noun gives the names it heads ("benchmarks", "suite", "challenge"
    give benchmarks; "datasets", "corpus", "database" datasets)."""
    return "benchmark" if word.lower().startswith(("bench", "suite", "chall")) else "dataset"


def data_head_candidates(text: str, heads: Iterable[tuple[int, int]]) -> list[Candidate]:
    found = []
    for head_start, head_end in heads:
        word = text[head_start:head_end]
        previous = text[max(0, head_start - 40) : head_start].rsplit(None, 1)[-1:] or [""]
        if not previous[0][:1].isupper() and not previous[0][:1].isdigit():
            continue  # "a new dataset", "this benchmark": no name right before the head noun
        kind = _head_kind(word)
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
            found.append(Candidate(start, end, text[start:end], kind, "data_head", False, CONFIDENCES["data_head"]))
    return found


# A word before "on"/"across" in the same sentence that makes the list a list of evaluation data
# (looser than assembly's _EVALUATES_ON cue: "results on X, Y and Z").
_EVAL_SENTENCE = re.compile(
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
            openers.append((pos, pos + len(cue), _head_kind(head.group(1))))
    return openers


def eval_list_candidates(text: str, preps: Iterable[tuple[int, int]],
                         heads: Iterable[tuple[int, int]] = ()) -> list[Candidate]:
    """Names listed after "on"/"across" in a sentence about evaluation ("results on X, Y and Z"),
    as examples of datasets ("benchmarks such as X"), or right after a dataset head noun
    ("datasets (X, Y and Z)", "two datasets X and Y")."""
    found = []
    for start, end, example_kind in [(start, end, None) for start, end in preps] + _example_openers(text):
        if example_kind is None:
            following = text[end + 1 : end + 2]
            if not (following.isupper() or following.isdigit()):
                continue  # "on the other hand": lists of names start with a capital or digit
            sentence_start = max(text.rfind(". ", 0, start) + 1, start - 120)
            if not _EVAL_SENTENCE.search(text, sentence_start, start):
                continue
        if text[end : end + 1] == " ":
            items, _ = _list_items(text, end + 1)
            found += [Candidate(a, b, text[a:b], example_kind or "dataset", "eval_list", False, CONFIDENCES["eval_list"])
                      for a, b in items]
    for start, end in heads:
        quoted = _QUOTED_NAME.match(text, end)  # 'a large-scale dataset, “CompCars”, that …'
        if quoted and (is_name_like(quoted.group(1)) or len(quoted.group(1)) >= 4) and not is_generic_phrase([quoted.group(1)]):
            kind = _head_kind(text[start:end])
            found.append(Candidate(quoted.start(1), quoted.end(1), quoted.group(1), kind, "head_list", False,
                                   CONFIDENCES["head_list"]))
    for start, end, kind, mode, pos in _head_openers(text, heads):
        items, closer = _list_items(text, pos)
        if mode == "(" and closer != ")":
            continue  # "datasets (see Section 4" is not a list of names
        if mode in (",", " ") and not _whole_list(items, closer, mode, text):
            continue
        found += [Candidate(a, b, text[a:b], kind, "head_list", False, CONFIDENCES["head_list"]) for a, b in items]
    return found


_QUOTED_NAME = re.compile(r',?\s?[“"‘]([A-Z0-9][\w+\-.]*[\w+])[”"’]')
# After a dataset head noun: "(X, Y)", ": X, Y", ", X and Y,", " like X", " X and Y".
_HEAD_OPENER = re.compile(r"( ?\(\s*(?:e\.g\.,?\s*|including\s+)?|: |, | like | )(?=[A-Z0-9])")


def _head_openers(text: str, heads: Iterable[tuple[int, int]]) -> list[tuple[int, int, str, str, int]]:
    openers = []
    for start, end in heads:
        word = text[start:end]
        if not word.endswith(("s", "a")) and word not in ("DB",):
            # Only plural heads open a list ("datasets X and Y"); "the X dataset Y" is something else.
            if not text.startswith(" (", end):
                continue
        opener = _HEAD_OPENER.match(text, end)
        if opener:
            mode = opener.group(1).strip()[:1] or " "
            if mode == "l":
                mode = ","  # "benchmarks like X and Y" reads as an appositive list
            openers.append((start, end, _head_kind(word), mode, opener.end()))
    return openers


def _whole_list(items: list[tuple[int, int]], closer: str, mode: str, text: str) -> bool:
    """An appositive list (", X and Y," / " X and Y") must look whole: two names or more, closed by
    punctuation, so that "On both datasets, ResNet improves …" is not read as one."""
    if not items:
        return False
    if len(items) == 1:
        return mode == " " and is_name_like(text[items[0][0] : items[0][1]]) and closer in (",", ".", ";", ")")
    return closer in (",", ".", ";", ")", ":")


def _list_items(text: str, pos: int) -> tuple[list[tuple[int, int]], str]:
    """The names of a list starting at ``pos`` ("X, Y and Z"), and the character right after it
    ("" when the list ends inside an item). The item after "and"/"or" is the last one."""
    items: list[tuple[int, int]] = []
    last = False
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
        items.append((pos, pos + len(" ".join(kept))))
        if len(kept) < len(words):
            return items, ""
        joiner = None if last else _LIST_JOINER.match(text, item.end())
        if not joiner:
            return items, text[item.end() : item.end() + 1]
        last = bool(joiner.group().strip(", "))
        pos = joiner.end()
    return items, ""


SLASH_SERIES = re.compile(r"\b([A-Z][A-Za-z]*-?)(\d+)((?:/\d+)+)\b")


def slash_series_candidates(text: str) -> list[Candidate]:
    """"CIFAR-10/100" names CIFAR-10 and CIFAR-100."""
    found = []
    for match in SLASH_SERIES.finditer(text):
        stem = match.group(1)
        found.append(Candidate(match.start(), match.end(2), stem + match.group(2), None, "slash_series", False,
                               CONFIDENCES["slash_series"]))
        pos = match.end(2)
        for number in match.group(3).split("/")[1:]:
            pos += 1
            found.append(Candidate(pos, pos + len(number), number, None, "slash_series", False, CONFIDENCES["slash_series"],
                                   canonical=stem + number))
            pos += len(number)
    return found


_YEAR = r"(?:19|20)\d\d"
#: "PASCAL VOC 2007 and 2012", "CoNLL 2005, 2012": a name with a year, then more years of it.
YEAR_SERIES = re.compile(r"\b((?:[A-Z][\w\-]*[A-Za-z] )?[A-Z][\w\-]*[A-Za-z])[ \-]?(" + _YEAR + r")\b"
                         r"((?:,\s*" + _YEAR + r"\b)*(?:,?\s+(?:and|or)\s+" + _YEAR + r"\b|,\s*" + _YEAR + r"\b))")
_YEAR_ONLY = re.compile(_YEAR)


def year_series_candidates(text: str) -> list[Candidate]:
    """"PASCAL VOC 2007 and 2012" names PASCAL VOC 2007 and PASCAL VOC 2012; a later year stands
    for a known name only (as a slash-series member does)."""
    found = []
    for match in YEAR_SERIES.finditer(text):
        stem = match.group(1)
        if stem.split()[0] in ("In", "From", "Since", "Until", "Between", "By", "The"):
            stem = " ".join(stem.split()[1:])  # "In 2019 and 2020" is a time, not a name
        if not stem or not (is_name_like(stem.split()[-1]) or stem.split()[-1].isupper()):
            continue
        start = match.start(2) - len(stem) - (match.start(2) - match.end(1))
        # A name with yearly editions is a dataset, benchmark or challenge (CoNLL 2005, WMT 2014).
        found.append(Candidate(start, match.end(2), text[start : match.end(2)], "dataset", "year_series", False,
                               CONFIDENCES["year_series"]))
        for year in _YEAR_ONLY.finditer(text, match.start(3), match.end(3)):
            found.append(Candidate(year.start(), year.end(), year.group(), "dataset", "year_series", False, CONFIDENCES["year_series"],
                                   canonical=f"{stem} {year.group()}"))
    return found
