"""Extraction of named methods, models, datasets and benchmarks from paper titles and abstracts.

Installed as ``litkg.extract`` (the folder ``extract/`` at the top of the repository). The names
below are imported when first used (PEP 562): the store imports ``litkg.extract.normalise``, and
importing the spaCy pipeline here made every read command load spaCy (about a second).
"""
from __future__ import annotations

from litkg.lazy import lazy_attributes

_MODULES = {
    "Gazetteer": "gazetteer", "GazetteerEntry": "gazetteer", "default_gazetteer": "gazetteer",
    "concept_norm": "normalise", "Extractor": "pipeline", "build_nlp": "pipeline", "EXTRACTOR_VERSION": "version",
}

__all__ = list(_MODULES)
__getattr__ = lazy_attributes(__name__, _MODULES, globals())
