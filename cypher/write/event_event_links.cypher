// Event -> event links: a denial DENIES, an accusation is ABOUT, a casualty is CAUSED_BY a strike.
// params: $rows [{source, target, type: DENIES | ABOUT | CAUSED_BY, article_id}]
UNWIND $rows AS row
MATCH (s:Event {id: row.source}), (t:Event {id: row.target})
FOREACH (_ IN CASE row.type WHEN 'DENIES' THEN [1] ELSE [] END |
  MERGE (s)-[r:DENIES]->(t)
  SET r.articles = CASE WHEN row.article_id IN coalesce(r.articles, []) THEN r.articles ELSE coalesce(r.articles, []) + row.article_id END)
FOREACH (_ IN CASE row.type WHEN 'ABOUT' THEN [1] ELSE [] END |
  MERGE (s)-[r:ABOUT]->(t)
  SET r.articles = CASE WHEN row.article_id IN coalesce(r.articles, []) THEN r.articles ELSE coalesce(r.articles, []) + row.article_id END)
FOREACH (_ IN CASE row.type WHEN 'CAUSED_BY' THEN [1] ELSE [] END |
  MERGE (s)-[r:CAUSED_BY]->(t)
  SET r.articles = CASE WHEN row.article_id IN coalesce(r.articles, []) THEN r.articles ELSE coalesce(r.articles, []) + row.article_id END)
