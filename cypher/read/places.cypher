// Places matching optional filters: a name part, and/or within a radius of a point (GET /places).
// params: $q (case-insensitive part of the name or an alias, or null), $lat, $lon, $radius_m (all null or all set),
// $skip, $limit. returns: rows [{id, name, kind, country, lat, lon, events, distance_km}]
// The page comes back as one record (column rows, in order): one Bolt message instead of one per row.
MATCH (p:Place)
WHERE ($q IS NULL OR toLower(p.name) CONTAINS toLower($q)
       OR any(alias IN coalesce(p.aliases, []) WHERE toLower(alias) CONTAINS toLower($q)))
WITH p, CASE WHEN $lat IS NULL THEN null
             ELSE point.distance(p.location, point({latitude: $lat, longitude: $lon})) END AS distance_m
WHERE $lat IS NULL OR distance_m <= $radius_m
WITH p, COUNT { (p)<-[:AT|TARGETS]-(:Event) } AS events,
     CASE WHEN distance_m IS NULL THEN null ELSE round(distance_m / 1000.0, 3) END AS distance_km
ORDER BY distance_km, events DESC, p.name, p.id
SKIP $skip LIMIT $limit
RETURN collect({id: p.id, name: p.name, kind: p.kind, country: p.country, lat: p.lat, lon: p.lon, events: events,
                distance_km: distance_km}) AS rows
