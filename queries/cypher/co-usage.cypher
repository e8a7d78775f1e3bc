// Concepts used together with a concept X: for each other concept, how many of the papers that
// use X also use it; optionally only concepts of one type.
// Names resolve as in litkg: a concept one of whose spellings has the normal form $norm, else
// the concept whose key is $name (`litkg neo4j query` computes $norm from $name).
// twin: litkg.queries.usage.co_usage
// order: papers descending, then name, then key
// @param name string required — the concept's name in any spelling, or its key
// @param norm string derived concept_norm(name) — the normal form of $name
// @param type string = null {dataset|benchmark|model|method} — only co-used concepts of this type (null: all)
// @param limit integer = 20 — at most this many rows
{{ find_concepts($name, $norm, targets) }}
UNWIND targets AS target
MATCH (p:Paper)-[:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH]->(target)
WITH targets, collect(DISTINCT p) AS users
UNWIND users AS p
MATCH (p)-[:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH]->(c:Concept)
WHERE NOT c IN targets AND ($type IS NULL OR c.type = $type)
WITH c, count(DISTINCT p) AS papers
RETURN c.key AS key, c.name AS name, c.type AS type, papers
ORDER BY papers DESC, name, key
LIMIT $limit
