// Actors matching optional filters, most active first (GET /actors).
// params: $q (case-insensitive part of the name or an alias, or null), $kind, $country (ISO3), $skip, $limit.
// returns: rows [{id, name, kind, country, title, aliases, events}]
// The page comes back as one record (column rows, in order): one Bolt message instead of one per row.
MATCH (a:Actor)
WHERE ($kind IS NULL OR a.kind = $kind)
  AND ($country IS NULL OR a.country = $country)
  AND ($q IS NULL OR toLower(a.name) CONTAINS toLower($q)
       OR any(alias IN coalesce(a.aliases, []) WHERE toLower(alias) CONTAINS toLower($q)))
WITH a, COUNT { (a)-[:AGENT_OF|CLAIMS|TARGETS]-(:Event) } AS events
ORDER BY events DESC, a.name, a.id
SKIP $skip LIMIT $limit
RETURN collect({id: a.id, name: a.name, kind: a.kind, country: a.country, title: a.title,
                aliases: coalesce(a.aliases, []), events: events}) AS rows
