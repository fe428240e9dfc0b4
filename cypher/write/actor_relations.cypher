// Actor -> actor relations with the articles that state them; types come from a fixed whitelist.
// params: $rows [{source, target, type, article_id}]
UNWIND $rows AS row
MATCH (s:Actor {id: row.source}), (t:Actor {id: row.target})
FOREACH (_ IN CASE row.type WHEN 'LEADS' THEN [1] ELSE [] END |
  MERGE (s)-[r:LEADS]->(t)
  SET r.articles = CASE WHEN row.article_id IN coalesce(r.articles, []) THEN r.articles ELSE coalesce(r.articles, []) + row.article_id END)
FOREACH (_ IN CASE row.type WHEN 'MEMBER_OF' THEN [1] ELSE [] END |
  MERGE (s)-[r:MEMBER_OF]->(t)
  SET r.articles = CASE WHEN row.article_id IN coalesce(r.articles, []) THEN r.articles ELSE coalesce(r.articles, []) + row.article_id END)
FOREACH (_ IN CASE row.type WHEN 'PART_OF' THEN [1] ELSE [] END |
  MERGE (s)-[r:PART_OF]->(t)
  SET r.articles = CASE WHEN row.article_id IN coalesce(r.articles, []) THEN r.articles ELSE coalesce(r.articles, []) + row.article_id END)
FOREACH (_ IN CASE row.type WHEN 'SPOKESPERSON_FOR' THEN [1] ELSE [] END |
  MERGE (s)-[r:SPOKESPERSON_FOR]->(t)
  SET r.articles = CASE WHEN row.article_id IN coalesce(r.articles, []) THEN r.articles ELSE coalesce(r.articles, []) + row.article_id END)
FOREACH (_ IN CASE row.type WHEN 'ALLIED_WITH' THEN [1] ELSE [] END |
  MERGE (s)-[r:ALLIED_WITH]->(t)
  SET r.articles = CASE WHEN row.article_id IN coalesce(r.articles, []) THEN r.articles ELSE coalesce(r.articles, []) + row.article_id END)
FOREACH (_ IN CASE row.type WHEN 'SUPPORTS' THEN [1] ELSE [] END |
  MERGE (s)-[r:SUPPORTS]->(t)
  SET r.articles = CASE WHEN row.article_id IN coalesce(r.articles, []) THEN r.articles ELSE coalesce(r.articles, []) + row.article_id END)
