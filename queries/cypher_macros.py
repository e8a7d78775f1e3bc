"""Cypher that litkg generates from its own constants and rules, spliced into the query library's
files where they write ``{{ name(arguments) }}``, so that no ``.cypher`` file copies a constant
or the lookup of a paper or concept.

- ``{{ role_rank(type(r)) }}`` becomes the ``CASE`` that ranks roles as
  :data:`litkg.records.ROLES` orders them (:func:`litkg.graph.neo4j_model.role_rank_cypher`);
- ``{{ find_paper($paper, $idents, p) }}`` finds the paper ``$paper`` names and binds it to
  ``p`` (null when none does), as :func:`litkg.queries.resolve.resolve_paper` does: by key, else
  by the first of ``$idents`` it holds (computed by :func:`litkg.identity.reference_identifiers`),
  else by an input id exactly one paper has;
- ``{{ find_concepts($name, $norm, targets) }}`` binds ``targets`` to the list of concepts one of
  whose spellings has the normal form ``$norm``, else to the concept keyed ``$name`` (or ``[]``),
  as :func:`litkg.queries.resolve.resolve_concepts` does;
- ``{{ find_node($node, $idents, $norm, seen) }}`` binds ``seen`` to the list of nodes ``$node``
  names, as :func:`litkg.queries.resolve.resolve_node` does: a node id, else a paper, else the
  concepts of that name.

Each lookup ends in a ``WITH`` that keeps only its result: further arguments name the variables
it carries along (``{{ find_node($b, $b_idents, $b_norm, goals, starts) }}``). ``litkg neo4j
queries --show`` prints the expanded text, ready for Neo4j Browser.
"""
from __future__ import annotations

import re
from pathlib import Path

from litkg.errors import QueryError
from litkg.graph.neo4j_model import role_rank_cypher

__all__ = ["MACROS", "expand_macros", "read_query_file", "find_paper", "find_concepts", "find_node"]


def _with(carry: tuple[str, ...], *more: str) -> str:
    return "WITH " + ", ".join((*carry, *more))


def find_paper(ref: str, idents: str, result: str, *carry: str) -> str:
    """Cypher binding ``result`` to the paper ``ref`` names, or null.

    >>> print(find_paper("$paper", "$idents", "p").splitlines()[0])
    OPTIONAL MATCH (candidate:Paper)
    """
    return "\n".join([
        "OPTIONAL MATCH (candidate:Paper)",
        f"WHERE candidate.key = {ref} OR candidate.id = {ref} OR any(i IN {idents} WHERE i IN candidate.idents)",
        _with(carry, "candidate,"),
        f"     CASE WHEN candidate.key = {ref} THEN 0",
        f"          ELSE coalesce(head([i IN range(0, size({idents}) - 1) WHERE {idents}[i] IN candidate.idents])"
        " + 1, 9) END AS rank",
        "ORDER BY rank, candidate.key",
        _with(carry, "collect(candidate) AS candidates", "collect(rank) AS ranks"),
        _with(carry, f"CASE WHEN ranks[0] < 9 OR size(candidates) = 1 THEN candidates[0] END AS {result}"),
    ])


def find_concepts(ref: str, norm: str, result: str, *carry: str) -> str:
    """Cypher binding ``result`` to the list of concepts the name ``ref`` (normal form ``norm``) names."""
    return "\n".join([
        f"OPTIONAL MATCH (named:Concept) WHERE {norm} IN named.alias_norms",
        _with(carry, "collect(named) AS byAlias"),
        f"OPTIONAL MATCH (byKey:Concept {{key: {ref}}})",
        _with(carry, "CASE WHEN size(byAlias) > 0 THEN byAlias WHEN byKey IS NULL THEN []"
                     f" ELSE [byKey] END AS {result}"),
    ])


def find_node(ref: str, idents: str, norm: str, result: str, *carry: str) -> str:
    """Cypher binding ``result`` to the list of nodes ``ref`` names: [] when none."""
    explicit = (*carry, "explicitPaper", "explicitConcept")
    return "\n".join([
        f"OPTIONAL MATCH (explicitPaper:Paper {{key: substring({ref}, 6)}}) WHERE {ref} STARTS WITH 'paper:'",
        f"OPTIONAL MATCH (explicitConcept:Concept {{key: substring({ref}, 8)}}) WHERE {ref} STARTS WITH 'concept:'",
        find_paper(ref, idents, "paper", *explicit),
        find_concepts(ref, norm, "concepts", *explicit, "paper"),
        _with(carry, "CASE WHEN explicitPaper IS NOT NULL THEN [explicitPaper]"),
        "          WHEN explicitConcept IS NOT NULL THEN [explicitConcept]",
        f"          WHEN paper IS NOT NULL THEN [paper] ELSE concepts END AS {result}",
    ])


#: Each macro a library file may use → the function of its arguments that writes its Cypher.
MACROS = {"role_rank": role_rank_cypher, "find_paper": find_paper, "find_concepts": find_concepts,
          "find_node": find_node}

#: ``{{ name(arguments) }}`` in a library file: Cypher that litkg generates from its own constants
#: when the file is read (:func:`expand_macros`), so that no query copies them.
_MACRO = re.compile(r"\{\{\s*(\w+)\((.*?)\)\s*\}\}")


def _arguments(text: str) -> list[str]:
    """``text`` split at the commas outside parentheses: ``type(r)`` is one argument."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if ch == "," and depth == 0:
            parts.append(text[start:i].strip())
            start = i + 1
    return parts + [text[start:].strip()]


def expand_macros(text: str) -> str:
    """``text`` with each ``{{ name(arguments) }}`` replaced by the Cypher its macro writes.

    >>> expand_macros("ORDER BY {{ role_rank(type(r)) }}, p.key")[:42]
    "ORDER BY CASE type(r) WHEN 'PROPOSES' THEN"
    """

    def expand(match: re.Match) -> str:
        if match[1] not in MACROS:
            raise QueryError(f"unknown library macro {match[1]!r}", hint=f"macros: {', '.join(MACROS)}")
        try:
            return MACROS[match[1]](*_arguments(match[2]))
        except TypeError:
            raise QueryError(f"library macro {match[0]!r}: wrong number of arguments") from None

    return _MACRO.sub(expand, text)


def read_query_file(path: Path) -> str:
    """The text of a library file as it runs: its macros expanded (what ``--show`` prints)."""
    return expand_macros(path.read_text(encoding="utf-8"))
