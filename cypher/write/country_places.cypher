// Country places that sub-country places hang under (created once, completed by write/places when mentioned).
// params: $rows [{id, name, country}]
UNWIND $rows AS row
MERGE (c:Place {id: row.id})
  ON CREATE SET c.name = row.name, c.kind = 'country', c.country = row.country, c.aliases = [row.name]
