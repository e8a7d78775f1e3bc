"""JSON shapes litkg writes: the ``litkg extract`` line per paper."""
from __future__ import annotations

from litkg.records import Extraction, Paper

__all__ = ["extraction_json"]


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
