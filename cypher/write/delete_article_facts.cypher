// Remove one article's own facts before it is rewritten (--force). Shared actors, places and events reported by
// other articles stay; only this article's provenance entries, reports, mentions and single-source events go.
// params: $id (article id). Statements run in order inside the article's write transaction.

// 1. Drop the article from every provenance list around what it mentions or reports; empty lists lose the link.
MATCH (:Article {id: $id})<-[:MENTIONED_IN|REPORTED_IN]-(n)
MATCH (n)-[r]-()
WHERE $id IN coalesce(r.articles, [])
WITH DISTINCT r
SET r.articles = [x IN r.articles WHERE x <> $id]
WITH r
WHERE size(r.articles) = 0
DELETE r;

// 2. Events no other article reports.
MATCH (:Article {id: $id})<-[:REPORTED_IN]-(e:Event)
WHERE NOT EXISTS { (e)-[:REPORTED_IN]->(other:Article) WHERE other.id <> $id }
WITH DISTINCT e
DETACH DELETE e;

// 3. The article's reports of events other articles also report.
MATCH (:Article {id: $id})<-[r:REPORTED_IN]-(:Event)
DELETE r;

// 4. Its mentions: aliases are recomputed from the remaining mentions; a node left with no link at all goes.
MATCH (:Article {id: $id})<-[m:MENTIONED_IN]-(n)
DELETE m
WITH DISTINCT n
OPTIONAL MATCH (n)-[o:MENTIONED_IN]->()
WITH n, collect(o.aliases) AS lists
SET n.aliases = reduce(acc = [], l IN lists | reduce(a = acc, x IN l | CASE WHEN x IN a THEN a ELSE a + x END))
WITH n
WHERE NOT EXISTS { (n)--() }
DELETE n
