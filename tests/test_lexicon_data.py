"""The extraction vocabulary is data (extract/data/lexicon.jsonl): read, saved and versioned."""
from __future__ import annotations

import json

import pytest

import litkg.extract.lexicon as lexicon
from litkg.errors import ExtractionError
from litkg.extract.pipeline import Extractor, _version, build_nlp


def _rows(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_the_python_names_are_the_data(tmp_path):
    values = lexicon.read_lexicon()
    assert lexicon.GENERIC_ACRONYMS == frozenset(values["GENERIC_ACRONYMS"])
    assert list(lexicon.HEAD_TYPES) == list(values["HEAD_TYPES"])  # the order heads are tried in
    assert lexicon.TASK_SUFFIXES == tuple(values["TASK_SUFFIXES"])
    assert lexicon.CONFIDENCES["title_prefix"] == 0.85


def test_editing_a_lexicon_changes_the_extractor_version(tmp_path):
    rows = _rows(lexicon.LEXICON_PATH)
    for row in rows:
        if row["name"] == "GENERIC_ACRONYMS":
            row["value"].append("XYZZY")
    edited = tmp_path / "lexicon.jsonl"
    edited.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    digest = lexicon.lexicon_digest(lexicon.read_lexicon(edited))
    assert digest != lexicon.LEXICON_DIGEST
    assert _version("g", None, digest) != _version("g", None)
    assert lexicon.LEXICON_DIGEST in Extractor(fast=True).version


def test_comments_do_not_change_the_digest(tmp_path):
    rows = _rows(lexicon.LEXICON_PATH)
    rows[0]["about"] = "reworded"
    edited = tmp_path / "lexicon.jsonl"
    edited.write_text("".join(json.dumps(r, indent=1).replace("\n", " ") + "\n" for r in rows), encoding="utf-8")
    assert lexicon.lexicon_digest(lexicon.read_lexicon(edited)) == lexicon.LEXICON_DIGEST


@pytest.mark.parametrize("change, message", [
    (lambda rows: rows.pop(), "no CONFIDENCES"),
    (lambda rows: rows.append({"name": "SURPRISE", "value": []}), "'SURPRISE' is not a lexicon list"),
    (lambda rows: rows[0].update(value={"AI": 1}), "'GENERIC_ACRONYMS' is not a lexicon list"),
])
def test_a_malformed_lexicon_is_refused(tmp_path, change, message):
    rows = _rows(lexicon.LEXICON_PATH)
    change(rows)
    bad = tmp_path / "lexicon.jsonl"
    bad.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    with pytest.raises(ExtractionError, match=message):
        lexicon.read_lexicon(bad)


def test_the_pipeline_saves_its_lexicon_and_refuses_another(tmp_path):
    nlp = build_nlp(use_model=False)
    nlp.to_disk(tmp_path / "nlp")
    saved = tmp_path / "nlp" / "litkg_discovery" / "lexicon.jsonl"
    assert saved.read_bytes() == lexicon.LEXICON_PATH.read_bytes()
    discovery = nlp.get_pipe("litkg_discovery")
    assert discovery.from_disk(tmp_path / "nlp" / "litkg_discovery") is discovery
    rows = _rows(saved)
    rows[0]["value"].append("XYZZY")
    saved.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    with pytest.raises(ExtractionError, match="is not the lexicon of this litkg"):
        discovery.from_disk(tmp_path / "nlp" / "litkg_discovery")
