// Indexes not owned by a constraint (those show under constraints). Columns: name, type, entityType,
// labelsOrTypes, properties, state.
SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, state, owningConstraint
WHERE owningConstraint IS NULL
RETURN name, type, entityType, labelsOrTypes, properties, state
ORDER BY name
