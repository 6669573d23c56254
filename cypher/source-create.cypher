// Creates a Source node as the seed does (seed-sources.cypher): name and title, full text, optional publisher,
// date and url, version 1. The entity_id constraint refuses a duplicate id.
// Params: $props (map, id included). Returns: s (node).
CREATE (s:Entity:Source)
SET s = $props
RETURN s
