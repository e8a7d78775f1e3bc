// Methods evaluated on benchmark Y: the methods and models that papers evaluating on Y (or, with
// $include_parts, on one of its parts) propose or use, with how many such papers do.
// Names resolve as in litkg: a concept one of whose spellings has the normal form $norm, else
// the concept whose key is $name (`litkg neo4j query` computes $norm from $name).
// twin: litkg.queries.usage.methods_on
// order: papers descending, then name, then key
// @param name string required — the benchmark's (or dataset's) name in any spelling, or its key
// @param norm string derived concept_norm(name) — the normal form of $name
// @param include_parts boolean = false — also papers that evaluate on a part of it
{{ find_concepts($name, $norm, targets) }}
UNWIND targets AS target
MATCH (c:Concept)-[:PART_OF*0..]->(target)
WHERE $include_parts OR c = target
WITH collect(DISTINCT c) AS wanted
UNWIND wanted AS c
MATCH (p:Paper)-[:EVALUATES_ON]->(c)
WITH DISTINCT p
MATCH (p)-[:PROPOSES|USES]->(m:Concept)
WHERE m.type IN ['method', 'model']
WITH m, count(DISTINCT p) AS papers
RETURN m.key AS key, m.name AS name, m.type AS type, papers
ORDER BY papers DESC, name, key
