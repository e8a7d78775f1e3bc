"""The gazetteer: widely known ML datasets, benchmarks, models and methods, shipped as data.

Each line of ``data/gazetteer_*.jsonl`` is one concept::

    {"id": "wilds", "name": "WILDS", "type": "benchmark", "aliases": [...],
     "part_of": [], "variant_of": [], "case_sensitive": false, "context": []}

``case_sensitive`` marks names that are also ordinary words (CLIP, SAM, SCAN): they match only as
written. ``context`` holds cue words that pick one sense when several entries share an alias
(SAM the optimiser vs SAM the segmentation model).
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator

from litkg.errors import GazetteerError
from litkg.extract.normalise import concept_norm
from litkg.records import CONCEPT_TYPES

__all__ = ["GazetteerEntry", "Gazetteer", "default_gazetteer"]

_FIELDS = {"id", "name", "type", "aliases", "part_of", "variant_of", "case_sensitive", "context"}


@dataclass(frozen=True)
class GazetteerEntry:
    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    part_of: tuple[str, ...] = ()
    variant_of: tuple[str, ...] = ()
    case_sensitive: bool = False
    context: tuple[str, ...] = ()

    @property
    def surface_forms(self) -> tuple[str, ...]:
        """The name followed by its aliases, without repeats."""
        return tuple(dict.fromkeys((self.name, *self.aliases)))

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "aliases": list(self.aliases),
            "part_of": list(self.part_of),
            "variant_of": list(self.variant_of),
            "case_sensitive": self.case_sensitive,
            "context": list(self.context),
        }


def _entry_from_json(row: object, where: str) -> GazetteerEntry:
    if not isinstance(row, dict):
        raise GazetteerError(f"{where}: expected a JSON object")
    missing = {"id", "name", "type"} - row.keys()
    if missing:
        raise GazetteerError(f"{where}: missing {', '.join(sorted(missing))}")
    unknown = row.keys() - _FIELDS
    if unknown:
        raise GazetteerError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    if row["type"] not in CONCEPT_TYPES:
        raise GazetteerError(f"{where}: type must be one of {', '.join(CONCEPT_TYPES)}")
    try:
        return GazetteerEntry(
            id=str(row["id"]),
            name=str(row["name"]),
            type=row["type"],
            aliases=tuple(str(a) for a in row.get("aliases", ()) if str(a).strip()),
            part_of=tuple(row.get("part_of", ())),
            variant_of=tuple(row.get("variant_of", ())),
            case_sensitive=bool(row.get("case_sensitive", False)),
            context=tuple(str(c).lower() for c in row.get("context", ())),
        )
    except TypeError as exc:
        raise GazetteerError(f"{where}: {exc}") from None


class Gazetteer:
    """Concepts by id and by the normal form of every surface form.

    Parameters
    ----------
    entries:
        The concepts. Later entries with an id already seen are an error.
    """

    def __init__(self, entries: Iterable[GazetteerEntry]) -> None:
        self.entries: dict[str, GazetteerEntry] = {}
        by_norm: dict[str, list[str]] = {}
        for entry in entries:
            if entry.id in self.entries:
                raise GazetteerError(f"duplicate gazetteer id {entry.id!r}")
            self.entries[entry.id] = entry
            for form in entry.surface_forms:
                key = concept_norm(form)
                if key and entry.id not in by_norm.setdefault(key, []):
                    by_norm[key].append(entry.id)
        self.by_norm: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in by_norm.items()}
        self._digest: str | None = None

    @property
    def digest(self) -> str:
        """A short hash of the entries: the gazetteer's version, stored with each extracted paper
        so that a changed gazetteer makes the next build re-extract."""
        if self._digest is None:
            payload = "\n".join(json.dumps(e.to_json(), sort_keys=True) for e in self.entries.values())
            self._digest = hashlib.sha1(payload.encode("utf-8")).hexdigest()[:12]
        return self._digest

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[GazetteerEntry]:
        return iter(self.entries.values())

    def __contains__(self, concept_id: object) -> bool:
        return concept_id in self.entries

    # -- persistence, in the to_disk/from_disk style of spaCy components ---------------------
    def to_disk(self, path: str | Path) -> None:
        path = Path(path)
        with path.open("w", encoding="utf-8") as out:
            for entry in self.entries.values():
                out.write(json.dumps(entry.to_json(), ensure_ascii=False) + "\n")

    @classmethod
    def from_disk(cls, *paths: str | Path) -> "Gazetteer":
        return cls(_read_entries(Path(p) for p in paths))


def _read_entries(paths: Iterable[Path]) -> Iterator[GazetteerEntry]:
    for path in paths:
        with path.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                where = f"{path.name}:{number}"
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise GazetteerError(f"{where}: invalid JSON ({exc.msg})") from None
                yield _entry_from_json(row, where)


def default_gazetteer_paths() -> list[Path]:
    """The gazetteer files shipped in the package, in a stable order."""
    data = resources.files("litkg.extract") / "data"
    return sorted(Path(str(p)) for p in data.iterdir() if p.name.startswith("gazetteer") and p.name.endswith(".jsonl"))


_DEFAULT: Gazetteer | None = None


def default_gazetteer() -> Gazetteer:
    """The shipped gazetteer, loaded once per process."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Gazetteer.from_disk(*default_gazetteer_paths())
    return _DEFAULT
