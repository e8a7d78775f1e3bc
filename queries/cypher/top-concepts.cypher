// The most used concepts, optionally of one type, with the number of papers using each (any
// role). Concepts no paper uses are left out.
// twin: litkg.queries.concepts.top_concepts
// order: papers descending, then name, then key
// @param type string = null {dataset|benchmark|model|method} — only concepts of this type (null: all)
// @param limit integer = 20 — at most this many rows
MATCH (p:Paper)-[:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH]->(c:Concept)
WHERE $type IS NULL OR c.type = $type
WITH c, count(DISTINCT p) AS papers
RETURN c.key AS key, c.name AS name, c.type AS type, papers
ORDER BY papers DESC, name, key
LIMIT $limit
