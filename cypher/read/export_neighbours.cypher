// Export: the actors, places and events one relationship away from the given nodes, never through articles.
// params: $actors, $places, $events [graph id]
// columns: key (export node id)
CALL () {
  MATCH (n:Actor) WHERE n.id IN $actors RETURN n
  UNION
  MATCH (n:Place) WHERE n.id IN $places RETURN n
  UNION
  MATCH (n:Event) WHERE n.id IN $events RETURN n
}
MATCH (n)--(m)
WHERE m:Actor OR m:Place OR m:Event
RETURN DISTINCT CASE WHEN m:Actor THEN 'actor/' WHEN m:Place THEN 'place/' ELSE 'event/' END + m.id AS key
