// A shortest path between two concepts (or papers), ignoring direction, over paper–concept and
// concept–concept relationships: one row per step, from $a to $b; no rows when they are not
// connected. Among equally short paths, the one whose nodes, read from $b back to $a, have the
// smallest ids is returned, as the twin's breadth-first search does.
// $a and $b are found as $node in neighbourhood.cypher; `litkg neo4j query` computes
// $a_idents, $a_norm, $b_idents and $b_norm in Python.
// twin: litkg.queries.structure.path
// order: the path's steps, from $a to $b
// @param a string required — a concept name (or paper, or node id) to start from
// @param a_idents list derived paper_idents(a) — identifiers $a may stand for as a paper
// @param a_norm string derived concept_norm(a) — the normal form of $a as a concept name
// @param b string required — a concept name (or paper, or node id) to reach
// @param b_idents list derived paper_idents(b) — identifiers $b may stand for as a paper
// @param b_norm string derived concept_norm(b) — the normal form of $b as a concept name
{{ find_node($a, $a_idents, $a_norm, starts) }}
{{ find_node($b, $b_idents, $b_norm, goals, starts) }}
// A node both ends name is a path of one step; otherwise search only between distinct nodes
// (Neo4j refuses a shortest-path search from a node to itself).
WITH starts, goals, [n IN starts WHERE n IN goals] AS common
UNWIND CASE WHEN size(common) > 0 THEN [null] ELSE starts END AS s
UNWIND CASE WHEN size(common) > 0 THEN [null] ELSE goals END AS g
OPTIONAL MATCH route = allShortestPaths((s)-[:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|PART_OF|VARIANT_OF*]-(g))
WHERE all(n IN nodes(route) WHERE n:Paper OR n:Concept)
WITH CASE WHEN size(common) > 0 THEN [n IN common | [n]] ELSE [nodes(route)] END AS candidates
UNWIND candidates AS steps
WITH steps
WHERE steps IS NOT NULL
WITH steps, [n IN steps | CASE WHEN n:Paper THEN 'paper:' ELSE 'concept:' END + n.key] AS ids
ORDER BY size(steps), reverse(ids)
LIMIT 1
UNWIND range(0, size(steps) - 1) AS i
WITH i, ids[i] AS node, steps[i] AS n
RETURN node, CASE WHEN n:Paper THEN 'paper' ELSE 'concept' END AS kind,
       CASE WHEN n:Paper THEN n.title ELSE n.name END AS label
ORDER BY i
