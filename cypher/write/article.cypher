// Article metadata and text (written for new articles and on --force).
// params: $rows [{id, title, source, url, published, text, origin}]
UNWIND $rows AS row
MATCH (a:Article {id: row.id})
SET a.title = row.title,
    a.source = row.source,
    a.url = row.url,
    a.published = CASE WHEN row.published IS NULL THEN null ELSE date(row.published) END,
    a.text = row.text,
    a.origin = row.origin,
    a.ingested_at = datetime()
