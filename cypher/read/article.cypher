// One article with what was extracted from it: mentioned actors and places, reported events (GET /articles/{id}).
// params: $id. columns: id, title, source, url, published, origin, ingested_at, text, actors, places, events
MATCH (a:Article {id: $id})
RETURN a.id AS id, a.title AS title, a.source AS source, a.url AS url, toString(a.published) AS published,
       a.origin AS origin, toString(a.ingested_at) AS ingested_at, a.text AS text,
       [(x:Actor)-[m:MENTIONED_IN]->(a) | {id: x.id, name: x.name, kind: x.kind, aliases: m.aliases}] AS actors,
       [(p:Place)-[m:MENTIONED_IN]->(a) | {id: p.id, name: p.name, kind: p.kind, aliases: m.aliases}] AS places,
       [(e:Event)-[r:REPORTED_IN]->(a) | {id: e.id, type: e.type, date: toString(e.date), sentence: r.sentence,
                                         start: r.start, end: r.end, killed: r.killed, injured: r.injured}] AS events
