"""Extraction of named methods, models, datasets and benchmarks from paper titles and abstracts.

Installed as ``litkg.extract`` (the folder ``extract/`` at the top of the repository).
"""
from litkg.extract.gazetteer import Gazetteer, GazetteerEntry, default_gazetteer
from litkg.extract.normalise import concept_norm
from litkg.extract.pipeline import EXTRACTOR_VERSION, Extractor, build_nlp

__all__ = [
    "Gazetteer",
    "GazetteerEntry",
    "default_gazetteer",
    "concept_norm",
    "Extractor",
    "build_nlp",
    "EXTRACTOR_VERSION",
]
