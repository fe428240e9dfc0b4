// Events matching optional filters, newest first (GET /events, GET /places/{id}/events).
// The search starts from the most selective filter given: actor, then place, then claimant, else every event.
// params: $type, $actor (agent or target), $place (at or targeting it or a place inside it), $from, $to
// ('YYYY-MM-DD'), $claimed_by (actor id), $disputed (bool: some actor denies it), $skip, $limit; null = any.
// returns: rows [{id, type, date, weapon, killed, injured, agents, targets, places, claimed_by, disputed, reports}]
// The page comes back as one record (column rows, in order): one Bolt message instead of one per row.
CALL () {
  MATCH (:Actor {id: $actor})-[:AGENT_OF|TARGETS]-(e:Event)
  RETURN e
  UNION
  MATCH (:Place {id: $place})<-[:LOCATED_IN*0..4]-(:Place)<-[:AT|TARGETS]-(e:Event)
  WHERE $actor IS NULL
  RETURN e
  UNION
  MATCH (:Actor {id: $claimed_by})-[:CLAIMS]->(e:Event)
  WHERE $actor IS NULL AND $place IS NULL
  RETURN e
  UNION
  // UNWIND of an empty list ends the branch before the label scan is even started.
  UNWIND CASE WHEN $actor IS NULL AND $place IS NULL AND $claimed_by IS NULL THEN [1] ELSE [] END AS go
  MATCH (e:Event)
  RETURN e
}
WITH e
// The branches above are exclusive, so the starting filter itself needs no second check.
WHERE ($type IS NULL OR e.type = $type)
  AND ($from IS NULL OR e.date >= date($from))
  AND ($to IS NULL OR e.date <= date($to))
  AND ($actor IS NULL OR $place IS NULL
       OR EXISTS { (e)-[:AT|TARGETS]->(:Place)-[:LOCATED_IN*0..4]->(:Place {id: $place}) })
  AND ($claimed_by IS NULL OR ($actor IS NULL AND $place IS NULL)
       OR EXISTS { (:Actor {id: $claimed_by})-[:CLAIMS]->(e) })
  // CASE, not OR: with OR the planner looked for a denial of every candidate even when $disputed is null.
  AND CASE WHEN $disputed IS NULL THEN true ELSE EXISTS { (:Denial)-[:DENIES]->(e) } = $disputed END
WITH e
ORDER BY e.date IS NULL, e.date DESC, e.id
SKIP $skip LIMIT $limit
RETURN collect({
         id: e.id, type: e.type, date: toString(e.date), weapon: e.weapon, killed: e.killed, injured: e.injured,
         agents: [(a:Actor)-[:AGENT_OF]->(e) | a {.id, .name}],
         targets: [(e)-[:TARGETS]->(t) | {id: t.id, name: t.name, label: CASE WHEN t:Actor THEN 'Actor' ELSE 'Place' END}],
         places: [(e)-[:AT]->(p:Place) | p {.id, .name}],
         claimed_by: [(c:Actor)-[:CLAIMS]->(e) | c {.id, .name}],
         disputed: EXISTS { (:Denial)-[:DENIES]->(e) },
         reports: COUNT { (e)-[:REPORTED_IN]->(:Article) }
       }) AS rows
