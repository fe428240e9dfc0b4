// Shared places merged on their canonical id; the surface forms each article used are kept on MENTIONED_IN.
// params: $rows [{id, name, kind, country, lat, lon, geonames_id, aliases, article_id}]
UNWIND $rows AS row
MERGE (p:Place {id: row.id})
  ON CREATE SET p.name = row.name, p.kind = row.kind
SET p.country = coalesce(p.country, row.country),
    p.geonames_id = coalesce(p.geonames_id, row.geonames_id),
    p.lat = coalesce(p.lat, row.lat),
    p.lon = coalesce(p.lon, row.lon),
    p.aliases = reduce(acc = coalesce(p.aliases, []), x IN row.aliases | CASE WHEN x IN acc THEN acc ELSE acc + x END)
SET p.location = CASE WHEN p.lat IS NULL OR p.lon IS NULL THEN null
                      ELSE point({latitude: p.lat, longitude: p.lon}) END
WITH p, row
MATCH (art:Article {id: row.article_id})
MERGE (p)-[m:MENTIONED_IN]->(art)
SET m.aliases = reduce(acc = coalesce(m.aliases, []), x IN row.aliases | CASE WHEN x IN acc THEN acc ELSE acc + x END)
