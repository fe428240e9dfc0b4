// Readiness probe. Columns: ok (always 1).
RETURN 1 AS ok
