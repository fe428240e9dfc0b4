// One event with its evidence, claimants, denials, linked casualty claims and linked events (GET /events/{id}).
// params: $id. columns: id, type, date, weapon, killed, injured, count_qualifier, victims, agents, targets,
// places, claimed_by, disputed, reports, evidence, denials, casualties, links
MATCH (e:Event {id: $id})
RETURN e.id AS id, e.type AS type, toString(e.date) AS date, e.weapon AS weapon, e.killed AS killed,
       e.injured AS injured, e.count_qualifier AS count_qualifier, e.victims AS victims,
       [(a:Actor)-[:AGENT_OF]->(e) | a {.id, .name}] AS agents,
       [(e)-[:TARGETS]->(t) | {id: t.id, name: t.name, label: CASE WHEN t:Actor THEN 'Actor' ELSE 'Place' END}]
         AS targets,
       [(e)-[:AT]->(p:Place) | p {.id, .name}] AS places,
       [(c:Actor)-[:CLAIMS]->(e) | c {.id, .name}] AS claimed_by,
       EXISTS { (:Denial)-[:DENIES]->(e) } AS disputed,
       COUNT { (e)-[:REPORTED_IN]->(:Article) } AS reports,
       [(e)-[r:REPORTED_IN]->(art:Article) | {
          article: art.id, title: art.title, source: art.source, url: art.url, published: toString(art.published),
          sentence: r.sentence, start: r.start, end: r.end, claimed_by: coalesce(r.claimed_by, []),
          killed: r.killed, injured: r.injured}] AS evidence,
       [(d:Denial)-[:DENIES]->(e) | {
          id: d.id, date: toString(d.date),
          by: [(x:Actor)-[:AGENT_OF]->(d) | x {.id, .name}],
          sentences: [(d)-[r:REPORTED_IN]->(art:Article) | {article: art.id, sentence: r.sentence}]}] AS denials,
       [(c:Casualty)-[:CAUSED_BY]->(e) | {
          id: c.id, date: toString(c.date), killed: c.killed, injured: c.injured,
          count_qualifier: c.count_qualifier, victims: c.victims,
          claimed_by: [(x:Actor)-[:CLAIMS]->(c) | x {.id, .name}],
          sentences: [(c)-[r:REPORTED_IN]->(art:Article) | {article: art.id, sentence: r.sentence}]}] AS casualties,
       [(e)-[l:DENIES|ABOUT|CAUSED_BY]-(o:Event) | {
          id: o.id, type: o.type, date: toString(o.date), relation: type(l),
          direction: CASE WHEN startNode(l) = e THEN 'out' ELSE 'in' END}] AS links
