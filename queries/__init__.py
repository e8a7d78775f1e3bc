"""Questions asked of a litkg store: the Python functions behind ``litkg query …``.

Installed as ``litkg.queries`` (the folder ``queries/`` at the top of the repository), which also
holds the Cypher query library for Neo4j.
"""
from litkg.queries.resolve import resolve_concepts, resolve_paper
from litkg.queries.shared import SharedPair, shared_datasets
from litkg.queries.summary import store_stats
from litkg.queries.usage import PaperUse, papers_using

__all__ = [
    "resolve_concepts",
    "resolve_paper",
    "SharedPair",
    "shared_datasets",
    "store_stats",
    "PaperUse",
    "papers_using",
]
