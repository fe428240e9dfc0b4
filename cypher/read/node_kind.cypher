// Which kinds of node an id names: any of Actor, Place, Event, Article (a country is an Actor and a Place).
// params: $id. returns: one record: labels (empty when no node has the id)
CALL () {
  MATCH (:Actor {id: $id}) RETURN 'Actor' AS label
  UNION
  MATCH (:Place {id: $id}) RETURN 'Place' AS label
  UNION
  MATCH (:Event {id: $id}) RETURN 'Event' AS label
  UNION
  MATCH (:Article {id: $id}) RETURN 'Article' AS label
}
RETURN collect(label) AS labels
