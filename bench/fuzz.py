"""A seeded fuzz campaign against litkg's readers, store and exporters (issue #14, item 10).

    python bench/fuzz.py [--seed 14] [--files 30] [--hostile 35] [--json]

For every input format it writes ``--files`` files, each mixing good records (titles
``Good <format> <file>-<n>``) with about ``--hostile`` hostile ones: out-of-range and oversized
numbers, 1,000-level nesting, 100,000-character ids, lone surrogates, control and XML-forbidden
characters, spreadsheet formulas, long runs without spaces (``(``, emoji, ``aB-``), wrong types,
bad bytes and, for JSON arrays, structural breaks. Each file is built into a fresh store with
``--on-error skip`` (rules-only extractor), then exported as GraphML, GEXF and CSV and read back.

It counts, per format: files, hostile records, tracebacks (any exception that is not a litkg
error), hangs (a file taking over ``--hang`` seconds), good records lost (not in the store after
the build), skipped records without file and line, and exports an XML parser rejects. The
targets are zeros everywhere but the first two columns.
"""
from __future__ import annotations

import argparse
import itertools
import json
import random
import sqlite3
import sys
import tempfile
import time
import traceback
import xml.etree.ElementTree as ET
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from litkg.core import KnowledgeGraph
from litkg.errors import LitkgError
from litkg.extract import Extractor
from litkg.extract.guards import raise_after

FORMATS = ("jsonl", "json", "csv", "hf-pages", "bibtex", "ris", "arxiv-atom", "openalex",
           "semantic-scholar", "hf-papers")
ABSTRACT = "We evaluate our method on ImageNet and COCO and compare it with ResNet-50."


class Hang(Exception):
    pass


def _deep(depth: int = 1000) -> str:
    return "[" * depth + "]" * depth


def hostile_values(rng: random.Random) -> list[tuple[str, str]]:
    """``(kind, raw JSON text)`` of hostile values; raw so that numbers and nesting stay hostile."""
    long_runs = [("paren run", json.dumps("(" * 50_000)), ("emoji run", json.dumps("\U0001F600" * 25_000)),
                 ("aB- run", json.dumps("aB-" * 33_000)), ("spaced run", json.dumps("aB- " * 24_000))]
    values = [
        ("1e20", "1e20"), ("int64 max", "9223372036854775807"), ("-1", "-1"), ("4301 digits", "9" * 4301),
        ("float", "2020.5"), ("nan", "NaN"), ("inf", "Infinity"), ("true", "true"), ("null", "null"),
        ("deep", _deep()), ("object", '{"a": {"b": [1, 2]}}'), ("empty list", "[]"),
        ("long id", json.dumps("a" * 100_000)), ("surrogate", '"\\ud800x"'), ("uffff", '"A\\uffffB"'),
        ("controls", '"A\\u0000\\u0001\\u001bB"'), ("formula", json.dumps("=cmd|' /C calc'!A0")),
        ("hyperlink", json.dumps('=HYPERLINK("http://x")')), ("at", json.dumps("@SUM(1+1)")),
        ("rtl", json.dumps("\u202eevil\u202c")), ("html", json.dumps("<script>alert(1)</script>")),
        ("digits str", json.dumps("9" * 30)), ("empty", '""'), ("spaces", '"   "'),
    ]
    return values + [rng.choice(long_runs)]


JSON_FIELDS = ("title", "abstract", "year", "upvotes", "author_count", "authors", "doi", "arxiv_id",
               "eprint", "id", "ids", "date", "venue", "extra")
BREAKS = ('{"title":"Broken","x":[1,2}', '{"title":"Broken","x":{"a":1]', '{"title":"Broken,"x":1}',
          '{"title" "Broken"}', '{"title":"Broken"x"}', '{"title":"Broken",', '{"title":"Broken","a":]}')


@dataclass
class Generated:
    text: bytes
    good: list[str]
    hostile: int


def _good_title(fmt: str, file_no: int, n: int) -> str:
    return f"Good {fmt} {file_no}-{n}"


def _interleave(rng: random.Random, good: list, bad: list) -> list:
    items = [(True, g) for g in good] + [(False, b) for b in bad]
    rng.shuffle(items)
    return items


def gen_json_like(fmt: str, rng: random.Random, file_no: int, hostile: int) -> Generated:
    values = hostile_values(rng)
    good = [_good_title(fmt, file_no, n) for n in range(rng.randint(5, 15))]
    bad = []
    for n in range(hostile):
        kind, raw = rng.choice(values)
        name = rng.choice(JSON_FIELDS)
        title = json.dumps(f"Hostile {kind} {file_no}-{n}")
        if fmt == "json" and rng.random() < 0.15:
            bad.append(rng.choice(BREAKS))
        elif name == "title":
            bad.append(f'{{"title": {raw}, "abstract": {json.dumps(ABSTRACT)}}}')
        else:
            bad.append(f'{{"title": {title}, "abstract": {json.dumps(ABSTRACT)}, "{name}": {raw}}}')
    records = []
    for is_good, item in _interleave(rng, good, bad):
        if is_good:
            records.append(json.dumps(_source_record(fmt, item)))
        else:
            records.append(_source_shape(fmt, item))
    if fmt == "json":
        return Generated(("[\n" + ",\n".join(records) + "\n]\n").encode("utf-8", "surrogatepass"), good, hostile)
    if fmt == "hf-papers":
        return Generated(("[\n" + ",\n".join(records) + "\n]\n").encode("utf-8", "surrogatepass"), good, hostile)
    return Generated(("\n".join(records) + "\n").encode("utf-8", "surrogatepass"), good, hostile)


_HF_IDS = itertools.count(1)


def _source_record(fmt: str, title: str) -> dict:
    if fmt == "openalex":
        words = ABSTRACT.split()
        index: dict[str, list[int]] = {}
        for i, w in enumerate(words):
            index.setdefault(w, []).append(i)
        return {"id": f"https://openalex.org/W{zlib.crc32(title.encode()) % 10**9}", "title": title,
                "abstract_inverted_index": index, "publication_year": 2023}
    if fmt == "semantic-scholar":
        return {"paperId": f"{zlib.crc32(title.encode()):040x}", "title": title, "abstract": ABSTRACT, "year": 2023}
    if fmt == "hf-papers":
        return {"paper": {"id": f"2401.{next(_HF_IDS) % 100000:05d}", "title": title, "summary": ABSTRACT,
                          "upvotes": 3},
                "publishedAt": "2024-01-01T00:00:00Z"}
    return {"title": title, "abstract": ABSTRACT, "year": 2023}


def _source_shape(fmt: str, record_text: str) -> str:
    """A hostile JSON record in the shape of a source format (its fields keep their raw text)."""
    inner = record_text.strip()
    if not (inner.startswith("{") and inner.endswith("}")):
        return inner
    body = inner[1:-1]
    if fmt == "openalex":
        return '{"id": "https://openalex.org/W1", ' + body.replace('"abstract"', '"display_name_x"') + "}"
    if fmt == "semantic-scholar":
        return '{"paperId": "' + "f" * 40 + '", ' + body + "}"
    if fmt == "hf-papers":
        return '{"publishedAt": "2024-01-01T00:00:00Z", "paper": {' + body.replace('"abstract"', '"summary"') + "}}"
    return inner


def _hostile_text(rng: random.Random) -> tuple[str, str]:
    kinds = [("paren run", "(" * 50_000), ("emoji run", "\U0001F600" * 25_000), ("aB- run", "aB-" * 33_000),
             ("formula", "=cmd|' /C calc'!A0"), ("controls", "A\x00\x01\x1bB"), ("uffff", "A\uffffB"),
             ("rtl", "\u202eevil\u202c"), ("html", "<script>alert(1)</script>"), ("long", "word " * 30_000)]
    return rng.choice(kinds)


def _hostile_number(rng: random.Random) -> str:
    return rng.choice(["99999999999999999999", "9223372036854775807", "9" * 4301, "-1", "1e20", "2020.5", "0x7e4",
                       "", "abc", "2020" + "0" * 50])


def gen_csv(rng: random.Random, file_no: int, hostile: int) -> Generated:
    good = [_good_title("csv", file_no, n) for n in range(rng.randint(5, 15))]
    rows = []
    for is_good, item in _interleave(rng, good, list(range(hostile))):
        if is_good:
            rows.append([item, ABSTRACT, "2023", "5", "A; B"])
            continue
        kind, text = _hostile_text(rng)
        column = rng.randrange(5)
        row = [f"Hostile csv {file_no}-{item}", ABSTRACT, "2023", "5", "A; B"]
        row[column] = text if column in (0, 1, 4) else _hostile_number(rng)
        rows.append(row)
    import csv
    import io

    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["title", "abstract", "year", "upvotes", "authors"])
    writer.writerows(rows)
    return Generated(buf.getvalue().encode("utf-8"), good, hostile)


PAGE_HEADER = ("new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nDaily Papers\n\n"
               "byAK and the research community\n\nMar 11\n\n")


def gen_hf_pages(rng: random.Random, file_no: int, hostile: int) -> Generated:
    good = [_good_title("pages", file_no, n) for n in range(rng.randint(5, 15))]
    parts = [PAGE_HEADER]
    for is_good, item in _interleave(rng, good, list(range(hostile))):
        title, abstract, authors, upvotes = (item if is_good else f"Hostile page {file_no}-{item}"), ABSTRACT, "5", "12"
        if not is_good:
            choice = rng.randrange(4)
            if choice == 0:
                abstract = _hostile_text(rng)[1].replace("\n", " ")
            elif choice == 1:
                authors = rng.choice(["99999999999999999999", "9" * 4301, "1,000,000,000,000"])
            elif choice == 2:
                upvotes = rng.choice(["99999999999999999999", "9" * 5000])
            else:
                title = _hostile_text(rng)[1][:200].replace("\n", " ") or "x"
        parts.append(f"{title}\n\n{abstract}\n\n• {authors} authors\n\nMar 11 {upvotes}\n\n")
    return Generated("".join(parts).encode("utf-8"), good, hostile)


def gen_bibtex(rng: random.Random, file_no: int, hostile: int) -> Generated:
    good = [_good_title("bibtex", file_no, n) for n in range(rng.randint(5, 15))]
    out = []
    for k, (is_good, item) in enumerate(_interleave(rng, good, list(range(hostile)))):
        fields = {"title": item if is_good else f"Hostile bib {file_no}-{item}", "abstract": ABSTRACT, "year": "2023"}
        if not is_good:
            name = rng.choice(["title", "abstract", "year", "eprint", "doi", "author"])
            fields[name] = (_hostile_number(rng) if name == "year" else
                            "a" * 100_000 if name in ("eprint", "doi") else _hostile_text(rng)[1].replace("}", ")"))
        body = ",\n".join(f"  {k2} = {{{v}}}" for k2, v in fields.items())
        out.append(f"@article{{key{k},\n{body}\n}}\n")
    return Generated("\n".join(out).encode("utf-8"), good, hostile)


def gen_ris(rng: random.Random, file_no: int, hostile: int) -> Generated:
    good = [_good_title("ris", file_no, n) for n in range(rng.randint(5, 15))]
    out = []
    for is_good, item in _interleave(rng, good, list(range(hostile))):
        tags = {"TI": item if is_good else f"Hostile ris {file_no}-{item}", "AB": ABSTRACT, "PY": "2023"}
        if not is_good:
            tag = rng.choice(["TI", "AB", "PY", "DO", "AU"])
            tags[tag] = _hostile_number(rng) if tag == "PY" else _hostile_text(rng)[1].replace("\n", " ")
        out.append("TY  - JOUR\n" + "".join(f"{t}  - {v}\n" for t, v in tags.items()) + "ER  - \n")
    return Generated("\n".join(out).encode("utf-8"), good, hostile)


def _xml_escape(text: str) -> str:
    text = "".join(c for c in text if c in "\t\n\r" or 0x20 <= ord(c) < 0xD800 or 0xE000 <= ord(c) < 0xFFFE
                   or ord(c) > 0xFFFF)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def gen_atom(rng: random.Random, file_no: int, hostile: int) -> Generated:
    good = [_good_title("atom", file_no, n) for n in range(rng.randint(5, 15))]
    entries = []
    for k, (is_good, item) in enumerate(_interleave(rng, good, list(range(hostile)))):
        title = item if is_good else f"Hostile atom {file_no}-{item}"
        summary, ident, published = ABSTRACT, f"http://arxiv.org/abs/2401.{k:05d}v1", "2024-01-01T00:00:00Z"
        if not is_good:
            choice = rng.randrange(3)
            if choice == 0:
                summary = _hostile_text(rng)[1]
            elif choice == 1:
                ident = "http://arxiv.org/abs/" + "a" * 100_000
            else:
                published = rng.choice(["99999-01-01", "9" * 5000, "not a date"])
        entries.append(f"<entry><id>{_xml_escape(ident)}</id><published>{_xml_escape(published)}</published>"
                       f"<title>{_xml_escape(title)}</title><summary>{_xml_escape(summary)}</summary></entry>")
    feed = ('<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n'
            + "\n".join(entries) + "\n</feed>\n")
    return Generated(feed.encode("utf-8"), good, hostile)


def generate(fmt: str, rng: random.Random, file_no: int, hostile: int) -> Generated:
    if fmt in ("jsonl", "json", "openalex", "semantic-scholar", "hf-papers"):
        return gen_json_like(fmt, rng, file_no, hostile)
    return {"csv": gen_csv, "hf-pages": gen_hf_pages, "bibtex": gen_bibtex, "ris": gen_ris,
            "arxiv-atom": gen_atom}[fmt](rng, file_no, hostile)


SUFFIX = {"jsonl": ".jsonl", "json": ".json", "csv": ".csv", "hf-pages": ".txt", "bibtex": ".bib", "ris": ".ris",
          "arxiv-atom": ".xml", "openalex": ".jsonl", "semantic-scholar": ".jsonl", "hf-papers": ".json"}


@dataclass
class Row:
    files: int = 0
    hostile: int = 0
    good: int = 0
    tracebacks: int = 0
    hangs: int = 0
    good_lost: int = 0
    unlocated: int = 0
    bad_exports: int = 0
    seconds: float = 0.0
    examples: list = field(default_factory=list)


def _deadline(seconds: float):
    return raise_after(seconds, Hang)


def fuzz_file(fmt: str, path: Path, gen: Generated, extractor: Extractor, row: Row, hang: float) -> None:
    from litkg.commands.export import write_graph_file

    db = path.with_suffix(".db")
    row.files += 1
    row.hostile += gen.hostile
    row.good += len(gen.good)
    began = time.perf_counter()
    try:
        with _deadline(hang):
            with KnowledgeGraph(db, extractor=extractor) as kg:
                try:
                    summary = kg.build([path], format=fmt, on_error="skip")
                except LitkgError:
                    summary = None
            row.unlocated += sum(1 for s in (summary.skipped if summary else ())
                                 if s.path != str(path) or s.line < 1)
            if db.exists():
                titles = {t for (t,) in sqlite3.connect(db).execute("SELECT title FROM papers")}
                lost = [g for g in gen.good if g not in titles]
                row.good_lost += len(lost)
                if lost:
                    row.examples.append(f"{path.name}: lost {lost[:3]}")
                with KnowledgeGraph(db) as kg:
                    graph = kg.to_networkx()
                    kg.stats()
                for export in ("graphml", "gexf"):
                    out = write_graph_file(graph, export, path.with_suffix(f".{export}"))
                    try:
                        ET.parse(out)
                    except ET.ParseError as exc:
                        row.bad_exports += 1
                        row.examples.append(f"{out.name}: {exc}")
                write_graph_file(graph, "csv", path.with_suffix(".csvdir"))
    except Hang:
        row.hangs += 1
        row.examples.append(f"{path.name}: over {hang:.0f} s")
    except LitkgError:
        pass
    except Exception as exc:  # noqa: BLE001 - counting them is the point
        row.tracebacks += 1
        where = traceback.extract_tb(exc.__traceback__)[-1]
        row.examples.append(f"{path.name}: {type(exc).__name__} at {where.filename}:{where.lineno}: {str(exc)[:120]}")
    row.seconds += time.perf_counter() - began


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--files", type=int, default=30, help="files per format")
    parser.add_argument("--hostile", type=int, default=35, help="hostile records per file")
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--hang", type=float, default=60.0, help="seconds after which a file counts as a hang")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    extractor = Extractor(fast=True)
    rows: dict[str, Row] = {}
    with tempfile.TemporaryDirectory(prefix="litkg-fuzz-") as tmp:
        for fmt in args.formats.split(","):
            rng = random.Random(f"{args.seed}:{fmt}")
            row = rows[fmt] = Row()
            for file_no in range(args.files):
                gen = generate(fmt, rng, file_no, args.hostile)
                path = Path(tmp) / f"{fmt}-{file_no}{SUFFIX[fmt]}"
                path.write_bytes(gen.text)
                fuzz_file(fmt, path, gen, extractor, row, args.hang)
                path.with_suffix(".db").unlink(missing_ok=True)
            print(f"{fmt}: done in {row.seconds:.0f} s", file=sys.stderr, flush=True)
    total = Row()
    for row in rows.values():
        for name in ("files", "hostile", "good", "tracebacks", "hangs", "good_lost", "unlocated", "bad_exports",
                     "seconds"):
            setattr(total, name, getattr(total, name) + getattr(row, name))
    if args.json:
        print(json.dumps({fmt: {k: v for k, v in r.__dict__.items()} for fmt, r in {**rows, "total": total}.items()},
                         indent=1))
    else:
        head = f"{'format':17}{'files':>6}{'hostile':>9}{'good':>6}{'tracebacks':>11}{'hangs':>6}{'good lost':>10}" \
               f"{'unlocated':>10}{'bad XML':>8}{'seconds':>9}"
        print(head)
        for fmt, r in {**rows, "total": total}.items():
            print(f"{fmt:17}{r.files:>6}{r.hostile:>9}{r.good:>6}{r.tracebacks:>11}{r.hangs:>6}{r.good_lost:>10}"
                  f"{r.unlocated:>10}{r.bad_exports:>8}{r.seconds:>9.1f}")
        for fmt, r in rows.items():
            for example in r.examples[:5]:
                print(f"  {fmt}: {example}")
    failed = total.tracebacks + total.hangs + total.good_lost + total.unlocated + total.bad_exports
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
