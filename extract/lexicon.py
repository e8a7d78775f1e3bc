"""The word lists and confidences of extraction, read from ``extract/data/lexicon.jsonl``.

The lists are about the language of ML papers in general (what a "benchmark" is, that "OOD" is
not a name), never about particular papers. Each is one line of the data file,
``{"name": …, "about": …, "value": …}``, read once when this module is imported and exposed
under its name as a frozenset, tuple or dict. :data:`LEXICON_DIGEST` hashes the values, and is
part of the extractor version: editing the file re-extracts stored papers on the next build.

>>> "OOD" in GENERIC_ACRONYMS, HEAD_TYPES["corpus"], CONFIDENCES["title_prefix"]
(True, 'dataset', 0.85)
"""
from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from litkg.errors import ExtractionError

__all__ = [
    "LEXICON_PATH",
    "LEXICON_DIGEST",
    "read_lexicon",
    "lexicon_digest",
    "save_lexicon",
    "GENERIC_ACRONYMS",
    "GENERIC_WORDS",
    "NOT_CONCEPTS",
    "NOT_NAMES",
    "TITLE_OPENERS",
    "HEAD_TYPES",
    "TASK_SUFFIXES",
    "METRIC_HEADS",
    "CLASS_HEADS",
    "PROPOSE_VERBS",
    "DATA_HEADS",
    "EVAL_PREPS",
    "TITLE_CONNECTORS",
    "ADJECTIVE_SUFFIXES",
    "MODIFIER_PARTS",
    "TEXT_UNITS",
    "ABBREVIATIONS",
    "CONFIDENCES",
    "is_generic_phrase",
]

#: The shipped lexicon file.
LEXICON_PATH = Path(__file__).parent / "data" / "lexicon.jsonl"

# name -> the Python type the name is exposed as: sets are tested for membership, tuples feed
# str.endswith (and keep their order), dicts map words to types or patterns to confidences.
_KINDS = {
    "GENERIC_ACRONYMS": frozenset, "GENERIC_WORDS": frozenset, "TITLE_OPENERS": frozenset,
    "NOT_CONCEPTS": frozenset, "NOT_NAMES": frozenset, "PROPOSE_VERBS": frozenset,
    "TITLE_CONNECTORS": tuple, "HEAD_TYPES": dict, "TASK_SUFFIXES": tuple, "METRIC_HEADS": tuple,
    "CLASS_HEADS": tuple, "DATA_HEADS": tuple, "EVAL_PREPS": tuple, "ADJECTIVE_SUFFIXES": tuple,
    "MODIFIER_PARTS": frozenset, "TEXT_UNITS": frozenset, "ABBREVIATIONS": tuple, "CONFIDENCES": dict,
}


def read_lexicon(path: str | Path = LEXICON_PATH) -> dict[str, list | dict]:
    """``{name: value}`` of a lexicon file, every name of the shipped one present.

    Raises
    ------
    ExtractionError
        When the file is missing a list, has an unknown one, or a value of the wrong kind.
    """
    values: dict[str, list | dict] = {}
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            row = json.loads(line)
            name, value = row.get("name"), row.get("value")
            kind = _KINDS.get(name)
            if kind is None or isinstance(value, dict) != (kind is dict):
                raise ExtractionError(f"{path}, line {number}: {name!r} is not a lexicon list of this litkg "
                                      f"(or its value is of the wrong kind)")
            values[name] = value
    missing = sorted(set(_KINDS) - set(values))
    if missing:
        raise ExtractionError(f"{path}: no {', '.join(missing)}")
    return values


def lexicon_digest(values: dict[str, list | dict]) -> str:
    """A short hash of a lexicon's values (not of its comments or layout)."""
    payload = json.dumps(values, sort_keys=True, ensure_ascii=False)
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()[:12]


def save_lexicon(folder: str | Path) -> Path:
    """Copy the lexicon in use into ``folder`` (as ``lexicon.jsonl``); its path."""
    target = Path(folder) / LEXICON_PATH.name
    shutil.copyfile(LEXICON_PATH, target)
    return target


_VALUES = read_lexicon()
#: Part of the extractor version (see ``litkg.extract.pipeline``).
LEXICON_DIGEST = lexicon_digest(_VALUES)

GENERIC_ACRONYMS: frozenset[str] = frozenset(_VALUES["GENERIC_ACRONYMS"])
GENERIC_WORDS: frozenset[str] = frozenset(_VALUES["GENERIC_WORDS"])
TITLE_OPENERS: frozenset[str] = frozenset(_VALUES["TITLE_OPENERS"])
NOT_CONCEPTS: frozenset[str] = frozenset(_VALUES["NOT_CONCEPTS"])
NOT_NAMES: frozenset[str] = frozenset(_VALUES["NOT_NAMES"])
PROPOSE_VERBS: frozenset[str] = frozenset(_VALUES["PROPOSE_VERBS"])
#: In order: the Title Case run pattern of the discovery patterns is built from it.
TITLE_CONNECTORS: tuple[str, ...] = tuple(_VALUES["TITLE_CONNECTORS"])
HEAD_TYPES: dict[str, str] = dict(_VALUES["HEAD_TYPES"])
TASK_SUFFIXES: tuple[str, ...] = tuple(_VALUES["TASK_SUFFIXES"])
METRIC_HEADS: tuple[str, ...] = tuple(_VALUES["METRIC_HEADS"])
CLASS_HEADS: tuple[str, ...] = tuple(_VALUES["CLASS_HEADS"])
DATA_HEADS: tuple[str, ...] = tuple(_VALUES["DATA_HEADS"])
EVAL_PREPS: tuple[str, ...] = tuple(_VALUES["EVAL_PREPS"])
#: In order: the modifier-suffix pattern of ``naming`` is built from it.
ADJECTIVE_SUFFIXES: tuple[str, ...] = tuple(_VALUES["ADJECTIVE_SUFFIXES"])
MODIFIER_PARTS: frozenset[str] = frozenset(_VALUES["MODIFIER_PARTS"])
TEXT_UNITS: frozenset[str] = frozenset(_VALUES["TEXT_UNITS"])
ABBREVIATIONS: tuple[str, ...] = tuple(_VALUES["ABBREVIATIONS"])
#: A candidate's confidence per pattern (and variant), and the span model's thresholds.
CONFIDENCES: dict[str, float] = dict(_VALUES["CONFIDENCES"])


def is_generic_phrase(words: list[str]) -> bool:
    """True when every word of a phrase (split on spaces and hyphens) is a generic word."""
    parts = [p.lower() for w in words for p in w.replace("-", " ").split()]
    return all(p in GENERIC_WORDS for p in parts if p)
