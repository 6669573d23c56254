// Backup: the indexes and constraint-backing indexes of the database, named in the backup's header.
// Params: none. Returns: name, type, entityType, labelsOrTypes, properties, owningConstraint.
SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, owningConstraint
RETURN name, type, entityType, labelsOrTypes, properties, owningConstraint
ORDER BY name
