"""Extraction: each discovery pattern family, canonicalisation rules and roles, on text we wrote."""
from __future__ import annotations

import pytest

from litkg.extract.acronyms import find_acronym_definitions
from litkg.extract.discovery import discover_abstract, discover_title, is_name_like
from litkg.extract.gazetteer import Gazetteer, GazetteerEntry
from litkg.extract.normalise import concept_norm, spelling_variants
from litkg.extract.pipeline import Extractor, build_nlp
from litkg.records import Paper, SourceRef


def paper(title: str, abstract: str) -> Paper:
    return Paper(title=title, abstract=abstract, source=SourceRef("test", 1))


def by_name(extraction):
    return {e.name: e for e in extraction.entities}


# -- normal forms ------------------------------------------------------------------------------
@pytest.mark.parametrize("a, b", [("WiLDS", "WILDS"), ("Office-Home", "OfficeHome"), ("Office Home", "office-home"),
                                  ("Transformers", "Transformer"), ("LLaMA 2", "Llama-2")])
def test_spellings_that_are_one_name_share_a_normal_form(a, b):
    assert concept_norm(a) == concept_norm(b)


@pytest.mark.parametrize("a, b", [("ImageNet", "ImageNet-R"), ("LLaMA", "LLaMA-2"), ("GPT-3", "GPT-4"), ("MMLU", "MMLU-Pro")])
def test_distinct_things_keep_distinct_normal_forms(a, b):
    assert concept_norm(a) != concept_norm(b)


def test_spelling_variants_cover_hyphen_space_joined_and_plural():
    assert {"Office-Home", "Office Home", "OfficeHome", "Office-Homes"} <= spelling_variants("Office-Home")


# -- pattern families --------------------------------------------------------------------------
def test_acronym_definitions_in_both_directions_with_offsets():
    text = ("We build on Curvature Balanced Smoothing (CBS) and on GRAVEL (Gradient Alignment "
            "Via Ensembled Layers) for transfer.")
    found = {(d.short, d.long) for d in find_acronym_definitions(text)}
    assert ("CBS", "Curvature Balanced Smoothing") in found
    assert ("GRAVEL", "Gradient Alignment Via Ensembled Layers") in found
    for d in find_acronym_definitions(text):
        assert text[d.short_start:d.short_end] == d.short
        assert text[d.long_start:d.long_end] == d.long


def test_acronym_without_matching_letters_is_not_a_definition():
    assert find_acronym_definitions("results improve markedly (see Table 3) across all settings") == []


def test_title_prefix_names_a_proposal_and_reads_its_type():
    (cand,) = discover_title("QUILLBENCH: A Benchmark for Long-Context Citation Recall")
    assert (cand.text, cand.type, cand.proposes) == ("QUILLBENCH", "benchmark", True)


@pytest.mark.parametrize("title", ["Towards Robust Models: A Study", "Domain Generalization: A Survey",
                                   "How Far Can We Go with Data: Lessons from Scaling"])
def test_title_prefix_ignores_sentences_and_generic_phrases(title):
    assert discover_title(title) == []


def test_propose_pattern_finds_the_name_after_the_verb():
    text = "In this paper, we propose a novel calibration approach SPINDLE to correct overconfident ensembles."
    cands = [c for c in discover_abstract(text) if c.pattern == "propose"]
    assert [c.text for c in cands] == ["SPINDLE"] and cands[0].proposes


def test_called_and_appositive_patterns():
    text = ("We design a regulariser called FrostBite that damps sharp directions. "
            "GlimmerNet, a new architecture for sparse inputs, is also studied.")
    found = discover_abstract(text)
    frost = {c.pattern: c for c in found if c.text == "FrostBite"}
    assert frost["called"].proposes and frost["called"].type == "method"
    (glimmer,) = [c for c in found if c.text == "GlimmerNet" and c.pattern == "appositive"]
    assert glimmer.type == "method" and glimmer.proposes


def test_dataset_head_and_coordinated_names():
    text = "We report accuracy on the Marigold and Tansy benchmarks and on the Lupin-2 dataset."
    data = {c.text: c.type for c in discover_abstract(text) if c.pattern == "data_head"}
    assert data == {"Marigold": "benchmark", "Tansy": "benchmark", "Lupin-2": "dataset"}


def test_shape_patterns_type_benchmarks_and_datasets():
    text = "Scores on HarborBench and on Sextant-Eval improve, while Lantern-10K stays hard."
    shapes = {c.text: c.type for c in discover_abstract(text) if c.pattern == "shape"}
    assert shapes == {"HarborBench": "benchmark", "Sextant-Eval": "benchmark", "Lantern-10K": "dataset"}


@pytest.mark.parametrize("token, expected", [("VL2V-ADiP", True), ("iHVP", True), ("O3", True), ("OOD", False),
                                             ("LLMs", False), ("CLIP-based", False), ("Out-of-Distribution", False),
                                             ("3D", False), ("github.com/x/ReFT", False)])
def test_name_like_shapes(token, expected):
    assert is_name_like(token) is expected


# -- whole pipeline ----------------------------------------------------------------------------
def test_gazetteer_folds_case_hyphen_space_and_long_forms(extractor):
    result = extractor.extract(paper(
        "Robust fine-tuning under shift",
        "We evaluate on the GWHD 2021 dataset, part of the WiLDS benchmark, and on Office Home. "
        "Our baselines use Low-Rank Adaptation on a ViT-B/16 backbone.",
    ))
    names = by_name(result)
    assert {"WILDS", "Office-Home", "LoRA"} <= names.keys()
    (gwhd,) = [e for e in result.entities if any(m.text.startswith("GWHD 2021") for m in e.mentions)]
    assert gwhd.type == "dataset" and "wilds" in gwhd.part_of
    wilds = names["WILDS"]
    assert wilds.mentions[0].text.startswith("WiLDS") and wilds.role == "evaluates_on"


def test_mention_offsets_point_into_their_field(extractor):
    p = paper("LANTERN: Light Adapters for Transfer", "We propose LANTERN, a method built on CLIP. "
              "LANTERN outperforms WiSE-FT on ImageNet-R.")
    for entity in extractor.extract(p).entities:
        for m in entity.mentions:
            assert getattr(p, m.field)[m.start:m.end] == m.text
            assert m.text in m.sentence


def test_roles_proposes_evaluates_on_compares_with_uses(extractor):
    result = by_name(extractor.extract(paper(
        "HALYARD: Stable Preference Optimisation",
        "We introduce HALYARD, a new alignment method. We start from a LLaMA-2 checkpoint. "
        "HALYARD outperforms DPO and PPO. Experiments on GSM8K and MMLU confirm the gains.",
    )))
    assert result["HALYARD"].role == "proposes"
    assert result["DPO"].role == "compares_with"
    assert result["GSM8K"].role == "evaluates_on" and result["GSM8K"].type in ("dataset", "benchmark")
    assert result["LLaMA-2"].role == "uses" and result["LLaMA-2"].type == "model"


def test_distinct_things_stay_distinct_in_one_paper(extractor):
    names = by_name(extractor.extract(paper(
        "Robustness of ImageNet models",
        "Models trained on ImageNet are tested on ImageNet-R and ImageNet-Sketch; LLaMA and LLaMA-2 are compared.",
    )))
    assert {"ImageNet", "ImageNet-R", "LLaMA", "LLaMA-2"} <= names.keys()
    assert names["ImageNet-R"].variant_of == ("imagenet",)


def test_ambiguous_sam_is_resolved_by_context():
    gaz = Gazetteer([
        GazetteerEntry("sam-optimizer", "SAM", "method", ("Sharpness-Aware Minimization",),
                       case_sensitive=True, context=("sharpness", "minima", "flat")),
        GazetteerEntry("segment-anything", "SAM", "model", ("Segment Anything Model",),
                       case_sensitive=True, context=("segmentation", "mask", "prompt")),
    ])
    ex = Extractor(build_nlp(gaz))
    opt = by_name(ex.extract(paper("Flat minima", "We train with SAM to reach flat minima of sharpness.")))
    seg = by_name(ex.extract(paper("Masks", "We prompt SAM to produce a segmentation mask.")))
    assert opt["SAM"].key == "sam-optimizer" and opt["SAM"].type == "method"
    assert seg["SAM"].key == "segment-anything" and seg["SAM"].type == "model"


def test_names_that_are_words_do_not_match_in_lower_case(extractor):
    names = by_name(extractor.extract(paper(
        "Video understanding", "We clip each video and scan frames before feeding them to CLIP.")))
    assert "CLIP" in names
    assert [m.text for m in names["CLIP"].mentions] == ["CLIP"]


def test_acronym_and_long_form_are_one_concept_within_a_paper(extractor):
    names = by_name(extractor.extract(paper(
        "Calibrated transfer",
        "We propose Tempered Ensemble Distillation (TED) for transfer. TED improves calibration.",
    )))
    ted = names["TED"]
    assert ted.role == "proposes"
    assert "Tempered Ensemble Distillation" in ted.aliases
    assert len([m for m in ted.mentions if m.text == "TED"]) == 2


def test_generic_acronyms_are_not_concepts(extractor):
    names = by_name(extractor.extract(paper(
        "Generalization of large language models",
        "Large language models (LLMs) struggle out-of-distribution (OOD). Vision-Language Models (VLMs) too.",
    )))
    assert not ({"LLMs", "OOD", "VLMs", "LLM", "VLM"} & names.keys())


def test_empty_and_missing_text_give_no_entities(extractor):
    assert extractor.extract(paper("x", "")).entities == ()  # a title without an abstract
    assert extractor.extract(paper("", "")).entities == ()  # no text at all
    assert extractor.extract(paper("   ", "\n\t ")).entities == ()  # only white space
    assert extractor.extract(Paper(title="x", source=SourceRef("test", 1))).entities == ()  # abstract left out
    assert [e.entities for e in extractor.extract_many([paper("", ""), paper("x", "")])] == [(), ()]


def test_eval_list_after_an_evaluation_cue():
    text = "Experiments on Halcyon, Brindle-3 and Quoin show consistent gains. We sat on Monday."
    listed = [c.text for c in discover_abstract(text) if c.pattern == "eval_list"]
    assert listed == ["Halcyon", "Brindle-3", "Quoin"]


def test_slash_series_names_each_member(extractor):
    names = by_name(extractor.extract(paper("Small images", "Results on CIFAR-10/100 improve.")))
    assert {"CIFAR-10", "CIFAR-100"} <= names.keys()
    assert [m.text for m in names["CIFAR-100"].mentions] == ["100"]


def test_new_names_built_on_known_ones_are_their_own_concepts(extractor):
    names = by_name(extractor.extract(paper(
        "Encoders", "We compare Mirror-BERT with BERT-based baselines and release Phi-3.5-V adapters.")))
    assert names["Mirror-BERT"].variant_of == ("bert",) and names["Mirror-BERT"].type == "model"
    assert "Phi-3.5-V" in names
    assert names["BERT"].mentions[0].text == "BERT"  # "BERT-based" is a modifier, not a new name


def test_model_size_and_dataset_citation_are_part_of_the_mention(extractor):
    names = by_name(extractor.extract(paper(
        "Scaling", "We fine-tune LLaMA-2 70B and report BLEU on WMT'14 English-French translation.")))
    assert names["LLaMA-2"].mentions[0].text == "LLaMA-2 70B"
    (wmt,) = [e for e in names.values() if e.name.startswith("WMT")]
    assert wmt.mentions[0].text == "WMT'14 English-French translation"


def test_a_papers_own_acronym_definition_beats_the_gazetteer(extractor):
    names = by_name(extractor.extract(paper(
        "Positions", "We study Absolute Position Embedding (APE) in small models; APE degrades.")))
    ape = names["APE"]
    assert ape.origin != "gazetteer" and "Absolute Position Embedding" in ape.aliases


def test_capitalised_words_inside_title_case_phrases_are_not_word_names(extractor):
    names = by_name(extractor.extract(paper(
        "Embeddings", "We introduce the Massive Multimodal Embedding Benchmark (MMEB) for retrieval.")))
    assert "MASSIVE" not in names and "MMEB" in names


def test_example_lists_after_a_dataset_head():
    text = "We extend reasoning benchmarks such as Lodestar and Gimbal, and tasks such as Slice Finding."
    listed = {c.text: c.type for c in discover_abstract(text) if c.pattern == "eval_list"}
    assert listed == {"Lodestar": "benchmark", "Gimbal": "benchmark"}  # "tasks such as" lists tasks


def test_proposal_whose_subject_opens_the_sentence():
    text = "We analyse the spectrum of waveforms and introduce Quenchify to remove noise."
    assert [c.text for c in discover_abstract(text) if c.pattern == "propose" and c.proposes] == ["Quenchify"]


def test_undefined_acronym_counts_as_a_name_only_when_repeated(extractor):
    once = by_name(extractor.extract(paper("x", "We use a XOR probe. Results hold.")))
    thrice = by_name(extractor.extract(paper("x", "Our score, QRSV, ranks policies. QRSV is cheap. QRSV helps.")))
    assert "XOR" not in once
    assert thrice["QRSV"].role == "proposes"  # "our score, QRSV"


@pytest.mark.parametrize("text, name", [
    ("We refer to this collection as Tanager and release it.", "Tanager"),
    ("We call these models Lumen Encoders from now on.", "Lumen Encoders"),
    ("We propose a simple extension to the PPO algorithm, RK-PPO, resulting in stabler training.", "RK-PPO"),
    ("Best results come from Corvid-7B, our model distilled from a larger one.", "Corvid-7B"),
    ("Our contributions are twofold: (1) MHB (Multilingual Hate Benchmark), a test set.", "MHB"),
])
def test_further_proposal_phrasings(extractor, text, name):
    names = by_name(extractor.extract(paper("x", text)))
    assert names[name].role == "proposes"


def test_a_known_name_proposed_with_a_head_noun_is_the_papers_own(extractor):
    result = extractor.extract(paper("Unlearning", "To do so, we propose the O3 framework for unlearning."))
    (o3,) = [e for e in result.entities if any(m.text == "O3" for m in e.mentions)]
    assert o3.role == "proposes"


def test_a_known_name_after_a_proposal_verb_is_not_proposed(extractor):
    names = by_name(extractor.extract(paper("x", "We also present experiments with a small model -- TinyLlama.")))
    assert names["TinyLlama"].role != "proposes"


def test_a_name_ending_in_a_capital_before_a_full_stop_is_found(extractor):
    names = by_name(extractor.extract(paper("x", "We evaluate on ImageNet-R. Then on COCO.")))
    assert "ImageNet-R" in names and "ImageNet" not in names


# One trigger finder: the pipeline's lexeme flags and text_hints find the same trigger words.
_TRIGGER_TEXTS = [
    "We propose LEVI, a method evaluated on ImageNet-R and across the WILDS benchmarks.",
    "This paper introduces the Kestrel-3D dataset. We put forward ReFT-2 and built a new corpus.",
    "Results on the Trust Region Aware Minimization suite and the Camelyon17 challenge datasets.",
    "In this work, we present VL2V-ADiP; the proposed2 model is tested on-device on CIFAR-10/100.",
    "Proposed methods (introduced earlier) rely on data sets, a DB and corpora developed by others.",
]


@pytest.mark.parametrize("text", _TRIGGER_TEXTS)
def test_doc_hints_and_text_hints_agree(text):
    from litkg.extract.components import DiscoveryComponent
    from litkg.extract.discovery import _nameish_tokens, text_hints
    from litkg.extract.doc_fields import DocFields, attach

    nlp = build_nlp(use_model=False)
    fields = DocFields.of_paper("", text, phrases=True)
    doc = nlp.make_doc(fields.text)
    attach(doc, fields)
    from_doc = DiscoveryComponent(nlp).hints(doc)["abstract"]
    from_text = text_hints(text)
    assert from_doc.propose == from_text.propose
    assert from_doc.data_heads == from_text.data_heads
    assert from_doc.preps == from_text.preps
    assert from_doc.titled == from_text.titled
    # Name-shaped tokens are found per spaCy token or per regex match: the same once widened
    # to whole tokens, which is what the patterns read.
    assert list(_nameish_tokens(text, from_doc.nameish)) == list(_nameish_tokens(text, from_text.nameish))


def test_the_trigger_texts_hold_every_kind_of_trigger():
    from litkg.extract.discovery import text_hints

    hints = [text_hints(text) for text in _TRIGGER_TEXTS]
    for kind in ("nameish", "propose", "data_heads", "preps", "titled"):
        assert any(getattr(h, kind) for h in hints), kind
