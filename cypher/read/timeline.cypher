// Events and casualty claims per day or week for an actor (events it carried out, casualties they caused)
// or a place (events at or targeting it or a place inside it) (GET /timeline). Undated events are left out.
// params: $actor or $place (the other null), $week (bool). columns: period, events, strikes, casualty_reports,
// killed_per_source, injured_per_source
CALL () {
  MATCH (:Actor {id: $actor})-[:AGENT_OF]->(e:Event)
  RETURN e
  UNION
  MATCH (:Actor {id: $actor})-[:AGENT_OF]->(:Event)<-[:CAUSED_BY]-(e:Casualty)
  RETURN e
  UNION
  MATCH (:Place {id: $place})<-[:LOCATED_IN*0..4]-(:Place)<-[:AT|TARGETS]-(e:Event)
  RETURN e
}
WITH e
WHERE e.date IS NOT NULL
WITH CASE WHEN $week THEN date.truncate('week', e.date) ELSE e.date END AS period, collect(e) AS events
RETURN toString(period) AS period, size(events) AS events,
       size([x IN events WHERE x:Strike]) AS strikes,
       size([x IN events WHERE x:Casualty]) AS casualty_reports,
       [x IN events WHERE x:Casualty AND x.killed IS NOT NULL | x.killed] AS killed_per_source,
       [x IN events WHERE x:Casualty AND x.injured IS NOT NULL | x.injured] AS injured_per_source
ORDER BY period
