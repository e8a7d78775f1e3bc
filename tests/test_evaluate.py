"""litkg eval: the scorer's matching rules on gold we wrote, and agreement with shared/eval/score.py."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from litkg.cli import cli
from litkg.errors import InputError
from litkg.evaluate import parse_gold_types, score_extractions

from conftest import SHARED

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
