// Usage of a concept by year (or month): how many papers of each period use it, optionally
// counting papers that name only one of its parts. Periods with no paper are left out; papers
// without a year (by month: without a full yyyy-mm date) are counted under "unknown".
// Names resolve as in litkg: a concept one of whose spellings has the normal form $norm, else
// the concept whose key is $name (`litkg neo4j query` computes $norm from $name).
// twin: litkg.queries.usage.timeline
// order: period ascending, "unknown" last
// @param name string required — the concept's name in any spelling, or its key
// @param norm string derived concept_norm(name) — the normal form of $name
// @param by string = "year" {year|month} — the period: year ("2023") or month ("2023-04")
// @param include_parts boolean = false — also papers that name only a part of the concept
{{ find_concepts($name, $norm, targets) }}
UNWIND targets AS target
MATCH (c:Concept)-[:PART_OF*0..]->(target)
WHERE $include_parts OR c = target
WITH collect(DISTINCT c) AS wanted
UNWIND wanted AS c
MATCH (p:Paper)-[:PROPOSES|USES|EVALUATES_ON|COMPARES_WITH]->(c)
WITH DISTINCT p
WITH CASE WHEN $by = 'month'
          THEN CASE WHEN p.date =~ '(?s)[0-9]{4}-[0-9]{2}.*' THEN substring(p.date, 0, 7) END
          ELSE toString(p.year) END AS known
WITH coalesce(known, 'unknown') AS period, count(*) AS papers
RETURN period, papers
ORDER BY period = 'unknown', period
