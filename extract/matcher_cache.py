"""A disk cache of the compiled gazetteer matcher, keyed by what it is compiled from.

Compiling the phrase matcher (tens of thousands of spellings, each tokenized) took most of every
command's start-up; loading the compiled matcher takes a tenth of that. The key is a hash of the
gazetteer's digest, spaCy's version and the source of the modules that decide spellings and
tokenization, so a changed gazetteer, spaCy or litkg compiles afresh.

The cache lives in ``$LITKG_CACHE_DIR``, else ``$XDG_CACHE_HOME/litkg``, else ``~/.cache/litkg``;
``LITKG_CACHE_DIR=off`` turns it off. A cache file that cannot be read is ignored and rewritten.
Files are written to a temporary name and renamed, so concurrent processes never read half a file.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path

import spacy

__all__ = ["cache_dir", "cache_key", "load_compiled", "save_compiled"]

_SOURCES = ("components.py", "normalise.py", "pipeline.py", "matcher_cache.py")


def cache_dir() -> Path | None:
    """Where compiled matchers are kept, or None when caching is off."""
    configured = os.environ.get("LITKG_CACHE_DIR")
    if configured is not None:
        return None if configured.strip().lower() in ("", "off", "0", "none") else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "litkg"


def cache_key(gazetteer_digest: str) -> str:
    sha = hashlib.sha1(f"{gazetteer_digest}|{spacy.__version__}".encode())
    here = Path(__file__).resolve().parent
    for name in _SOURCES:
        sha.update((here / name).read_bytes())
    return sha.hexdigest()[:20]


def load_compiled(key: str):
    """The object saved under ``key``, or None when absent or unreadable."""
    folder = cache_dir()
    if folder is None:
        return None
    path = folder / f"matcher-{key}.pickle"
    try:
        with path.open("rb") as handle:
            # Only litkg writes this file, in the user's own cache folder.
            return pickle.load(handle)
    except FileNotFoundError:
        return None
    except Exception:  # a damaged or foreign file: compile afresh and overwrite it
        return None


def save_compiled(key: str, payload) -> None:
    """Save ``payload`` under ``key``; a cache that cannot be written is skipped silently
    (read-only home, full disk): it only costs start-up time."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".matcher-", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(payload, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, folder / f"matcher-{key}.pickle")
    except OSError:
        Path(tmp).unlink(missing_ok=True)
