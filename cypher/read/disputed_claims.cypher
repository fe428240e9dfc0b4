// Events some actor denies, newest first, with who claims them, who denies them and both sentences
// (GET /claims/disputed). params: $skip, $limit.
// returns: rows [{id, type, date, agents, claimed_by, claims [{article, sentence}], denials [{id, date, by, sentences}]}]
// The page comes back as one record (column rows, in order): one Bolt message instead of one per row.
MATCH (:Denial)-[:DENIES]->(e:Event)
WITH DISTINCT e
ORDER BY e.date IS NULL, e.date DESC, e.id
SKIP $skip LIMIT $limit
RETURN collect({
         id: e.id, type: e.type, date: toString(e.date),
         agents: [(a:Actor)-[:AGENT_OF]->(e) | a {.id, .name}],
         claimed_by: [(c:Actor)-[:CLAIMS]->(e) | c {.id, .name}],
         claims: [(e)-[r:REPORTED_IN]->(art:Article) | {article: art.id, sentence: r.sentence}],
         denials: [(d:Denial)-[:DENIES]->(e) | {
           id: d.id, date: toString(d.date),
           by: [(x:Actor)-[:AGENT_OF]->(d) | x {.id, .name}],
           sentences: [(d)-[r:REPORTED_IN]->(art:Article) | {article: art.id, sentence: r.sentence}]}]
       }) AS rows
