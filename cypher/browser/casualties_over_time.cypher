// Casualties over time: per day (the publication day when undated), every source's figures side by side,
// never added up.
// Neo4j Browser saved query (no parameters); a table.
MATCH (c:Casualty)-[r:REPORTED_IN]->(art:Article)
WITH coalesce(c.date, art.published) AS day, c, art
OPTIONAL MATCH (c)-[:AT]->(p:Place)
RETURN toString(day) AS day, count(DISTINCT c) AS reports, max(c.killed) AS highest_killed,
       collect(DISTINCT {place: p.name, killed: c.killed, injured: c.injured, source: art.source}) AS claims
ORDER BY day
