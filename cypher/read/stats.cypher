// Node counts per label, relationship count, and event counts per type (GET /stats).
// params: none. columns: articles, actors, places, events, relationships, event_types [{type, count}]
CALL () { MATCH (n:Article) RETURN count(n) AS articles }
CALL () { MATCH (n:Actor) RETURN count(n) AS actors }
CALL () { MATCH (n:Place) RETURN count(n) AS places }
CALL () { MATCH (n:Event) RETURN count(n) AS events }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
CALL () {
  MATCH (e:Event)
  WITH e.type AS type, count(*) AS n
  ORDER BY type
  RETURN collect({type: type, count: n}) AS event_types
}
RETURN articles, actors, places, events, relationships, event_types
