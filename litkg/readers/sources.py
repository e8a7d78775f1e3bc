"""The bibliographic and scholarly-API formats: which reader reads each, and how each is told.

:func:`litkg.readers.detect_format` asks :func:`sniff` before its own rules: BibTeX, RIS and XML
by their first lines, the JSON sources by the fields of their first record.
"""
from __future__ import annotations

from typing import Callable

__all__ = ["SOURCE_FORMATS", "EXTENSIONS", "sniff", "reader"]

#: Formats read by this module's readers, as named by ``--format``.
SOURCE_FORMATS = ("bibtex", "ris", "arxiv-atom", "arxiv-snapshot", "openalex", "semantic-scholar",
                  "hf-papers")
EXTENSIONS = {".bib": "bibtex", ".bibtex": "bibtex", ".ris": "ris", ".atom": "arxiv-atom",
              ".xml": "arxiv-atom"}
_MODULES = {"bibtex": ("bibtex", "read_bibtex"), "ris": ("ris", "read_ris"),
            "arxiv-atom": ("arxiv_atom", "read_arxiv_atom"),
            "arxiv-snapshot": ("arxiv_snapshot", "read_arxiv_snapshot"),
            "openalex": ("openalex", "read_openalex"),
            "semantic-scholar": ("semantic_scholar", "read_semantic_scholar"),
            "hf-papers": ("hf_papers_json", "read_hf_papers")}


def reader(format: str) -> Callable:
    """The reader function of one of :data:`SOURCE_FORMATS`."""
    import importlib

    module, name = _MODULES[format]
    return getattr(importlib.import_module(f"litkg.readers.{module}"), name)


def sniff(text: str, suffix: str) -> str | None:
    """Which of :data:`SOURCE_FORMATS` a file's first 64 KiB show, else None.

    >>> sniff('{"id": "https://openalex.org/W1", "title": "A"}\\n', ".jsonl")
    'openalex'
    >>> sniff("TY  - JOUR\\nTI  - A\\nER  - \\n", ".txt"), sniff('{"title": "A"}', ".json")
    ('ris', None)
    """
    from litkg.readers import arxiv_snapshot, bibtex, hf_papers_json, openalex, ris, semantic_scholar
    from litkg.readers.jsonsource import first_record

    if suffix in EXTENSIONS:
        return EXTENSIONS[suffix]
    start = text.lstrip("\ufeff \t\r\n")
    if start.startswith("<"):
        return "arxiv-atom" if _looks_like_xml(start) else None
    if start[:1] in ("{", "["):
        record = first_record(start)
        if record is None:
            return None
        for looks, name in ((openalex.looks_like_openalex, "openalex"),
                            (semantic_scholar.looks_like_semantic_scholar, "semantic-scholar"),
                            (arxiv_snapshot.looks_like_snapshot, "arxiv-snapshot"),
                            (hf_papers_json.looks_like_hf_papers, "hf-papers")):
            if looks(record):
                return name
        return None
    if ris.looks_like_ris(start):
        return "ris"
    if bibtex.looks_like_bibtex(start):
        return "bibtex"
    return None


def _looks_like_xml(text: str) -> bool:
    head = text[:4096]
    return head.startswith(("<?xml", "<!DOCTYPE", "<!ENTITY", "<feed")) or "<feed" in head
