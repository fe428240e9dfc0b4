// Events some actor denies, newest first, with who claims them, who denies them and both sentences
// (GET /claims/disputed). params: $skip, $limit.
// columns: id, type, date, agents, claimed_by, claims [{article, sentence}], denials [{id, date, by, sentences}]
MATCH (:Denial)-[:DENIES]->(e:Event)
WITH DISTINCT e
ORDER BY e.date IS NULL, e.date DESC, e.id
SKIP $skip LIMIT $limit
RETURN e.id AS id, e.type AS type, toString(e.date) AS date,
       [(a:Actor)-[:AGENT_OF]->(e) | a {.id, .name}] AS agents,
       [(c:Actor)-[:CLAIMS]->(e) | c {.id, .name}] AS claimed_by,
       [(e)-[r:REPORTED_IN]->(art:Article) | {article: art.id, sentence: r.sentence}] AS claims,
       [(d:Denial)-[:DENIES]->(e) | {
          id: d.id, date: toString(d.date),
          by: [(x:Actor)-[:AGENT_OF]->(d) | x {.id, .name}],
          sentences: [(d)-[r:REPORTED_IN]->(art:Article) | {article: art.id, sentence: r.sentence}]}] AS denials
