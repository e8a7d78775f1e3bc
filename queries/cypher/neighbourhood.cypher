// The neighbourhood of a paper (or concept): every node at most $radius hops away, ignoring
// direction, over paper–concept and concept–concept relationships, and every such relationship
// between those nodes. One row: node ids ("paper:<key>", "concept:<key>") and edges
// [from, to, role or relation].
// $node is found as in litkg: an explicit id "paper:<key>"/"concept:<key>", else a paper (by key,
// by the first of $node_idents it holds, else by a unique input id), else the concepts one of
// whose spellings has the normal form $node_norm, else the concept keyed $node. `litkg neo4j
// query` computes $node_idents and $node_norm in Python.
// Radius 0 to 3 (the Cypher walks one level at a time; the twin takes any radius).
// twin: litkg.queries.structure.neighbourhood
// order: one row; nodes and edges sorted
// @param node string required — a paper (key, id, DOI, arXiv id, title), a concept name, or a node id
// @param node_idents list derived paper_idents(node) — identifiers $node may stand for as a paper
// @param node_norm string derived concept_norm(node) — the normal form of $node as a concept name
// @param radius integer = 1 {0|1|2|3} — hops
{{ find_node($node, $node_idents, $node_norm, seen0) }}
WHERE size(seen0) > 0
// one level at a time: expand the frontier (the nodes found last), keep what is new
UNWIND seen0 AS x
OPTIONAL MATCH (x)-[:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|PART_OF|VARIANT_OF]-(y)
WHERE $radius >= 1 AND (y:Paper OR y:Concept)
WITH seen0, collect(DISTINCT y) AS found
WITH seen0 + [n IN found WHERE NOT n IN seen0] AS seen1, [n IN found WHERE NOT n IN seen0] AS frontier1
UNWIND CASE WHEN size(frontier1) = 0 THEN [null] ELSE frontier1 END AS x
OPTIONAL MATCH (x)-[:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|PART_OF|VARIANT_OF]-(y)
WHERE $radius >= 2 AND (y:Paper OR y:Concept)
WITH seen1, collect(DISTINCT y) AS found
WITH seen1 + [n IN found WHERE NOT n IN seen1] AS seen2, [n IN found WHERE NOT n IN seen1] AS frontier2
UNWIND CASE WHEN size(frontier2) = 0 THEN [null] ELSE frontier2 END AS x
OPTIONAL MATCH (x)-[:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|PART_OF|VARIANT_OF]-(y)
WHERE $radius >= 3 AND (y:Paper OR y:Concept)
WITH seen2, collect(DISTINCT y) AS found
WITH seen2 + [n IN found WHERE NOT n IN seen2] AS members
UNWIND members AS a
OPTIONAL MATCH (a)-[r:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH|PART_OF|VARIANT_OF]->(b)
WHERE b IN members
WITH a, r, CASE WHEN a:Paper THEN 'paper:' ELSE 'concept:' END + a.key AS source,
     CASE WHEN b:Paper THEN 'paper:' ELSE 'concept:' END + b.key AS target
ORDER BY source, target, toLower(type(r))
WITH collect(DISTINCT source) AS ids,
     collect(CASE WHEN r IS NULL THEN null ELSE [source, target, toLower(type(r))] END) AS edges
UNWIND ids AS id
WITH edges, id
ORDER BY id
RETURN collect(id) AS nodes, edges
