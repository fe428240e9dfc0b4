// Actor <-> event links with the articles that state them; types come from a fixed whitelist.
// params: $rows [{actor, event, type: AGENT_OF | CLAIMS | TARGETS, article_id}]
UNWIND $rows AS row
MATCH (a:Actor {id: row.actor}), (e:Event {id: row.event})
FOREACH (_ IN CASE row.type WHEN 'AGENT_OF' THEN [1] ELSE [] END |
  MERGE (a)-[r:AGENT_OF]->(e)
  SET r.articles = CASE WHEN row.article_id IN coalesce(r.articles, []) THEN r.articles ELSE coalesce(r.articles, []) + row.article_id END)
FOREACH (_ IN CASE row.type WHEN 'CLAIMS' THEN [1] ELSE [] END |
  MERGE (a)-[r:CLAIMS]->(e)
  SET r.articles = CASE WHEN row.article_id IN coalesce(r.articles, []) THEN r.articles ELSE coalesce(r.articles, []) + row.article_id END)
FOREACH (_ IN CASE row.type WHEN 'TARGETS' THEN [1] ELSE [] END |
  MERGE (e)-[r:TARGETS]->(a)
  SET r.articles = CASE WHEN row.article_id IN coalesce(r.articles, []) THEN r.articles ELSE coalesce(r.articles, []) + row.article_id END)
