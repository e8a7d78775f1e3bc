"""Extraction on Dask gives the store a local build gives; parts resume and refuse what does not
belong (#10 item 7).

A real ``distributed.LocalCluster`` of two worker processes on 127.0.0.1 runs here: one started
by ``--dask local`` itself, one by the ``scheduler`` fixture for the ``tcp://`` address tests.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from litkg.cli import cli
from litkg.core import KnowledgeGraph
from litkg.extract.pipeline import extractor_version
from litkg.parts import (FORMAT, PartsExtractor, PartsMismatchError, extraction_from_record, extraction_record,
                         open_parts, paper_from_record, paper_record)

from conftest import sample_files
from test_store_dump import dump_store

distributed = pytest.importorskip("distributed")

SAMPLE = [str(p) for p in sample_files()]


@pytest.fixture(scope="module")
def scheduler():
    """The address of a running two-worker cluster (processes, one thread each) on 127.0.0.1."""
    import logging

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None, silence_logs=logging.ERROR) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def local_dump(tmp_path_factory):
    """Every table of the sample built by a plain local build."""
    db = tmp_path_factory.mktemp("local") / "local.db"
    with KnowledgeGraph(db) as kg:
        kg.build(SAMPLE)
    return dump_store(db, {})


@pytest.fixture(scope="module")
def finished_parts(tmp_path_factory, scheduler):
    """A finished parts folder of the sample (partitions of 8 records), made on the fixture's cluster."""
    folder = tmp_path_factory.mktemp("parts") / "sample.parts"
    with KnowledgeGraph(tmp_path_factory.mktemp("unused") / "x.db", workers=2) as kg:
        kg.extract_on_dask(SAMPLE, scheduler=scheduler, parts=folder, partition_size=8)
    return folder


def _build(*args: str):
    return CliRunner().invoke(cli, ["build", *args], catch_exceptions=False)


def test_dask_local_builds_the_store_a_local_build_gives(tmp_path, local_dump, monkeypatch):
    monkeypatch.chdir(Path(SAMPLE[0]).parent)  # inputs spelled otherwise than the local build's
    names = [f"./{Path(p).name}" for p in SAMPLE]
    db = tmp_path / "dask.db"
    result = _build(*names, "--db", str(db), "--dask", "local", "--workers", "2", "--partition-size", "8")
    assert result.exit_code == 0, result.output
    assert "31 new papers, 3 merged" in result.output
    assert dump_store(db, {}) == local_dump
    manifest = json.loads((tmp_path / "dask.db.parts" / "manifest.json").read_text())
    assert manifest["partitions"] == 5 and manifest["records"] == 34 and len(manifest["parts"]) == 5
    assert [i["path"] for i in manifest["inputs"]] == names


def test_a_scheduler_address_and_from_parts_give_the_same_store(tmp_path, scheduler, local_dump):
    db = tmp_path / "tcp.db"
    result = _build(*SAMPLE, "--db", str(db), "--dask", scheduler, "--parts", str(tmp_path / "p"),
                    "--partition-size", "10", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["papers_total"] == 31
    assert dump_store(db, {}) == local_dump
    merged = tmp_path / "merged.db"
    result = _build("--from-parts", str(tmp_path / "p"), "--db", str(merged))
    assert result.exit_code == 0, result.output
    assert "Read 34 records from 3 file(s): 31 new papers, 3 merged" in result.output
    assert dump_store(merged, {}) == local_dump


def test_a_merged_text_no_record_has_is_extracted_at_the_merge(tmp_path, scheduler, monkeypatch):
    # The same DOI: the paper keeps the first title and takes the second record's longer abstract,
    # a text no worker extracted.
    short = {"title": "TRAM", "doi": "10.1/tram", "abstract": "We evaluate on WILDS."}
    longer = {"title": "TRAM: Trust Region Aware Minimization", "doi": "10.1/tram",
              "abstract": "We evaluate on WILDS and ImageNet-R, and compare with SAM and LoRA."}
    inputs = []
    for name, rows in (("a.jsonl", [short]), ("b.jsonl", [longer, {"title": "Other", "abstract": "On MNIST."}])):
        (tmp_path / name).write_text("".join(json.dumps(r) + "\n" for r in rows) + "{not json\n")
        inputs.append(str(tmp_path / name))
    with KnowledgeGraph(tmp_path / "local.db") as kg:
        expected = kg.build(inputs)
    with KnowledgeGraph(tmp_path / "dask.db") as kg:
        folder = kg.extract_on_dask(inputs, scheduler=scheduler, partition_size=1)
        source = open_parts(folder)
        papers = list(source.papers())
        assert len(list(source.extractor.extract_many(papers, with_phrases=True))) == 3
        assert source.extractor.extracted_here == 0  # the records' own texts: all in the parts
        here = []
        local = PartsExtractor._local
        monkeypatch.setattr(PartsExtractor, "_local", lambda self: here.append(1) or local(self))
        summary = kg.build_from_parts(folder)
    assert len(here) == 1 and summary.papers_merged == 1
    assert summary == expected and summary.records_skipped == 2  # the bad lines, as the run read them
    assert dump_store(tmp_path / "dask.db", {}) == dump_store(tmp_path / "local.db", {})


class _Stop(Exception):
    pass


def test_an_interrupted_run_resumes_without_redoing_finished_parts(tmp_path, scheduler, local_dump):
    folder = tmp_path / "parts"
    kg = KnowledgeGraph(tmp_path / "resumed.db")

    def stop(progress) -> None:
        raise _Stop()  # as a Ctrl-C after the first part that came back

    with pytest.raises(_Stop):
        kg.extract_on_dask(SAMPLE, scheduler=scheduler, parts=folder, partition_size=5, progress=stop)
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["partitions"] is None and 1 <= len(manifest["parts"]) < 7
    result = _build("--from-parts", str(folder), "--db", str(tmp_path / "early.db"))
    assert result.exit_code == 1
    assert "is incomplete: its run stopped before it had read all its inputs" in result.output
    assert "run the same 'litkg build INPUT… --dask …' again" in result.output
    assert not (tmp_path / "early.db").exists() or dump_store(tmp_path / "early.db", {})["tables"]["papers"]["rows"] == []
    finished = {entry["file"]: os.stat(folder / entry["file"]) for entry in manifest["parts"].values()}
    seen = []
    kg.extract_on_dask(SAMPLE, scheduler=scheduler, parts=folder, partition_size=5, progress=seen.append)
    for name, before in finished.items():  # not written again
        after = os.stat(folder / name)
        assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert 1 <= len(seen) <= 7 - len(finished) and seen[-1].records == 34  # a call per wait, for 1+ parts
    kg.build_from_parts(folder)
    kg.close()
    assert dump_store(tmp_path / "resumed.db", {}) == local_dump


def _copy(parts: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(parts, tmp_path / "copy"))


def _refused(folder: Path, tmp_path: Path) -> str:
    db = tmp_path / "refused.db"
    result = _build("--from-parts", str(folder), "--db", str(db))
    assert result.exit_code == 1, result.output
    assert not db.exists() or dump_store(db, {})["tables"]["papers"]["rows"] == []
    return result.output


def test_from_parts_refuses_a_changed_part(tmp_path, finished_parts):
    folder = _copy(finished_parts, tmp_path)
    part = folder / "part-00001.jsonl"
    part.write_text(part.read_text().replace('"confidence":0.', '"confidence":1.', 1))
    output = _refused(folder, tmp_path)
    assert f"Error: {part} does not match the manifest (changed or replaced since it was written)" in output
    assert "delete the folder (or pass another --parts)" in output


def test_from_parts_refuses_a_missing_part(tmp_path, finished_parts):
    folder = _copy(finished_parts, tmp_path)
    (folder / "part-00002.jsonl").unlink()
    assert "part-00002.jsonl is missing" in _refused(folder, tmp_path)
    manifest = json.loads((folder / "manifest.json").read_text())
    del manifest["parts"]["2"]
    (folder / "manifest.json").write_text(json.dumps(manifest))
    assert f"Error: {folder} is incomplete: 1 of 5 parts missing (2)" in _refused(folder, tmp_path)


def test_from_parts_refuses_a_part_of_another_run(tmp_path, finished_parts):
    folder = _copy(finished_parts, tmp_path)
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["run"] = "0" * 16  # the manifest of another run, these parts
    (folder / "manifest.json").write_text(json.dumps(manifest))
    assert "part-00000.jsonl is a part of another run" in _refused(folder, tmp_path)


def test_from_parts_refuses_another_extractor_and_other_folders(tmp_path, finished_parts):
    folder = _copy(finished_parts, tmp_path)
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["extractor"] = "2:old:old"
    (folder / "manifest.json").write_text(json.dumps(manifest))
    assert (f"the parts were extracted by extractor 2:old:old; this litkg's is {extractor_version()}"
            in _refused(folder, tmp_path))
    assert f"Error: no litkg parts in {tmp_path} (no manifest.json)" in _refused(tmp_path, tmp_path)
    (folder / "manifest.json").write_text('{"format": "litkg-parts/0"}')
    assert f"is not a manifest of {FORMAT}" in _refused(folder, tmp_path)


def test_a_dask_run_refuses_the_parts_of_another_run(tmp_path, finished_parts, scheduler):
    folder = _copy(finished_parts, tmp_path)
    with pytest.raises(PartsMismatchError, match="holds the parts of another run .*the options"):
        KnowledgeGraph(tmp_path / "x.db").extract_on_dask(SAMPLE, scheduler=scheduler, parts=folder, partition_size=9)
    with pytest.raises(PartsMismatchError, match="differs in the inputs or their contents"):
        KnowledgeGraph(tmp_path / "x.db").extract_on_dask(SAMPLE[:2], scheduler=scheduler, parts=folder,
                                                          partition_size=8)
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "notes.txt").write_text("mine")
    result = _build(*SAMPLE, "--db", str(tmp_path / "x.db"), "--dask", scheduler, "--parts", str(tmp_path / "busy"))
    assert result.exit_code == 1
    assert "exists and is not a parts folder (hint: pass --parts a new or empty folder)" in result.output


def test_a_finished_run_is_not_sent_again(tmp_path, finished_parts, monkeypatch):
    import litkg.distributed_build as dask_build

    def no_cluster(*args, **kwargs):
        raise AssertionError("a finished run needs no cluster")

    monkeypatch.setattr(dask_build, "dask_client", no_cluster)
    folder = _copy(finished_parts, tmp_path)
    assert KnowledgeGraph(tmp_path / "x.db").extract_on_dask(SAMPLE, parts=folder, partition_size=8) == folder


def test_without_dask_the_error_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed raises ImportError
    result = _build(*SAMPLE, "--db", str(tmp_path / "x.db"), "--dask", "local")
    assert result.exit_code == 1
    assert "Error: --dask needs dask and distributed, which are not installed" in result.output
    assert "python -m pip install 'litkg[dask]'" in result.output
    assert not (tmp_path / "x.db").exists() and not (tmp_path / "x.db.parts").exists()


def test_litkg_imports_no_dask_until_asked():
    code = "import sys, litkg.cli, litkg.core, litkg.parts; print('dask' in sys.modules or 'distributed' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "False"


def test_a_scheduler_that_is_not_there_is_one_line(tmp_path, monkeypatch):
    import socket

    import litkg.distributed_build as dask_build

    monkeypatch.setattr(dask_build, "CONNECT_TIMEOUT", 1)
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = _build(*SAMPLE, "--db", str(tmp_path / "x.db"), "--dask", f"tcp://127.0.0.1:{port}")
    assert result.exit_code == 1
    assert f"Error: cannot reach a Dask scheduler at tcp://127.0.0.1:{port}" in result.output
    assert "'dask scheduler' starts one" in result.output
    result = _build(*SAMPLE, "--db", str(tmp_path / "x.db"), "--dask", "127.0.0.1:8786")
    assert "--dask takes 'local' or a scheduler address such as tcp://HOST:8786, not '127.0.0.1:8786'" in result.output


def test_usage_needs_inputs_or_parts_not_both(tmp_path):
    for args in ([], [*SAMPLE, "--from-parts", str(tmp_path)]):
        result = _build(*args, "--db", str(tmp_path / "x.db"))
        assert result.exit_code == 2
        assert "give INPUTS, or --from-parts DIR without INPUTS" in result.output
    for args in ([*SAMPLE, "--parts", str(tmp_path)], [*SAMPLE, "--partition-size", "9"],
                 ["--from-parts", str(tmp_path), "--dask", "local"]):
        result = _build(*args, "--db", str(tmp_path / "x.db"))
        assert result.exit_code == 2
        assert "--parts and --partition-size go with --dask and INPUTS; --from-parts DIR without them" in result.output


def test_records_round_trip_through_parts(extractor):
    kg = KnowledgeGraph(extractor=extractor)
    pairs = list(kg.extract(SAMPLE))
    assert any(p.metadata for p, _ in pairs) and any(e.part_of or e.variant_of for _, x in pairs for e in x.entities)
    assert any(e.relations for _, x in pairs for e in x.entities)  # with their target concepts
    for paper, extraction in pairs:
        assert paper_from_record(json.loads(json.dumps(paper_record(paper)))) == paper
        assert dict(paper_from_record(paper_record(paper)).metadata) == dict(paper.metadata)
        line = json.loads(json.dumps(extraction_record(paper, extraction)))
        assert extraction_from_record(line) == extraction


def test_doctests_run():
    import doctest

    import litkg.distributed_build
    import litkg.parts

    for module in (litkg.parts, litkg.distributed_build):
        assert doctest.testmod(module).failed == 0
