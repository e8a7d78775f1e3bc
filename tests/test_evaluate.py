"""litkg eval: the scorer's matching rules on gold we wrote, and agreement with shared/eval/score.py."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from litkg.cli import cli
from litkg.errors import InputError
from litkg.evaluate import parse_gold_types, score_extractions

from conftest import REPO, SHARED, sample_files

GOLD = [
    {"id": "p1", "title": "One", "entities": [
        {"name": "WILDS", "type": "benchmark", "role": "used", "mentions": ["WiLDS"]},
        {"name": "Trust Region Aware Minimization (TRAM)", "type": "method", "role": "proposed", "mentions": ["TRAM"]},
        {"name": "CLIP", "type": "model", "role": "used", "mentions": ["CLIP"]},
    ]},
    {"id": "p2", "title": "Two", "entities": [{"name": "ImageNet", "type": "dataset", "role": "used", "mentions": []}]},
]
PRED = [
    {"id": "p1", "title": "One", "entities": [
        {"name": "WILDS", "type": "dataset", "role": "evaluates_on", "mentions": [{"text": "Wilds"}]},
        {"name": "Trust Region Aware Minimization", "type": "method", "role": "proposes", "mentions": []},
        {"name": "CLIP", "type": "method", "role": "uses", "mentions": ["CLIP"]},
        {"name": "OOD", "type": "method", "role": "uses", "mentions": []},
    ]},
    {"title": "two", "entities": [{"name": "ImageNets", "type": "benchmark", "role": "uses"}]},
]


def test_scores_follow_the_matching_rules():
    report = score_extractions(GOLD, PRED)
    # data: WILDS (type group data on both sides) and ImageNet (paired by title, plural folded).
    assert (report.scores["data"].gold, report.scores["data"].pred, report.scores["data"].recall) == (2, 2, 1.0)
    # CLIP predicted as a method: wrong group, so the model group misses it and method has a spurious.
    assert report.scores["model"].recall == 0.0
    assert report.scores["method"].gold == 1 and report.scores["method"].pred == 3
    assert report.scores["method"].precision == pytest.approx(1 / 3, abs=1e-4)
    # any: types ignored: 4 gold all matched; 5 predicted, OOD spurious.
    assert (report.scores["any"].recall, report.scores["any"].precision) == (1.0, 0.8)
    assert report.role_accuracy == 1.0  # proposes folds to proposed, evaluates_on/uses to used
    assert report.top_spurious == (("OOD", 1),)
    assert report.papers_missing == 0


def test_unmatched_paper_counts_as_missing():
    report = score_extractions(GOLD, PRED[:1])
    assert report.papers_missing == 1 and report.scores["data"].recall == 0.5


def test_span_gold_and_salient_mentions():
    gold = [{"id": "s", "title": "S", "abstract": "x", "entities": [
        {"text": "SQuAD dataset", "type": "dataset", "start": 0, "end": 13, "salient_entities": ["SQuAD1.1"]},
        {"text": "SQuAD", "type": "dataset", "start": 20, "end": 25, "salient_entities": ["SQuAD1.1"]},
        {"text": "MNIST", "type": "dataset", "start": 30, "end": 35},
        {"text": "BERT", "type": "method", "start": 40, "end": 44},
    ]}]
    pred = [{"id": "s", "entities": [{"name": "SQuAD", "type": "dataset", "role": "uses", "mentions": []}]}]
    plain = score_extractions(gold, pred, groups=parse_gold_types("dataset=data"))
    # Every distinct normalised text is one gold entity: "SQuAD dataset", "SQuAD", "MNIST"; BERT is
    # not counted (method is not among the chosen gold types).
    assert plain.scores["data"].gold == 3 and plain.scores["data"].recall == pytest.approx(1 / 3, abs=1e-4)
    salient = score_extractions(gold, pred, groups=parse_gold_types("dataset=data"), salient=True)
    assert salient.scores["data"].gold == 1 and salient.scores["data"].recall == 1.0


def test_bad_gold_types_are_clear_errors():
    with pytest.raises(InputError, match="not TYPE=GROUP"):
        parse_gold_types("dataset")
    with pytest.raises(InputError, match="not one of"):
        parse_gold_types("dataset=things")


@pytest.mark.corpus
def test_eval_command_extracts_the_gold_texts_and_matches_the_project_scorer(runner, tmp_path):
    gold = SHARED / "eval" / "seeds_dev.jsonl"
    ours = runner.invoke(cli, ["eval", "--gold", str(gold), "--json"])
    assert ours.exit_code == 0, ours.output
    report = json.loads(ours.output)
    pred = tmp_path / "pred.jsonl"
    assert runner.invoke(cli, ["extract", str(gold), "--out", str(pred)]).exit_code == 0
    theirs = json.loads(subprocess.run(
        [sys.executable, str(SHARED / "eval" / "score.py"), "--gold", str(gold), "--pred", str(pred), "--json"],
        capture_output=True, text=True, check=True).stdout)
    for key in ("papers", "papers_missing_in_pred", "data", "method", "model", "any", "role_accuracy"):
        assert report[key] == theirs[key], key
    assert report["any"]["f1"] >= 0.85  # the extraction issue's target on the dev slice


def test_eval_command_table_and_errors(runner, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(g) for g in GOLD) + "\n", encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    pred.write_text("\n".join(json.dumps(p) for p in PRED) + "\n", encoding="utf-8")
    table = runner.invoke(cli, ["eval", "--gold", str(gold), "--pred", str(pred)])
    assert table.exit_code == 0 and "any     gold     4 pred     5  P 0.800  R 1.000" in table.output
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": 1}\n{nope\n', encoding="utf-8")
    result = runner.invoke(cli, ["eval", "--gold", str(broken), "--pred", str(pred)])
    assert result.exit_code == 1 and f"{broken}:2: invalid JSON" in result.output


# -- the shipped sample's gold (issue #13): evaluation a newcomer can run -------------------------

SAMPLE_GOLD = REPO / "litkg" / "sample" / "gold.jsonl"


def test_the_sample_gold_covers_every_sample_paper_with_mentions_from_its_text():
    from litkg.identity import normalise_title
    from litkg.readers import read_papers

    rows = [json.loads(line) for line in SAMPLE_GOLD.read_text(encoding="utf-8").splitlines()]
    sample = {normalise_title(p.title) for path in sample_files() for p in read_papers(path)}
    gold = {normalise_title(p.title) for p in read_papers(SAMPLE_GOLD)}
    assert len(rows) == 31 and gold == sample  # one gold row per distinct sample paper
    for row in rows:
        text = row["title"] + "\n" + row["abstract"]
        assert row["entities"] and {"id", "title", "abstract", "entities"} <= row.keys()
        for entity in row["entities"]:
            assert entity["type"] in ("dataset", "benchmark", "model", "method")
            assert entity["role"] in ("proposed", "used")
            assert entity["mentions"] and all(m in text for m in entity["mentions"]), (row["id"], entity)
    assert sum(e["role"] == "proposed" for r in rows for e in r["entities"]) == 27  # ANSWERS.md: 27 invented names


def test_litkg_eval_runs_on_the_sample_gold_as_the_readme_shows(runner):
    assert "litkg eval --gold litkg/sample/gold.jsonl" in (REPO / "README.md").read_text(encoding="utf-8")
    result = runner.invoke(cli, ["eval", "--gold", str(SAMPLE_GOLD), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["papers"] == 31 and report["papers_missing_in_pred"] == 0
    assert report["any"]["gold"] == 289 and report["any"]["f1"] >= 0.9 and report["role_accuracy"] >= 0.95
    table = runner.invoke(cli, ["eval", "--gold", str(SAMPLE_GOLD)])
    assert table.exit_code == 0 and table.output.startswith("papers 31 (missing in predictions: 0)")


def test_bench_extract_says_loudly_when_it_falls_back_to_the_sample(tmp_path):
    result = subprocess.run([sys.executable, str(REPO / "bench" / "bench_extract.py"), "--papers", "40", "--rounds", "1",
                             "--json"], capture_output=True, text=True, timeout=600,
                            env={**os.environ, "LITKG_SHARED": str(tmp_path / "absent")})
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith("WARNING: no seed pages or eval abstracts in ")
    assert "NOT\ncomparable with the README's figures" in result.stderr
    data = json.loads(result.stdout)
    assert data["sample_fallback"] is True and data["comparable_with_readme"] is False
    assert not any(path.endswith("gold.jsonl") for path in data["inputs"])


# -- hostile gold and prediction files (#14): one clear line naming file and line, no traceback ----

_ENTITY = {"name": "WILDS", "type": "benchmark", "role": "used", "mentions": ["WILDS"]}
HOSTILE_GOLD = {
    "empty file": (b"", "holds no JSON rows"),
    "blank lines only": (b"\n  \n", "holds no JSON rows"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", " is a binary file"),
    "not UTF-8": (b'{"title": "caf\xe9"}\n', ":1: not UTF-8 text"),
    "bad JSON": (b'{"id": "p1"}\n{"id": \n', ":2: invalid JSON"),
    "an array per line": (b"[1, 2]\n", ":1: expected a JSON object per line"),
    "4,301-digit number": (b'{"id": "p1", "n": ' + b"9" * 4301 + b"}\n", ":1: invalid JSON"),
    "deep nesting": (b'{"id": "p1", "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n", ":1: nested more than 32"),
    "entities not a list": (b'{"id": "p1", "entities": "WILDS"}\n', "'entities' is a str, not a list"),
    "entity not an object": (b'{"id": "p1", "entities": [1]}\n', "entity 1 is a int, not an object"),
    "entity without a name": (b'{"id": "p1", "entities": [{"type": "dataset"}]}\n', "entity 1 has no 'name'"),
    "name of a wrong type": (json.dumps({"id": "p1", "entities": [{**_ENTITY, "name": {"a": 1}}]}).encode(),
                             "entity 1: 'name' is a dict, not a string"),
    "mentions not a list": (json.dumps({"id": "p1", "entities": [{**_ENTITY, "mentions": 5}]}).encode(),
                            "'mentions' is a int, not a list"),
    "mention of a wrong type": (json.dumps({"id": "p1", "entities": [{**_ENTITY, "mentions": [[1]]}]}).encode(),
                                "each of 'mentions' must be a string"),
    "salient names not a list": (json.dumps({"id": "p1", "entities": [
        {"text": "WILDS", "type": "dataset", "start": 0, "end": 5, "salient_entities": 7}]}).encode(),
        "'salient_entities' is a int, not a list"),
    "title a number": (b'{"id": "p1", "title": 1e400, "entities": []}\n', "'title' is a float, not a string"),
    "id a list": (b'{"id": [1], "entities": []}\n', "'id' is a list, not a string"),
    "type a list": (json.dumps({"id": "p1", "entities": [{**_ENTITY, "type": ["dataset"]}]}).encode(),
                    "'type' is a list, not a string"),
}


@pytest.mark.parametrize("side", ["gold", "pred"])
@pytest.mark.parametrize("case", sorted(HOSTILE_GOLD))
def test_hostile_gold_or_pred_file_is_one_line_error(runner, tmp_path, case, side):
    content, message = HOSTILE_GOLD[case]
    hostile = tmp_path / "hostile.jsonl"
    hostile.write_bytes(content)
    good = tmp_path / "good.jsonl"
    good.write_text("\n".join(json.dumps(g) for g in GOLD) + "\n", encoding="utf-8")
    gold, pred = (hostile, good) if side == "gold" else (good, hostile)
    result = runner.invoke(cli, ["eval", "--gold", str(gold), "--pred", str(pred)])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    assert result.output.startswith(f"Error: {hostile}") and result.output.count("\n") == 1
    assert message in result.output


def test_hostile_gold_stops_before_any_extraction(runner, tmp_path):
    hostile = tmp_path / "gold.jsonl"
    hostile.write_bytes(b'{"title": "A", "abstract": "We use WILDS.", "entities": [1]}\n')
    result = runner.invoke(cli, ["eval", "--gold", str(hostile), "--fast"])
    assert result.exit_code == 1 and "entity 1 is a int, not an object" in result.output
