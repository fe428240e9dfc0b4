// Deletes every node and relationship of the current database (tests and resets only).
MATCH (n) DETACH DELETE n
