// Event -> place links (where it happened, what was hit) with the articles that state them.
// params: $rows [{place, event, type: AT | TARGETS, article_id}]
UNWIND $rows AS row
MATCH (p:Place {id: row.place}), (e:Event {id: row.event})
FOREACH (_ IN CASE row.type WHEN 'AT' THEN [1] ELSE [] END |
  MERGE (e)-[r:AT]->(p)
  SET r.articles = CASE WHEN row.article_id IN coalesce(r.articles, []) THEN r.articles ELSE coalesce(r.articles, []) + row.article_id END)
FOREACH (_ IN CASE row.type WHEN 'TARGETS' THEN [1] ELSE [] END |
  MERGE (e)-[r:TARGETS]->(p)
  SET r.articles = CASE WHEN row.article_id IN coalesce(r.articles, []) THEN r.articles ELSE coalesce(r.articles, []) + row.article_id END)
