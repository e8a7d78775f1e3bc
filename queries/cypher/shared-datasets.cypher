// Papers sharing datasets, ranked: pairs of papers and the datasets and benchmarks (or concepts
// of $types) both use. A shared concept used by few papers counts more: score = sum over the
// shared concepts of ln(papers in the graph / papers using it). jaccard = shared / concepts of
// $types of either paper. With $paper, only pairs with that paper (always paper_a); without it
// every pair, paper_a < paper_b by key (O(sum of squared concept usage): pass $paper on big graphs).
// The paper is found as in litkg (see paper-profile.cypher); $idents is computed by
// `litkg neo4j query` ([] in Neo4j Browser, or when $paper is null).
// Scores and jaccard are rounded to 4 places before ranking, as the twin does.
// twin: litkg.queries.shared.shared_datasets
// order: shared count descending, score descending, jaccard descending, paper_a, paper_b
// @param paper string = null — only pairs with this paper (key, id, DOI, arXiv id or title); null: all pairs
// @param idents list derived paper_idents(paper) — identifiers $paper may stand for
// @param min_shared integer = 1 — leave out pairs sharing fewer
// @param limit integer = 50 — at most this many pairs
// @param types list = ["dataset", "benchmark"] — the concept types that count
{{ find_paper($paper, $idents, focus) }}
WHERE $paper IS NULL OR focus IS NOT NULL
MATCH (everyPaper:Paper)
WITH focus, count(everyPaper) AS total
MATCH (a:Paper)
WHERE focus IS NULL OR a = focus
MATCH (a)-[:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH]->(c:Concept)<-[:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH]-(b:Paper)
WHERE c.type IN $types AND a <> b AND (focus IS NOT NULL OR a.key < b.key)
WITH total, a, b, collect(DISTINCT c) AS shared
WHERE size(shared) >= $min_shared
WITH total, a, b, shared,
     size([(a)-[:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH]->(x:Concept) WHERE x.type IN $types | x]) AS size_a,
     size([(b)-[:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH]->(x:Concept) WHERE x.type IN $types | x]) AS size_b
UNWIND shared AS c
WITH total, a, b, size(shared) AS sharedCount, size_a, size_b, c,
     size([(c)<-[:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH]-(user:Paper) | user]) AS df
ORDER BY toLower(c.name), c.name
WITH a, b, sharedCount, size_a, size_b, collect(c.name) AS names,
     round(sum(log(toFloat(total) / df)), 4) AS score
WITH a, b, sharedCount, names, score, round(toFloat(sharedCount) / (size_a + size_b - sharedCount), 4) AS jaccard
RETURN a.key AS paper_a, a.title AS title_a, b.key AS paper_b, b.title AS title_b, names AS shared,
       sharedCount AS count, jaccard, score
ORDER BY sharedCount DESC, score DESC, jaccard DESC, paper_a, paper_b
LIMIT $limit
