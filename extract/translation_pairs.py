"""Language pairs of a WMT edition: in "WMT 2014 English-to-German … the English-to-French task"
both pairs are mentions of WMT14 (the gazetteer keeps an edition's pairs as its aliases).

Papers cite a WMT edition once and then name its language pairs alone ("on the English-to-French
task"), in many spellings: "En-De", "English→German", "English-to-German", "English German".
"""
from __future__ import annotations

import re

from litkg.extract.candidates import Candidate
from litkg.extract.lexicon import CONFIDENCES

__all__ = ["wmt_pair_candidates"]

#: Languages of the WMT shared tasks, with their ISO codes as papers write them.
LANGUAGES = {
    "English": "En", "German": "De", "French": "Fr", "Romanian": "Ro", "Russian": "Ru", "Czech": "Cs",
    "Finnish": "Fi", "Chinese": "Zh", "Japanese": "Ja", "Turkish": "Tr", "Spanish": "Es", "Estonian": "Et",
    "Latvian": "Lv", "Lithuanian": "Lt", "Kazakh": "Kk", "Gujarati": "Gu", "Hindi": "Hi", "Polish": "Pl",
    "Tamil": "Ta", "Inuktitut": "Iu", "Pashto": "Ps", "Khmer": "Km", "Icelandic": "Is", "Hausa": "Ha",
    "Ukrainian": "Uk", "Croatian": "Hr", "Hungarian": "Hu", "Italian": "It", "Portuguese": "Pt",
}
_BY_CODE = {code: name for name, code in LANGUAGES.items()}
_LANGUAGE = "(?:" + "|".join(list(LANGUAGES) + list(_BY_CODE)) + ")"
_PAIR = re.compile(r"\b(" + _LANGUAGE + r")(?:-to-| to |\s?[-–→↔]\s?|->| )(" + _LANGUAGE + r")\b")
_EDITION = re.compile(r"\bWMT\s?[’'`]?\s?(\d{4}|\d{2})\b")


def _full(language: str) -> str:
    return _BY_CODE.get(language, language)


def wmt_pair_candidates(text: str) -> list[Candidate]:
    """Each language pair after a WMT edition in ``text``, as a mention of that edition."""
    editions = [(m.start(), m.group(1)[-2:]) for m in _EDITION.finditer(text)]
    if not editions:
        return []
    found = []
    for pair in _PAIR.finditer(text):
        source, target = _full(pair.group(1)), _full(pair.group(2))
        if source == target or (len(pair.group(1)) == 2) != (len(pair.group(2)) == 2):
            continue  # "English English" or "En German" is not a pair
        before = [year for pos, year in editions if pos < pair.start()]
        year = before[-1] if before else editions[0][1] if len({y for _, y in editions}) == 1 else None
        if year is None:
            continue
        found.append(Candidate(pair.start(), pair.end(), pair.group(), "dataset", "wmt_pair", False, CONFIDENCES["wmt_pair"],
                               canonical=f"WMT{year}", variant_of="WMT"))
    return found
