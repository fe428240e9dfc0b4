// How one actor is linked to each other actor, both directions, most links first (GET /actors/{id}/relations):
// events one side carried out against the other (a strike on a place counts against the place's country),
// denials of the other's events or claims, and organisational links (LEADS, MEMBER_OF, ALLIED_WITH ...).
// params: $id, $skip, $limit.
// returns: rows [{id, name, kind, total, links [{kind, direction, count, first, last, evidence, articles}]}]
// The page comes back as one record (column rows, in order): one Bolt message instead of one per row.
MATCH (x:Actor {id: $id})
CALL (x) {
  MATCH (x)-[:AGENT_OF]->(e:Event)-[:TARGETS]->(y:Actor)
  RETURN y, e.type AS kind, 'out' AS direction, e, null AS r
  UNION
  MATCH (y:Actor)-[:AGENT_OF]->(e:Event)-[:TARGETS]->(x)
  RETURN y, e.type AS kind, 'in' AS direction, e, null AS r
  UNION
  MATCH (x)-[:AGENT_OF]->(e:Strike)-[:AT|TARGETS]->(p:Place)
  WHERE p.country IS NOT NULL
  MATCH (y:Actor {id: 'country:' + p.country})
  RETURN y, e.type AS kind, 'out' AS direction, e, null AS r
  UNION
  MATCH (:Place {id: x.id})<-[:LOCATED_IN*0..3]-(:Place)<-[:AT|TARGETS]-(e:Strike)<-[:AGENT_OF]-(y:Actor)
  RETURN y, e.type AS kind, 'in' AS direction, e, null AS r
  UNION
  MATCH (x)-[:AGENT_OF]->(e:Denial)-[:DENIES]->(:Event)<-[:AGENT_OF|CLAIMS]-(y:Actor)
  RETURN y, e.type AS kind, 'out' AS direction, e, null AS r
  UNION
  MATCH (x)-[:AGENT_OF|CLAIMS]->(:Event)<-[:DENIES]-(e:Denial)<-[:AGENT_OF]-(y:Actor)
  RETURN y, e.type AS kind, 'in' AS direction, e, null AS r
  UNION
  MATCH (x)-[r:LEADS|MEMBER_OF|PART_OF|SPOKESPERSON_FOR|ALLIED_WITH|SUPPORTS]->(y:Actor)
  RETURN y, type(r) AS kind, 'out' AS direction, null AS e, r
  UNION
  MATCH (x)<-[r:LEADS|MEMBER_OF|PART_OF|SPOKESPERSON_FOR|ALLIED_WITH|SUPPORTS]-(y:Actor)
  RETURN y, type(r) AS kind, 'in' AS direction, null AS e, r
}
WITH x, y, kind, direction, e, r
WHERE y <> x
WITH y, kind, direction, collect(DISTINCT e) AS events, collect(DISTINCT r) AS links,
     min(e.date) AS first, max(e.date) AS last
WITH y, kind, direction, events, links, first, last,
     CASE WHEN size(events) > 0 THEN size(events)
          ELSE reduce(n = 0, l IN links | n + size(coalesce(l.articles, []))) END AS count
WITH y, collect({kind: kind, direction: direction, count: count, first: first, last: last, events: events[..3],
                 links: links}) AS found, sum(count) AS total
ORDER BY total DESC, y.name, y.id
SKIP $skip LIMIT $limit
// Evidence sentences only for the page: looking them up is most of the query's work.
RETURN collect({
         id: y.id, name: y.name, kind: y.kind, total: total,
         links: [l IN found | {
           kind: l.kind, direction: l.direction, count: l.count, first: toString(l.first), last: toString(l.last),
           evidence: [ev IN l.events | head([(ev)-[rep:REPORTED_IN]->(art:Article) |
                       {event: ev.id, date: toString(ev.date), article: art.id, sentence: rep.sentence}])],
           articles: reduce(acc = [], r IN l.links | acc + coalesce(r.articles, []))[..10]
         }]
       }) AS rows
