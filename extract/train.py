"""Train the span model (:mod:`litkg.extract.spanmodel`): one reproducible command.

    python -m litkg.extract.train \\
        --spans ../shared/eval/scirex/abstracts.train.jsonl extract/data/train_written.jsonl \\
        --silver ../shared/seeds/*.txt --exclude ../shared/eval/seeds_dev.jsonl \\
        --out extract/data/spanmodel

Training data, all of it licensed so that the weights may ship under MIT:

* **Span gold** (``--spans``): SciREX train (Apache-2.0, Jain et al. 2020) and
  ``extract/data/train_written.jsonl``, 399 abstracts written for litkg with invented names.
  ``dataset``/``benchmark`` spans are the ``data`` class, ``model`` and ``method`` spans their
  classes (SciREX's one Method type is ``model`` where the gazetteer knows a model), ``task``
  and ``metric`` spans and every other candidate ``none`` (tasks and metrics are not concepts).
* **Silver labels** that the rules and the gazetteer put on unlabelled abstracts (``--silver``:
  the Daily Papers pages): their entities' mentions are positives; other candidates are
  negatives with a lower weight, since the rules miss names.
* ``--exclude`` drops papers (by normalised title) from the silver set: the gold sets you report
  on stay unseen.

SciER is GPL-3.0 and SciERC states no licence: never pass them here (they are for evaluation).
Training is deterministic: the same inputs and ``--seed`` give the same weights.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from pathlib import Path
from typing import Iterable, Iterator, Sequence

import numpy
from scipy import optimize, sparse

from litkg.extract.spanmodel import CLASSES, SpanModel, iter_features

__all__ = ["Example", "scirex_examples", "silver_examples", "train_model", "main"]

_LEAD = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_HEAD = re.compile(r"\s+(?:data\s*sets?|datasets?|benchmarks?|corpus|corpora|suite)$", re.IGNORECASE)
_GOLD_CLASS = {"dataset": "data", "benchmark": "data", "method": "method", "model": "model",
               "task": "none", "metric": "none"}
#: Weight of a silver negative: the rules miss names, so "not found" is weak evidence.
SILVER_NEGATIVE_WEIGHT = 0.3
#: Default least probabilities per class; chosen on SciER train and seeds_dev (see README).
DATA_THRESHOLD = 0.9
METHOD_THRESHOLD = 0.8


def _title_norm(title: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", title.lower())


class Example:
    """One field's text with labelled spans ``(start, end) → class``."""

    __slots__ = ("field", "text", "labels", "silver")

    def __init__(self, field: str, text: str, labels: dict[tuple[int, int], str], silver: bool) -> None:
        self.field, self.text, self.labels, self.silver = field, text, labels, silver


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """A gold span without a leading article or a trailing head noun ("the Cityscapes dataset")."""
    span = text[start:end]
    lead = _LEAD.match(span)
    if lead:
        start += lead.end()
    head = _HEAD.search(text[start:end])
    if head and head.start() > 0:
        end = start + head.start()
    return start, end


def _known_type(name: str) -> str | None:
    from litkg.extract.gazetteer import default_gazetteer
    from litkg.extract.normalise import concept_norm

    gazetteer = default_gazetteer()
    ids = gazetteer.by_norm.get(concept_norm(name))
    return gazetteer.entries[ids[0]].type if ids else None


def scirex_examples(path: str | Path) -> Iterator[Example]:
    """Examples of a SciREX span file (abstracts with ``entities[].start/end/type``)."""
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            text = row["abstract"]
            labels = {}
            for ent in row.get("entities", ()):
                label = _GOLD_CLASS.get(ent["type"].lower())
                if label == "method" and _known_type(ent["text"]) == "model":
                    label = "model"  # SciREX has one Method type; known models are models
                if label:
                    labels[_trim(text, ent["start"], ent["end"])] = label
            yield Example("abstract", text, labels, silver=False)
            if row.get("title_entities") is not None and row.get("title"):  # SciREX's titles are unlabelled
                title = row["title"]
                yield Example("title", title, {_trim(title, e["start"], e["end"]): _GOLD_CLASS[e["type"]]
                                               for e in row["title_entities"] if e["type"] in _GOLD_CLASS}, silver=False)


def silver_examples(paths: Sequence[str], exclude_titles: set[str]) -> Iterator[Example]:
    """Examples labelled by the rules-only pipeline on the papers of ``paths``."""
    from litkg.extract.pipeline import Extractor, build_nlp
    from litkg.readers import read_papers

    papers = [p for path in paths for p in read_papers(path, on_error="skip")
              if _title_norm(p.title or "") not in exclude_titles]
    seen = set()
    extractor = Extractor(build_nlp(use_model=False))
    for paper, extraction in zip(papers, extractor.extract_many(papers)):
        if paper.key in seen:
            continue
        seen.add(paper.key)
        fields = {"title": paper.title or "", "abstract": paper.abstract or ""}
        labels = {name: {} for name in fields}
        for entity in extraction.entities:
            label = "data" if entity.type in ("dataset", "benchmark") else entity.type
            for mention in entity.mentions:
                labels[mention.field][(mention.start, mention.end)] = label
        for name, text in fields.items():
            if text:
                yield Example(name, text, labels[name], silver=True)


def _matrix(examples: Iterable[Example], min_count: int, silver_negative: float):
    rows, targets, weights = [], [], []
    counts: dict[str, int] = {}
    for example in examples:
        for _, cand, feats in iter_features([(example.field, example.text)]):
            label = example.labels.get((cand.start, cand.end), "none")
            rows.append(feats)
            targets.append(CLASSES.index(label))
            weights.append(silver_negative if example.silver and label == "none" else 1.0)
            for f in feats:
                counts[f] = counts.get(f, 0) + 1
    features = sorted(f for f, n in counts.items() if n >= min_count)
    vocabulary = {f: i for i, f in enumerate(features)}
    indptr, indices = [0], []
    for feats in rows:
        indices.extend(sorted({vocabulary[f] for f in feats if f in vocabulary}))
        indptr.append(len(indices))
    data = numpy.ones(len(indices), dtype=numpy.float64)
    matrix = sparse.csr_matrix((data, indices, indptr), shape=(len(rows), len(vocabulary)))
    return matrix, numpy.array(targets), numpy.array(weights), vocabulary


def _fit(matrix, targets, weights, l2: float, iterations: int) -> numpy.ndarray:
    """Weighted multinomial logistic regression with an L2 penalty, by L-BFGS (deterministic)."""
    n_features, n_classes = matrix.shape[1], len(CLASSES)
    onehot = numpy.zeros((len(targets), n_classes))
    onehot[numpy.arange(len(targets)), targets] = 1.0

    def loss(flat):
        w = flat.reshape(n_features, n_classes)
        logits = matrix @ w
        logits -= logits.max(axis=1, keepdims=True)
        probs = numpy.exp(logits)
        probs /= probs.sum(axis=1, keepdims=True)
        value = -(weights * numpy.log(probs[numpy.arange(len(targets)), targets] + 1e-12)).sum()
        grad = matrix.T @ ((probs - onehot) * weights[:, None])
        return value + 0.5 * l2 * (flat @ flat), (grad + l2 * w).ravel()

    start = numpy.zeros(n_features * n_classes)
    result = optimize.minimize(loss, start, jac=True, method="L-BFGS-B", options={"maxiter": iterations})
    return result.x.reshape(n_features, n_classes)


def train_model(examples: Sequence[Example], *, thresholds: dict[str, float] | None = None, l2: float = 1.0,
                min_count: int = 2, iterations: int = 300, seed: int = 0, fraction: float = 1.0,
                silver_negative: float = SILVER_NEGATIVE_WEIGHT) -> SpanModel:
    """A :class:`SpanModel` fitted to ``examples`` (a ``fraction`` of them, drawn with ``seed``)."""
    chosen = list(examples)
    if fraction < 1.0:
        rng = random.Random(seed)
        chosen = rng.sample(chosen, max(1, int(len(chosen) * fraction)))
    matrix, targets, weights, vocabulary = _matrix(chosen, min_count, silver_negative)
    fitted = _fit(matrix, targets, weights, l2, iterations)
    meta = {"examples": len(chosen), "candidates": int(matrix.shape[0]), "l2": l2, "seed": seed,
            "fraction": fraction, "positives": int((targets > 0).sum())}
    thresholds = thresholds or {"data": DATA_THRESHOLD, "method": METHOD_THRESHOLD}
    return SpanModel(vocabulary, fitted, thresholds, meta)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m litkg.extract.train", description=__doc__.split("\n")[0])
    parser.add_argument("--spans", "--scirex", dest="spans", nargs="*", default=[],
                        help="span gold files licensed for shipped weights: SciREX train (Apache-2.0), "
                             "extract/data/train_written.jsonl (ours)")
    parser.add_argument("--silver", nargs="*", default=[], help="paper files to label with the rules")
    parser.add_argument("--exclude", nargs="*", default=[], help="gold files whose papers stay out of training")
    parser.add_argument("--out", required=True, help="folder to write model.json and weights.npy to")
    parser.add_argument("--data-threshold", type=float, default=DATA_THRESHOLD)
    parser.add_argument("--method-threshold", type=float, default=METHOD_THRESHOLD)
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--fraction", type=float, default=1.0, help="train on this share of the examples")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--silver-negative", type=float, default=SILVER_NEGATIVE_WEIGHT,
                        help="weight of a candidate the rules did not take, in silver texts")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    exclude = set()
    for path in args.exclude:
        with open(path, encoding="utf-8") as lines:
            exclude |= {_title_norm(json.loads(line).get("title", "")) for line in lines if line.strip()}
    examples = [e for path in args.spans for e in scirex_examples(path)]
    examples += list(silver_examples(args.silver, exclude)) if args.silver else []
    if not examples:
        parser.error("no training data: give --spans and/or --silver")
    thresholds = {"data": args.data_threshold, "method": args.method_threshold}
    model = train_model(examples, thresholds=thresholds, l2=args.l2, fraction=args.fraction, seed=args.seed,
                        silver_negative=args.silver_negative)
    model.meta["sources"] = {"spans": [Path(p).name for p in args.spans], "silver_files": len(args.silver),
                             "excluded_titles": len(exclude)}
    model.to_disk(args.out)
    digest = SpanModel.from_disk(args.out).digest  # of the weights as shipped (float16), as the extractor reports it
    seconds = time.perf_counter() - started
    print(f"Trained on {model.meta['examples']} texts ({model.meta['candidates']} candidates, "
          f"{model.meta['positives']} names), {len(model.vocabulary)} features, in {seconds:.1f} s; "
          f"wrote {args.out} (digest {digest}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
