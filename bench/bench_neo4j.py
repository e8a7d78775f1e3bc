"""Bench: push a synthetic store with 100k paper→concept relationships into a Bolt server.

Reports relationships per second of the push (the whole push: schema, nodes and relationships;
and its paper→concept stage alone) and the ratio to a bare ``UNWIND $rows … CREATE`` of the same
relationship rows, in the same batches, measured on the same server in the same run. After a
warm-up round on other data, each measured round clears the database, runs the bare CREATE (after
writing the nodes, untimed), clears again and runs a full push; medians over the rounds.

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
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from neo4j_server import clear_litkg_graph, server_from_env, start_embedded  # noqa: E402

from litkg.extract.normalise import concept_norm  # noqa: E402
from litkg.graph import neo4j_model as model  # noqa: E402
from litkg.graph.neo4j_push import Neo4jWriter, PushSummary, _batches  # noqa: E402
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
            pid = conn.execute("INSERT INTO papers (key, title, abstract, year, text_hash) VALUES (?, ?, ?, ?, ?)",
                               (key, title, abstract, 2015 + i % 10, text_hash(title, abstract))).lastrowid
            conn.execute("INSERT INTO paper_idents VALUES (?, ?)", (key, key))
            for c in rng.sample(range(concepts), min(per_paper, left)):
                ckey = f"concept-{c}"
                conn.execute("INSERT INTO edges VALUES (?, ?, ?, ?, ?)", (key, ckey, rng.choice(ROLES), 0.8, pid))
                conn.execute("INSERT INTO evidence VALUES (?, ?, 'abstract', 0, 6, 'method', ?)",
                             (pid, ckey, f"We evaluate Concept {c} in paper {i}."))
            left -= per_paper
    return store


def _mention_batches(store: GraphStore, batch_size: int) -> list[tuple[str, list[list]]]:
    by_role: dict[str, list[list]] = {role: [] for role in ROLES}
    for row in model.mention_rows(store):
        by_role[row["role"]].append(model.mention_list(row))
    return [(role, batch) for role, rows in by_role.items() for batch in _batches(rows, batch_size)]


def bare_create(writer: Neo4jWriter, store: GraphStore) -> tuple[int, float]:
    """Time ``UNWIND $rows … CREATE`` of the push's relationship rows, in the same batches.

    The nodes are written first (untimed), exactly as the push writes them.
    """
    summary = PushSummary()
    writer.write_schema(summary)
    writer._push_papers(store, summary, lambda n: None)
    writer._push_concepts(store, summary, lambda n: None)
    batches = _mention_batches(store, writer.batch_size)
    created = 0
    t0 = time.perf_counter()
    for role, batch in batches:
        result = writer.run(model.create_mentions(role), {"rows": batch})
        created += result.summary.counters.relationships_created
    return created, time.perf_counter() - t0


def measure_round(server, writer: Neo4jWriter, store: GraphStore) -> dict:
    """One bare CREATE and one push, each into a cleared database."""
    clear_litkg_graph(server)
    created, bare_seconds = bare_create(writer, store)
    clear_litkg_graph(server)
    push = writer.push(store)
    return {"bare_created": created, "bare_seconds": bare_seconds, "push": push}


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--relationships", type=int, default=100_000)
    parser.add_argument("--batch-size", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3, help="measured rounds; the median is reported")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="litkg-bench-") as tmp:
        store = make_store(Path(tmp) / "bench.db", args.relationships)
        warm = make_store(Path(tmp) / "warm.db", min(20_000, args.relationships), seed=1)
        server = server_from_env() or start_embedded(Path(tmp) / "server")
        try:
            with server.driver() as driver:
                writer = Neo4jWriter(driver, database=server.database, batch_size=args.batch_size)
                measure_round(server, writer, warm)  # JIT and caches warm up on other data
                rounds = [measure_round(server, writer, store) for _ in range(args.rounds)]
                again = writer.push(store)  # the store is already there: nothing to create
                agent = driver.get_server_info().agent
            clear_litkg_graph(server)
        finally:
            server.stop()
            store.close()
            warm.close()

    def median(values):
        return statistics.median(values)

    first = rounds[0]["push"]
    rels = first.mentions + first.relations
    push_rate = median([rels / r["push"].seconds for r in rounds])
    stage_rate = median([r["push"].mentions / r["push"].stage_seconds["mentions"] for r in rounds])
    bare_rate = median([r["bare_created"] / r["bare_seconds"] for r in rounds])
    figures = {
        "server": agent,
        "batch_size": args.batch_size,
        "rounds": args.rounds,
        "papers": first.papers, "concepts": first.concepts, "relationships": rels,
        "relationships_created": first.relationships_created,
        "push_seconds": round(median([r["push"].seconds for r in rounds]), 2),
        "push_relationships_per_s": round(push_rate),
        "mention_stage_relationships_per_s": round(stage_rate),
        "bare_create_relationships_per_s": round(bare_rate),
        "ratio_push_to_bare": round(push_rate / bare_rate, 2),
        "ratio_mention_stage_to_bare": round(stage_rate / bare_rate, 2),
        "repush_seconds": round(again.seconds, 2),
        "repush_relationships_created": again.relationships_created,
        "repush_nodes_created": again.nodes_created,
    }
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        for key, value in figures.items():
            print(f"{key:36} {value}")
    return figures


if __name__ == "__main__":
    main()
