// What a paper proposes, evaluates on, compares with and uses: the names of its concepts grouped
// by its role towards each. One row.
// The paper is found as in litkg: by key, else by the first of $idents it holds (its DOI,
// arXiv id and normalised title, computed in Python by `litkg neo4j query`; [] in Neo4j Browser
// when $paper is a key), else by its input id when exactly one paper has it.
// twin: litkg.queries.papers.paper_profile
// order: one row; names within each list case-insensitively
// @param paper string required — the paper's key, id, DOI, arXiv id or title
// @param idents list derived paper_idents(paper) — identifiers $paper may stand for
{{ find_paper($paper, $idents, p) }}
WHERE p IS NOT NULL
OPTIONAL MATCH (p)-[r:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH]->(c:Concept)
WITH p, type(r) AS rel, c.name AS name
ORDER BY toLower(name), name
WITH p, collect([rel, name]) AS pairs
RETURN p.key AS paper, p.title AS title, p.year AS year,
       [x IN pairs WHERE x[0] = 'PROPOSES' | x[1]] AS proposes,
       [x IN pairs WHERE x[0] = 'EVALUATES_ON' | x[1]] AS evaluates_on,
       [x IN pairs WHERE x[0] = 'COMPARES_WITH' | x[1]] AS compares_with,
       [x IN pairs WHERE x[0] = 'USES' | x[1]] AS uses
