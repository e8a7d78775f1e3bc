"""Guards that keep extraction linear in the length of its input (issue #14, item 2).

spaCy's tokenizer retries its prefix, suffix and infix rules at every character of a token, so a
long run without spaces — 50,000 ``(``, 25,000 emoji, 100,000 characters of ``aB-`` — took
minutes. No name litkg extracts is that long, so such a run is treated as unextractable: the
text handed to spaCy has it blanked (spaces of the same length), which keeps every character
offset of the paper's own text valid. The paper's text is never changed.
"""
from __future__ import annotations

import os
import re
import signal
import threading
import time
from contextlib import contextmanager

__all__ = ["MAX_RUN", "MAX_MENTIONS", "MAX_SENTENCE", "mask_long_runs", "may_hold_long_run", "SpanIndex",
           "bound_entities", "TIME_BUDGET", "time_budget", "budget_reason", "extract_within_budget", "raise_after",
           "memory_zone", "MAX_LEARNED_STRINGS"]

#: The longest run of non-space characters extraction looks into; the longest names (a URL, a
#: hyphenated model name) have well under 100.
MAX_RUN = 256

_LONG_RUN = re.compile(r"\S{%d,}" % (MAX_RUN + 1))
_RUN = re.compile(r"\S*")
_PROBE_STEP = (MAX_RUN + 1) // 2


def mask_long_runs(text: str) -> str:
    """``text`` with each run of more than :data:`MAX_RUN` non-space characters blanked.

    The result has the length of ``text``, so offsets into one are offsets into the other.

    >>> mask_long_runs("on " + "(" * 300 + " ImageNet") == "on " + " " * 300 + " ImageNet"
    True
    >>> mask_long_runs("We use ImageNet.")
    'We use ImageNet.'
    """
    if not may_hold_long_run(text):
        return text
    return _LONG_RUN.sub(lambda match: " " * len(match.group()), text)


def may_hold_long_run(text: str) -> bool:
    """False when ``text`` surely has no run longer than :data:`MAX_RUN`, from a few probes.

    A run of more than MAX_RUN characters holds a multiple of ``_PROBE_STEP`` in its first
    ``_PROBE_STEP`` characters, and runs on for more than ``_PROBE_STEP`` after it; scanning the
    whole text with :data:`_LONG_RUN` cost as much as a fifth of the tokenizer. A space within
    ``_PROBE_STEP`` characters of a probe settles it first (str.find: a third of the cost of
    matching the run there, measured).
    """
    if len(text) <= MAX_RUN:
        return False
    find, match = text.find, _RUN.match
    for probe in range(0, len(text), _PROBE_STEP):
        if find(" ", probe, probe + _PROBE_STEP + 1) < 0 and match(text, probe).end() - probe > _PROBE_STEP:
            return True
    return False


class SpanIndex:
    """Character spans that answer "does ``[start, end)`` overlap any of them?" in log time.

    Checking each candidate against every span was quadratic: 11,000 mentions of one name in a
    100,000-character abstract took a minute.

    >>> index = SpanIndex([(0, 3), (10, 20)])
    >>> index.overlaps(2, 5), index.overlaps(3, 10), index.overlaps(15, 16)
    (True, False, True)
    """

    def __init__(self, spans) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._max_end, reach = [], float("-inf")
        for _, end in ordered:
            reach = max(reach, end)
            self._max_end.append(reach)

    def overlaps(self, start: int, end: int) -> bool:
        from bisect import bisect_left

        before = bisect_left(self._starts, end)  # spans that start before ``end``
        return before > 0 and self._max_end[before - 1] > start


#: The most mentions of one concept kept per paper, and the longest evidence sentence stored
#: (a longer one is cut to this many characters around its mention). An abstract repeating one
#: name 11,000 times in one 100,000-character "sentence" wrote gigabytes of evidence.
MAX_MENTIONS = 64
MAX_SENTENCE = 2_000


def bound_entities(entities):
    """``entities`` with at most :data:`MAX_MENTIONS` mentions each and evidence sentences of at
    most :data:`MAX_SENTENCE` characters (the mention's offsets are unchanged); real abstracts
    are far inside both limits, so they come back as they were."""
    from dataclasses import replace

    bounded = []
    for entity in entities:
        mentions = entity.mentions[:MAX_MENTIONS]
        if any(len(m.sentence) > MAX_SENTENCE for m in mentions):
            mentions = tuple(replace(m, sentence=_window(m.sentence, m.text)) if len(m.sentence) > MAX_SENTENCE
                             else m for m in mentions)
        bounded.append(entity if mentions is entity.mentions else replace(entity, mentions=tuple(mentions)))
    return bounded


def _window(sentence: str, text: str) -> str:
    at = max(sentence.find(text), 0)
    start = max(0, min(at - MAX_SENTENCE // 2, len(sentence) - MAX_SENTENCE))
    return sentence[start:start + MAX_SENTENCE].strip()


#: Seconds extraction may spend on one record before it is given up (``LITKG_TIME_BUDGET``
#: overrides it; 0 turns the budget off). Real abstracts take milliseconds.
TIME_BUDGET = 10.0
#: Tests: a record whose title contains this value takes an hour to extract; with ``stuck:``
#: before it, the timer cannot ring meanwhile either (as inside C code).
_SLOW_HOOK = "LITKG_TEST_SLOW_TITLE"


def time_budget(budget: float | None = None) -> float:
    """The per-record budget in seconds: ``budget`` when given, else ``$LITKG_TIME_BUDGET``, else
    :data:`TIME_BUDGET`; 0 means none.

    >>> time_budget(2.5), time_budget(0)
    (2.5, 0.0)
    """
    if budget is None:
        text = os.environ.get("LITKG_TIME_BUDGET", "").strip()
        try:
            budget = float(text) if text else TIME_BUDGET
        except ValueError:
            budget = TIME_BUDGET
    return max(0.0, float(budget))


def budget_reason(budget: float, *, stored: bool = False) -> str:
    """The reason a record over the budget is skipped with (``stored``: by a build, which keeps
    the paper without entities and tries it again on the next build).

    >>> budget_reason(10)
    'extraction exceeded 10 s'
    """
    kept = "; stored without entities, tried again on the next build" if stored else ""
    return f"extraction exceeded {budget:g} s{kept}"


class _OverBudget(Exception):
    """Raised by the alarm inside extraction that ran past its budget."""


@contextmanager
def raise_after(seconds: float, error: type[BaseException]):
    """A context in which ``error`` is raised once ``seconds`` have passed (``SIGALRM``: in a
    process's main thread only); the timer is stopped when the context ends."""
    def ring(signum, frame):
        raise error()

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _can_alarm() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def _hooked(papers):
    """``papers``, with the test hook's slow record taking an hour to hand over."""
    marker = os.environ.get(_SLOW_HOOK, "")
    stuck = marker.startswith("stuck:")
    marker = marker.removeprefix("stuck:")
    for paper in papers:
        if marker and marker in (paper.title or ""):
            if stuck:
                signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(3600)
        yield paper


def extract_within_budget(extract_many, papers: list, budget: float, *, with_phrases: bool = False) -> list:
    """``extract_many(papers, with_phrases=…)`` as a list, with ``None`` for each paper whose
    extraction took more than ``budget`` seconds.

    The batch runs as one, under a timer re-armed at each result, so it costs nothing while
    every record is fast; when the timer rings, the rest of the batch is extracted one record at
    a time, each under its own timer, so only the record that is slow is given up. The timer is
    ``SIGALRM``: it needs the main thread of a process (a worker's is one); elsewhere, or with a
    budget of 0, extraction runs unbounded.
    """
    papers = list(papers)
    if not budget or not _can_alarm():
        return list(extract_many(_hooked(papers), with_phrases=with_phrases))
    results: list = []
    try:
        with raise_after(budget, _OverBudget):
            for extraction in extract_many(_hooked(papers), with_phrases=with_phrases):
                results.append(extraction)
                signal.setitimer(signal.ITIMER_REAL, budget)
        return results
    except _OverBudget:
        pass
    for paper in papers[len(results):]:
        try:
            with raise_after(budget, _OverBudget):
                results.extend(extract_many(_hooked([paper]), with_phrases=with_phrases))
        except _OverBudget:
            results.append(None)
    return results


#: New strings (words, numbers, names) a pipeline may learn before it is replaced by a fresh one.
#: Each costs ~0.3 KB (string store, lexeme, tokenizer cache): about 45 MB at most, so that a
#: build's peak RSS stays within 20% from 100k to 1M records (at 300,000, a build of 1M could hold
#: ~60 MB more than one of 100k).
#: A fresh pipeline costs ~0.5 s: once per 7,500–30,000 real abstracts (5–20 new strings each).
MAX_LEARNED_STRINGS = 150_000


@contextmanager
def memory_zone(extractor):
    """A context after which the pipeline of ``extractor`` (an :class:`Extractor`; anything else is
    left alone) is replaced by a fresh one once it has learned more than
    :data:`MAX_LEARNED_STRINGS` new strings, so a long build's memory stays bounded (#14).

    spaCy keeps every new word, number and name it meets (vocabulary and tokenizer cache): ~0.45
    KB a record of new words, 450 MB at 1M records. spaCy's own ``nlp.memory_zone()`` forgets
    them at the end of each zone, but extraction ran 2.5x slower in one (lexemes made again for
    every zone), where a fresh pipeline costs well under a second once per few hundred thousand
    new strings. The results are the same either way: the vocabulary only caches.
    """
    yield
    forget = getattr(extractor, "forget_if_larger", None)
    if forget is not None and forget(MAX_LEARNED_STRINGS):
        # The old pipeline is held in reference cycles: freed at once, not at the next full
        # collection, or it lived on beside the new one (+70 MB a replacement; #14).
        import gc

        gc.collect()
