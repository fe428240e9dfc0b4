// Name, version and edition of the Neo4j server (GET /health).
// params: none. columns: name, version, edition
CALL dbms.components() YIELD name, versions, edition
RETURN name, versions[0] AS version, edition
