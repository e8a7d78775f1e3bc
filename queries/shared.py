"""Papers that share datasets and benchmarks (``litkg query shared-datasets``)."""
from __future__ import annotations

from dataclasses import dataclass

from litkg.graph.store import GraphStore
from litkg.queries.resolve import resolve_paper
from litkg.records import DATA_TYPES

__all__ = ["SharedPair", "shared_datasets"]


@dataclass(frozen=True)
class SharedPair:
    """Two papers and the datasets/benchmarks both use."""

    paper_a: str
    title_a: str
    paper_b: str
    title_b: str
    shared: tuple[str, ...]  # concept names, sorted
    count: int
    jaccard: float  # shared / datasets of either paper

    def to_json(self) -> dict:
        return {
            "paper_a": self.paper_a, "title_a": self.title_a,
            "paper_b": self.paper_b, "title_b": self.title_b,
            "shared": list(self.shared), "count": self.count, "jaccard": self.jaccard,
        }


_SQL = """
WITH data AS (
    SELECT e.paper_key, e.concept_key FROM edges e JOIN concepts c ON c.key = e.concept_key
    WHERE c.type IN ({types})
),
sizes AS (SELECT paper_key, COUNT(*) AS n FROM data GROUP BY paper_key),
pairs AS (
    SELECT a.paper_key AS pa, b.paper_key AS pb, COUNT(*) AS shared,
           group_concat(a.concept_key, char(31)) AS keys
    FROM data a JOIN data b ON a.concept_key = b.concept_key AND a.paper_key <> b.paper_key
    WHERE {where}
    GROUP BY a.paper_key, b.paper_key
    HAVING COUNT(*) >= :min_shared
)
SELECT p.pa, pa.title, p.pb, pb.title, p.shared, p.keys, sa.n, sb.n
FROM pairs p
JOIN papers pa ON pa.key = p.pa JOIN papers pb ON pb.key = p.pb
JOIN sizes sa ON sa.paper_key = p.pa JOIN sizes sb ON sb.paper_key = p.pb
ORDER BY p.shared DESC, CAST(p.shared AS REAL) / (sa.n + sb.n - p.shared) DESC, p.pa, p.pb
"""


def shared_datasets(store: GraphStore, *, paper: str | None = None, min_shared: int = 1,
                    limit: int | None = 50) -> list[SharedPair]:
    """Pairs of papers ranked by how many datasets and benchmarks they share.

    Parameters
    ----------
    paper:
        Only pairs with this paper (key, id, DOI, arXiv id or title); it is always ``paper_a``.
    min_shared:
        Leave out pairs sharing fewer.
    limit:
        At most this many pairs (None: all).

    Ties in the count are broken by Jaccard similarity, then by paper keys, so the order is
    stable.
    """
    params: dict[str, object] = {"min_shared": max(1, int(min_shared))}
    if paper is None:
        where = "a.paper_key < b.paper_key"
    else:
        params["paper"] = resolve_paper(store, paper)
        where = "a.paper_key = :paper"
    types = ", ".join(f"'{t}'" for t in DATA_TYPES)  # constants, not user input
    sql = _SQL.format(types=types, where=where)
    if limit is not None:
        sql += " LIMIT :limit"
        params["limit"] = int(limit)
    names = dict(store.conn.execute("SELECT key, name FROM concepts"))
    pairs = []
    for pa, title_a, pb, title_b, shared, keys, size_a, size_b in store.conn.execute(sql, params):
        shared_names = tuple(sorted((names.get(k, k) for k in keys.split("\x1f")), key=str.lower))
        pairs.append(SharedPair(pa, title_a, pb, title_b, shared_names, shared,
                                round(shared / (size_a + size_b - shared), 4)))
    return pairs
