// Places matching optional filters: a name part, and/or within a radius of a point (GET /places).
// params: $q (case-insensitive part of the name or an alias, or null), $lat, $lon, $radius_m (all null or all set),
// $skip, $limit. columns: id, name, kind, country, lat, lon, events, distance_km
MATCH (p:Place)
WHERE ($q IS NULL OR toLower(p.name) CONTAINS toLower($q)
       OR any(alias IN coalesce(p.aliases, []) WHERE toLower(alias) CONTAINS toLower($q)))
WITH p, CASE WHEN $lat IS NULL THEN null
             ELSE point.distance(p.location, point({latitude: $lat, longitude: $lon})) END AS distance_m
WHERE $lat IS NULL OR distance_m <= $radius_m
WITH p, distance_m, COUNT { (p)<-[:AT|TARGETS]-(:Event) } AS events
RETURN p.id AS id, p.name AS name, p.kind AS kind, p.country AS country, p.lat AS lat, p.lon AS lon, events,
       CASE WHEN distance_m IS NULL THEN null ELSE round(distance_m / 1000.0, 3) END AS distance_km
ORDER BY distance_km, events DESC, name, id
SKIP $skip LIMIT $limit
