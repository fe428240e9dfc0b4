// Strikes on a place (and on the places inside it), who carried them out and who says so.
// Set the parameter first, e.g. `:param place => 'Kharkiv'`.
MATCH (target:Place)
WHERE target.name = $place OR $place IN target.aliases
MATCH p = (s:Strike)-[:AT|TARGETS]->(:Place)-[:LOCATED_IN*0..3]->(target)
OPTIONAL MATCH a = (:Actor)-[:AGENT_OF|CLAIMS]->(s)
OPTIONAL MATCH c = (:Casualty)-[:CAUSED_BY]->(s)
RETURN p, a, c
