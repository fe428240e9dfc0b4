// Which kind of node an id names: Actor, Place, Event or Article (no row when none).
// params: $id. columns: label, name
CALL () {
  MATCH (n:Actor {id: $id}) RETURN 'Actor' AS label, n.name AS name
  UNION
  MATCH (n:Place {id: $id}) RETURN 'Place' AS label, n.name AS name
  UNION
  MATCH (n:Event {id: $id}) RETURN 'Event' AS label, n.type AS name
  UNION
  MATCH (n:Article {id: $id}) RETURN 'Article' AS label, n.title AS name
}
RETURN label, name
