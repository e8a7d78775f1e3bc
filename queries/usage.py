"""Papers that use a concept (``litkg query papers-using``), alias-aware."""
from __future__ import annotations

from dataclasses import dataclass

from litkg.graph.store import GraphStore
from litkg.queries.resolve import resolve_concepts

__all__ = ["PaperUse", "papers_using", "concept_parts"]


@dataclass(frozen=True)
class PaperUse:
    """One paper's edge to the asked-for concept (or one of its parts), with the evidence."""

    paper: str
    title: str
    year: int | None
    concept: str  # the concept's name as stored
    concept_key: str
    role: str
    confidence: float
    evidence: str  # the first sentence that mentions it
    via_part: bool  # True when the paper names a part (GWHD 2021) of the asked concept (WILDS)

    def to_json(self) -> dict:
        return dict(self.__dict__)


def concept_parts(store: GraphStore, keys: list[str]) -> list[str]:
    """Concepts that are part of any of ``keys``, transitively (WILDS → GWHD 2021, Camelyon17…)."""
    found: list[str] = []
    frontier = list(keys)
    seen = set(keys)
    while frontier:
        marks = ",".join("?" * len(frontier))
        rows = store.conn.execute(
            f"SELECT src FROM concept_relations WHERE rel='part_of' AND dst IN ({marks})", frontier
        ).fetchall()
        frontier = [r[0] for r in rows if r[0] not in seen]
        seen.update(frontier)
        found.extend(frontier)
    return found


def papers_using(store: GraphStore, name: str, *, include_parts: bool = False) -> list[PaperUse]:
    """Papers with an edge to the concept called ``name`` (any spelling), strongest role first.

    With ``include_parts``, papers that name only a part of it count too (``via_part``).
    """
    concepts = resolve_concepts(store, name)
    keys = [c.key for c in concepts]
    parts = concept_parts(store, keys) if include_parts else []
    wanted = keys + [p for p in parts if p not in keys]
    marks = ",".join("?" * len(wanted))
    rows = store.conn.execute(
        f"""
        SELECT p.key, p.title, p.year, c.name, c.key, e.role, e.confidence,
               (SELECT sentence FROM evidence v WHERE v.paper_key = e.paper_key AND v.concept_key = e.concept_key
                ORDER BY v.field = 'abstract', v.start LIMIT 1)
        FROM edges e JOIN papers p ON p.key = e.paper_key JOIN concepts c ON c.key = e.concept_key
        WHERE e.concept_key IN ({marks})
        ORDER BY CASE e.role WHEN 'proposes' THEN 0 WHEN 'evaluates_on' THEN 1 WHEN 'compares_with' THEN 2
                 ELSE 3 END, p.year DESC, p.key, c.key
        """,
        wanted,
    ).fetchall()
    direct = set(keys)
    uses: dict[str, PaperUse] = {}
    for key, title, year, cname, ckey, role, conf, evidence in rows:
        use = PaperUse(key, title, year, cname, ckey, role, conf, evidence or "", ckey not in direct)
        # One row per paper: a direct edge beats one through a part.
        if key not in uses or (uses[key].via_part and not use.via_part):
            uses[key] = use
    return list(uses.values())
