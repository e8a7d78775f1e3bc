"""Compare designs for the learned part of the extraction pipeline (issue #9, item 1).

    python bench/compare_span_designs.py [--ner-epochs 15] [--ner-labels 2 3] [--seed 0] [--papers 2000] [--rounds 3]

All designs are trained on the same data, the data of ``python -m litkg.extract.train``'s main():
SciREX train gold (Apache-2.0) plus silver labels that the rules put on the seed pages
(``../shared/seeds/*.txt``), without the papers of ``seeds_dev.jsonl``. SciER and SciERC are never
trained on, nor is any dev file.

(a) ``spanmodel``  the current candidate classifier (extract/spanmodel.py), trained here with
                   :func:`litkg.extract.train.train_model` (the shipped thresholds) into a temp dir.
(b) ``spacy-ner``  spaCy's ``ner`` trained from scratch (``spacy.blank("en")`` with litkg's
                   tokenizer, default CPU model, no pretrained weights; labels DATA and METHOD;
                   fixed seed, minibatches, dropout 0.2), saved, loaded back from disk and put in
                   the litkg pipeline after ``litkg_discovery``; a component defined here turns its
                   entities into ``learned`` candidates where no gazetteer span or rule candidate
                   stands, as extract/learned.py does for the span model (type from the
                   context words, DATA always a dataset/benchmark).
(b') as (b) with three labels, DATA, MODEL and METHOD, as the span model now has; an entity
                   the context does not type takes the NER's MODEL/METHOD. ``--ner-labels 2`` or
                   ``3`` runs one variant only.
(c) ``rules``      ``build_nlp(use_model=False)`` (the ``--fast`` pipeline).

Printed, in one table: end-to-end scores by ``../shared/eval/score.py`` on seeds_dev (default
groups), SciER dev (dataset=data, method=method) and SciREX dev (dataset=data; plain F1 and salient
recall); extraction throughput (papers/s, the median of ``--rounds`` rounds with fresh pipelines, on
``--papers`` seed-page papers cycled, with the blank tokenizer's rate on the same texts in the same
rounds as the reference); the model's size on disk; training time. BLAS/OpenMP are held to one
thread so that training and throughput are one-core figures. The gazetteer and rules are those of
the working tree, so the figures move with them; all designs in one run share them.
"""
from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from itertools import cycle, islice  # noqa: E402
from pathlib import Path  # noqa: E402

import spacy  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc  # noqa: E402
from spacy.training import Example as SpacyExample  # noqa: E402
from spacy.util import compounding, filter_spans, fix_random_seed, minibatch  # noqa: E402

from litkg.extract.components import GAZETTEER_SPANS, field_segments  # noqa: E402
from litkg.extract.doc_fields import fields_of  # noqa: E402
from litkg.extract.discovery import Candidate, infer_type  # noqa: E402
from litkg.extract.learned import LEARNED  # noqa: E402
from litkg.extract.pipeline import Extractor, build_nlp  # noqa: E402
from litkg.extract.train import (  # noqa: E402
    DATA_THRESHOLD, METHOD_THRESHOLD, _title_norm, scirex_examples, silver_examples, train_model)
from litkg.readers import read_papers  # noqa: E402
from litkg.records import Paper, SourceRef  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EVAL = SHARED / "eval"
sys.path.insert(0, str(EVAL))
from score import score  # noqa: E402

SEEDS_DEV = EVAL / "seeds_dev.jsonl"
SCIREX_TRAIN = EVAL / "scirex" / "abstracts.train.jsonl"
GOLD_SETS = [  # (label, path, groups, salient)
    ("seeds_dev", SEEDS_DEV, None, False),
    ("scier_dev", EVAL / "scier" / "sentences.dev.jsonl", {"dataset": "data", "method": "method"}, False),
    ("scirex_dev", EVAL / "scirex" / "abstracts.dev.jsonl", {"dataset": "data"}, False),
    ("scirex_dev_salient", EVAL / "scirex" / "abstracts.dev.jsonl", {"dataset": "data"}, True),
]
#: Training label -> NER label. The brief's design: DATA and METHOD (models are METHOD); the span
#: model now tells models from methods, so a three-label NER (DATA, MODEL, METHOD) runs beside it.
NER_LABELS = {
    2: {"data": "DATA", "method": "METHOD", "model": "METHOD"},
    3: {"data": "DATA", "method": "METHOD", "model": "MODEL"},
}
_DATA = ("dataset", "benchmark")
TOKENIZER = "spacy.blank('en') tokenizer"


# --------------------------------------------------------------------------- training data

def training_examples():
    """SciREX train gold + silver seed-page labels without the seeds_dev papers (as train.py's main)."""
    with open(SEEDS_DEV, encoding="utf-8") as lines:
        exclude = {_title_norm(json.loads(line).get("title", "")) for line in lines if line.strip()}
    silver_paths = [str(p) for p in sorted((SHARED / "seeds").glob("*.txt"))]
    examples = list(scirex_examples(SCIREX_TRAIN))
    examples += list(silver_examples(silver_paths, exclude))
    return examples, len(exclude), silver_paths


# --------------------------------------------------------------------------- (a) span model

def train_spanmodel(examples, out: Path, seed: int):
    started = time.perf_counter()
    model = train_model(examples, thresholds={"data": DATA_THRESHOLD, "method": METHOD_THRESHOLD}, seed=seed)
    model.to_disk(out)
    return time.perf_counter() - started, model


def spanmodel_nlp(path: Path) -> Language:
    """The default pipeline with the model trained here (the shipped weights are not loaded)."""
    nlp = build_nlp(use_model=False)
    nlp.add_pipe("litkg_spanmodel").from_disk(path)
    return nlp


# --------------------------------------------------------------------------- (b) spaCy NER

class NerCandidates:
    """The NER's entities as ``learned`` candidates, per field, where neither a gazetteer span
    nor a rule candidate stands (extract/learned.py's way with the span model's names)."""

    def __init__(self, name: str = "bench_ner_candidates", fill_type: bool = False) -> None:
        self.name = name
        self.fill_type = fill_type  # untyped by context: the NER's MODEL/METHOD (as learned.py does)

    def __call__(self, doc: Doc) -> Doc:
        fields = fields_of(doc)
        fields.candidates = fields.candidates or {}
        found = fields.candidates
        gazetteer_spans = [(s.start_char, s.end_char) for s in doc.spans.get(GAZETTEER_SPANS, [])]
        ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        for name, (offset, text) in field_segments(doc).items():
            if not text:
                continue
            taken = [(a - offset, b - offset) for a, b in gazetteer_spans if offset <= a < offset + len(text)]
            taken += [(c.start, c.end) for c in found.get(name, ())]
            added = []
            for a, b, label in ents:
                start, end = a - offset, b - offset
                if start < 0 or end > len(text):
                    continue  # another field's entity, or one across the separator
                if any(start < e and s < end for s, e in taken):
                    continue
                kind = infer_type(text, start, end)
                if label == "DATA":
                    kind = kind if kind in _DATA else "dataset"
                elif kind is None and self.fill_type:
                    kind = label.lower()
                added.append(Candidate(start, end, text[start:end], kind, LEARNED, False, 0.5))
            if added:
                found[name] = list(found.get(name, ())) + added
        return doc


@Language.factory("bench_ner_candidates", default_config={"fill_type": False})
def _make_ner_candidates(nlp: Language, name: str, fill_type: bool) -> NerCandidates:
    return NerCandidates(name, fill_type)


def _blank_litkg_tokenizer() -> Language:
    """``spacy.blank("en")`` with litkg's tokenizer rules (the NER sees the tokens it will see)."""
    nlp = build_nlp(use_model=False)
    for name in list(nlp.pipe_names):
        nlp.remove_pipe(name)
    return nlp


def _ner_examples(nlp: Language, examples, labels: dict[str, str]) -> tuple[list[SpacyExample], int]:
    out, dropped = [], 0
    for example in examples:
        reference = nlp.make_doc(example.text)
        spans = []
        for (start, end), label in example.labels.items():
            if label not in labels:
                continue
            span = reference.char_span(start, end, label=labels[label], alignment_mode="contract")
            if span is None or not span.text.strip():
                dropped += 1
                continue
            spans.append(span)
        kept = filter_spans(spans)
        dropped += len(spans) - len(kept)
        reference.ents = kept
        out.append(SpacyExample(nlp.make_doc(example.text), reference))
    return out, dropped


def train_ner(examples, out: Path, labels: dict[str, str], *, epochs: int, seed: int,
              dropout: float = 0.2) -> tuple[float, dict]:
    started = time.perf_counter()
    fix_random_seed(seed)
    nlp = _blank_litkg_tokenizer()
    ner = nlp.add_pipe("ner")
    for label in sorted(set(labels.values())):
        ner.add_label(label)
    train, dropped = _ner_examples(nlp, examples, labels)
    optimizer = nlp.initialize(lambda: train)
    rng = random.Random(seed)
    history = []
    for epoch in range(epochs):
        rng.shuffle(train)
        losses: dict[str, float] = {}
        for batch in minibatch(train, size=compounding(4.0, 32.0, 1.001)):
            nlp.update(batch, drop=dropout, sgd=optimizer, losses=losses)
        history.append(round(float(losses.get("ner", 0.0)), 1))
        print(f"  ner epoch {epoch + 1}/{epochs}: loss {history[-1]:.1f} ({time.perf_counter() - started:.0f} s)",
              flush=True)
    nlp.to_disk(out)
    seconds = time.perf_counter() - started
    info = {"texts": len(train), "entities": sum(len(eg.reference.ents) for eg in train),
            "dropped_spans": dropped, "losses": history}
    return seconds, info


def ner_nlp(path: Path, fill_type: bool) -> Language:
    trained = spacy.load(path)  # from_disk: the saved weights, as a shipped model would load
    nlp = build_nlp(use_model=False)
    nlp.add_pipe("ner", source=trained, after="litkg_discovery")
    nlp.add_pipe("bench_ner_candidates", after="ner", config={"fill_type": fill_type})
    return nlp


# --------------------------------------------------------------------------- scoring, speed

def load_rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def rows_to_papers(rows, path: Path) -> list[Paper]:
    return [Paper(title=row.get("title") or "", abstract=row.get("abstract") or "",
                  source=SourceRef(str(path), number), id=row["id"]) for number, row in enumerate(rows, 1)]


def pred_rows(nlp: Language, papers: list[Paper]) -> list[dict]:
    out = []
    for paper, extraction in zip(papers, Extractor(nlp).extract_many(papers)):
        out.append({"id": paper.id, "title": paper.title,
                    "entities": [{"name": e.name, "type": e.type, "role": e.role,
                                  "mentions": [m.text for m in e.mentions]} for e in extraction.entities]})
    return out


def evaluate(make_nlp) -> dict:
    nlp = make_nlp()
    results, cache = {}, {}
    for label, path, groups, salient in GOLD_SETS:
        rows = load_rows(path)
        if path not in cache:
            cache[path] = pred_rows(nlp, rows_to_papers(rows, path))
        results[label] = score(rows, cache[path], groups, salient) if groups else score(rows, cache[path])
    return results


def seed_papers(count: int) -> list[Paper]:
    seen, papers = set(), []
    for path in sorted((SHARED / "seeds").glob("*.txt")):
        for paper in read_papers(path, on_error="skip"):
            if paper.key not in seen and paper.abstract:
                seen.add(paper.key)
                papers.append(paper)
    return list(islice(cycle(papers), count))


def throughput(makers: dict, papers: list[Paper], rounds: int) -> dict[str, float]:
    """Median papers/s per design (and of the blank tokenizer over title + " " + abstract); each
    round builds fresh pipelines (spaCy caches the tokenization of strings it has seen), warms each
    up on one unrelated paper, then times it."""
    warm = [Paper(title="Warm-up", abstract="We train a model on a dataset.")]
    texts = [(p.title or "") + " " + (p.abstract or "") for p in papers]
    rates = {name: [] for name in makers}
    rates[TOKENIZER] = []
    for _ in range(rounds):
        tokenizer = spacy.blank("en").tokenizer  # the reference of the speed targets
        started = time.perf_counter()
        for _doc in tokenizer.pipe(texts, batch_size=256):
            pass
        rates[TOKENIZER].append(len(papers) / (time.perf_counter() - started))
        for name, make in makers.items():
            extractor = Extractor(make())
            list(extractor.extract_many(warm))
            started = time.perf_counter()
            for _x in extractor.extract_many(papers, batch_size=128):
                pass
            rates[name].append(len(papers) / (time.perf_counter() - started))
    return {name: statistics.median(values) for name, values in rates.items()}


def disk_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


# --------------------------------------------------------------------------- main

def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ner-epochs", type=int, default=15)
    ap.add_argument("--ner-labels", type=int, nargs="+", choices=(2, 3), default=[2, 3],
                    help="NER variants: 2 = DATA, METHOD (models are METHOD); 3 = DATA, MODEL, METHOD")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--papers", type=int, default=2000, help="seed-page papers (cycled) for throughput")
    ap.add_argument("--rounds", type=int, default=3, help="throughput rounds (median)")
    ap.add_argument("--json", metavar="FILE", help="also write every figure to FILE")
    args = ap.parse_args()

    started = time.perf_counter()
    examples, excluded, silver_paths = training_examples()
    prep = time.perf_counter() - started
    n_silver = sum(e.silver for e in examples)
    print(f"Training data: {len(examples)} texts ({len(examples) - n_silver} SciREX train abstracts, "
          f"{n_silver} silver fields of {len(silver_paths)} seed pages, {excluded} seeds_dev titles excluded); "
          f"silver labelling {prep:.1f} s", flush=True)

    with tempfile.TemporaryDirectory(prefix="litkg-designs-") as tmp:
        tmp = Path(tmp)
        span_dir = tmp / "spanmodel"
        span_secs, span_model = train_spanmodel(examples, span_dir, args.seed)
        print(f"(a) span model: {span_model.meta['candidates']} candidates, {len(span_model.vocabulary)} features, "
              f"trained in {span_secs:.1f} s (digest {span_model.digest})", flush=True)
        name_a = "(a) candidate classifier (spanmodel)"
        makers = {name_a: lambda: spanmodel_nlp(span_dir)}
        sizes, train_secs, ner_info = {name_a: disk_size(span_dir)}, {name_a: span_secs}, {}
        for n_labels in args.ner_labels:
            labels = NER_LABELS[n_labels]
            tag = "/".join(sorted(set(labels.values()), key=["DATA", "MODEL", "METHOD"].index))
            name = ("(b) " if n_labels == 2 else "(b') ") + f"spaCy ner from scratch, {tag}"
            ner_dir = tmp / f"ner{n_labels}"
            print(f"{name}: training {args.ner_epochs} epochs, seed {args.seed}, dropout 0.2 …", flush=True)
            secs, info = train_ner(examples, ner_dir, labels, epochs=args.ner_epochs, seed=args.seed)
            print(f"{name}: {info['texts']} texts, {info['entities']} entities ({info['dropped_spans']} label "
                  f"spans not on token boundaries or overlapping, dropped), trained in {secs:.1f} s", flush=True)
            makers[name] = lambda d=ner_dir, fill=n_labels == 3: ner_nlp(d, fill)
            sizes[name], train_secs[name], ner_info[name] = disk_size(ner_dir / "ner"), secs, info
        name_c = "(c) rules only"
        makers[name_c] = lambda: build_nlp(use_model=False)
        sizes[name_c], train_secs[name_c] = 0, 0.0
        scores = {}
        for name, make in makers.items():
            t0 = time.perf_counter()
            scores[name] = evaluate(make)
            print(f"scored {name} in {time.perf_counter() - t0:.1f} s", flush=True)
        papers = seed_papers(args.papers)
        speed = throughput(makers, papers, args.rounds)

    f1 = lambda res, group: f"{res[group]['f1']:.3f}"  # noqa: E731
    header = ["design", "seeds_dev data F1", "model F1", "method F1", "any F1", "role acc",
              "SciER dev data F1", "method F1", "any F1", "SciREX dev data F1", "data R", "salient data R",
              "papers/s", "÷ tokenizer", "model size", "train time"]
    print()
    print(f"Same training data for all: {len(examples)} texts (SciREX train gold + silver seed pages minus "
          f"seeds_dev). Throughput: {args.papers} seed-page papers cycled, median of {args.rounds} rounds, "
          f"1 thread; the blank tokenizer ran at {speed[TOKENIZER]:,.0f} papers/s in the same rounds. "
          f"Training time excludes the {prep:.1f} s of silver labelling shared by (a) and (b); "
          f"spaCy ner: {args.ner_epochs} epochs.")
    print()
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for name in makers:
        s = scores[name]
        sd, se, sx, ss = s["seeds_dev"], s["scier_dev"], s["scirex_dev"], s["scirex_dev_salient"]
        cells = [name, f1(sd, "data"), f1(sd, "model"), f1(sd, "method"), f1(sd, "any"),
                 f"{sd['role_accuracy']:.3f}" if sd["role_accuracy"] is not None else "—",
                 f1(se, "data"), f1(se, "method"), f1(se, "any"),
                 f1(sx, "data"), f"{sx['data']['recall']:.3f}", f"{ss['data']['recall']:.3f}",
                 f"{speed[name]:,.0f}", f"{speed[name] / speed[TOKENIZER]:.3f}", f"{sizes[name] / 1e6:.2f} MB" if sizes[name] else "—",
                 f"{train_secs[name]:.1f} s" if train_secs[name] else "—"]
        print("| " + " | ".join(cells) + " |")
    print()
    for name in makers:
        sd = scores[name]["seeds_dev"]["any"]
        se = scores[name]["scier_dev"]["any"]
        print(f"{name}: seeds_dev any P {sd['precision']:.3f} R {sd['recall']:.3f}; "
              f"SciER dev any P {se['precision']:.3f} R {se['recall']:.3f}")
    if args.json:
        Path(args.json).write_text(json.dumps({"scores": scores, "papers_per_s": speed, "size_bytes": sizes,
                                               "train_seconds": train_secs, "ner": ner_info,
                                               "silver_labelling_seconds": prep}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
