// Which of these article ids are already in the graph (to skip them before extraction).
// params: $ids [string]. columns: id
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a.id AS id
