// Claim the articles of one write transaction. MERGE takes the uniqueness lock on the id, so a concurrent ingest
// of the same article waits here and then sees it as existing.
// params: $rows [{id}], $run (token of this transaction attempt). columns: id, created
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
  ON CREATE SET a.ingest_run = $run
RETURN row.id AS id, a.ingest_run = $run AS created
