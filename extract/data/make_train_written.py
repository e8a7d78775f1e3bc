"""Build ``extract/data/train_written.jsonl``: original annotated abstracts written for litkg.

Every title and abstract in ``extract/data/train_written_source.json`` was written by hand for
litkg (MIT licence); most of the names in them are invented. The file holds batches of entries,
``{"title": …, "abstract": …}``, with names marked inline as ``[[text|type]]`` with the type codes

    d = dataset   b = benchmark   m = model   x = method   t = task (negative)   k = metric (negative)

The script strips the markers, computes character offsets and checks that

* every span's text matches the stripped text and spans do not overlap;
* no span starts with an article or ends with a head noun ("dataset", "benchmark", "corpus"...);
* every occurrence of every annotated string in a field is covered by an annotated span
  (names are annotated exhaustively; an unannotated name-shaped word means "not a name").

It fails (exit status 1) on any problem. Run from the repository root:

    python extract/data/make_train_written.py            # writes extract/data/train_written.jsonl
    python extract/data/make_train_written.py --check    # validate only, print counts
    python extract/data/make_train_written.py --check --warnings   # also list cross-entry inconsistencies
"""
from __future__ import annotations

import collections
import json
import re
import sys
from pathlib import Path

TYPES = {"d": "dataset", "b": "benchmark", "m": "model", "x": "method", "t": "task", "k": "metric"}
_MARK = re.compile(r"\[\[([^\[\]|]+)\|([a-z]+)\]\]")
_LEAD = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_HEAD = re.compile(r"\s+(?:data\s*sets?|datasets?|benchmarks?|corpus|corpora|suite)$", re.IGNORECASE)
OUT = Path(__file__).with_name("train_written.jsonl")
SOURCE = Path(__file__).with_name("train_written_source.json")


def read_batches(path: Path = SOURCE) -> list[list[dict]]:
    """The hand-written entries, in batches: ``{"title": …, "abstract": …}`` with markers."""
    with open(path, encoding="utf-8") as source:
        return json.load(source)["batches"]


def strip_markers(marked: str, where: str) -> tuple[str, list[dict]]:
    """Plain text and entity spans of a marked-up field."""
    out, entities, pos = [], [], 0
    length = 0
    for match in _MARK.finditer(marked):
        chunk = marked[pos:match.start()]
        out.append(chunk)
        length += len(chunk)
        name, code = match.group(1), match.group(2)
        if code not in TYPES:
            raise ValueError(f"{where}: unknown type code {code!r} in {match.group(0)!r}")
        entities.append({"text": name, "type": TYPES[code], "start": length, "end": length + len(name)})
        out.append(name)
        length += len(name)
        pos = match.end()
    out.append(marked[pos:])
    text = "".join(out)
    if "[[" in text or "]]" in text or "|" in text:
        raise ValueError(f"{where}: unbalanced marker in {marked!r}")
    return text, entities


def check(text: str, entities: list[dict], where: str, names: set[str]) -> list[str]:
    """Problems of one field; ``names`` are the strings annotated in either field of the entry."""
    problems = []
    spans = sorted((e["start"], e["end"]) for e in entities)
    for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
        if s2 < e1:
            problems.append(f"{where}: overlapping spans {text[s1:e1]!r} / {text[s2:e2]!r}")
    for e in entities:
        span = text[e["start"]:e["end"]]
        if span != e["text"]:
            problems.append(f"{where}: span {span!r} != {e['text']!r}")
        if span != span.strip():
            problems.append(f"{where}: span {span!r} has outer whitespace")
        if _LEAD.match(span) or _HEAD.search(span):
            problems.append(f"{where}: span {span!r} has a leading article or trailing head noun")
    covered = [(e["start"], e["end"]) for e in entities]
    for name in names:
        pattern = re.compile(r"(?<![A-Za-z0-9])" + re.escape(name) + r"(?![A-Za-z0-9])")
        for m in pattern.finditer(text):
            if not any(s <= m.start() and m.end() <= e for s, e in covered):
                problems.append(f"{where}: unannotated occurrence of {name!r} at {m.start()}")
    return problems


def build() -> tuple[list[dict], list[str]]:
    rows, problems, seen_titles = [], [], set()
    for b, entries in enumerate(read_batches()):
        for entry in entries:
            marked_title, marked_abstract = entry["title"].strip(), entry.get("abstract", "").strip()
            where = f"batch {b + 1}, entry {marked_title[:50]!r}"
            if not marked_abstract:
                problems.append(f"{where}: no abstract")
                continue
            try:
                title, title_entities = strip_markers(marked_title, where + " (title)")
                abstract, entities = strip_markers(marked_abstract, where)
            except ValueError as error:
                problems.append(str(error))
                continue
            names = {e["text"] for e in entities} | {e["text"] for e in title_entities}
            problems += check(title, title_entities, where + " (title)", names)
            problems += check(abstract, entities, where, names)
            if title.lower() in seen_titles:
                problems.append(f"{where}: duplicate title")
            seen_titles.add(title.lower())
            row = {"id": f"w{len(rows) + 1:04d}", "title": title, "abstract": abstract, "entities": entities}
            if title_entities:
                row["title_entities"] = title_entities
            rows.append(row)
    return rows, problems


def cross_warnings(rows: list[dict]) -> list[str]:
    """Strings annotated in some entry but left unannotated in another (reviewed by hand: some are
    ordinary words there, such as "weather" or "adapters"), and strings given two types."""
    types = collections.defaultdict(set)
    for row in rows:
        for e in row["entities"] + row.get("title_entities", []):
            types[e["text"]].add(e["type"])
    warnings = [f"{name!r} has types {sorted(t)}" for name, t in sorted(types.items()) if len(t) > 1]
    patterns = {n: re.compile(r"(?<![A-Za-z0-9])" + re.escape(n) + r"(?![A-Za-z0-9])") for n in types}
    for row in rows:
        for field, ents in (("abstract", row["entities"]), ("title", row.get("title_entities", []))):
            covered = [(e["start"], e["end"]) for e in ents]
            for name, pattern in patterns.items():
                for m in pattern.finditer(row[field]):
                    if not any(s <= m.start() and m.end() <= e for s, e in covered):
                        warnings.append(f"{row['id']} {field}: {name!r} unannotated here")
    return warnings


def main(argv: list[str]) -> int:
    rows, problems = build()
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s); nothing written", file=sys.stderr)
        return 1
    if "--warnings" in argv:
        for warning in cross_warnings(rows):
            print("warning:", warning, file=sys.stderr)
    counts = collections.Counter(e["type"] for r in rows for e in r["entities"])
    title_counts = collections.Counter(e["type"] for r in rows for e in r.get("title_entities", ()))
    names = collections.Counter(e["type"] for r in rows for e in {(x["text"], x["type"]): x for x in r["entities"]}.values())
    print(f"{len(rows)} abstracts")
    print("abstract entities:", dict(sorted(counts.items())), "total", sum(counts.values()))
    print("title entities:", dict(sorted(title_counts.items())), "total", sum(title_counts.values()))
    print("distinct (per-abstract) names:", dict(sorted(names.items())))
    if "--check" not in argv:
        with open(OUT, "w", encoding="utf-8") as out:
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
