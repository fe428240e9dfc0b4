// Events merged on their id (cross-article key or article-local id, see graph_service/writer.py), with the
// subtype label from a fixed whitelist and one REPORTED_IN per reporting sentence. Figures stay per source on
// REPORTED_IN; a node carries them only when it is article-local (always so for casualties).
// params: $rows [{id, label, type, date, weapon, killed, injured, count_qualifier, victims, single_source,
//                 claimed_by, sentence, start, end, article_id}]
UNWIND $rows AS row
MERGE (e:Event {id: row.id})
  ON CREATE SET e.type = row.type, e.date = CASE WHEN row.date IS NULL THEN null ELSE date(row.date) END
SET e.weapon = coalesce(e.weapon, row.weapon)
FOREACH (_ IN CASE WHEN row.single_source THEN [1] ELSE [] END |
  SET e.killed = row.killed, e.injured = row.injured, e.count_qualifier = row.count_qualifier,
      e.victims = row.victims)
FOREACH (_ IN CASE row.label WHEN 'Strike' THEN [1] ELSE [] END | SET e:Strike)
FOREACH (_ IN CASE row.label WHEN 'Casualty' THEN [1] ELSE [] END | SET e:Casualty)
FOREACH (_ IN CASE row.label WHEN 'Denial' THEN [1] ELSE [] END | SET e:Denial)
FOREACH (_ IN CASE row.label WHEN 'Accusation' THEN [1] ELSE [] END | SET e:Accusation)
FOREACH (_ IN CASE row.label WHEN 'Capture' THEN [1] ELSE [] END | SET e:Capture)
FOREACH (_ IN CASE row.label WHEN 'Demand' THEN [1] ELSE [] END | SET e:Demand)
FOREACH (_ IN CASE row.label WHEN 'CeasefireCall' THEN [1] ELSE [] END | SET e:CeasefireCall)
FOREACH (_ IN CASE row.label WHEN 'Threat' THEN [1] ELSE [] END | SET e:Threat)
WITH e, row
MATCH (art:Article {id: row.article_id})
MERGE (e)-[r:REPORTED_IN {start: row.start}]->(art)
SET r.end = row.end, r.sentence = row.sentence, r.claimed_by = row.claimed_by, r.weapon = row.weapon,
    r.killed = row.killed, r.injured = row.injured, r.count_qualifier = row.count_qualifier, r.victims = row.victims
