"""Cypher that litkg generates from its own constants, spliced into the query library's files
where they write ``{{ name(argument) }}``, so that no ``.cypher`` file copies a constant.

``{{ role_rank(type(r)) }}`` becomes the ``CASE`` that ranks roles as :data:`litkg.records.ROLES`
orders them (:func:`litkg.graph.neo4j_model.role_rank_cypher`); ``litkg neo4j queries --show``
prints the expanded text, ready for Neo4j Browser.
"""
from __future__ import annotations

import re
from pathlib import Path

from litkg.errors import QueryError
from litkg.graph.neo4j_model import role_rank_cypher

__all__ = ["MACROS", "expand_macros", "read_query_file"]

#: Each macro a library file may use → the function of its argument that writes its Cypher.
MACROS = {"role_rank": role_rank_cypher}

#: ``{{ name(argument) }}`` in a library file: Cypher that litkg generates from its own constants
#: when the file is read (:func:`expand_macros`), so that no query copies them.
_MACRO = re.compile(r"\{\{\s*(\w+)\((.*?)\)\s*\}\}")


def expand_macros(text: str) -> str:
    """``text`` with each ``{{ role_rank(EXPR) }}`` replaced by the Cypher ``CASE`` that ranks the
    relationship type ``EXPR`` as :data:`litkg.records.ROLES` orders roles.

    >>> expand_macros("ORDER BY {{ role_rank(type(r)) }}, p.key")[:42]
    "ORDER BY CASE type(r) WHEN 'PROPOSES' THEN"
    """

    def expand(match: re.Match) -> str:
        if match[1] not in MACROS:
            raise QueryError(f"unknown library macro {match[1]!r}", hint=f"macros: {', '.join(MACROS)}")
        return MACROS[match[1]](match[2].strip())

    return _MACRO.sub(expand, text)


def read_query_file(path: Path) -> str:
    """The text of a library file as it runs: its macros expanded (what ``--show`` prints)."""
    return expand_macros(path.read_text(encoding="utf-8"))
