// Export: one row per node (the given ones, or every actor, place and event when $all), ordered and capped.
// evidence = reporting sentences (events) or mentions (actors, places); articles = distinct articles.
// params: $all bool, $actors, $places, $events [graph id], $limit int
// columns: key, kind, type, name, country, title, lat, lon, geonames_id, date, weapon, killed, injured,
//          count_qualifier, victims, aliases, evidence, articles, sources
CALL () {
  MATCH (n:Actor) WHERE $all OR n.id IN $actors RETURN n, 'actor' AS kind
  UNION ALL
  MATCH (n:Place) WHERE $all OR n.id IN $places RETURN n, 'place' AS kind
  UNION ALL
  MATCH (n:Event) WHERE $all OR n.id IN $events RETURN n, 'event' AS kind
}
WITH n, kind
ORDER BY kind, n.id
LIMIT $limit
OPTIONAL MATCH (n)-[r:REPORTED_IN|MENTIONED_IN]->(a:Article)
WITH n, kind, count(r) AS evidence, count(DISTINCT a) AS articles, collect(DISTINCT a.source) AS sources
RETURN kind + '/' + n.id AS key, kind, CASE kind WHEN 'event' THEN n.type ELSE n.kind END AS type,
       n.name AS name, n.country AS country, n.title AS title, n.lat AS lat, n.lon AS lon,
       n.geonames_id AS geonames_id, toString(n.date) AS date, n.weapon AS weapon, n.killed AS killed,
       n.injured AS injured, n.count_qualifier AS count_qualifier, n.victims AS victims, n.aliases AS aliases,
       evidence, articles, sources
ORDER BY key
