// Place containment (city -> region -> country), with the articles that state it.
// params: $rows [{child, parent, article_id}]
UNWIND $rows AS row
MATCH (child:Place {id: row.child}), (parent:Place {id: row.parent})
WHERE child <> parent
MERGE (child)-[r:LOCATED_IN]->(parent)
SET r.articles = CASE WHEN row.article_id IN coalesce(r.articles, []) THEN r.articles
                      ELSE coalesce(r.articles, []) + row.article_id END
