// Events and casualty claims per day or week for an actor (events it carried out, casualties they caused)
// or a place (events at or targeting it or a place inside it) (GET /timeline). Undated events are left out.
// params: $actor or $place (the other null), $week (bool). returns: rows [{period, events, strikes,
// casualty_reports, killed_per_source, injured_per_source}]
// The page comes back as one record (column rows, in order): one Bolt message instead of one per row.
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
ORDER BY period
RETURN collect({
         period: toString(period), events: size(events),
         strikes: size([x IN events WHERE x:Strike]),
         casualty_reports: size([x IN events WHERE x:Casualty]),
         killed_per_source: [x IN events WHERE x:Casualty AND x.killed IS NOT NULL | x.killed],
         injured_per_source: [x IN events WHERE x:Casualty AND x.injured IS NOT NULL | x.injured]
       }) AS rows
