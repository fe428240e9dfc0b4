// The strike on a place, who claims it, who denies it, and the casualties it caused.
// params: $place (name or alias of the place struck)
// columns: agents, claimants, deniers, killed, injured, victims
MATCH (s:Strike)-[:AT]->(p:Place)
WHERE p.name = $place OR $place IN p.aliases
OPTIONAL MATCH (agent:Actor)-[:AGENT_OF]->(s)
OPTIONAL MATCH (claimant:Actor)-[:CLAIMS]->(s)
OPTIONAL MATCH (denier:Actor)-[:AGENT_OF]->(:Denial)-[:DENIES]->(s)
OPTIONAL MATCH (c:Casualty)-[:CAUSED_BY]->(s)
RETURN collect(DISTINCT agent.name) AS agents, collect(DISTINCT claimant.name) AS claimants,
       collect(DISTINCT denier.name) AS deniers, collect(DISTINCT c.killed) AS killed,
       collect(DISTINCT c.injured) AS injured, collect(DISTINCT c.victims) AS victims
