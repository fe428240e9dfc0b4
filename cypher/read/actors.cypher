// Actors matching optional filters, most active first (GET /actors).
// params: $q (case-insensitive part of the name or an alias, or null), $kind, $country (ISO3), $skip, $limit.
// columns: id, name, kind, country, title, aliases, events
MATCH (a:Actor)
WHERE ($kind IS NULL OR a.kind = $kind)
  AND ($country IS NULL OR a.country = $country)
  AND ($q IS NULL OR toLower(a.name) CONTAINS toLower($q)
       OR any(alias IN coalesce(a.aliases, []) WHERE toLower(alias) CONTAINS toLower($q)))
WITH a, COUNT { (a)-[:AGENT_OF|CLAIMS|TARGETS]-(:Event) } AS events
RETURN a.id AS id, a.name AS name, a.kind AS kind, a.country AS country, a.title AS title,
       coalesce(a.aliases, []) AS aliases, events
ORDER BY events DESC, name, id
SKIP $skip LIMIT $limit
