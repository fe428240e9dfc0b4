// Disputed claims: every event some actor denies, with the denial, its author, the claimant and the place.
// Neo4j Browser saved query (no parameters).
MATCH p = (denier:Actor)-[:AGENT_OF]->(:Denial)-[:DENIES]->(e:Event)
OPTIONAL MATCH c = (:Actor)-[:CLAIMS]->(e)
OPTIONAL MATCH a = (:Actor)-[:AGENT_OF]->(e)
OPTIONAL MATCH w = (e)-[:AT]->(:Place)
RETURN p, c, a, w
