// Shortest connections between two actors or places, never through articles (GET /paths). Searches up to 4
// hops (the API's maximum; a variable-length bound cannot be a parameter) and keeps paths of <= $max_hops.
// params: $from, $to (actor or place ids), $max_hops (1-4), $limit.
// returns: rows [{nodes [{id, label, name, kind, date}], edges [{source, target, type}]}]
// The page comes back as one record (column rows, in order): one Bolt message instead of one per row.
CALL () {
  MATCH (n:Actor {id: $from}) RETURN n AS a
  UNION
  MATCH (n:Place {id: $from}) RETURN n AS a
}
CALL () {
  MATCH (n:Actor {id: $to}) RETURN n AS b
  UNION
  MATCH (n:Place {id: $to}) RETURN n AS b
}
WITH a, b
WHERE a <> b
MATCH p = allShortestPaths(
  (a)-[:AGENT_OF|CLAIMS|TARGETS|AT|DENIES|ABOUT|CAUSED_BY|LOCATED_IN|LEADS|MEMBER_OF|PART_OF|SPOKESPERSON_FOR|ALLIED_WITH|SUPPORTS*..4]-(b)
)
WITH p
WHERE length(p) <= $max_hops
WITH p
LIMIT $limit
RETURN collect({
         nodes: [n IN nodes(p) | {id: n.id, label: CASE WHEN n:Actor THEN 'Actor' WHEN n:Place THEN 'Place' ELSE 'Event' END,
                                  name: coalesce(n.name, n.type), kind: coalesce(n.kind, n.type), date: toString(n.date)}],
         edges: [r IN relationships(p) | {source: startNode(r).id, target: endNode(r).id, type: type(r)}]
       }) AS rows
