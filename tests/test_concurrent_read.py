"""Read commands during a real build (#14, item 5 and its target): ``litkg stats``, ``query`` and
``export`` run again and again while ``litkg build`` of 20,000 generated records commits its
batches in another process. Each must succeed (never "locked") and see one point in time: whole
batches, and counts that agree with each other.

Every generated record is a new paper naming exactly three known names
(``bench/bench_memory.py``), so a snapshot of P papers has P source rows and 3·P edges, P is a
multiple of the batch size (or the whole file), and the papers using ImageNet are exactly those of
the first P records that name it. The build is ``--fast --workers 1`` (~15 s here); the three
reads run at once, in rounds, and here eleven rounds ended while it ran.
"""
from __future__ import annotations

import importlib.util
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import REPO

_spec = importlib.util.spec_from_file_location("litkg_bench_memory", REPO / "bench" / "bench_memory.py")
bench_memory = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench_memory)

RECORDS = 20_000
BATCH = 256
_NUMBER = "robust training study number "


def _litkg(*args: str) -> list[str]:
    return [sys.executable, "-m", "litkg.cli", *args]


def _read(*args: str) -> dict | list:
    return json.loads(_finish(_start(*args)))


def _start(*args: str) -> subprocess.Popen:
    return subprocess.Popen(_litkg(*args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _finish(proc: subprocess.Popen) -> str:
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0 and "locked" not in err, (proc.args, err)
    return out


def _whole_batches(papers: int) -> bool:
    return papers % BATCH == 0 or papers == RECORDS


def _check_stats(stats: dict) -> int:
    papers = stats["papers"]
    assert _whole_batches(papers), stats
    assert stats["sources"] == papers and stats["edges"] == 3 * papers, stats
    assert sum(stats["edges_by_role"].values()) == stats["edges"], stats
    assert sum(stats["concepts_by_type"].values()) == stats["concepts"], stats
    return papers


def _check_papers_using(rows: list, uses_imagenet: list[bool]) -> int:
    numbers = {int(row["paper"].rsplit(" ", 1)[1]) for row in rows}
    if not numbers:
        return 0
    seen = -(-(max(numbers) + 1) // BATCH) * BATCH  # the batches the snapshot holds
    assert numbers == {n for n in range(min(seen, RECORDS)) if uses_imagenet[n]}
    assert all("ImageNet" in row["evidence"] for row in rows)
    return len(numbers)


def _check_export(path: Path) -> int:
    graph = json.loads(path.read_text(encoding="utf-8"))
    nodes = {node["id"]: node for node in graph["nodes"]}
    papers = [n for n in nodes.values() if n.get("kind") == "paper"]
    assert _whole_batches(len(papers)) and all(p.get("title", "").startswith(_NUMBER) for p in papers)
    mentions = [e for e in graph["edges"] if e.get("kind") == "mention"]
    assert len(mentions) == 3 * len(papers)
    assert all(e["source"] in nodes and e["target"] in nodes for e in graph["edges"])
    return len(papers)


def _wait_for_store(db: Path, build: subprocess.Popen) -> None:
    """Until the build has committed its first batch (before that there is nothing to read, and
    ImageNet is not a concept yet)."""
    while build.poll() is None:
        if db.exists():
            result = subprocess.run(_litkg("stats", "--db", str(db), "--json"), capture_output=True, text=True)
            if result.returncode == 0 and json.loads(result.stdout)["papers"] > 0:
                return
        time.sleep(0.1)


@pytest.fixture(scope="module")
def records(tmp_path_factory) -> tuple[Path, list[bool]]:
    path = bench_memory.write_records(tmp_path_factory.mktemp("concurrent") / "records.jsonl", RECORDS)
    rng = random.Random(14)
    uses = ["ImageNet" in bench_memory.record(n, rng)["abstract"] for n in range(RECORDS)]
    return path, uses


def test_reads_during_a_20k_build_see_whole_batches_and_never_wait(tmp_path, records):
    source, uses_imagenet = records
    db = tmp_path / "kg.db"
    build = subprocess.Popen(_litkg("build", str(source), "--db", str(db), "--fast", "--workers", "1",
                                    "--batch-size", str(BATCH)),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env={**os.environ, "PYTHONUNBUFFERED": "1"})
    during: dict[str, list[int]] = {"stats": [], "query": [], "export": []}
    try:
        _wait_for_store(db, build)
        round_ = 0
        while build.poll() is None:  # a round: the three reads at once, each in its own process
            round_ += 1
            out = tmp_path / f"export-{round_}.json"
            reads = {"stats": _start("stats", "--db", str(db), "--json"),
                     "query": _start("query", "papers-using", "ImageNet", "--db", str(db), "--json"),
                     "export": _start("export", "--format", "json", "--out", str(out), "--db", str(db))}
            results = {kind: _finish(proc) for kind, proc in reads.items()}
            overlapped = build.poll() is None  # every read of the round ended while the build ran
            seen = {"stats": _check_stats(json.loads(results["stats"])),
                    "query": _check_papers_using(json.loads(results["query"]), uses_imagenet),
                    "export": _check_export(out)}
            out.unlink()
            if overlapped:
                for kind, papers in seen.items():
                    during[kind].append(papers)
        out, err = build.communicate(timeout=600)
    finally:
        if build.poll() is None:
            build.kill()
            build.wait()
    assert build.returncode == 0, err
    # The reads overlapped the build and saw it part-way, more than once.
    assert all(len(seen) >= 2 for seen in during.values()), during
    assert any(0 < n < RECORDS for n in during["stats"]), during
    assert _check_stats(_read("stats", "--db", str(db), "--json")) == RECORDS
