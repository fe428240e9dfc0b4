// Shared actors merged on their canonical id; the surface forms each article used are kept on MENTIONED_IN.
// params: $rows [{id, name, kind, country, title, aliases, article_id}]
UNWIND $rows AS row
MERGE (a:Actor {id: row.id})
  ON CREATE SET a.name = row.name, a.kind = row.kind
SET a.country = coalesce(a.country, row.country),
    a.title = coalesce(a.title, row.title),
    a.aliases = reduce(acc = coalesce(a.aliases, []), x IN row.aliases | CASE WHEN x IN acc THEN acc ELSE acc + x END)
WITH a, row
MATCH (art:Article {id: row.article_id})
MERGE (a)-[m:MENTIONED_IN]->(art)
SET m.aliases = reduce(acc = coalesce(m.aliases, []), x IN row.aliases | CASE WHEN x IN acc THEN acc ELSE acc + x END),
    m.title = coalesce(row.title, m.title)
