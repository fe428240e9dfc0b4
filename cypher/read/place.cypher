// One place with the places it lies in and its event count, sub-places included (GET /places/{id}).
// params: $id. columns: id, name, kind, country, lat, lon, aliases, within [{id, name, kind}], events
MATCH (p:Place {id: $id})
RETURN p.id AS id, p.name AS name, p.kind AS kind, p.country AS country, p.lat AS lat, p.lon AS lon,
       coalesce(p.aliases, []) AS aliases,
       [(p)-[:LOCATED_IN*1..4]->(up:Place) | up {.id, .name, .kind}] AS within,
       COUNT { MATCH (p)<-[:LOCATED_IN*0..4]-(:Place)<-[:AT|TARGETS]-(e:Event) RETURN DISTINCT e } AS events
