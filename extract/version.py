"""What an extraction was made with: code version, gazetteer, lexicon and model digests.

Kept apart from the pipeline, so that a process that only stamps or checks versions (the parent
of the extraction workers, a parts merge) never imports spaCy: in a build that adds 1,000 papers
to a large store, importing it for the version alone was half the run.
"""
from __future__ import annotations

from litkg.extract.gazetteer import default_gazetteer
from litkg.extract.lexicon import LEXICON_DIGEST

__all__ = ["EXTRACTOR_VERSION", "extractor_version", "version_of"]

#: Stored with each paper; a store built by an older extractor is re-extracted on the next build.
EXTRACTOR_VERSION = "4"


def extractor_version(*, fast: bool = False) -> str:
    """The version an :class:`~litkg.extract.pipeline.Extractor` built with ``fast`` reports,
    without building it (for processes that extract in workers).

    >>> extractor_version(fast=True).split(":")[0], extractor_version(fast=True).endswith(":rules")
    ('4', True)
    """
    from litkg.extract.spanmodel import SpanModel, default_model_path

    return version_of(default_gazetteer().digest, None if fast else SpanModel.from_disk(default_model_path()).digest)


def version_of(gazetteer_digest: str, model_digest: str | None, lexicon_digest: str = LEXICON_DIGEST) -> str:
    """Code version, gazetteer, lexicon (word lists and confidences) and model digests."""
    return f"{EXTRACTOR_VERSION}:{gazetteer_digest}:{lexicon_digest}:{model_digest or 'rules'}"
