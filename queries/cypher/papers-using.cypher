// Papers that use a concept (any spelling: WiLDS finds WILDS), optionally including the papers
// that name only one of its parts (GWHD 2021 or Camelyon17 for WILDS); one row per paper with its
// role towards the concept and the sentence that says so.
// A paper with edges to the concept and to its parts is shown with its direct edge.
// Names resolve as in litkg: a concept one of whose spellings has the normal form $norm, else
// the concept whose key is $name. `litkg neo4j query` computes $norm from $name in Python
// (litkg.extract.normalise.concept_norm); in Neo4j Browser set it yourself.
// twin: litkg.queries.usage.papers_using
// order: role (proposes, evaluates_on, compares_with, uses), year newest first (unknown last), paper key
// @param name string required — the concept's name in any spelling, or its key
// @param norm string derived concept_norm(name) — the normal form of $name
// @param include_parts boolean = false — also papers that name only a part of the concept
{{ find_concepts($name, $norm, targets) }}
UNWIND targets AS target
MATCH (c:Concept)-[:PART_OF*0..]->(target)
WHERE $include_parts OR c = target
WITH targets, collect(DISTINCT c) AS wanted
UNWIND wanted AS c
MATCH (p:Paper)-[r:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH]->(c)
WITH p, r, c, NOT c IN targets AS via_part,
     {{ role_rank(type(r)) }} AS rank
ORDER BY rank, c.key
WITH p, collect({concept: c.name, concept_key: c.key, role: toLower(type(r)), confidence: r.confidence,
                 evidence: r.evidence, via_part: via_part, rank: rank}) AS uses
WITH p, uses[0] AS first, [u IN uses WHERE NOT u.via_part] AS direct
WITH p, first, CASE WHEN size(direct) > 0 THEN direct[0] ELSE first END AS use
RETURN p.key AS paper, p.title AS title, p.year AS year, use.concept AS concept, use.concept_key AS concept_key,
       use.role AS role, use.confidence AS confidence, use.evidence AS evidence, use.via_part AS via_part
ORDER BY first.rank, coalesce(p.year, -1) DESC, p.key
