"""How long litkg takes on inputs at its size limits: the timings the robustness tests used to
assert (issue #13 moved wall-clock limits out of the tests, where a busy machine failed them).

    python bench/bench_limits.py [--json]

* a build of one JSONL file holding three ~10.7 MB abstracts (refused as too long) and good
  records (the robustness test's reference: under 60 s on the 2-core development machine);
* a build of one 100,000-character abstract, the longest litkg reads (reference: under 20 s).
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from litkg.core import KnowledgeGraph
from litkg.extract import Extractor
from litkg.readers import MAX_TEXT_CHARS

HUGE = "We evaluate on ImageNet and CIFAR-10 with a ResNet-50 backbone. " * 165_000  # ~10.7 MB
GOOD = "We evaluate the proposed method on ImageNet and compare it with ResNet-50."


def _timed_build(folder: Path, name: str, records: list[dict], extractor: Extractor) -> tuple[float, object]:
    src = folder / f"{name}.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    began = time.perf_counter()
    with KnowledgeGraph(folder / f"{name}.db", extractor=extractor) as kg:
        summary = kg.build([src])
    return time.perf_counter() - began, summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    extractor = Extractor()
    extractor.extract_many([])  # load the pipeline before timing
    sentence = "We fine-tune CLIP on ImageNet-R and evaluate on WILDS and DomainBed. "
    at_limit = (sentence * (MAX_TEXT_CHARS // len(sentence) + 1))[:MAX_TEXT_CHARS - 1] + "."
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        huge_s, huge = _timed_build(folder, "huge", [{"title": f"Good {i}", "abstract": GOOD} for i in range(20)]
                                    + [{"title": f"Huge {i}", "abstract": HUGE} for i in range(3)], extractor)
        limit_s, limit = _timed_build(folder, "limit", [{"title": "Long One", "abstract": at_limit}], extractor)
    result = {
        "three_10mb_abstracts_seconds": round(huge_s, 2), "three_10mb_abstracts_skipped": huge.records_skipped,
        "reference_three_10mb_abstracts_seconds": 60,
        "one_100k_abstract_seconds": round(limit_s, 2), "one_100k_abstract_papers": limit.papers_total,
        "reference_one_100k_abstract_seconds": 20,
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"three ~10.7 MB abstracts among 20 good records: {huge_s:.1f} s ({huge.records_skipped} refused); "
              f"reference < 60 s")
        print(f"one {MAX_TEXT_CHARS:,}-character abstract: {limit_s:.1f} s; reference < 20 s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
