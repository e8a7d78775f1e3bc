"""Normal forms of concept names: the one place that decides when two spellings are one name.

``concept_norm`` folds case, hyphens, spaces, punctuation and a trailing plural "s", so WiLDS,
WILDS and Wilds meet, as do Office-Home, OfficeHome and "Office Home", and Transformer and
Transformers. Digits and letters stay, so ImageNet and ImageNet-R, or LLaMA and LLaMA-2, stay
apart.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["concept_norm", "spelling_variants"]



@lru_cache(maxsize=1 << 16)
def concept_norm(name: str) -> str:
    """The matching key of a name.

    >>> concept_norm("Office-Home"), concept_norm("WiLDS"), concept_norm("Transformers")
    ('officehome', 'wild', 'transformer')
    """
    text = unicodedata.normalize("NFKD", name)
    # "+" is part of names (HumanEval+, k-means++), so it is spelled out rather than dropped;
    # letters of any script stay, so "β-VAE" does not collapse into "VAE".
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower().replace("+", "plus")
    text = "".join(ch for ch in text if ch.isalnum())
    # A trailing plural "s" is dropped (not "ss"), the same rule as the project's scorer, so
    # "LLMs"/"LLM" and "Transformers"/"Transformer" meet; short names keep theirs (MMLU vs MMLUs).
    if len(text) > 4 and text.endswith("s") and not text.endswith("ss"):
        text = text[:-1]
    return text


_SHORT_YEAR = re.compile(r"^([A-Za-z]{2,})[ -]?(\d{2})$")


# Text extracted from PDFs often spaces out digits ("ICDAR-2 0 1 5", "CIFAR-1 0 0"); names with a
# run of 2-4 digits are also looked for in that spelling (their normal form is the same).
_DIGIT_RUN = re.compile(r"(?<![\d.])\d{2,4}(?![\d.])")


def _space_digits(match: re.Match) -> str:
    return " ".join(match.group())


def spelling_variants(alias: str) -> set[str]:
    """Surface spellings a paper may use for ``alias``: hyphen, space and joined forms, plural.

    >>> sorted(spelling_variants("Office-Home"))[:3]
    ['Office Home', 'Office Homes', 'Office-Home']
    """
    base = {alias}
    if "'" in alias:
        base.add(alias.replace("'", "’"))  # typographic apostrophes are common in PDFs
    year = _SHORT_YEAR.match(alias)
    if year:
        # "WMT14" is also written "WMT'14", "WMT’14" and "WMT 14".
        stem, digits = year.group(1), year.group(2)
        base |= {f"{stem}'{digits}", f"{stem}’{digits}", f"{stem} {digits}"}
    if "-" in alias:
        base |= {alias.replace("-", " "), alias.replace("-", "")}
    if " " in alias:
        base |= {alias.replace(" ", "-"), alias.replace(" ", "")}
    spaced = {_DIGIT_RUN.sub(_space_digits, form) for form in base if _DIGIT_RUN.search(form)}
    base |= spaced
    out = set(base)
    for form in base:
        if form[-1:].isalpha() and not form.endswith("s"):
            out.add(form + "s")
    return {form for form in out if form.strip()}

