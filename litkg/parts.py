"""Partitioned extraction outputs: the folder a Dask build writes and ``build --from-parts`` merges.

A parts folder holds one JSON-lines file per partition of the inputs' records and a manifest::

    DIR/manifest.json        inputs and their digests, extractor version, options, partition count,
                             each finished part's record count and digest, the skipped records
    DIR/part-00000.jsonl     a header line, then one line per record:
                             {"paper": {every Paper field}, "extraction": {the `litkg extract` line
                             of the record, with each entity's part_of, variant_of and relations}}

A part is written whole (a temporary file renamed) by the worker that extracted it; only the
process that drives the run writes the manifest, after each part it has seen finish. A run
interrupted at any point leaves a consistent folder: the same run started again skips every part
the manifest lists with a matching digest. :func:`open_parts` refuses a folder that is incomplete
or mismatched (another run's part, a part changed since, another extractor) before anything is
written to a store.

Merging replays the local build: the records go through the same upsert, in the same order, and
extraction is looked up instead of run (:class:`PartsExtractor`). A paper whose merged text
matches none of its records' texts (a duplicate that brought a longer abstract) is extracted
there and then, so the store is exactly what a local build of the same inputs writes.
"""
from __future__ import annotations

import hashlib
import json
import os
import threading
from collections import OrderedDict
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Iterable, Iterator

from litkg.errors import PartsError, PartsIncompleteError, PartsMismatchError
from litkg.records import (Concept, ExtractedEntity, Extraction, Mention, Paper, Relation, SkippedLog, SkippedRecord,
                           SourceRef)
from litkg.serialize import extraction_json

__all__ = [
    "PartsError", "PartsMismatchError", "PartsIncompleteError", "FORMAT", "MANIFEST",
    "part_name", "paper_record", "paper_from_record", "extraction_record", "extraction_from_record",
    "file_digest", "read_manifest", "write_manifest", "write_part", "finished_parts", "open_parts",
    "PartsSource", "PartsExtractor",
]

#: Written in every manifest; a folder of another format is refused.
FORMAT = "litkg-parts/2"  # 2: each entity's relations, with their target concepts
MANIFEST = "manifest.json"





def part_name(index: int) -> str:
    """The file name of partition ``index``.

    >>> part_name(7)
    'part-00007.jsonl'
    """
    return f"part-{index:05d}.jsonl"


# -- records ------------------------------------------------------------------------------------
def paper_record(paper: Paper) -> dict:
    """Every field of ``paper`` as JSON values (the source as ``[path, line]``); metadata values
    JSON cannot hold become strings, as the store writes them. Undone by :func:`paper_from_record`."""
    record: dict[str, Any] = {}
    for item in fields(Paper):
        value = getattr(paper, item.name)
        if item.name == "source":
            value = [value.path, value.line]
        elif item.name == "metadata":
            value = json.loads(json.dumps(dict(value), default=str))
        elif isinstance(value, tuple):
            value = list(value)
        record[item.name] = value
    return record


def paper_from_record(record: dict) -> Paper:
    """The :class:`Paper` that :func:`paper_record` wrote.

    >>> p = Paper("TRAM", "We evaluate on WILDS.", source=SourceRef("a.jsonl", 3), authors=("A. B.",))
    >>> paper_from_record(paper_record(p)) == p
    True
    """
    values = dict(record)
    values["source"] = SourceRef(*values["source"])
    for name in ("authors", "ids"):
        values[name] = tuple(values.get(name) or ())
    return Paper(**values)


def extraction_record(paper: Paper, extraction: Extraction) -> dict:
    """The ``litkg extract`` line of one paper (:func:`~litkg.serialize.extraction_json`), with the
    concept keys each entity is part of or a variant of and the relations the store writes (each
    with its target concept). Undone by :func:`extraction_from_record`."""
    record = extraction_json(paper, extraction)
    for entity, row in zip(extraction.entities, record["entities"]):
        row["part_of"] = list(entity.part_of)
        row["variant_of"] = list(entity.variant_of)
        row["relations"] = [{"rel": r.rel, "concept": r.target.key, "name": r.target.name, "type": r.target.type,
                             "aliases": list(r.target.aliases), "origin": r.target.origin} for r in entity.relations]
    return record


def extraction_from_record(record: dict) -> Extraction:
    """The :class:`Extraction` that :func:`extraction_record` wrote."""
    entities = tuple(
        ExtractedEntity(
            key=row["concept"], name=row["name"], type=row["type"], role=row["role"],
            confidence=row["confidence"], mentions=tuple(Mention(**m) for m in row["mentions"]),
            aliases=tuple(row["aliases"]), origin=row["origin"], part_of=tuple(row["part_of"]),
            variant_of=tuple(row["variant_of"]), relations=tuple(_relation(r) for r in row["relations"]),
        )
        for row in record["entities"]
    )
    return Extraction(record["key"], entities)


def _relation(row: dict) -> Relation:
    target = Concept(row["concept"], row["name"], row["type"], tuple(row["aliases"]), row["origin"])
    return Relation(row["rel"], target)


# -- files --------------------------------------------------------------------------------------
def file_digest(path: str | os.PathLike) -> str:
    """The SHA-256 of a file's bytes, read a MiB at a time."""
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _replace_atomically(path: Path, write) -> None:
    """Write ``path`` through ``write(stream)`` into a temporary file renamed over it."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        with open(tmp, "wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _line(data: dict) -> bytes:
    # ASCII escapes: any string round-trips, even one a UTF-8 encoder would refuse.
    return (json.dumps(data, separators=(",", ":"), default=str) + "\n").encode("ascii")


def read_manifest(folder: str | os.PathLike) -> dict | None:
    """The manifest of a parts folder, or None when it has none."""
    path = Path(folder) / MANIFEST
    if not path.is_file():
        return None
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise PartsError(f"{path} cannot be read as a parts manifest: {exc}") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        found = manifest.get("format") if isinstance(manifest, dict) else None
        raise PartsMismatchError(f"{path} is not a manifest of {FORMAT} (format {found!r})")
    return manifest


def write_manifest(folder: str | os.PathLike, manifest: dict) -> None:
    """Write the manifest whole (a temporary file renamed over the old one)."""
    text = json.dumps(manifest, indent=1, sort_keys=True) + "\n"
    _replace_atomically(Path(folder) / MANIFEST, lambda stream: stream.write(text.encode("utf-8")))


def write_part(folder: str | os.PathLike, index: int, run: str, lines: list[tuple[dict, dict]]) -> dict:
    """Write partition ``index`` of run ``run``: a header, then one ``{"paper", "extraction"}``
    line per ``(paper_record, extraction_record)``. Returns its manifest entry (file, records,
    sha256)."""
    digest = hashlib.sha256()

    def write(stream) -> None:
        for data in ({"part": index, "run": run, "records": len(lines)},
                     *({"paper": paper, "extraction": extraction} for paper, extraction in lines)):
            line = _line(data)
            digest.update(line)
            stream.write(line)

    _replace_atomically(Path(folder) / part_name(index), write)
    return {"file": part_name(index), "records": len(lines), "sha256": digest.hexdigest()}


def finished_parts(folder: str | os.PathLike, manifest: dict) -> dict[int, dict]:
    """The manifest's parts whose file is there with the digest it lists, by index."""
    done = {}
    for index, entry in manifest.get("parts", {}).items():
        path = Path(folder) / entry["file"]
        if path.is_file() and file_digest(path) == entry["sha256"]:
            done[int(index)] = entry
    return done


# -- merging ------------------------------------------------------------------------------------
def _check_complete(folder: Path, manifest: dict) -> list[dict]:
    """The parts of a finished run in order, each file checked against the manifest."""
    count = manifest.get("partitions")
    listed = manifest.get("parts", {})
    if count is None:
        raise PartsIncompleteError(f"{folder} is incomplete: its run stopped before it had read all its inputs "
                                   f"({len(listed)} part(s) written)")
    missing = [i for i in range(count) if str(i) not in listed]
    if missing:
        shown = ", ".join(map(str, missing[:10])) + (", …" if len(missing) > 10 else "")
        raise PartsIncompleteError(f"{folder} is incomplete: {len(missing)} of {count} parts missing ({shown})")
    entries = [listed[str(i)] for i in range(count)]
    for entry in entries:
        path = folder / entry["file"]
        if not path.is_file():
            raise PartsIncompleteError(f"{folder} is incomplete: {entry['file']} is missing")
        if file_digest(path) != entry["sha256"]:
            raise PartsMismatchError(f"{path} does not match the manifest (changed or replaced since it was written)")
    return entries


def _check_extractor(manifest: dict) -> None:
    from litkg.extract.version import extractor_version

    here = extractor_version(fast=bool(manifest.get("fast")))
    if manifest.get("extractor") != here:
        raise PartsMismatchError(f"the parts were extracted by extractor {manifest.get('extractor')}; "
                                 f"this litkg's is {here}")


def _skipped_log(manifest: dict) -> SkippedLog:
    log = SkippedLog()
    for row in manifest.get("skipped", []):
        log.append(SkippedRecord(row["path"], row["line"], row["reason"]))
    log.total = manifest.get("skipped_total", len(log))
    return log


@dataclass
class PartsSource:
    """A checked parts folder, ready to merge: its records in order (:meth:`papers`), the
    extractor that answers from their extractions (:attr:`extractor`), what the run skipped."""

    folder: Path
    manifest: dict
    entries: list[dict]
    extractor: "PartsExtractor"
    skipped: SkippedLog
    total: int = 0  # bytes of all parts
    done: int = 0  # bytes of the parts read so far (for progress)

    @property
    def files(self) -> int:
        return len(self.manifest["inputs"])

    @property
    def on_error(self) -> str:
        return self.manifest["options"]["on_error"]

    @property
    def records(self) -> int:
        return sum(entry["records"] for entry in self.entries)

    def position(self, paper: Paper | None = None) -> int:
        """Bytes of the parts behind the last record read (a build's progress)."""
        return self.done

    def papers(self) -> Iterator[Paper]:
        """Each record of each part, in order; its extraction is handed to :attr:`extractor`."""
        run = self.manifest["run"]
        for index, entry in enumerate(self.entries):
            path = self.folder / entry["file"]
            with open(path, "rb") as stream:
                first = stream.readline()
                header = json.loads(first)
                if header.get("part") != index or header.get("run") != run or header.get("records") != entry["records"]:
                    raise PartsMismatchError(f"{path} is a part of another run (its header: {header})")
                self.done += len(first)
                for line in stream:
                    self.done += len(line)
                    data = json.loads(line)
                    paper = paper_from_record(data["paper"])
                    self.extractor.remember(paper, extraction_from_record(data["extraction"]))
                    yield paper


def open_parts(folder: str | os.PathLike, *, batch_size: int = 256) -> PartsSource:
    """Check the parts folder of a finished run and open it for merging.

    Raises :class:`PartsError` when the folder holds no manifest, :class:`PartsIncompleteError`
    when its run has not finished, :class:`PartsMismatchError` when a part is not the one the
    manifest lists or the parts come from another extractor. ``batch_size`` is the build's: the
    extractions of the latest four batches (at least 4,096 records) are kept for lookup.
    """
    path = Path(folder)
    manifest = read_manifest(path)
    if manifest is None:
        raise PartsError(f"no litkg parts in {path} (no {MANIFEST})")
    entries = _check_complete(path, manifest)
    _check_extractor(manifest)
    extractor = PartsExtractor(manifest["extractor"], fast=bool(manifest.get("fast")),
                               window=max(4096, 4 * batch_size))
    total = sum((path / entry["file"]).stat().st_size for entry in entries)
    return PartsSource(path, manifest, entries, extractor, _skipped_log(manifest), total)


class PartsExtractor:
    """An extractor that answers from extractions read from parts, by the paper's text.

    The merge loop :meth:`remember`\\ s each record's extraction as it reads it, and the build asks
    for the papers of its batch a moment later; the latest ``window`` texts are kept. A text not
    among them (a merged duplicate's new text) is extracted by a local :class:`Extractor`, built
    the first time one is needed.
    """

    def __init__(self, version: str, *, fast: bool = False, window: int = 4096) -> None:
        self.version = version
        self.fast = fast
        self.window = window
        self.extracted_here = 0  # papers the fallback extractor had to extract
        self._known: OrderedDict[tuple[str, str], tuple[ExtractedEntity, ...]] = OrderedDict()
        self._fallback = None

    def remember(self, paper: Paper, extraction: Extraction) -> None:
        key = (paper.title or "", paper.abstract or "")
        self._known[key] = extraction.entities
        self._known.move_to_end(key)
        while len(self._known) > self.window:
            self._known.popitem(last=False)

    def _local(self):
        if self._fallback is None:
            from litkg.extract.pipeline import Extractor

            self._fallback = Extractor(fast=self.fast)
        return self._fallback

    def extract_many(self, papers: Iterable[Paper], batch_size: int = 64, *,
                     with_phrases: bool = False) -> Iterator[Extraction]:
        for paper in papers:
            entities = self._known.get((paper.title or "", paper.abstract or "")) if with_phrases else None
            if entities is None:  # parts hold extractions made with phrases, as a build asks
                self.extracted_here += 1
                yield next(self._local().extract_many([paper], with_phrases=with_phrases))
            else:
                yield Extraction(paper.key, entities)

    def extract(self, paper: Paper) -> Extraction:
        return next(self.extract_many([paper]))

    def close(self) -> None:
        if self._fallback is not None:
            self._fallback.close()
