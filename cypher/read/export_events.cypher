// Export: the events that pass a selection's filters (all of them, or those among $events), ordered and capped.
// An event is in a country when it happened at, or hit, a place or actor of that country, or an actor of that
// country carried it out. With a date bound, undated events are left out.
// params: $events [graph id] | null, $types [event type] (empty: all), $from, $to 'YYYY-MM-DD' | null,
//         $country ISO3 | null, $limit int
// columns: key (export node id)
MATCH (e:Event)
WHERE ($events IS NULL OR e.id IN $events)
  AND (size($types) = 0 OR e.type IN $types)
  AND ($from IS NULL OR e.date >= date($from))
  AND ($to IS NULL OR e.date <= date($to))
  AND ($country IS NULL
       OR EXISTS { MATCH (e)-[:AT|TARGETS]->(x) WHERE x.country = $country }
       OR EXISTS { MATCH (x:Actor)-[:AGENT_OF]->(e) WHERE x.country = $country })
RETURN 'event/' + e.id AS key
ORDER BY key
LIMIT $limit
