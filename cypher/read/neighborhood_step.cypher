// One breadth-first step of a neighbourhood: the links of the frontier nodes, never through articles
// (GET /graph/neighborhood runs it once per hop). params: $ids (actor, place or event ids), $limit (links).
// returns: rows [{source, target ({id, label, name, kind, date}), type}]
// The page comes back as one record (column rows, in order): one Bolt message instead of one per row.
UNWIND $ids AS id
CALL (id) {
  MATCH (n:Actor {id: id}) RETURN n
  UNION
  MATCH (n:Place {id: id}) RETURN n
  UNION
  MATCH (n:Event {id: id}) RETURN n
}
MATCH (n)-[r:AGENT_OF|CLAIMS|TARGETS|AT|DENIES|ABOUT|CAUSED_BY|LOCATED_IN|LEADS|MEMBER_OF|PART_OF|SPOKESPERSON_FOR|ALLIED_WITH|SUPPORTS]-()
WITH DISTINCT r
LIMIT $limit
WITH r, startNode(r) AS s, endNode(r) AS t
RETURN collect({
         source: {id: s.id, label: CASE WHEN s:Actor THEN 'Actor' WHEN s:Place THEN 'Place' ELSE 'Event' END,
                  name: coalesce(s.name, s.type), kind: coalesce(s.kind, s.type), date: toString(s.date)},
         target: {id: t.id, label: CASE WHEN t:Actor THEN 'Actor' WHEN t:Place THEN 'Place' ELSE 'Event' END,
                  name: coalesce(t.name, t.type), kind: coalesce(t.kind, t.type), date: toString(t.date)},
         type: type(r)
       }) AS rows
