// Export: the fact relationships between the given nodes (provenance links to articles are node attributes).
// params: $actors, $places, $events [graph id]
// columns: source, target (export node ids), relation, articles (count), article_ids
CALL () {
  MATCH (n:Actor) WHERE n.id IN $actors RETURN n, 'actor' AS kind
  UNION ALL
  MATCH (n:Place) WHERE n.id IN $places RETURN n, 'place' AS kind
  UNION ALL
  MATCH (n:Event) WHERE n.id IN $events RETURN n, 'event' AS kind
}
MATCH (n)-[r]->(m)
WITH n, kind, r, m, CASE WHEN m:Actor THEN 'actor' WHEN m:Place THEN 'place' WHEN m:Event THEN 'event' END AS other
WHERE (other = 'actor' AND m.id IN $actors) OR (other = 'place' AND m.id IN $places)
   OR (other = 'event' AND m.id IN $events)
RETURN kind + '/' + n.id AS source, other + '/' + m.id AS target, type(r) AS relation,
       size(r.articles) AS articles, r.articles AS article_ids
ORDER BY source, relation, target
