"""The shipped gazetteer data: every file loads, ids and links hold, and the subfield files
(issue #9, item 4) keep to the project's precision policy: no ordinary English words, metrics or
task names as names or aliases unless the entry is case-sensitive."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from litkg.extract.components import GAZETTEER_SPANS
from litkg.extract.gazetteer import Gazetteer, default_gazetteer_paths
from litkg.extract.normalise import concept_norm, spelling_variants
from litkg.records import CONCEPT_TYPES

DATA = Path(__file__).resolve().parent.parent / "extract" / "data"
ORIGINAL = {"gazetteer_data.jsonl", "gazetteer_methods.jsonl", "gazetteer_models.jsonl"}
SUBFIELDS = (
    "vision", "nlp", "llm_eval", "speech", "rl", "graphs", "timeseries", "sciml",
    "remote_sensing", "medical", "tabular", "recsys", "robotics", "foundations",
)

# Common English words (a few hundred), including the words of ML prose and words that names in
# these files once collided with ("Sort", "Units", "Teach", "Largest"...). A surface form whose
# spelling variants meet one of them must be in a case-sensitive entry.
COMMON_WORDS = set("""
a about above across act action actions active actor add after again against age agent aid aim
air all allow alone along also always among an analysis and angle another answer any apply apps
are area areas arm around art as ask at atlas attention auto avenue away back bag balance ball
bank base basic be bear beat become bed been before begin being bench best bet better between
big bird black block blue board body bold book boss both box brain branch break bridge bright
brush build but by call camel can canary car care case cast cat catch cause cell center chain
chair change chaos chat check child choice church city claim class clean clear cliff climb clip
close cloud coat code cold color come common compact complex cool core corn cost could count
country course cover craft cross crowd cup cut dark data dawn day deal deep design detail dice
did differ direct do does dog door down draw dream drive drop dry each early earth ease east
echo edge effect eight either else encode end energy enough even ever every eye face fact fair
fall family far fast feature feel few field figure fill find fine fire first fish fit five fix
flag flat flight flow fly focus follow food foot for force form forward four frame free fresh
friend from front fruit full fun game gate gather general get give glass go gold good grand
graph great green ground group grow guide hand hard has have he head hear heart heat held help
her here hide high hill him his hold hole home hope horse hot hour house how hub human ice icon
idea if image impact in into is it its join jump just keep key kind king know lab lake land
language large largest last late lead leaf learn least leave left less let letter level life
light like line link list little live local long look lose loss lot love low machine main make
man many map mark mass master match matter may me mean measure meet memory mind mine miss model
moment money more most mother move much multiple music must name nature near need network never
new next night nine no node noise normal north not note nothing now number object of off offer
office often old on once one only open or order other our out over own page pair paint paper
part pass past path pattern peak people per period person pick piece pile pilot place plan
plane plant play point pole pong pool poor port pose position power press pretty prime print
probe problem process program proof pull push put quality question quick quite race rain range
rank rate reach read ready real reason record red refuge region rest result return rich ride
right ring rise river road rock room root rose round rule run safe said sail same sample save
saw say scale scene school score sea search season second see seed seem segment self sell send
sense set seven shape share she ship shop short should show side sign simple since sing sit six
size sky sleep slim small smart snow so soft solo some song soon sort sound south space spade
speak speed spin spot spring square stage stamp stand star start state stay step still stone
stop story street strong study such summer sun sure swap system table tag take talk task teach
team tell ten term test text than that the their them then there these they thing think this
those though thought three through tide tie time tiny to today together too top total touch
tower town track trade train tree trip true try turn two type under unit units until up upon us
use very view vision voice walk wall want war warm was watch water wave way we weather well went
were west what wheel when where which while white who whole why wide will wind window winter
wish with without wonder wood word work world would write year yes yet you young your zero
""".split())

# Metrics and task names are not concepts (issue #9, item 3).
METRICS_AND_TASKS = [
    "BLEU", "ROUGE", "ROUGE-L", "METEOR", "CIDEr", "F1", "F1 score", "accuracy", "precision",
    "recall", "perplexity", "mAP", "IoU", "mIoU", "AUC", "AUROC", "FID", "Inception Score", "PSNR",
    "SSIM", "LPIPS", "WER", "word error rate", "CER", "MSE", "RMSE", "Dice coefficient",
    "classification", "question answering", "object detection", "semantic segmentation",
    "image classification", "machine translation", "summarization", "language modeling",
    "named entity recognition", "sentiment analysis", "speech recognition", "time series forecasting",
    "anomaly detection", "link prediction", "node classification", "reinforcement learning",
    "neural network", "transformer", "attention", "deep learning", "machine learning",
]


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _subfield_paths() -> list[Path]:
    return sorted(p for p in DATA.glob("gazetteer_*.jsonl") if p.name not in ORIGINAL)


@pytest.fixture(scope="module")
def everything() -> Gazetteer:
    return Gazetteer.from_disk(*sorted(DATA.glob("gazetteer*.jsonl")))


@pytest.mark.parametrize("path", sorted(DATA.glob("gazetteer*.jsonl")), ids=lambda p: p.name)
def test_each_file_loads(path):
    gazetteer = Gazetteer.from_disk(path)
    assert len(gazetteer) == len(_rows(path)) > 0
    for entry in gazetteer:
        assert entry.type in CONCEPT_TYPES
        assert entry.name.strip() and entry.id.strip()


def test_shipped_paths_are_the_data_files():
    assert {p.name for p in default_gazetteer_paths()} == {p.name for p in DATA.glob("gazetteer*.jsonl")}


def test_ids_unique_across_all_files():
    ids = [row["id"] for path in sorted(DATA.glob("gazetteer*.jsonl")) for row in _rows(path)]
    duplicates = sorted({i for i in ids if ids.count(i) > 1}) if len(ids) != len(set(ids)) else []
    assert not duplicates


def test_part_of_and_variant_of_resolve(everything):
    dangling = [(e.id, ref) for e in everything for ref in (*e.part_of, *e.variant_of) if ref not in everything]
    assert not dangling
    assert not [e.id for e in everything if e.id in (*e.part_of, *e.variant_of)]


def test_total_is_at_least_six_thousand(everything):
    assert len(everything) >= 6000


@pytest.mark.parametrize("subfield", SUBFIELDS)
def test_each_subfield_file_has_entries(subfield):
    path = DATA / f"gazetteer_{subfield}.jsonl"
    assert path.exists()
    assert len(_rows(path)) >= 100


def test_subfield_files_link_into_the_graph():
    rows = [row for path in _subfield_paths() for row in _rows(path)]
    linked = [row for row in rows if row["part_of"] or row["variant_of"]]
    assert len(linked) >= 600
    assert {row["type"] for row in rows} == set(CONCEPT_TYPES)


def test_subfield_names_are_new_concepts():
    """A new file's name never repeats the normal form of a concept under another id."""
    owner: dict[str, str] = {}
    for path in sorted(DATA.glob("gazetteer*.jsonl")):
        for row in _rows(path):
            for form in (row["name"], *row["aliases"]):
                owner.setdefault(concept_norm(form), row["id"])
    clashes = [(path.name, row["name"], owner[concept_norm(row["name"])])
               for path in _subfield_paths() for row in _rows(path)
               if owner[concept_norm(row["name"])] != row["id"]]
    assert not clashes


def test_subfield_aliases_do_not_collide_with_other_concepts():
    """An alias in a subfield file names one concept only: no other id has a form with its
    normal form (the matcher would tag both)."""
    owners: dict[str, set[str]] = {}
    for path in sorted(DATA.glob("gazetteer*.jsonl")):
        for row in _rows(path):
            for form in (row["name"], *row["aliases"]):
                owners.setdefault(concept_norm(form), set()).add(row["id"])
    collisions = [(row["id"], alias, sorted(owners[concept_norm(alias)] - {row["id"]}))
                  for path in _subfield_paths() for row in _rows(path) for alias in row["aliases"]
                  if owners[concept_norm(alias)] - {row["id"]}]
    assert not collisions


def test_no_common_english_word_unless_case_sensitive():
    offenders = []
    for path in _subfield_paths():
        for row in _rows(path):
            for form in (row["name"], *row["aliases"]):
                words = {v.lower() for v in spelling_variants(form)} & COMMON_WORDS
                if words and not row["case_sensitive"]:
                    offenders.append((path.name, row["id"], form, sorted(words)))
                if form.islower() and form in COMMON_WORDS:
                    offenders.append((path.name, row["id"], form, "lower-case word"))
    assert not offenders


def test_no_aliases_that_are_ordinary_words():
    """Aliases that are words are left out altogether, case-sensitive or not."""
    offenders = [(row["id"], alias) for path in _subfield_paths() for row in _rows(path)
                 for alias in row["aliases"] if alias.lower() in COMMON_WORDS]
    assert not offenders


def test_no_metric_or_task_names():
    banned = {concept_norm(x) for x in METRICS_AND_TASKS}
    offenders = [(row["id"], form) for path in _subfield_paths() for row in _rows(path)
                 for form in (row["name"], *row["aliases"]) if concept_norm(form) in banned]
    assert not offenders


def test_short_acronyms_are_case_sensitive():
    offenders = [(row["id"], form) for path in _subfield_paths() for row in _rows(path)
                 for form in (row["name"], *row["aliases"])
                 if len(concept_norm(form)) < 3 and not row["case_sensitive"]]
    assert not offenders


# -- the data as the matcher sees it -------------------------------------------------------------
@pytest.fixture(scope="module")
def nlp(everything):
    from litkg.extract.pipeline import build_nlp

    return build_nlp(everything, use_model=False)


def _found(nlp, text: str) -> set[str]:
    doc = nlp(text)
    return {span.kb_id_ for span in doc.spans.get(GAZETTEER_SPANS, [])}


def test_subfield_names_are_found(nlp):
    text = ("We forecast ECG5000 and NN3 with TimeXer and SCINet, segment FLARE22 scans with SAM-Med2D, "
            "train ValueDICE on halfcheetah-medium-replay-v2, evaluate MacridVAE on KDD Cup 2012, "
            "detect ships in HRSID with S2A-Net and pretrain ConvNeXt V2-Atto on WebFace260M.")
    found = _found(nlp, text)
    new_ids = {row["id"] for path in _subfield_paths() for row in _rows(path)}
    by_name = {row["name"]: row["id"] for path in _subfield_paths() for row in _rows(path)}
    for name in ("ECG5000", "NN3", "TimeXer", "SCINet", "FLARE22", "SAM-Med2D", "ValueDICE",
                 "halfcheetah-medium-replay-v2", "MacridVAE", "KDD Cup 2012", "HRSID", "S2A-Net",
                 "ConvNeXt V2-Atto", "WebFace260M"):
        assert by_name[name] in found, name
    assert found <= new_ids | {row["id"] for name in ORIGINAL for row in _rows(DATA / name)}


def test_ordinary_prose_finds_no_subfield_concept(nlp):
    new_ids = {row["id"] for path in _subfield_paths() for row in _rows(path)}
    prose = ("We sort the units by cost and encode the simple signals. Great care was taken to teach "
             "the model the kind of round icon that the largest canary would show. The well and the "
             "pong table were tested in the spring, and theory of mind was probed with a quick quality check. "
             "Tucker decomposition and Dice loss are used with a weather dataset from the Simplex method. "
             "For instance, In addition, the Cost and the Tide of Two patterns were Shape and Multiple. "
             "We train a random forest and an isolation forest, then Sort the Units by Quality.")
    assert not _found(nlp, prose) & new_ids
