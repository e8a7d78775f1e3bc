"""Guards that keep extraction linear in the length of its input (issue #14, item 2).

spaCy's tokenizer retries its prefix, suffix and infix rules at every character of a token, so a
long run without spaces — 50,000 ``(``, 25,000 emoji, 100,000 characters of ``aB-`` — took
minutes. No name litkg extracts is that long, so such a run is treated as unextractable: the
text handed to spaCy has it blanked (spaces of the same length), which keeps every character
offset of the paper's own text valid. The paper's text is never changed.
"""
from __future__ import annotations

import re

__all__ = ["MAX_RUN", "MAX_MENTIONS", "MAX_SENTENCE", "mask_long_runs", "SpanIndex", "bound_entities"]

#: The longest run of non-space characters extraction looks into; the longest names (a URL, a
#: hyphenated model name) have well under 100.
MAX_RUN = 256

_LONG_RUN = re.compile(r"\S{%d,}" % (MAX_RUN + 1))


def mask_long_runs(text: str) -> str:
    """``text`` with each run of more than :data:`MAX_RUN` non-space characters blanked.

    The result has the length of ``text``, so offsets into one are offsets into the other.

    >>> mask_long_runs("on " + "(" * 300 + " ImageNet") == "on " + " " * 300 + " ImageNet"
    True
    >>> mask_long_runs("We use ImageNet.")
    'We use ImageNet.'
    """
    if len(text) <= MAX_RUN:
        return text
    return _LONG_RUN.sub(lambda match: " " * len(match.group()), text)


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
