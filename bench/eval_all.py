"""Extraction quality on every gold set, with an ablation and a learning curve, in one command.

    python bench/eval_all.py [--json] [--no-curve]

For each gold set in ../shared/eval (and the shipped sample's gold file), scored with
``../shared/eval/score.py``'s own ``score()`` on what the extractor returns (the same figures as
``litkg extract … && score.py``; a test checks that ``litkg eval`` agrees with score.py):

* **ablation**: rules only (``--fast``), the span model only (no gazetteer, no patterns), both
  (the default pipeline);
* **learning curve**: the default pipeline with span models retrained on 25%, 50% and 100% of the
  training data (same command and seed as the shipped model; see ``litkg.extract.train``).

Each row says whether the set was used for training or tuning. The shipped model is trained on
SciREX *train*, the abstracts written for litkg and silver labels of the seed pages without the
seeds_dev papers; its thresholds were chosen on seeds_dev and the first 2,000 SciER *train*
sentences. So SciREX dev,
SciER dev and SciERC dev are held out; seeds_dev is the set the rules were tuned on.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EVAL = SHARED / "eval"

#: (name, file, score.py groups, salient, how the set relates to what litkg was built on)
GOLD_SETS = (
    ("seeds_dev", EVAL / "seeds_dev.jsonl", None, False, "rules tuned on it; not in model training"),
    ("sample gold", REPO / "litkg" / "sample" / "gold.jsonl", None, False, "the shipped sample; written by us"),
    ("SciREX dev", EVAL / "scirex" / "abstracts.dev.jsonl", {"dataset": "data", "method": "method"}, False, "held out"),
    ("SciREX dev salient", EVAL / "scirex" / "abstracts.dev.jsonl", {"dataset": "data"}, True, "held out; read recall"),
    ("SciER dev", EVAL / "scier" / "sentences.dev.jsonl", {"dataset": "data", "method": "method"}, False, "held out (GPL-3.0: never trained on)"),
    ("SciERC dev", EVAL / "scierc" / "abstracts.dev.jsonl", {"method": "method"}, False, "held out (no licence: never trained on)"),
)


def _score_module():
    sys.path.insert(0, str(EVAL))
    import score  # noqa: E402  (../shared/eval/score.py, the project's scorer)

    return score


def _load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def _predictions(extractor, path: Path) -> list[dict]:
    """What ``litkg extract PATH`` writes, with this extractor: the same reader and records."""
    from litkg.core import KnowledgeGraph
    from litkg.serialize import extraction_json

    kg = KnowledgeGraph(extractor=extractor)
    return [extraction_json(paper, extraction) for paper, extraction in kg.extract([path], format="jsonl")]


def _pipelines(model_dir: Path | None = None) -> dict:
    from litkg.extract.gazetteer import Gazetteer
    from litkg.extract.pipeline import Extractor, build_nlp

    both = build_nlp()
    only = build_nlp(gazetteer=Gazetteer([]))
    only.remove_pipe("litkg_discovery")
    if model_dir is not None:
        for nlp in (both, only):
            nlp.get_pipe("litkg_spanmodel").from_disk(model_dir)
    return {"rules only": Extractor(build_nlp(use_model=False)), "model only": Extractor(only),
            "rules + model": Extractor(both)}


def evaluate(extractors: dict, sets) -> list[dict]:
    score = _score_module()
    rows = []
    for name, path, groups, salient, note in sets:
        gold = _load(path)
        for variant, extractor in extractors.items():
            result = score.score(gold, _predictions(extractor, path), groups or score.GROUPS, salient)
            rows.append({"set": name, "variant": variant, "note": note, "papers": len(gold),
                         **{g: result[g] for g in ("data", "method", "model", "any")},
                         "role_accuracy": result["role_accuracy"]})
    return rows


def learning_curve(sets) -> list[dict]:
    from litkg.extract import train

    # The same data, in the same order, as the README's training command.
    spans = [EVAL / "scirex" / "abstracts.train.jsonl", REPO / "extract" / "data" / "train_written.jsonl"]
    seeds = sorted(str(p) for p in (SHARED / "seeds").glob("*.txt"))
    exclude = {train._title_norm(json.loads(line).get("title", ""))
               for line in (EVAL / "seeds_dev.jsonl").open(encoding="utf-8") if line.strip()}
    examples = [e for path in spans for e in train.scirex_examples(path)]
    examples += list(train.silver_examples(seeds, exclude))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for fraction in (0.25, 0.5, 1.0):
            started = time.perf_counter()
            model = train.train_model(examples, fraction=fraction, seed=0)
            seconds = time.perf_counter() - started
            folder = Path(tmp) / f"m{fraction}"
            model.to_disk(folder)
            extractor = {"rules + model": _pipelines(folder)["rules + model"]}
            for row in evaluate(extractor, sets):
                rows.append({**row, "fraction": fraction, "train_s": round(seconds, 1),
                             "train_texts": model.meta["examples"]})
    return rows


def _cell(result: dict, key: str = "f1") -> str:
    return f"{result[key]:.3f}" if result["gold"] else "  —  "


def print_table(rows: list[dict], title: str, extra: str | None = None) -> None:
    print(f"\n{title}")
    head = f"{'gold set':20s} {'variant':14s}" + (f" {extra:>8s}" if extra else "")
    print(head + "  data F1 (P/R)        method F1  model F1  any F1   roles  note")
    for r in rows:
        data = r["data"]
        data_text = f"{_cell(data)} ({data['precision']:.2f}/{data['recall']:.2f})" if data["gold"] else "  —"
        lead = f"{r['set']:20s} {r['variant']:14s}" + (f" {r[extra]:>8}" if extra else "")
        roles = f"{r['role_accuracy']:.3f}" if r["role_accuracy"] is not None else "  —  "
        print(f"{lead}  {data_text:20s} {_cell(r['method']):>9s} {_cell(r['model']):>9s} "
              f"{_cell(r['any']):>7s} {roles:>7s}  {r['note']}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--no-curve", action="store_true", help="skip the learning curve (3 trainings)")
    args = parser.parse_args()
    sets = [s for s in GOLD_SETS if s[1].exists()]
    if not any(s[0] != "sample gold" for s in sets):
        print("Note: ../shared/eval is absent; only the shipped sample's gold file is scored. "
              "Those 'papers' were written by us for the README and say little about real papers.",
              file=sys.stderr)
    report = {"ablation": evaluate(_pipelines(), sets)}
    if not args.no_curve and (EVAL / "scirex" / "abstracts.train.jsonl").exists():
        report["learning_curve"] = learning_curve(sets)
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print_table(report["ablation"], "Ablation (scored with ../shared/eval/score.py):")
    if "learning_curve" in report:
        print_table(report["learning_curve"], "Learning curve (rules + model, retrained on a share of the data):",
                    extra="fraction")
    return 0


if __name__ == "__main__":
    sys.exit(main())
