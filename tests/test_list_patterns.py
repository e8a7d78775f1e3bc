"""Names that come in lists and series (extract/list_patterns.py, extract/translation_pairs.py), on
sentences we wrote with invented names."""
from __future__ import annotations

import pytest

from litkg.extract.list_patterns import eval_list_candidates, year_series_candidates
from litkg.extract.pipeline import Extractor, build_nlp
from litkg.extract.translation_pairs import wmt_pair_candidates
from litkg.records import Paper, SourceRef


@pytest.fixture(scope="module")
def extractor():
    return Extractor(build_nlp(use_model=False))


def entities(extractor, abstract: str) -> dict[str, tuple[str, tuple[str, ...]]]:
    extraction = extractor.extract(Paper(title="A study", abstract=abstract, source=SourceRef("test", 1)))
    return {e.name: (e.type, tuple(m.text for m in e.mentions)) for e in extraction.entities}


def _heads(text: str) -> list[tuple[int, int]]:
    return [(text.index(w), text.index(w) + len(w)) for w in ("datasets", "benchmarks") if w in text]


@pytest.mark.parametrize("text, names", [
    ("Results on three face aging datasets (QUORVA Album 2, ZELT-VS and Brindle-NET) are strong.",
     ["QUORVA Album 2", "ZELT-VS", "Brindle-NET"]),
    ("We evaluated our model on two datasets Quorva 1501 and Zelt MTMC.", ["Quorva 1501", "Zelt MTMC"]),
    ("On two popular face detection benchmarks, QFDB and ZELTFACE, our detector is best.", ["QFDB", "ZELTFACE"]),
    ("We report results on public benchmarks like QuorvaFace and ZELT.", ["QuorvaFace", "ZELT"]),
])
def test_names_right_after_a_dataset_head_noun_are_datasets(text, names):
    found = eval_list_candidates(text, (), _heads(text))
    assert [c.text for c in found] == names
    assert {c.type for c in found} <= {"dataset", "benchmark"}


@pytest.mark.parametrize("text", [
    "On both datasets, Quorvanet improves accuracy.",        # a clause after the comma, not a list
    "We use three datasets (see Section 4 for Quorva).",     # a parenthesis that is no list
    "Two benchmarks Quorva and",                             # a list that never closes
])
def test_what_follows_a_head_noun_is_not_always_a_list(text):
    assert eval_list_candidates(text, (), _heads(text)) == []


def test_the_item_after_and_ends_a_list():
    text = "We evaluate on two datasets, Quorva and Zelt, Brindle outperforms all."
    assert [c.text for c in eval_list_candidates(text, (), _heads(text))] == ["Quorva", "Zelt"]


def test_a_year_series_names_each_year_and_later_years_stand_for_known_names():
    text = "Experiments on QuorvaSet 2007 and 2012 and on ZELT 2005, 2012."
    found = [(c.text, c.canonical) for c in year_series_candidates(text)]
    assert found == [("QuorvaSet 2007", None), ("2012", "QuorvaSet 2012"), ("ZELT 2005", None), ("2012", "ZELT 2012")]
    assert year_series_candidates("In 2019 and 2020 many models appeared.") == []


def test_a_year_series_of_a_known_name_gives_each_edition(extractor):
    found = entities(extractor, "Detection experiments are carried out on the PASCAL VOC 2007 and 2012 benchmarks.")
    assert found["PASCAL VOC 2007"][0] == "dataset"
    assert found["PASCAL VOC 2012"] == ("dataset", ("2012",))
    # An unknown later year stands for nothing: it is not invented as a name of its own.
    assert set(entities(extractor, "Results on QuorVA 2005, 2009 are strong.")) == {"QuorVA 2005"}


def test_the_stem_of_a_year_series_is_not_a_name_of_its_own(extractor):
    found = entities(extractor, "Our model is best on span (QuorVA 2005, 2012) and dependency (QuorVA 2008, 2009) benchmarks.")
    assert "QuorVA" not in found
    assert found["QuorVA 2005"][0] == "dataset"


@pytest.mark.parametrize("text, year, pairs", [
    ("We reach 28 BLEU on the WMT 2014 English-to-German task and 41 on the English-to-French task.",
     "WMT14", ["English-to-German", "English-to-French"]),
    ("Systems for WMT16 in both directions: English Czech and English Romanian.", "WMT16", ["English Czech", "English Romanian"]),
    ("We train on En-Cs, En-De and En-Fi using the parallel corpora from WMT’15.", "WMT15", ["En-Cs", "En-De", "En-Fi"]),
    ("The WMT 15 tasks English→German and English→Russian.", "WMT15", ["English→German", "English→Russian"]),
])
def test_language_pairs_are_mentions_of_their_wmt_edition(text, year, pairs):
    found = wmt_pair_candidates(text)
    assert [c.text for c in found] == pairs
    assert {c.canonical for c in found} == {year}


def test_language_pairs_need_an_edition():
    assert wmt_pair_candidates("We translate English-to-German news with a Transformer.") == []
    assert wmt_pair_candidates("WMT 2014 and WMT 2016 English German") [0].canonical == "WMT16"
    # Two editions, and a pair before both: which one is meant is not said.
    assert wmt_pair_candidates("English-German results, on WMT14 and on WMT16.") == []


def test_pairs_of_an_unknown_edition_make_one_dataset_linked_to_wmt(extractor):
    found = entities(extractor, "We train on En-Cs and En-De using the parallel corpora from WMT’15.")
    assert found["WMT15"] == ("dataset", ("En-Cs", "En-De"))


def test_a_database_head_types_a_definition_as_data(extractor):
    found = entities(extractor, "We test on the validation set of Quorva Affective Faces (QAF) Database.")
    assert found["QAF"][0] == "dataset"


def test_a_quoted_name_right_after_a_head_noun_is_that_dataset():
    text = "We are collecting a large-scale dataset, “QuorvaCars”, that covers many views."
    head = text.index("dataset")
    found = eval_list_candidates(text, (), [(head, head + len("dataset"))])
    assert [(c.text, c.type) for c in found] == [("QuorvaCars", "dataset")]
    assert eval_list_candidates('The dataset "Is" hard.', (), [(4, 11)]) == []
