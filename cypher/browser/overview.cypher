// Overview: actors, places and events with the links between them (articles left out).
// Neo4j Browser saved query (no parameters).
MATCH (n)-[r]->(m)
WHERE NOT n:Article AND NOT m:Article
RETURN n, r, m
LIMIT 400
