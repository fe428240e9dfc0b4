// Shortest connections between two actors or places, never through articles (GET /paths). Searches up to 4
// hops (the API's maximum; a variable-length bound cannot be a parameter) and keeps paths of <= $max_hops.
// An id may name an Actor and a Place (countries): paths from either count.
// params: $from, $to (actor or place ids), $max_hops (1-4), $limit.
// returns: one record: rows [{nodes [{id, label, name, kind, date}], edges [{source, target, type}]}],
// from_known, to_known (whether the ids name an actor or place: most pairs have no path, and this saves
// two more look-ups to tell "no path" from "no such node")
OPTIONAL MATCH (fa:Actor {id: $from})
OPTIONAL MATCH (fp:Place {id: $from})
OPTIONAL MATCH (ta:Actor {id: $to})
OPTIONAL MATCH (tp:Place {id: $to})
WITH [n IN [fa, fp] WHERE n IS NOT NULL] AS sources, [n IN [ta, tp] WHERE n IS NOT NULL] AS targets
CALL (sources, targets) {
  UNWIND sources AS a
  UNWIND targets AS b
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
}
RETURN rows, size(sources) > 0 AS from_known, size(targets) > 0 AS to_known
