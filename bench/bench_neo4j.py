"""Bench: push a synthetic store with 100k paper→concept relationships into a Bolt server.

Reports relationships per second of the push (whole push, and its relationship stage alone) and
the ratio to a bare ``UNWIND $rows … CREATE`` of the same relationship rows, in the same batches,
measured on the same server in the same run.

By default it starts the embedded ArcadeDB Bolt server the tests use (``arcadedb-embedded``);
with ``NEO4J_URI`` set it uses that server instead — and clears its :Paper and :Concept nodes, so
point it at a scratch database.

    python bench/bench_neo4j.py                       # 100,000 relationships
    python bench/bench_neo4j.py --relationships 20000 --batch-size 5000 --json
"""
from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from neo4j_server import clear_litkg_graph, server_from_env, start_embedded  # noqa: E402

from litkg.extract.normalise import concept_norm  # noqa: E402
from litkg.graph import neo4j_model as model  # noqa: E402
from litkg.graph.neo4j_push import Neo4jWriter, _batches  # noqa: E402
from litkg.graph.store import GraphStore, text_hash  # noqa: E402
from litkg.records import CONCEPT_TYPES, ROLES  # noqa: E402


def make_store(path: Path, relationships: int, per_paper: int = 8, seed: int = 7) -> GraphStore:
    """A store with ``relationships`` edges, ``per_paper`` per paper, over ``relationships // 20`` concepts."""
    rng = random.Random(seed)
    store = GraphStore(path)
    papers = -(-relationships // per_paper)
    concepts = max(per_paper, relationships // 20)
    with store.transaction() as conn:
        for i in range(concepts):
            key, name = f"concept-{i}", f"Concept {i}"
            conn.execute("INSERT INTO concepts VALUES (?, ?, ?, 'bench')", (key, name, CONCEPT_TYPES[i % 4]))
            conn.execute("INSERT INTO concept_aliases VALUES (?, ?, ?)", (concept_norm(name), key, name))
        for i in range(0, concepts - 1, 10):
            conn.execute("INSERT INTO concept_relations VALUES (?, 'part_of', ?)", (f"concept-{i + 1}", f"concept-{i}"))
        left = relationships
        for i in range(papers):
            key, title = f"title:bench paper {i}", f"Bench paper {i}"
            abstract = f"We evaluate method {i} on several benchmarks. " * 4
            conn.execute("INSERT INTO papers (key, title, abstract, year, text_hash) VALUES (?, ?, ?, ?, ?)",
                         (key, title, abstract, 2015 + i % 10, text_hash(title, abstract)))
            conn.execute("INSERT INTO paper_idents VALUES (?, ?)", (key, key))
            for c in rng.sample(range(concepts), min(per_paper, left)):
                ckey = f"concept-{c}"
                conn.execute("INSERT INTO edges VALUES (?, ?, ?, ?)", (key, ckey, rng.choice(ROLES), 0.8))
                conn.execute("INSERT INTO evidence VALUES (?, ?, 'abstract', 0, 6, 'method', ?)",
                             (key, ckey, f"We evaluate Concept {c} in paper {i}."))
            left -= per_paper
    return store


def bare_create(writer: Neo4jWriter, store: GraphStore) -> tuple[int, float]:
    """Time ``UNWIND $rows … CREATE`` of the same relationship rows in the same batches."""
    by_role: dict[str, list[dict]] = {role: [] for role in ROLES}
    for row in model.mention_rows(store):
        by_role[row["role"]].append({"paper": row["paper"], "concept": row["concept"], "props": row["props"]})
    created = 0
    t0 = time.perf_counter()
    for role, rows in by_role.items():
        for batch in _batches(rows, writer.batch_size):
            result = writer.run(model.create_mentions(role), {"rows": batch})
            created += result.summary.counters.relationships_created
    return created, time.perf_counter() - t0


def delete_mentions(writer: Neo4jWriter) -> None:
    while True:
        result = writer.run(f"MATCH (:Paper)-[r:{model.MENTION_TYPES}]->(:Concept) "
                            "WITH r LIMIT 20000 DELETE r RETURN count(*) AS n")
        if not result.records or not result.records[0]["n"]:
            return


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--relationships", type=int, default=100_000)
    parser.add_argument("--batch-size", type=int, default=2000)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="litkg-bench-") as tmp:
        store = make_store(Path(tmp) / "bench.db", args.relationships)
        server = server_from_env() or start_embedded(Path(tmp) / "server")
        try:
            clear_litkg_graph(server)
            with server.driver() as driver:
                writer = Neo4jWriter(driver, database=server.database, batch_size=args.batch_size)
                first = writer.push(store)
                again = writer.push(store)
                delete_mentions(writer)
                created, bare_seconds = bare_create(writer, store)
                delete_mentions(writer)
                agent = driver.get_server_info().agent
            clear_litkg_graph(server)
        finally:
            server.stop()
            store.close()

    rels = first.mentions + first.relations
    mention_seconds = first.stage_seconds["mentions"]
    bare_rate = created / bare_seconds
    figures = {
        "server": agent,
        "batch_size": args.batch_size,
        "papers": first.papers, "concepts": first.concepts, "relationships": rels,
        "relationships_created": first.relationships_created,
        "push_seconds": round(first.seconds, 2),
        "push_relationships_per_s": round(rels / first.seconds),
        "mention_stage_seconds": round(mention_seconds, 2),
        "mention_stage_relationships_per_s": round(first.mentions / mention_seconds),
        "bare_create_seconds": round(bare_seconds, 2),
        "bare_create_relationships_per_s": round(bare_rate),
        "ratio_push_to_bare": round((rels / first.seconds) / bare_rate, 2),
        "ratio_mention_stage_to_bare": round((first.mentions / mention_seconds) / bare_rate, 2),
        "repush_seconds": round(again.seconds, 2),
        "repush_relationships_created": again.relationships_created,
    }
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        for key, value in figures.items():
            print(f"{key:36} {value}")
    return figures


if __name__ == "__main__":
    main()
