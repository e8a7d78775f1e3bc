"""Extraction past one machine, on Dask: the inputs' records in partitions, extracted by workers.

This process reads the inputs (exactly as a local build reads them: same readers, same skipped
records, same order) and sends each partition of ``partition_size`` records to the cluster as
one task. A worker extracts the partition with the same :class:`~litkg.extract.pipeline.Extractor`
a local build uses and writes it as one part file (:mod:`litkg.parts`); only the part's manifest
entry comes back. A few partitions per worker are in flight at a time, so memory stays flat
however large the inputs are. The manifest is written after each finished part, so a run that
is interrupted and started again makes only the parts it lacks.

Workers need litkg installed (the same version: a worker whose extractor differs refuses its
task) and the parts folder at the same path as this process (a shared file system, for a
cluster of several machines).

For example (it starts a cluster, so it is not a doctest; tests/test_dask.py runs it)::

    folder = extract_to_parts(["papers.jsonl"], "papers.parts", scheduler="local")
"""
from __future__ import annotations

import os
import threading
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import Callable, Iterator, Sequence

from litkg.collection_policy import few_collections
from litkg.errors import DaskSchedulerError, DaskUnavailableError
from litkg.parts import (FORMAT, PartsError, PartsMismatchError, extraction_record, file_digest, finished_parts,
                         paper_from_record, paper_record, read_manifest, write_manifest, write_part)
from litkg.records import SkippedLog

__all__ = ["DaskUnavailableError", "DaskSchedulerError", "PARTITION", "default_parts", "dask_client",
           "extract_partition", "extract_to_parts"]

#: Records per partition (one task, one part file).
PARTITION = 1000
#: Partitions in flight per worker thread.
WINDOW = 2
#: Seconds to wait for a scheduler at an address.
CONNECT_TIMEOUT = 10




def default_parts(db: str | os.PathLike) -> Path:
    """Where a Dask build of store ``db`` writes its parts unless told: ``DB.parts`` beside it.

    >>> default_parts("ml.db").name
    'ml.db.parts'
    """
    return Path(f"{db}.parts")


def _distributed():
    try:
        import distributed
    except ImportError as exc:
        raise DaskUnavailableError(f"--dask needs dask and distributed, which are not installed ({exc})") from None
    return distributed


@contextmanager
def dask_client(scheduler: str, *, workers: int = 2) -> Iterator:
    """A ``distributed.Client``: of a new ``LocalCluster`` of ``workers`` processes (one thread
    each, on 127.0.0.1, no dashboard) when ``scheduler`` is ``"local"``, else of the running
    scheduler at that address. The local cluster stops on leaving."""
    distributed = _distributed()
    if scheduler == "local":
        import logging

        with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                                      dashboard_address=None, silence_logs=logging.ERROR) as cluster, \
                distributed.Client(cluster) as client:
            yield client
        return
    if "://" not in scheduler:
        raise DaskSchedulerError(f"--dask takes 'local' or a scheduler address such as tcp://HOST:8786, not {scheduler!r}")
    try:
        client = distributed.Client(scheduler, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as exc:
        raise DaskSchedulerError(f"cannot reach a Dask scheduler at {scheduler}: {exc}") from None
    with client:
        yield client


# -- on a worker --------------------------------------------------------------------------------
_LOCAL = threading.local()  # each worker thread's extractors, by pipeline


def _worker_extractor(fast: bool):
    from litkg.extract.pipeline import Extractor

    extractors = _LOCAL.__dict__.setdefault("extractors", {})
    if fast not in extractors:
        extractors[fast] = Extractor(fast=fast)
    return extractors[fast]


def extract_partition(folder: str, index: int, run: str, version: str, records: list[dict],
                      fast: bool) -> tuple[int, dict]:
    """The task a worker runs: extract the papers of ``records`` (:func:`~litkg.parts.paper_record`
    dicts) as a build does, write them as part ``index`` of ``folder``, and return ``(index,
    manifest entry)``. Refuses when this worker's extractor is not ``version``."""
    import socket

    extractor = _worker_extractor(fast)
    if extractor.version != version:
        raise PartsMismatchError(f"the worker on {socket.gethostname()} runs extractor {extractor.version}, "
                                 f"this run {version}", hint="install the same litkg on every worker")
    papers = [paper_from_record(record) for record in records]
    with few_collections():  # as a local build's workers (a Dask worker's other tasks keep its own)
        extractions = extractor.extract_many(papers, with_phrases=True)
        lines = [(record, extraction_record(paper, extraction))
                 for record, paper, extraction in zip(records, papers, extractions)]
    return index, write_part(folder, index, run, lines)


# -- here -----------------------------------------------------------------------------------------
def _new_manifest(inputs: Sequence[str | os.PathLike], *, fast: bool, options: dict) -> dict:
    import hashlib
    import json

    from litkg.extract.version import extractor_version

    manifest = {
        "format": FORMAT, "extractor": extractor_version(fast=fast), "fast": fast, "options": options,
        "inputs": [{"path": str(p), "bytes": os.path.getsize(p), "sha256": file_digest(p)} for p in inputs],
    }
    identity = json.dumps(manifest, sort_keys=True).encode("utf-8")
    manifest.update(run=hashlib.sha256(identity).hexdigest()[:16], parts={}, partitions=None, records=None,
                    skipped=[], skipped_total=0)
    return manifest


def _differences(old: dict, new: dict) -> str:
    said = [what for what, key in (("the inputs or their contents", "inputs"), ("the extractor", "extractor"),
                                   ("the pipeline (--fast)", "fast"), ("the options", "options"))
            if old.get(key) != new.get(key)]
    return ", ".join(said) or "the run"


def _start(folder: Path, fresh: dict) -> dict:
    """The manifest to go on with: the folder's own, with its finished parts, when it is of the
    same run; ``fresh`` for a new or empty folder."""
    old = read_manifest(folder)
    if old is not None:
        if old.get("run") != fresh["run"]:
            raise PartsMismatchError(f"{folder} holds the parts of another run (it differs in "
                                     f"{_differences(old, fresh)})")
        old["parts"] = {str(index): entry for index, entry in sorted(finished_parts(folder, old).items())}
        return old
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise PartsError(f"{folder} exists and is not a parts folder", hint="pass --parts a new or empty folder")
    folder.mkdir(parents=True, exist_ok=True)
    write_manifest(folder, fresh)
    return fresh


def _complete(manifest: dict) -> bool:
    count = manifest["partitions"]
    return count is not None and all(str(i) in manifest["parts"] for i in range(count))


def extract_to_parts(inputs: Sequence[str | os.PathLike], folder: str | os.PathLike, *, scheduler: str = "local",
                     workers: int = 2, fast: bool = False, format: str | None = None, on_error: str = "skip",
                     encoding: str = "utf-8", partition_size: int | None = None,
                     progress: Callable | None = None) -> Path:
    """Extract the records of ``inputs`` on Dask into the parts folder ``folder``; return it.

    ``scheduler`` is ``"local"`` (a ``LocalCluster`` of ``workers`` processes) or the address of
    a running scheduler. ``format``, ``on_error`` and ``encoding`` read the inputs as
    :meth:`KnowledgeGraph.build <litkg.core.KnowledgeGraph.build>` does. A folder holding part of
    the same run is resumed (its finished parts are kept); one of another run is refused with
    :class:`~litkg.parts.PartsMismatchError`. ``progress`` is called with a
    :class:`~litkg.core.BuildProgress` after each finished part.
    """
    from litkg.build_input import _check_inputs

    _distributed()  # before any work: say at once that dask is missing
    if on_error not in ("skip", "fail"):
        raise ValueError(f"on_error must be 'skip' or 'fail', not {on_error!r}")
    _check_inputs(inputs, format, encoding)
    folder = Path(folder).resolve()  # workers may run in another folder
    options = {"format": format, "on_error": on_error, "encoding": encoding,
               "partition_size": partition_size or PARTITION}
    manifest = _start(folder, _new_manifest(inputs, fast=fast, options=options))
    if not _complete(manifest):
        with dask_client(scheduler, workers=workers) as client:
            _run(client, inputs, folder, manifest, progress)
    return folder


def _run(client, inputs: Sequence[str | os.PathLike], folder: Path, manifest: dict,
         progress: Callable | None) -> None:
    """Read the inputs, send each partition the manifest lacks, note each part as it comes back."""
    from litkg.build_input import _InputBytes, _read_all

    options = manifest["options"]
    skipped = SkippedLog()
    # As a build reads them: each file under its real path, so that its spellings are one source.
    records = _read_all(inputs, options["format"], options["on_error"], skipped, options["encoding"], {})
    where = _InputBytes([os.path.realpath(p) for p in inputs])
    limit = WINDOW * max(1, sum(client.nthreads().values())) + 1
    pending: set = set()
    count = partitions = 0
    while chunk := list(islice(records, options["partition_size"])):
        index, partitions, count = partitions, partitions + 1, count + len(chunk)
        if str(index) not in manifest["parts"]:
            pending.add(client.submit(extract_partition, str(folder), index, manifest["run"], manifest["extractor"],
                                      [paper_record(p) for p in chunk], manifest["fast"], pure=False))
        while len(pending) >= limit:
            pending = _collect(pending, folder, manifest, progress, (where.position(chunk[-1]), where.total))
    while pending:
        pending = _collect(pending, folder, manifest, progress, (where.total, where.total))
    manifest.update(partitions=partitions, records=count, skipped_total=skipped.total,
                    skipped=[{"path": s.path, "line": s.line, "reason": s.reason} for s in skipped])
    write_manifest(folder, manifest)


def _collect(pending: set, folder: Path, manifest: dict, progress: Callable | None, read: tuple[int, int]) -> set:
    """Wait for at least one pending part; note the finished ones in the manifest. Returns the
    rest."""
    from litkg.build_input import BuildProgress

    finished, rest = _distributed().wait(pending, return_when="FIRST_COMPLETED")
    for future in finished:
        index, entry = future.result()  # a worker's error is raised here
        if not (folder / entry["file"]).is_file():
            raise PartsError(f"a worker wrote {entry['file']}, but {folder} here does not have it",
                             hint="--parts must be a folder every worker and this machine share (a network file system)")
        manifest["parts"][str(index)] = entry
    write_manifest(folder, manifest)
    if progress:
        progress(BuildProgress(sum(e["records"] for e in manifest["parts"].values()), *read))
    return set(rest)
