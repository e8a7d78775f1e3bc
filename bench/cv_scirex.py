"""SciREX train, salient dataset recall by 2-fold cross-validation: the set the rules are tuned on.

    python bench/cv_scirex.py [--misses]

SciREX dev is held out (``bench/eval_all.py`` reports it); the list and series patterns were
written from the misses on SciREX *train*. Train is also in the span model's training data, so
scoring the shipped model on it would score text it learned. Here each half of train is scored by
the default pipeline with a span model retrained on the other half (plus the written abstracts
and the silver seed labels, as ``litkg.extract.train``'s README command uses), with
``../shared/eval/score.py --salient --gold-types dataset=data``. ``--misses`` lists each missed
salient dataset with what was predicted for its paper.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EVAL = SHARED / "eval"
GROUPS = {"dataset": "data"}


def _folds() -> list[list[dict]]:
    rows = [json.loads(line) for line in (EVAL / "scirex" / "abstracts.train.jsonl").open(encoding="utf-8")]
    return [rows[0::2], rows[1::2]]


def _write(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _other_examples() -> list:
    from litkg.extract import train

    seeds = sorted(str(p) for p in (SHARED / "seeds").glob("*.txt"))
    exclude = {train._title_norm(json.loads(line).get("title", ""))
               for line in (EVAL / "seeds_dev.jsonl").open(encoding="utf-8") if line.strip()}
    return (list(train.scirex_examples(REPO / "extract" / "data" / "train_written.jsonl"))
            + list(train.silver_examples(seeds, exclude)))


def _predict(model_dir: Path, held: Path) -> list[dict]:
    from litkg.core import KnowledgeGraph
    from litkg.extract.pipeline import Extractor, build_nlp
    from litkg.serialize import extraction_json

    nlp = build_nlp()
    nlp.get_pipe("litkg_spanmodel").from_disk(model_dir)
    kg = KnowledgeGraph(extractor=Extractor(nlp))
    return [extraction_json(paper, extraction) for paper, extraction in kg.extract([held], format="jsonl")]


def _misses(score, held: list[dict], preds: list[dict]) -> list[str]:
    by_id = {p["id"]: p for p in preds}
    lines = []
    for gold in held:
        predicted = score.pred_entities(by_id.get(gold["id"]) or {})
        for entity in score.gold_entities(gold, GROUPS, True):
            if not any(p["group"] == "data" and entity["aliases"] & p["aliases"] for p in predicted):
                lines.append(f"  missed {entity['name']!r}; predicted {[p['name'] for p in predicted][:12]}")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args()
    if not (EVAL / "scirex" / "abstracts.train.jsonl").exists():
        print("needs ../shared/eval/scirex (the SciREX abstracts)", file=sys.stderr)
        return 2
    sys.path.insert(0, str(EVAL))
    import score  # noqa: E402  (../shared/eval/score.py)
    from litkg.extract import train

    others = _other_examples()
    found = total = 0
    with tempfile.TemporaryDirectory() as tmp:
        folds = _folds()
        for k, held in enumerate(folds):
            fitted = train.train_model(list(train.scirex_examples(_write(Path(tmp) / f"t{k}.jsonl", folds[1 - k])))
                                       + others, seed=0)
            fitted.to_disk(Path(tmp) / f"m{k}")
            preds = _predict(Path(tmp) / f"m{k}", _write(Path(tmp) / f"h{k}.jsonl", held))
            data = score.score(held, preds, GROUPS, True)["data"]
            hits = round(data["recall"] * data["gold"])
            found, total = found + hits, total + data["gold"]
            print(f"fold {k}: salient data recall {data['recall']:.3f} ({hits} of {data['gold']})")
            if args.misses:
                print("\n".join(_misses(score, held, preds)))
    print(f"SciREX train, 2-fold: salient data recall {found / total:.3f} ({found} of {total})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
