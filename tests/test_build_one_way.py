"""The build goes one way (#12): the store's paper is what is extracted, the extraction is written
under its own ``paper_key``, relation targets travel on the extracted records, and one store call
(``write_extraction``) writes a batch's edges, relations and derived rows."""
from __future__ import annotations

import json
import sqlite3
from concurrent.futures import Future

from litkg.core import KnowledgeGraph
from litkg.extract_ahead import Extracted
from litkg.graph.store import GraphStore
from litkg.records import Concept, ExtractedEntity, Extraction, Mention, Paper, Relation, StoredPaper

SENTENCE = "We train on Blorbset."
MENTION = Mention("Blorbset", 12, 20, "abstract", SENTENCE)
WHOLE = Concept("blorb-suite", "Blorb Suite", "benchmark", ("BlorbSuite",))


def blorbset(**changes) -> ExtractedEntity:
    values = dict(key="blorbset", name="Blorbset", type="dataset", role="uses", confidence=0.9,
                  mentions=(MENTION,), part_of=("blorb-suite",), relations=(Relation("part_of", WHOLE),))
    return ExtractedEntity(**{**values, **changes})


class RecordingExtractor:
    """An extractor with no gazetteer: whatever the store writes comes from its records."""

    version = "recording"

    def __init__(self) -> None:
        self.asked: list[Paper] = []

    def extract_many(self, papers, batch_size: int = 64, *, with_phrases: bool = False):
        for paper in papers:
            self.asked.append(paper)
            yield Extraction(paper.key, (blorbset(),) if "Blorbset" in paper.abstract else ())

    def extract(self, paper):
        return next(self.extract_many([paper]))

    def close(self) -> None:
        pass


def test_upsert_returns_the_stored_paper_under_its_first_key(tmp_path):
    with GraphStore(tmp_path / "kg.db") as store, store.transaction():
        first = store.upsert_paper(Paper("Blorb", "Short.", year=2024), "v")
        again = store.upsert_paper(Paper("Blorb", "A longer abstract.", doi="10.1/B", venue="X"), "v")
    assert first.status == "new" and isinstance(first.paper, StoredPaper) and first.key == "title:blorb"
    assert again.status == "merged" and again.needs_extraction
    # The merged paper: the DOI and longer abstract of the second record, the year of the first,
    # and the key the store gave it (a paper with that DOI read alone would be doi:10.1/b).
    assert again.key == again.paper.key == "title:blorb"
    assert (again.paper.doi, again.paper.abstract, again.paper.year) == ("10.1/B", "A longer abstract.", 2024)


def test_a_merged_paper_is_extracted_as_stored_with_its_doi(tmp_path):
    src = tmp_path / "p.jsonl"
    rows = [{"title": "Blorb", "abstract": "Short."},
            {"title": "Blorb", "abstract": SENTENCE + " More.", "doi": "10.1/B"}]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    extractor = RecordingExtractor()
    with KnowledgeGraph(tmp_path / "kg.db", extractor=extractor) as kg:
        kg.build([src], batch_size=1)
    merged = extractor.asked[-1]
    assert merged.key == "title:blorb" and merged.doi == "10.1/B" and merged.abstract == SENTENCE + " More."
    conn = sqlite3.connect(tmp_path / "kg.db")
    assert conn.execute("SELECT paper_key, concept_key FROM edges").fetchall() == [("title:blorb", "blorbset")]


def test_relations_come_from_the_records_not_a_gazetteer(tmp_path):
    src = tmp_path / "p.jsonl"
    src.write_text(json.dumps({"title": "Blorb", "abstract": SENTENCE}) + "\n", encoding="utf-8")
    with KnowledgeGraph(tmp_path / "kg.db", extractor=RecordingExtractor()) as kg:
        kg.build([src])
        uses = kg.papers_using("BlorbSuite", include_parts=True)
    assert [u.title for u in uses] == ["Blorb"] and uses[0].via_part
    conn = sqlite3.connect(tmp_path / "kg.db")
    assert conn.execute("SELECT * FROM concept_relations").fetchall() == [("blorbset", "part_of", "blorb-suite")]
    assert conn.execute("SELECT name, type, origin FROM concepts WHERE key='blorb-suite'").fetchall() == [
        ("Blorb Suite", "benchmark", "gazetteer")]


def test_write_extraction_writes_under_the_extractions_paper_key(tmp_path):
    with GraphStore(tmp_path / "kg.db") as store, store.transaction():
        a = store.upsert_paper(Paper("A", SENTENCE), "v").key
        b = store.upsert_paper(Paper("B", "Nothing."), "v").key
        store.write_extraction([Extraction(b, (blorbset(),)), Extraction(a, ())], "v")
        assert store.conn.execute("SELECT paper_key FROM edges").fetchall() == [(b,)]
        store.write_extraction([Extraction(a, (blorbset(),))], "v2", unfinished=[b])
        assert store.conn.execute("SELECT paper_key FROM edges").fetchall() == [(a,)]
        stamps = dict(store.conn.execute("SELECT key, extractor FROM papers"))
    assert stamps == {a: "v2", b: None}  # b is extracted again by the next build


def test_write_extraction_links_held_phrases_in_the_same_call(tmp_path):
    phrase = ExtractedEntity("gradient-alignment-via-ensembled-layers", "Gradient Alignment Via Ensembled Layers",
                             "method", "compares_with", 0.5,
                             (Mention("Gradient Alignment Via Ensembled Layers", 0, 39, "abstract", "s"),),
                             origin="titled_phrase")
    defined = ExtractedEntity("gavel", "GAVEL", "method", "proposes", 0.9, (Mention("GAVEL", 0, 5, "title", "t"),),
                              aliases=("GAVEL", "Gradient Alignment Via Ensembled Layers"), origin="acronym")
    with GraphStore(tmp_path / "kg.db") as store, store.transaction():
        first = store.upsert_paper(Paper("First", "s"), "v").key
        second = store.upsert_paper(Paper("GAVEL", "t"), "v").key
        store.write_extraction([Extraction(first, (phrase,))], "v")
        assert store.count("edges") == 0  # held: no concept has the phrase yet
        store.write_extraction([Extraction(second, (defined,))], "v")
        edges = sorted(store.conn.execute("SELECT paper_key, concept_key, role FROM edges"))
    assert edges == [(first, "gavel", "compares_with"), (second, "gavel", "proposes")]


def test_extraction_ahead_is_keyed_by_the_paper_asked_for():
    record = Paper("Blorb", SENTENCE, doi="10.1/B")
    future: Future = Future()
    future.set_result([Extraction(record.key, (blorbset(),))])
    stored = StoredPaper("Blorb", SENTENCE, stored_key="title:blorb")
    [extraction] = Extracted(future, [record], ahead=None).extract([stored])
    assert extraction == Extraction("title:blorb", (blorbset(),))


def test_the_pipeline_puts_gazetteer_targets_on_the_entity(extractor):
    [gwhd] = [e for e in extractor.extract(Paper("Wheat", "We train detectors on GWHD 2021 only.")).entities
              if e.key != "wilds"]
    wilds = extractor.gazetteer.entries["wilds"]
    assert Relation("part_of", Concept("wilds", wilds.name, wilds.type, tuple(wilds.aliases))) in gwhd.relations
    assert [r.target.key for r in gwhd.relations] == [k for k in (*gwhd.part_of, *gwhd.variant_of)
                                                     if k in extractor.gazetteer.entries]
