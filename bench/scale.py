"""Scale as users run it: a synthetic corpus of N invented abstracts, and the user's commands timed
as whole processes on it, with a scaling table across sizes.

    python bench/scale.py --sizes 10000 100000 [--stages build build-fast extract query-shared-one render export]
    python bench/scale.py --sizes 10000 --stages build neo4j-export neo4j-push
    python bench/scale.py --write corpus.jsonl --papers 50000      # only write a corpus

The corpus is deterministic for ``--seed`` and N (paper ``i`` depends only on the seed and ``i``)
and copies no real abstract: every sentence comes from templates below, filled with names of the
shipped gazetteer (popular ones more often, Zipf-like), invented method names with their acronym
definitions ("Sparse Gated Routing (SGR)"), new coinages built on known names ("Mirror-BERT"),
evaluation lists ("we evaluate on A, B and C"), comparisons and plain filler.

For each size the runner writes the corpus, then times each stage as its own process from start
to exit: a process that only reads the file and runs ``spacy.blank("en")``'s tokenizer over
title + " " + abstract (the reference), ``litkg build FILE --db NEW.db`` (default pipeline) and
``--fast`` (into another store), ``litkg extract``, queries on the default store
(``shared-datasets`` for one paper and for the corpus, ``papers-using``), ``litkg render`` and
``litkg export --format csv``; on request ``litkg export --format neo4j-csv`` (the bulk-import
files) and ``litkg neo4j push`` (into ``NEO4J_URI``, else a local ArcadeDB Bolt server started for
it). It prints wall time, CPU (user + system, workers included), peak
RSS (the largest single process, from ``wait4``, and the sum over the process tree, sampled every
0.2 s), papers per second and the ratio to the tokenizer process of the same size. All ratios of
one size come from one run; the machine is shared, so compare ratios, not seconds.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

REPO = Path(__file__).resolve().parents[1]

TOKENIZER_SCRIPT = """
import json, sys, spacy
tokenizer = spacy.blank("en").tokenizer
count = 0
with open(sys.argv[1], encoding="utf-8") as lines:
    for line in lines:
        row = json.loads(line)
        tokenizer((row.get("title") or "") + " " + (row.get("abstract") or ""))
        count += 1
print(count)
"""

# --- the corpus --------------------------------------------------------------------------------

_ONSETS = ("b", "br", "c", "d", "dr", "f", "g", "gr", "k", "l", "m", "n", "p", "pr", "r", "s", "st",
           "t", "tr", "v", "z")
_VOWELS = ("a", "e", "i", "o", "u", "ai", "eo")
_CODAS = ("", "", "n", "r", "s", "x", "l", "m")
_LONG_WORDS = (
    "Adaptive", "Sparse", "Gated", "Contrastive", "Hierarchical", "Latent", "Residual", "Spectral",
    "Recurrent", "Federated", "Causal", "Invariant", "Diffusion", "Graph", "Token", "Prompt", "Memory",
    "Routing", "Alignment", "Distillation", "Calibration", "Augmentation", "Attention", "Mixture",
    "Retrieval", "Reward", "Policy", "Energy", "Kernel", "Manifold", "Optimal", "Transport",
    "Variational", "Momentum", "Curriculum", "Consistency", "Regularization", "Pruning", "Quantized",
)
_TASKS = ("domain generalization", "image classification", "question answering", "semantic segmentation",
          "machine translation", "reinforcement learning", "link prediction", "speech recognition",
          "text-to-image generation", "time-series forecasting", "code generation", "object detection",
          "instruction tuning", "recommendation", "molecular property prediction", "few-shot learning")
_NOUNS = ("objective", "architecture", "training scheme", "regularizer", "estimator", "sampler",
          "adapter", "decoding strategy", "loss", "framework", "benchmark suite", "tokenizer")
_PROBLEMS = ("the test distribution shifts", "labels are scarce", "the model must run on a phone",
             "inputs are long", "annotations are noisy", "the reward is sparse", "data are private")
_FILLER = (
    "Our analysis shows that the gain comes mostly from the early layers.",
    "The method adds fewer than one percent of parameters and no inference cost.",
    "We release code, checkpoints and the evaluation scripts.",
    "Ablations confirm that each component contributes to the final accuracy.",
    "Theoretical results bound the excess risk under mild assumptions.",
    "We further study how performance scales with model size and data.",
    "Results are averaged over five seeds with standard deviations reported.",
    "The approach is simple to implement and stable across hyperparameters.",
)
_SUFFIXES = ("Lite", "XL", "Plus", "Mirror", "Flow", "Zero", "Pro", "Mini", "2", "v2")


class _Names:
    """Gazetteer names by type, the popular ones first (a seeded order), drawn Zipf-like."""

    def __init__(self, seed: int) -> None:
        from litkg.extract.gazetteer import default_gazetteer

        entries = sorted(default_gazetteer().entries.values(), key=lambda e: e.id)
        rng = random.Random(seed)
        self.by_type: dict[str, list[str]] = {}
        for entry in entries:
            if entry.case_sensitive or len(entry.name) < 3:
                continue  # names that are also words, or too short to read as names
            self.by_type.setdefault(entry.type, []).append(entry.name)
        self.weights = {}
        for kind, names in self.by_type.items():
            rng.shuffle(names)
            self.weights[kind] = _cumulative([1.0 / (rank + 1) ** 1.05 for rank in range(len(names))])

    def draw(self, rng: random.Random, kind: str, count: int = 1) -> list[str]:
        names, weights = self.by_type[kind], self.weights[kind]
        picked: list[str] = []
        for _ in range(count * 4):
            name = rng.choices(names, cum_weights=weights)[0]
            if name not in picked:
                picked.append(name)
            if len(picked) == count:
                break
        return picked


def _cumulative(values: list[float]) -> list[float]:
    total, out = 0.0, []
    for value in values:
        total += value
        out.append(total)
    return out


def _coinage(rng: random.Random) -> str:
    word = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(rng.randint(2, 3)))
    return word.capitalize()


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _paper(rng: random.Random, names: _Names, number: int) -> dict:
    """One invented record: a proposal with its acronym, known names in use, evaluation and
    comparison sentences, a coinage on a known model, filler; 6–10 sentences."""
    long_form = " ".join(rng.sample(_LONG_WORDS, rng.randint(2, 4)))
    acronym = "".join(w[0] for w in long_form.split()) + rng.choice(("", "", "-" + str(rng.randint(2, 9))))
    coined = _coinage(rng)
    task, noun = rng.choice(_TASKS), rng.choice(_NOUNS)
    data = names.draw(rng, "dataset", 3) + names.draw(rng, "benchmark", 2)
    methods, models = names.draw(rng, "method", 3), names.draw(rng, "model", 2)
    rng.shuffle(data)
    sentences = [
        f"{task.capitalize()} remains difficult when {rng.choice(_PROBLEMS)}.",
        rng.choice((f"We propose {long_form} ({acronym}), a {noun} for {task}.",
                    f"In this paper we introduce {coined}, a {noun} that uses {long_form} ({acronym}).")),
        f"{acronym} builds on {models[0]} and replaces {methods[0]} with a learned {rng.choice(_NOUNS)}.",
        rng.choice((f"We evaluate on {_listed(data[:3])}.",
                    f"Experiments on {_listed(data[:rng.randint(2, 4)])} show consistent gains.")),
        rng.choice((f"{acronym} outperforms {methods[1]} and {methods[2]} by {rng.randint(1, 9)}.{rng.randint(0, 9)} "
                    f"points on {data[0]}.",
                    f"Compared with {methods[1]}, it reduces error on {data[-1]} by {rng.randint(5, 40)}%.")),
    ]
    if rng.random() < 0.4:
        sentences.append(f"We also release {coined}Bench, a benchmark of {rng.randint(2, 90)}k examples "
                         f"collected from {rng.choice(data)}.")
    if rng.random() < 0.3:
        sentences.append(f"A lighter variant, {models[-1]}-{rng.choice(_SUFFIXES)}, matches {models[0]} "
                         f"at a fraction of the cost.")
    sentences += rng.sample(_FILLER, rng.randint(1, 3))
    title = rng.choice((f"{coined}: {long_form} for {task.title()}",
                        f"{long_form} Improves {task.title()} Beyond {methods[1]}",
                        f"Revisiting {methods[0]} for {task.title()} with {acronym}"))
    return {"id": f"scale-{number}", "title": title, "abstract": " ".join(sentences),
            "year": 2015 + rng.randrange(11), "authors": [f"{_coinage(rng)} {_coinage(rng)}" for _ in range(3)]}


def write_corpus(path: Path, count: int, seed: int = 0) -> Path:
    """Write ``count`` invented records to ``path`` (JSONL); paper ``i`` depends only on seed and i."""
    names = _Names(seed)
    with path.open("w", encoding="utf-8") as out:
        for number in range(count):
            rng = random.Random(seed * 1_000_003 + number)
            out.write(json.dumps(_paper(rng, names, number)) + "\n")
    return path


# --- the runner --------------------------------------------------------------------------------


def _tree_rss_kib(pid: int) -> int:
    """Resident memory of ``pid`` and its descendants, in KiB (0 once it is gone)."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/status", encoding="ascii") as status:
                total += next((int(line.split()[1]) for line in status if line.startswith("VmRSS:")), 0)
            with open(f"/proc/{current}/task/{current}/children", encoding="ascii") as children:
                todo.extend(int(child) for child in children.read().split())
        except (OSError, ValueError):
            continue
    return total


def run(argv: list[str], *, ok: tuple[int, ...] = (0,), env: dict[str, str] | None = None) -> dict:
    """Wall time, CPU (user + system, waited-for children included), the peak RSS of the largest
    process, and the peak summed over the process tree, of one whole process (``env``: added to
    this process's environment)."""
    started = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               env={**os.environ, **env} if env else None)
    peak, done = [0], threading.Event()

    def sample() -> None:
        while not done.wait(0.2):
            peak[0] = max(peak[0], _tree_rss_kib(process.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stderr = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    done.set()
    sampler.join()
    code = os.waitstatus_to_exitcode(status)
    if code not in ok:
        raise SystemExit(f"{' '.join(argv)} failed ({code}):\n{stderr}")
    return {"wall_s": round(wall, 2), "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
            "rss_mb": round(usage.ru_maxrss / 1024), "tree_rss_mb": round(peak[0] / 1024)}


def litkg_command() -> list[str]:
    """``litkg`` as installed, else ``python -m litkg.cli`` (also when PYTHONPATH picks a checkout)."""
    from shutil import which

    if os.environ.get("PYTHONPATH") or which("litkg") is None:
        return [sys.executable, "-m", "litkg.cli"]
    return ["litkg"]


#: Stage name -> (arguments after ``litkg``, with {corpus}, {db}, {fastdb}, {out} and {name} to fill).
STAGES = {
    "build": ["build", "{corpus}", "--db", "{db}"],
    "build-fast": ["build", "{corpus}", "--db", "{fastdb}", "--fast"],
    "extract": ["extract", "{corpus}", "--out", "{out}/entities.jsonl"],
    "extract-fast": ["extract", "{corpus}", "--out", "{out}/entities-fast.jsonl", "--fast"],
    "query-shared-one": ["query", "shared-datasets", "--paper", "scale-0", "--db", "{db}"],
    "query-shared-all": ["query", "shared-datasets", "--min-shared", "2", "--db", "{db}"],
    "query-papers-using": ["query", "papers-using", "{name}", "--db", "{db}"],
    "render": ["render", "--out", "{out}/graph.html", "--db", "{db}"],
    "export": ["export", "--format", "csv", "--out", "{out}/csv", "--db", "{db}"],
    "neo4j-export": ["export", "--format", "neo4j-csv", "--out", "{out}/neo4j-import", "--db", "{db}"],
    "neo4j-push": ["neo4j", "push", "--db", "{db}"],
}
#: Stages whose throughput is papers read (the others read the store the default build made).
READS_INPUT = ("build", "build-fast", "extract", "extract-fast")


def run_size(size: int, stages: list[str], folder: Path, seed: int) -> dict:
    """Write a corpus of ``size`` papers in ``folder`` and time each stage on it, in order."""
    corpus = write_corpus(folder / f"corpus-{size}.jsonl", size, seed)
    names = _Names(seed)
    (folder / "csv").mkdir(exist_ok=True)
    fill = {"corpus": str(corpus), "db": str(folder / f"kg-{size}.db"), "fastdb": str(folder / f"kg-{size}-fast.db"),
            "out": str(folder), "name": names.by_type["dataset"][0]}
    results = {"tokenizer": run([sys.executable, "-c", TOKENIZER_SCRIPT, str(corpus)])}
    for stage in stages:
        argv = litkg_command() + [arg.format(**fill) for arg in STAGES[stage]]
        if stage == "neo4j-push":
            with _bolt_server(folder) as env:
                results[stage] = run(argv, env=env)
        else:
            results[stage] = run(argv)
    base = results["tokenizer"]["wall_s"]
    for stage, row in results.items():
        row["papers_per_s"] = round(size / row["wall_s"]) if row["wall_s"] else None
        row["us_per_paper"] = round(1e6 * row["wall_s"] / size)
        row["ratio_to_tokenizer"] = round(base / row["wall_s"], 3) if stage in ("tokenizer", *READS_INPUT) else None
    for name in ("build", "build-fast"):
        path = Path(fill["db" if name == "build" else "fastdb"])
        if name in results and path.exists():
            results[name]["store_mb"] = round(path.stat().st_size / 2**20)
    return results


@contextmanager
def _bolt_server(folder: Path) -> Iterator[dict[str, str]]:
    """The ``NEO4J_*`` settings of an empty litkg graph to push into: the server ``NEO4J_URI``
    names (its :Paper and :Concept nodes cleared first: point it at a scratch database), else the
    ArcadeDB Bolt server the tests start (``arcadedb-embedded``, from the test extra), stopped after."""
    sys.path.insert(0, str(REPO / "tests"))
    from neo4j_server import clear_litkg_graph, server_from_env, start_embedded

    server = server_from_env()
    started = server is None
    if started:
        server = start_embedded(folder / "bolt-server")
    try:
        clear_litkg_graph(server)
        yield server.env()
    finally:
        if started:
            server.stop()


def print_table(report: dict) -> None:
    print(f"Whole processes on synthetic corpora (seed {report['seed']}); ratios within one size come from one run.")
    header = (f"{'papers':>8s} {'stage':20s} {'wall s':>8s} {'CPU s':>8s} {'RSS MB':>7s} {'tree MB':>8s} "
              f"{'papers/s':>9s} {'us/paper':>9s} {'ratio':>6s}")
    print(header)
    for size, results in report["sizes"].items():
        for stage, row in results.items():
            ratio = f"{row['ratio_to_tokenizer']:6.3f}" if row["ratio_to_tokenizer"] is not None else f"{'—':>6s}"
            print(f"{size:>8} {stage:20s} {row['wall_s']:8.2f} {row['cpu_s']:8.2f} {row['rss_mb']:7d} "
                  f"{row['tree_rss_mb']:8d} {row['papers_per_s']:9d} {row['us_per_paper']:9d} {ratio}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000], help="corpus sizes (papers)")
    parser.add_argument("--stages", nargs="+", choices=list(STAGES), default=[
        "build", "build-fast", "extract", "query-shared-one", "query-shared-all", "query-papers-using", "render",
        "export"], help="litkg processes to time, in order (queries, render and export read the default build)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--folder", type=Path, help="keep corpora and stores here (default: a temporary folder)")
    parser.add_argument("--write", type=Path, help="only write a corpus of --papers papers to this file")
    parser.add_argument("--papers", type=int, default=10_000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if args.write:
        write_corpus(args.write, args.papers, args.seed)
        return 0
    report = {"seed": args.seed, "sizes": {}}
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.folder or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for size in args.sizes:
            report["sizes"][size] = run_size(size, args.stages, folder, args.seed)
            if not args.json:
                print_table({"seed": args.seed, "sizes": {size: report["sizes"][size]}})
                sys.stdout.flush()
    if args.json:
        print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
