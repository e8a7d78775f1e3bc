"""JSON shapes litkg writes: the ``litkg extract`` line per paper."""
from __future__ import annotations

import orjson

from litkg.records import Extraction, Paper

__all__ = ["extraction_json", "extraction_line"]


def extraction_json(paper: Paper, extraction: Extraction) -> dict:
    """The JSON object ``litkg extract`` writes for one paper."""
    return {
        "id": paper.id if paper.id is not None else extraction.paper_key,
        "key": extraction.paper_key,
        "title": paper.title,
        "entities": [
            {
                "name": e.name, "concept": e.key, "type": e.type, "role": e.role,
                "confidence": e.confidence, "origin": e.origin, "aliases": list(e.aliases),
                "mentions": [
                    {"text": m.text, "start": m.start, "end": m.end, "field": m.field, "sentence": m.sentence}
                    for m in e.mentions
                ],
            }
            for e in extraction.entities
        ],
    }


def extraction_line(paper: Paper, extraction: Extraction) -> str:
    """:func:`extraction_json` as one line of JSON, UTF-8 text as it is, with its newline.

    orjson: the standard encoder cost a sixth of the reading side of ``litkg extract --workers 2``.

    >>> from litkg.records import Paper, SourceRef
    >>> paper = Paper(title="Ünïcode", abstract="", source=SourceRef("x", 1))
    >>> extraction_line(paper, Extraction(paper.key, ())).partition(',"title"')[2]
    ':"Ünïcode","entities":[]}\\n'
    """
    return orjson.dumps(extraction_json(paper, extraction)).decode() + "\n"
