"""The learned span model, its training command, precision rules and the matcher cache (#9), on
text we wrote."""
from __future__ import annotations

import json

import numpy
import pytest

from litkg.errors import ModelError
from litkg.extract.pipeline import Extractor, build_nlp
from litkg.extract.spanmodel import CLASSES, SpanModel, default_model_path, find_candidates
from litkg.extract import train
from litkg.records import Paper, SourceRef


def paper(title: str, abstract: str) -> Paper:
    return Paper(title=title, abstract=abstract, source=SourceRef("test", 1))


def names(extraction) -> dict:
    return {e.name: e for e in extraction.entities}


@pytest.fixture(scope="module")
def default_extractor():
    return Extractor()


@pytest.fixture(scope="module")
def fast_extractor():
    return Extractor(fast=True)


# -- candidates ---------------------------------------------------------------------------------
def candidate_texts(text: str) -> set[str]:
    return {text[c.start:c.end] for c in find_candidates(text)}


def test_candidates_cover_name_runs_numbers_and_words_before_a_dataset_noun():
    text = "We test on the tidepool dataset, PASCAL VOC 2012 and Kestrel-3D with ResNet-50."
    found = candidate_texts(text)
    assert {"tidepool", "PASCAL VOC 2012", "PASCAL VOC", "VOC 2012", "Kestrel-3D", "ResNet-50"} <= found
    assert "We" not in found and "test" not in found  # a sentence start and plain words


def test_candidates_split_a_modifier_from_the_name_and_skip_letters_and_references():
    text = "An ImageNet-pretrained encoder, see Table 3 and variable X, beats OrbitNet-based ones."
    found = candidate_texts(text)
    assert "ImageNet" in found and "ImageNet-pretrained" not in found
    assert "OrbitNet" in found
    assert not {"Table", "Table 3", "X"} & found


# -- the model: persistence and version ------------------------------------------------------------
def test_shipped_model_round_trips_through_disk(tmp_path):
    model = SpanModel.from_disk(default_model_path())
    model.to_disk(tmp_path / "m")
    again = SpanModel.from_disk(tmp_path / "m")
    assert again.digest == model.digest
    assert again.thresholds == model.thresholds
    features = ["bias", "n1=dataset", "p1=on", "shape=X-d"]
    assert numpy.allclose(again.scores(features), model.scores(features), atol=1e-6)


def test_damaged_or_foreign_model_files_are_a_model_error(tmp_path):
    model = SpanModel.from_disk(default_model_path())
    model.to_disk(tmp_path / "m")
    (tmp_path / "m" / "weights.npy").write_bytes(b"not numpy")
    with pytest.raises(ModelError, match="cannot load"):
        SpanModel.from_disk(tmp_path / "m")
    model.to_disk(tmp_path / "n")
    config = json.loads((tmp_path / "n" / "model.json").read_text())
    config["classes"] = ["none", "data"]
    (tmp_path / "n" / "model.json").write_text(json.dumps(config))
    with pytest.raises(ModelError, match="classes"):
        SpanModel.from_disk(tmp_path / "n")
    with pytest.raises(ModelError):
        SpanModel({"bias": 0}, numpy.zeros((2, len(CLASSES))))


def test_extractor_version_names_the_model_and_fast_names_the_rules(default_extractor, fast_extractor):
    model = default_extractor.nlp.get_pipe("litkg_spanmodel").model
    assert default_extractor.version.endswith(":" + model.digest)
    assert fast_extractor.version.endswith(":rules")
    assert "litkg_spanmodel" not in fast_extractor.nlp.pipe_names
    changed = SpanModel(model.vocabulary, model.weights * 0.5, model.thresholds)
    assert changed.digest != model.digest  # a retrained model re-extracts stored papers


# -- training ------------------------------------------------------------------------------------------
def _tiny_scirex(path):
    rows = []
    names = ["Quokka", "Wombat-7", "Pelican", "TERN", "Osprey-2k", "Heron", "Kiwi-X", "Puffin"]
    methods = ["GlideNet", "SwiftRank", "DeltaFormer", "HaloGAN"]
    for i, name in enumerate(names):
        method = methods[i % len(methods)]
        text = (f"Our approach improves accuracy. We evaluate {method} on the {name} dataset "
                f"and report results. {method} outperforms prior work on {name}.")
        ents = []
        for word, kind in ((name, "dataset"), (method, "method"), ("accuracy", "metric")):
            start = text.find(word)
            while start >= 0:
                ents.append({"text": word, "type": kind, "start": start, "end": start + len(word)})
                start = text.find(word, start + len(word))
        rows.append({"id": f"t{i}", "title": "", "abstract": text, "entities": ents})
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))


def test_training_command_is_deterministic_and_learns_the_contexts(tmp_path):
    data = tmp_path / "tiny.jsonl"
    _tiny_scirex(data)
    for out in ("a", "b"):
        assert train.main(["--scirex", str(data), "--out", str(tmp_path / out), "--seed", "3"]) == 0
    a, b = SpanModel.from_disk(tmp_path / "a"), SpanModel.from_disk(tmp_path / "b")
    assert a.digest == b.digest
    text = "We evaluate BoltNet on the Gannet dataset and report results."
    found = {text[s:e]: label for s, e, label, _ in a.predict(text, "abstract")}
    assert found.get("Gannet") == "data"
    assert found.get("BoltNet") == "method"
    assert "We" not in found


def test_training_on_a_fraction_uses_fewer_examples(tmp_path):
    data = tmp_path / "tiny.jsonl"
    _tiny_scirex(data)
    examples = list(train.scirex_examples(data))
    half = train.train_model(examples, fraction=0.5, seed=1)
    full = train.train_model(examples, seed=1)
    assert half.meta["examples"] == len(examples) // 2 < full.meta["examples"] == len(examples)


def test_gold_spans_lose_articles_and_head_nouns():
    text = "the Kestrel-3D dataset"
    assert train._trim(text, 0, len(text)) == (4, 14)


# -- the model in the pipeline --------------------------------------------------------------------------
def test_model_adds_used_names_the_rules_miss(default_extractor, fast_extractor):
    record = paper("", "We compare against VireoNet and GlintRank on the Tarnwick benchmark.")
    fast = names(fast_extractor.extract(record))
    full = names(default_extractor.extract(record))
    assert {"VireoNet", "GlintRank"} <= set(full) and not {"VireoNet", "GlintRank"} & set(fast)
    assert full["VireoNet"].role == "compares_with"
    assert "Tarnwick" in fast and "Tarnwick" in full  # what the rules find, they keep


def test_model_leaves_acronyms_the_paper_defines_to_the_rules(default_extractor):
    record = paper("", "We study quality diversity (QD) search. QD trade-offs matter, and QD helps.")
    assert not any(e.origin == "learned" for e in default_extractor.extract(record).entities)


# -- precision: ordinary words, boundaries ---------------------------------------------------------------
@pytest.mark.parametrize("text, wrong", [
    ("Shape bias differs across models.", "Shap-E"),
    ("Multiple choice questions are hard.", "MultiPL-E"),
    ("Many AIs now write code.", "Annealed Importance Sampling"),
])
def test_ordinary_words_do_not_match_joined_or_folded_names(fast_extractor, text, wrong):
    assert wrong not in names(fast_extractor.extract(paper("", text)))


@pytest.mark.parametrize("text, right", [
    ("We generate meshes with Shap-E.", "Shap-E"),
    ("We score code on MultiPL-E.", "MultiPL-E"),
    ("We estimate it with AIS.", "Annealed Importance Sampling"),
])
def test_the_names_themselves_still_match(fast_extractor, text, right):
    assert right in names(fast_extractor.extract(paper("", text)))


def test_a_known_name_inside_a_papers_longer_name_is_part_of_it(fast_extractor):
    found = names(fast_extractor.extract(paper(
        "Graph Transformer: Attention on Graphs",
        "We propose Graph Transformer (GT), a model for molecules. GT outperforms GCN on ZINC.")))
    assert "Transformer" not in found
    proposed = [e for e in found.values() if e.role == "proposes"]
    assert proposed and "transformer" in proposed[0].variant_of
    assert "GCN" in found and "ZINC" in found


def test_a_known_name_on_its_own_is_still_used(fast_extractor):
    found = names(fast_extractor.extract(paper("", "We propose GraphMix (GM). We compare it with the Transformer.")))
    assert "Transformer" in found


# -- the compiled matcher cache -----------------------------------------------------------------------
def _gazetteer_spans(nlp, text):
    doc = nlp(text)
    return [(s.start_char, s.end_char, s.kb_id_) for s in doc.spans["litkg_gazetteer"]]


def test_matcher_cache_is_written_reused_and_survives_damage(tmp_path, monkeypatch):
    monkeypatch.setenv("LITKG_CACHE_DIR", str(tmp_path))
    text = "We fine-tune BERT with LoRA on GLUE and ImageNet-R."
    fresh = _gazetteer_spans(build_nlp(use_model=False), text)
    files = list(tmp_path.glob("matcher-*.pickle"))
    assert len(files) == 1 and fresh
    assert _gazetteer_spans(build_nlp(use_model=False), text) == fresh  # loaded from the cache
    files[0].write_bytes(b"\x80\x04 damaged")
    assert _gazetteer_spans(build_nlp(use_model=False), text) == fresh  # compiled afresh
    assert files[0].read_bytes()[:10] != b"\x80\x04 damaged"  # and rewritten


def test_matcher_cache_can_be_turned_off(tmp_path, monkeypatch):
    monkeypatch.setenv("LITKG_CACHE_DIR", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    build_nlp(use_model=False)
    assert not list(tmp_path.rglob("matcher-*"))


def test_extraction_does_not_depend_on_the_hash_seed(tmp_path):
    import os
    import subprocess
    import sys

    from conftest import sample_files

    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"out{seed}.jsonl"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "litkg.cli", "extract", *map(str, sample_files()), "--out", str(out),
                        "--workers", "1"], check=True, env=env, capture_output=True)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] and outputs[0].count(b"\n") >= 20


def test_a_papers_own_definition_vetoes_a_known_name_of_that_spelling(fast_extractor):
    # LRM is known as the Large Reconstruction Model; here the paper says it means something else.
    found = names(fast_extractor.extract(paper("", "Large Reasoning Models (LRMs) think step by step. "
                                                   "We study how LRMs plan.")))
    assert not any(e.key == "lrm" for e in found.values())


def test_an_apposition_with_commas_types_the_name(fast_extractor):
    found = names(fast_extractor.extract(paper("", "We present KORVIX, a real-world, large-scale dataset of "
                                                   "thermal videos, and evaluate trackers on KORVIX.")))
    assert found["KORVIX"].type == "dataset" and found["KORVIX"].role == "proposes"
